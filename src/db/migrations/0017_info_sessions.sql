CREATE TABLE "info_session_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"email" text,
	"phone" text,
	"contact_key" text NOT NULL,
	"adjustments" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"booked_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"attended" boolean,
	"token_hash" text NOT NULL,
	"submission_key" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "info_session_bookings_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "info_session_bookings_submission_key_unique" UNIQUE("submission_key")
);
--> statement-breakpoint
CREATE TABLE "info_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"local_authority_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"audience" text NOT NULL,
	"day" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"venue_id" uuid,
	"online_link" text,
	"capacity" integer NOT NULL,
	"booking_closes_at" timestamp with time zone NOT NULL,
	"ics_uid" text NOT NULL,
	"ics_sequence" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "info_sessions_ics_uid_unique" UNIQUE("ics_uid"),
	CONSTRAINT "info_sessions_capacity" CHECK ("info_sessions"."capacity" > 0),
	CONSTRAINT "info_sessions_place" CHECK (("info_sessions"."mode" = 'in-person' and "info_sessions"."venue_id" is not null) or ("info_sessions"."mode" = 'online' and "info_sessions"."online_link" is not null))
);
--> statement-breakpoint
ALTER TABLE "info_session_bookings" ADD CONSTRAINT "info_session_bookings_session_id_info_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."info_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_sessions" ADD CONSTRAINT "info_sessions_local_authority_id_local_authorities_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_sessions" ADD CONSTRAINT "info_sessions_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_sessions" ADD CONSTRAINT "info_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "info_session_bookings_one_live" ON "info_session_bookings" USING btree ("session_id","contact_key") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "info_session_bookings_session" ON "info_session_bookings" USING btree ("session_id","status","requested_at","id");--> statement-breakpoint
CREATE INDEX "info_sessions_council_start" ON "info_sessions" USING btree ("local_authority_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "info_sessions_start" ON "info_sessions" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "info_sessions_venue" ON "info_sessions" USING btree ("venue_id");