CREATE TABLE "deadline_recomputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reason" text NOT NULL,
	"local_authority_id" uuid,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"total" integer,
	"done" integer DEFAULT 0 NOT NULL,
	"after_case_id" uuid
);
--> statement-breakpoint
CREATE TABLE "case_names" (
	"case_id" uuid NOT NULL,
	"name_id" bigint NOT NULL,
	"received_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"reference" text NOT NULL,
	CONSTRAINT "case_names_case_id_name_id_pk" PRIMARY KEY("case_id","name_id")
);
--> statement-breakpoint
CREATE TABLE "search_names" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "search_names_name_unique" UNIQUE("name")
);
--> statement-breakpoint
DROP INDEX "case_parties_name_trgm";--> statement-breakpoint
DROP INDEX "cases_child_name_trgm";--> statement-breakpoint
DROP INDEX "cases_received_on";--> statement-breakpoint
DROP INDEX "cases_status";--> statement-breakpoint
DROP INDEX "case_deadlines_open_due";--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "requests_per_minute" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_deadlines" ADD COLUMN "party_id" uuid;--> statement-breakpoint
ALTER TABLE "case_deadlines" ADD COLUMN "kind" text GENERATED ALWAYS AS (case when name like 'update:%' then 'update' when name like 'chaser:%' then 'chaser'
          when name = 'enquiry' then 'enquiry' when name like 'agreement-point:%' then 'agreement-point'
          when name = 'appeal' then 'appeal' else 'deadline' end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "deadline_recomputes" ADD CONSTRAINT "deadline_recomputes_local_authority_id_local_authorities_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_recomputes" ADD CONSTRAINT "deadline_recomputes_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_names" ADD CONSTRAINT "case_names_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_names" ADD CONSTRAINT "case_names_name_id_search_names_id_fk" FOREIGN KEY ("name_id") REFERENCES "public"."search_names"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_names_newest" ON "case_names" USING btree ("name_id","received_on" DESC NULLS LAST,"created_at" DESC NULLS LAST,"reference" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_names_trgm" ON "search_names" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_received_order" ON "cases" USING btree ("received_on","created_at","reference");--> statement-breakpoint
CREATE INDEX "cases_child_order" ON "cases" USING btree (lower("child_name"),"reference");--> statement-breakpoint
CREATE INDEX "cases_status_received" ON "cases" USING btree ("status","received_on","created_at","reference");--> statement-breakpoint
CREATE INDEX "cases_scope_reference" ON "cases" USING btree ("scope","reference");--> statement-breakpoint
CREATE INDEX "scope_decisions_case" ON "scope_decisions" USING btree ("case_id","decided_at");--> statement-breakpoint
CREATE INDEX "access_log_user" ON "access_log" USING btree ("user_id","at") WHERE "access_log"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "access_log_api_token" ON "access_log" USING btree ("api_token_id","at") WHERE "access_log"."api_token_id" is not null;--> statement-breakpoint
CREATE INDEX "access_log_party" ON "access_log" USING btree ("party_id","at") WHERE "access_log"."party_id" is not null;--> statement-breakpoint
CREATE INDEX "case_deadlines_to_do" ON "case_deadlines" USING btree ("due_date") WHERE status in ('open', 'overdue') and kind in ('deadline', 'update', 'chaser', 'enquiry');--> statement-breakpoint
CREATE INDEX "case_deadlines_kind_due" ON "case_deadlines" USING btree ("kind","due_date") WHERE status in ('open', 'overdue');--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_requests_per_minute" CHECK ("api_tokens"."requests_per_minute" between 1 and 100000);--> statement-breakpoint
-- Names as search reads them: lower case, single spaces.
CREATE FUNCTION search_name(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ select lower(regexp_replace(btrim(coalesce($1, '')), '\s+', ' ', 'g')) $$;
--> statement-breakpoint
-- A case's names worked out again from its child and its parties (after a name changes or a party goes).
CREATE FUNCTION refresh_case_names(case_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM case_names WHERE case_id = ANY(case_ids);
  INSERT INTO search_names (name)
    SELECT n FROM (
      SELECT search_name(child_name) AS n FROM cases WHERE id = ANY(case_ids)
      UNION SELECT search_name(name) FROM case_parties WHERE case_id = ANY(case_ids)
    ) x WHERE n <> '' ORDER BY n
    ON CONFLICT (name) DO NOTHING;
  INSERT INTO case_names (case_id, name_id, received_on, created_at, reference)
    SELECT c.id, s.id, c.received_on, c.created_at, c.reference
    FROM (
      SELECT id AS case_id, search_name(child_name) AS n FROM cases WHERE id = ANY(case_ids)
      UNION SELECT case_id, search_name(name) FROM case_parties WHERE case_id = ANY(case_ids)
    ) x
    JOIN cases c ON c.id = x.case_id
    JOIN search_names s ON s.name = x.n
    ON CONFLICT DO NOTHING;
END $$;
--> statement-breakpoint
-- New cases and new parties: their names added, a statement at a time (a bulk insert is one pass).
CREATE FUNCTION case_names_of_new_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_names (name)
    SELECT DISTINCT search_name(child_name) FROM added WHERE search_name(child_name) <> '' ORDER BY 1
    ON CONFLICT (name) DO NOTHING;
  INSERT INTO case_names (case_id, name_id, received_on, created_at, reference)
    SELECT a.id, s.id, a.received_on, a.created_at, a.reference
    FROM added a JOIN search_names s ON s.name = search_name(a.child_name)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION case_names_of_new_parties() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_names (name)
    SELECT DISTINCT search_name(name) FROM added WHERE search_name(name) <> '' ORDER BY 1
    ON CONFLICT (name) DO NOTHING;
  INSERT INTO case_names (case_id, name_id, received_on, created_at, reference)
    SELECT DISTINCT c.id, s.id, c.received_on, c.created_at, c.reference
    FROM added a JOIN cases c ON c.id = a.case_id JOIN search_names s ON s.name = search_name(a.name)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION case_names_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'cases' THEN
    PERFORM refresh_case_names(ARRAY[NEW.id]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_case_names(ARRAY[OLD.case_id]);
  ELSE
    PERFORM refresh_case_names(ARRAY[OLD.case_id, NEW.case_id]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cases_names_added AFTER INSERT ON cases
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION case_names_of_new_cases();
--> statement-breakpoint
CREATE TRIGGER case_parties_names_added AFTER INSERT ON case_parties
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION case_names_of_new_parties();
--> statement-breakpoint
CREATE TRIGGER cases_names_changed AFTER UPDATE OF child_name, received_on, created_at, reference ON cases
  FOR EACH ROW WHEN (OLD.child_name IS DISTINCT FROM NEW.child_name OR OLD.received_on IS DISTINCT FROM NEW.received_on
    OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.reference IS DISTINCT FROM NEW.reference)
  EXECUTE FUNCTION case_names_after_change();
--> statement-breakpoint
CREATE TRIGGER case_parties_names_changed AFTER UPDATE OF name, case_id ON case_parties
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.case_id IS DISTINCT FROM NEW.case_id)
  EXECUTE FUNCTION case_names_after_change();
--> statement-breakpoint
CREATE TRIGGER case_parties_names_removed AFTER DELETE ON case_parties
  FOR EACH ROW EXECUTE FUNCTION case_names_after_change();
--> statement-breakpoint
-- The names of the cases already there.
INSERT INTO search_names (name)
  SELECT n FROM (SELECT search_name(child_name) AS n FROM cases UNION SELECT search_name(name) FROM case_parties) x
  WHERE n <> '' ORDER BY n ON CONFLICT (name) DO NOTHING;
--> statement-breakpoint
INSERT INTO case_names (case_id, name_id, received_on, created_at, reference)
  SELECT c.id, s.id, c.received_on, c.created_at, c.reference
  FROM (SELECT id AS case_id, search_name(child_name) AS n FROM cases UNION SELECT case_id, search_name(name) FROM case_parties) x
  JOIN cases c ON c.id = x.case_id JOIN search_names s ON s.name = x.n
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The deadline index now holds chasers and unanswered enquiries too, and the party an update is
-- owed to: the party here, the rest by the job that works the open cases' deadlines out again.
UPDATE case_deadlines SET party_id = substr(name, 8)::uuid
  WHERE name ~ '^update:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
--> statement-breakpoint
INSERT INTO deadline_recomputes (reason, requested_at)
  SELECT 'deadline-index', now() WHERE EXISTS (SELECT 1 FROM cases WHERE status <> 'closed');
