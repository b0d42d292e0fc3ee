-- Each audit row joins its chain when its transaction commits, not when it is written. The link
-- takes the chain's lock, held until the transaction ends: taken at the first insert, it made every
-- transaction that writes a case event (every new case, every change) wait for all the others from
-- that moment to their commit, one at a time. Taken at commit, only the link itself and the commit
-- wait. The links then follow the order of commits, which is the order a reader could see them in.
DROP TRIGGER "audit_trail_chain" ON "audit_trail";--> statement-breakpoint
DROP TRIGGER "case_events_chain" ON "case_events";--> statement-breakpoint
DROP TRIGGER "access_log_chain" ON "access_log";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "audit_trail_chain" AFTER INSERT ON "audit_trail" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_append();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "case_events_chain" AFTER INSERT ON "case_events" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_append();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "access_log_chain" AFTER INSERT ON "access_log" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_append();
