ALTER TABLE "case_events" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "ip" text;--> statement-breakpoint
-- The address joins each row's canonical text, so the chain protects it too; a row without one
-- (every row written before, and a job's own) reads exactly as it did, so every link still holds.
CREATE OR REPLACE FUNCTION "audit_canonical"(r "case_events") RETURNS text LANGUAGE sql STABLE SET timezone = 'UTC' AS $$
  SELECT (jsonb_build_array(r.id, r.case_id, r.type, r.occurred_on, r.recorded_at, r.actor_user_id, r.actor_label, r.data)
    || CASE WHEN r.ip IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(r.ip) END)::text
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "audit_canonical"(r "access_log") RETURNS text LANGUAGE sql STABLE SET timezone = 'UTC' AS $$
  SELECT (jsonb_build_array(r.id, r.at, r.user_id, r.api_token_id, r.party_id, r.case_id, r.action, r.path)
    || CASE WHEN r.ip IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(r.ip) END)::text
$$;
