CREATE TABLE "audit_chain" (
	"chain" text NOT NULL,
	"seq" bigint NOT NULL,
	"row_id" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_chain_seq_pk" PRIMARY KEY("chain","seq")
);
--> statement-breakpoint
ALTER TABLE "audit_trail" ADD COLUMN "case_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_row" ON "audit_chain" USING btree ("chain","row_id");--> statement-breakpoint
ALTER TABLE "audit_trail" ADD CONSTRAINT "audit_trail_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_recorded" ON "case_events" USING btree ("recorded_at","id");--> statement-breakpoint
CREATE INDEX "case_events_actor" ON "case_events" USING btree ("actor_user_id","recorded_at") WHERE "case_events"."actor_user_id" is not null;--> statement-breakpoint
CREATE INDEX "access_log_at" ON "access_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "audit_trail_user" ON "audit_trail" USING btree ("user_id","at") WHERE "audit_trail"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "audit_trail_kind" ON "audit_trail" USING btree ("record_kind","at");--> statement-breakpoint
CREATE INDEX "audit_trail_case" ON "audit_trail" USING btree ("case_id","at") WHERE "audit_trail"."case_id" is not null;--> statement-breakpoint
-- Each audit table's row as canonical text, the same whatever the session's settings: a JSON array
-- of its columns in a fixed order, dates in UTC. The chain hashes this; audit-verify reads it again.
CREATE FUNCTION "audit_canonical"(r "audit_trail") RETURNS text LANGUAGE sql STABLE SET timezone = 'UTC' AS $$
  SELECT jsonb_build_array(r.id, r.at, r.user_id, r.ip, r.action, r.record_kind, r.record_id, r.case_id, r.before, r.after)::text
$$;--> statement-breakpoint
CREATE FUNCTION "audit_canonical"(r "case_events") RETURNS text LANGUAGE sql STABLE SET timezone = 'UTC' AS $$
  SELECT jsonb_build_array(r.id, r.case_id, r.type, r.occurred_on, r.recorded_at, r.actor_user_id, r.actor_label, r.data)::text
$$;--> statement-breakpoint
CREATE FUNCTION "audit_canonical"(r "access_log") RETURNS text LANGUAGE sql STABLE SET timezone = 'UTC' AS $$
  SELECT jsonb_build_array(r.id, r.at, r.user_id, r.api_token_id, r.party_id, r.case_id, r.action, r.path)::text
$$;--> statement-breakpoint
-- The next link of a chain: one writer at a time per chain (a lock held until the transaction ends,
-- so two transactions never both follow the same link; the primary key refuses a fork anyway).
-- Holding the lock, a transaction keeps the chain's last link in a setting of its own, so only its
-- first link reads it from the table: a plan made while the table was small would otherwise scan
-- the links for every row of a bulk insert. (A setting made in a savepoint goes with the savepoint.)
-- The chain's name is compared in the table's collation: the trigger passes TG_TABLE_NAME, whose
-- collation "C" would otherwise keep the planner off the primary key (a scan of every link).
-- It runs as the tables' owner (security definer), so the application's role needs no right on
-- the links beyond reading them: it cannot write a link of its own.
-- hash = sha256(previous hash | chain | seq | canonical text), in hex; the first follows 64 zeros.
CREATE FUNCTION "audit_chain_link"(chain_name text, row_id bigint, canonical text) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  held text := 'parley.audit_chain_' || chain_name;
  last_link text;
  last_seq bigint;
  last_hash text;
  next_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('parley.audit_chain'), hashtext(chain_name));
  last_link := current_setting(held, true);
  IF coalesce(last_link, '') <> '' THEN
    last_seq := split_part(last_link, ':', 1)::bigint;
    last_hash := split_part(last_link, ':', 2);
  ELSE
    SELECT c.seq, c.hash INTO last_seq, last_hash FROM audit_chain c WHERE c.chain = chain_name COLLATE "default" ORDER BY c.seq DESC LIMIT 1;
    last_seq := coalesce(last_seq, 0);
    last_hash := coalesce(last_hash, repeat('0', 64));
  END IF;
  last_seq := last_seq + 1;
  next_hash := encode(sha256(convert_to(last_hash || '|' || chain_name || '|' || last_seq::text || '|' || canonical, 'UTF8')), 'hex');
  INSERT INTO audit_chain (chain, seq, row_id, prev_hash, hash) VALUES (chain_name, last_seq, row_id, last_hash, next_hash);
  PERFORM set_config(held, last_seq::text || ':' || next_hash, true);
END
$$;--> statement-breakpoint
CREATE FUNCTION "audit_chain_append"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM audit_chain_link(TG_TABLE_NAME, NEW.id, audit_canonical(NEW));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The % table keeps the audit record: its rows cannot be changed or deleted', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
-- The rows there already join their chains in the order they were written.
DO $$
DECLARE
  a audit_trail;
  e case_events;
  l access_log;
BEGIN
  FOR a IN SELECT * FROM audit_trail ORDER BY id LOOP PERFORM audit_chain_link('audit_trail', a.id, audit_canonical(a)); END LOOP;
  FOR e IN SELECT * FROM case_events ORDER BY id LOOP PERFORM audit_chain_link('case_events', e.id, audit_canonical(e)); END LOOP;
  FOR l IN SELECT * FROM access_log ORDER BY id LOOP PERFORM audit_chain_link('access_log', l.id, audit_canonical(l)); END LOOP;
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_trail_chain" AFTER INSERT ON "audit_trail" FOR EACH ROW EXECUTE FUNCTION audit_chain_append();--> statement-breakpoint
CREATE TRIGGER "case_events_chain" AFTER INSERT ON "case_events" FOR EACH ROW EXECUTE FUNCTION audit_chain_append();--> statement-breakpoint
CREATE TRIGGER "access_log_chain" AFTER INSERT ON "access_log" FOR EACH ROW EXECUTE FUNCTION audit_chain_append();--> statement-breakpoint
CREATE TRIGGER "audit_trail_append_only" BEFORE UPDATE OR DELETE ON "audit_trail" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();--> statement-breakpoint
CREATE TRIGGER "case_events_append_only" BEFORE UPDATE OR DELETE ON "case_events" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();--> statement-breakpoint
CREATE TRIGGER "access_log_append_only" BEFORE UPDATE OR DELETE ON "access_log" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();--> statement-breakpoint
CREATE TRIGGER "audit_chain_append_only" BEFORE UPDATE OR DELETE ON "audit_chain" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();--> statement-breakpoint
CREATE TRIGGER "audit_trail_no_truncate" BEFORE TRUNCATE ON "audit_trail" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();--> statement-breakpoint
CREATE TRIGGER "case_events_no_truncate" BEFORE TRUNCATE ON "case_events" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();--> statement-breakpoint
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "access_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();--> statement-breakpoint
CREATE TRIGGER "audit_chain_no_truncate" BEFORE TRUNCATE ON "audit_chain" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
