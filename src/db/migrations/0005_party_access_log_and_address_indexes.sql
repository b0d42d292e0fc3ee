ALTER TABLE "access_log" DROP CONSTRAINT "access_log_who";--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "party_id" uuid;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_parties_email_lower" ON "case_parties" USING btree (lower(trim("email")));--> statement-breakpoint
CREATE INDEX "case_parties_phone_digits" ON "case_parties" USING btree (regexp_replace(regexp_replace(coalesce("phone", ''), '[^0-9+]', '', 'g'), '^(\+44|0044)', '0'));--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_who" CHECK ("access_log"."user_id" is not null or "access_log"."api_token_id" is not null or "access_log"."party_id" is not null);