CREATE TABLE "report_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requested_by" uuid NOT NULL,
	"council_ids" uuid[] NOT NULL,
	"council_name" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"steps_done" integer DEFAULT 0 NOT NULL,
	"steps_total" integer NOT NULL,
	"result" jsonb,
	"error" text,
	"lease_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_runs_status" ON "report_runs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "report_runs_requested_by" ON "report_runs" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE INDEX "case_events_type_day" ON "case_events" USING btree ("type","occurred_on");--> statement-breakpoint
CREATE INDEX "certificates_issued_on" ON "certificates" USING btree ("issued_on");--> statement-breakpoint
CREATE INDEX "agreement_points_due_date" ON "agreement_points" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "agreements_finalised_on" ON "agreements" USING btree ("finalised_on");--> statement-breakpoint
CREATE INDEX "case_outcomes_recorded_at" ON "case_outcomes" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "party_feedback_kind_submitted" ON "party_feedback" USING btree ("kind","submitted_at");