CREATE SEQUENCE "public"."complaint_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"started_on" date NOT NULL,
	"acknowledge_by" date NOT NULL,
	"respond_by" date NOT NULL,
	"acknowledged_on" date,
	"acknowledged_how" text,
	"responded_on" date,
	"outcome" text,
	"findings" text,
	"changes" text,
	"next_route" text,
	"response_message_id" uuid,
	"responded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"local_authority_id" uuid NOT NULL,
	"case_id" uuid,
	"party_id" uuid,
	"portal_feedback_id" uuid,
	"complainant_name" text NOT NULL,
	"complainant_relationship" text,
	"complainant_email" text,
	"complainant_phone" text,
	"complainant_address" text,
	"complainant_prefers" text,
	"received_via" text NOT NULL,
	"received_on" date NOT NULL,
	"about" text NOT NULL,
	"about_mediator_id" uuid,
	"about_user_id" uuid,
	"what_happened" text NOT NULL,
	"happened_on" date NOT NULL,
	"wanted_outcome" text DEFAULT '' NOT NULL,
	"stage" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "complaints_reference_unique" UNIQUE("reference"),
	CONSTRAINT "complaints_portal_feedback_id_unique" UNIQUE("portal_feedback_id")
);
--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD CONSTRAINT "complaint_stages_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD CONSTRAINT "complaint_stages_response_message_id_messages_id_fk" FOREIGN KEY ("response_message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD CONSTRAINT "complaint_stages_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_local_authority_id_local_authorities_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_portal_feedback_id_party_feedback_id_fk" FOREIGN KEY ("portal_feedback_id") REFERENCES "public"."party_feedback"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_about_mediator_id_mediators_id_fk" FOREIGN KEY ("about_mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_about_user_id_users_id_fk" FOREIGN KEY ("about_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_events_complaint" ON "complaint_events" USING btree ("complaint_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_stages_complaint_stage" ON "complaint_stages" USING btree ("complaint_id","stage");--> statement-breakpoint
CREATE INDEX "complaint_stages_acknowledge_due" ON "complaint_stages" USING btree ("acknowledge_by") WHERE "complaint_stages"."acknowledged_on" is null and "complaint_stages"."responded_on" is null;--> statement-breakpoint
CREATE INDEX "complaint_stages_response_due" ON "complaint_stages" USING btree ("respond_by") WHERE "complaint_stages"."responded_on" is null;--> statement-breakpoint
CREATE INDEX "complaints_council_received" ON "complaints" USING btree ("local_authority_id","received_on");--> statement-breakpoint
CREATE INDEX "complaints_mediator" ON "complaints" USING btree ("about_mediator_id");--> statement-breakpoint
CREATE INDEX "complaints_case" ON "complaints" USING btree ("case_id");