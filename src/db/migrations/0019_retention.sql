CREATE TABLE "audit_redactions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"row_id" bigint NOT NULL,
	"fields" text[] NOT NULL,
	"digest" text NOT NULL,
	"trail_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_retention" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"local_authority_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"closed_on" date,
	"anonymised_at" timestamp with time zone,
	"anonymised_why" text
);
--> statement-breakpoint
CREATE TABLE "retention_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text NOT NULL,
	"placed_by" uuid,
	"placed_at" timestamp with time zone NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lift_note" text
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL,
	"anonymised" integer DEFAULT 0 NOT NULL,
	"skipped_held" integer DEFAULT 0 NOT NULL,
	"by_council" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "retention_schedules" (
	"local_authority_id" uuid PRIMARY KEY NOT NULL,
	"enquiry_months" integer NOT NULL,
	"case_months" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "retention_schedules_months" CHECK ("retention_schedules"."enquiry_months" between 1 and 600 and "retention_schedules"."case_months" between 1 and 600)
);
--> statement-breakpoint
ALTER TABLE "audit_redactions" ADD CONSTRAINT "audit_redactions_trail_id_audit_trail_id_fk" FOREIGN KEY ("trail_id") REFERENCES "public"."audit_trail"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_retention" ADD CONSTRAINT "case_retention_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_retention" ADD CONSTRAINT "case_retention_local_authority_id_local_authorities_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_schedules" ADD CONSTRAINT "retention_schedules_local_authority_id_local_authorities_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_schedules" ADD CONSTRAINT "retention_schedules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_redactions_row" ON "audit_redactions" USING btree ("chain","row_id","id");--> statement-breakpoint
CREATE INDEX "case_retention_due" ON "case_retention" USING btree ("local_authority_id","kind","closed_on","case_id") WHERE "case_retention"."anonymised_at" is null and "case_retention"."closed_on" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "retention_holds_one_live" ON "retention_holds" USING btree ("case_id") WHERE "retention_holds"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "retention_holds_live_placed" ON "retention_holds" USING btree ("placed_at","id") WHERE "retention_holds"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "retention_runs_started" ON "retention_runs" USING btree ("started_at","id");--> statement-breakpoint
-- Retention (src/features/retention). Which cases have ended, and when: kept by a trigger on cases,
-- so that every way a case ends (the workflow, the API, an import's later change) is counted. The
-- day it ended is the day of its last event when its status became ended (the events of a change
-- are written before the case's status). It was a case, not only an enquiry, once the family chose
-- or declined mediation, or the other parties were asked (disagreement resolution).
CREATE FUNCTION "case_retention_kind"(the_case uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = the_case AND e.type IN
    ('mediation-requested', 'mediation-declined', 'willingness-started', 'mediator-allocated', 'certificate-issued'))
  THEN 'case' ELSE 'enquiry' END
$$;--> statement-breakpoint
CREATE FUNCTION "case_retention_track"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IN ('closed', 'withdrawn', 'could-not-proceed') THEN
    INSERT INTO case_retention (case_id, local_authority_id, kind, closed_on)
    VALUES (NEW.id, NEW.local_authority_id, case_retention_kind(NEW.id),
      coalesce((SELECT e.occurred_on FROM case_events e WHERE e.case_id = NEW.id ORDER BY e.id DESC LIMIT 1), NEW.updated_at::date))
    ON CONFLICT (case_id) DO UPDATE SET local_authority_id = excluded.local_authority_id, kind = excluded.kind,
      closed_on = excluded.closed_on
    WHERE case_retention.anonymised_at IS NULL;
  ELSE
    UPDATE case_retention SET closed_on = NULL, local_authority_id = NEW.local_authority_id
    WHERE case_id = NEW.id AND anonymised_at IS NULL;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "cases_retention" AFTER UPDATE OF status, local_authority_id ON "cases" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.local_authority_id IS DISTINCT FROM NEW.local_authority_id)
  EXECUTE FUNCTION case_retention_track();--> statement-breakpoint
INSERT INTO case_retention (case_id, local_authority_id, kind, closed_on)
SELECT c.id, c.local_authority_id, case_retention_kind(c.id),
  coalesce((SELECT e.occurred_on FROM case_events e WHERE e.case_id = c.id ORDER BY e.id DESC LIMIT 1), c.updated_at::date)
FROM cases c WHERE c.status IN ('closed', 'withdrawn', 'could-not-proceed');--> statement-breakpoint
-- Redacting personal data in the audit's own tables without breaking their hash chains. A row's
-- link keeps the hash it was written with: the chain is never rewritten, and every anchor taken
-- before still matches. audit_redact is the one way to change such a row: it runs as the tables'
-- owner, replaces only the named JSON fields of case_events.data or audit_trail.before/after with
-- the text "[removed]" (nothing else: no other column, no other value), and records the redaction
-- twice: in audit_redactions (written only here) with the digest (sha256) of the row's canonical
-- text as it now reads, and as an 'audit.redacted' entry of the audit trail, itself a link of its
-- chain. audit-verify accepts a row that no longer matches its link only when its latest redaction
-- has the row's digest now and its audit trail entry says the same: a row changed in any other
-- way, or changed again after its redaction, is reported as tampered with.
-- The append-only triggers let an UPDATE through only while audit_redact is at work on that very
-- row (a transaction-local setting naming it), and only if no column but the JSON ones changed.
CREATE FUNCTION "audit_refuse_change_but_redaction"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF current_setting('parley.audit_redaction', true) = TG_TABLE_NAME || ':' || OLD.id::text
      AND (to_jsonb(NEW) - ARRAY['data', 'before', 'after']) = (to_jsonb(OLD) - ARRAY['data', 'before', 'after']) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'The % table keeps the audit record: its rows cannot be changed or deleted', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
DROP TRIGGER "case_events_append_only" ON "case_events";--> statement-breakpoint
CREATE TRIGGER "case_events_append_only" BEFORE UPDATE OR DELETE ON "case_events" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change_but_redaction();--> statement-breakpoint
DROP TRIGGER "audit_trail_append_only" ON "audit_trail";--> statement-breakpoint
CREATE TRIGGER "audit_trail_append_only" BEFORE UPDATE OR DELETE ON "audit_trail" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change_but_redaction();--> statement-breakpoint
CREATE TRIGGER "audit_redactions_append_only" BEFORE UPDATE OR DELETE ON "audit_redactions" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();--> statement-breakpoint
CREATE TRIGGER "audit_redactions_no_truncate" BEFORE TRUNCATE ON "audit_redactions" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();--> statement-breakpoint
-- paths: a JSON array of paths, each an array of keys (and array positions) starting with the
-- column: [["data", "reason"], ["data", "points", "0", "what"]]. Returns how many fields it changed.
CREATE FUNCTION "audit_redact"(chain_name text, target_id bigint, paths jsonb, redacted_at timestamptz, by_user uuid, why text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  marker constant jsonb := to_jsonb('[removed]'::text);
  item jsonb;
  parts text[];
  col text;
  changed text[] := '{}';
  n integer;
  e case_events;
  a audit_trail;
  row_digest text;
  the_case uuid;
  trail bigint;
BEGIN
  IF chain_name NOT IN ('case_events', 'audit_trail') THEN
    RAISE EXCEPTION 'Only case events and audit trail entries can be redacted, not %', chain_name;
  END IF;
  IF why NOT IN ('retention', 'erasure') THEN
    RAISE EXCEPTION 'A redaction is for retention or erasure, not %', why;
  END IF;
  PERFORM set_config('parley.audit_redaction', chain_name || ':' || target_id::text, true);
  FOR item IN SELECT value FROM jsonb_array_elements(paths) LOOP
    parts := ARRAY(SELECT jsonb_array_elements_text(item));
    col := parts[1];
    parts := parts[2:];
    IF coalesce(array_length(parts, 1), 0) = 0
      OR (chain_name = 'case_events' AND col IS DISTINCT FROM 'data')
      OR (chain_name = 'audit_trail' AND col NOT IN ('before', 'after')) THEN
      RAISE EXCEPTION 'Only a field inside the JSON of a row can be redacted, not %', item::text;
    END IF;
    IF chain_name = 'case_events' THEN
      UPDATE case_events SET data = jsonb_set(data, parts, marker, false)
      WHERE id = target_id AND data #> parts IS NOT NULL AND data #> parts <> marker;
    ELSIF col = 'before' THEN
      UPDATE audit_trail SET before = jsonb_set(before, parts, marker, false)
      WHERE id = target_id AND before #> parts IS NOT NULL AND before #> parts <> marker;
    ELSE
      UPDATE audit_trail SET after = jsonb_set(after, parts, marker, false)
      WHERE id = target_id AND after #> parts IS NOT NULL AND after #> parts <> marker;
    END IF;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN changed := changed || array_to_string(col || parts, '.'); END IF;
  END LOOP;
  PERFORM set_config('parley.audit_redaction', '', true);
  IF cardinality(changed) = 0 THEN RETURN 0; END IF;
  IF chain_name = 'case_events' THEN
    SELECT * INTO e FROM case_events WHERE id = target_id;
    row_digest := encode(sha256(convert_to(audit_canonical(e), 'UTF8')), 'hex');
    the_case := e.case_id;
  ELSE
    SELECT * INTO a FROM audit_trail WHERE id = target_id;
    row_digest := encode(sha256(convert_to(audit_canonical(a), 'UTF8')), 'hex');
    the_case := a.case_id;
  END IF;
  INSERT INTO audit_trail (at, user_id, ip, action, record_kind, record_id, case_id, before, after)
  VALUES (redacted_at, by_user, NULL, 'audit.redacted', chain_name, target_id::text, the_case, NULL,
    jsonb_build_object('fields', to_jsonb(changed), 'digest', row_digest, 'why', why))
  RETURNING id INTO trail;
  INSERT INTO audit_redactions (chain, row_id, fields, digest, trail_id, at)
  VALUES (chain_name, target_id, changed, row_digest, trail, redacted_at);
  RETURN cardinality(changed);
END
$$;
