CREATE TABLE "council_agencies" (
	"local_authority_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "council_agencies_local_authority_id_agency_id_pk" PRIMARY KEY("local_authority_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "user_councils" (
	"user_id" uuid NOT NULL,
	"local_authority_id" uuid NOT NULL,
	CONSTRAINT "user_councils_user_id_local_authority_id_pk" PRIMARY KEY("user_id","local_authority_id")
);
--> statement-breakpoint
-- Every case belongs to a council now: one whose postcode matched none goes to the first
-- commissioning council, and the coordinators and managers already here keep seeing every case.
UPDATE "cases" SET "local_authority_id" = (SELECT "id" FROM "local_authorities" WHERE "commissioned" ORDER BY "created_at", "code" LIMIT 1) WHERE "local_authority_id" IS NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "local_authority_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "letter_heading" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "letter_signature" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "complaint_acknowledge_working_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "complaint_response_working_days" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "council_agencies" ADD CONSTRAINT "council_agencies_local_authority_id_local_authorities_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_agencies" ADD CONSTRAINT "council_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_councils" ADD CONSTRAINT "user_councils_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_councils" ADD CONSTRAINT "user_councils_local_authority_id_local_authorities_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_councils_council" ON "user_councils" USING btree ("local_authority_id");--> statement-breakpoint
CREATE INDEX "cases_council_received" ON "cases" USING btree ("local_authority_id","received_on");--> statement-breakpoint
INSERT INTO "user_councils" ("user_id", "local_authority_id") SELECT u."id", la."id" FROM "users" u CROSS JOIN "local_authorities" la WHERE la."commissioned" AND u."roles" && ARRAY['coordinator', 'manager']::text[] ON CONFLICT DO NOTHING;