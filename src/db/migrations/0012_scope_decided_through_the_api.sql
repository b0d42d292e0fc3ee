ALTER TABLE "scope_decisions" ALTER COLUMN "decided_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "scope_decisions" ADD COLUMN "decided_by_label" text;--> statement-breakpoint
ALTER TABLE "scope_decisions" ADD COLUMN "appeal_subject" jsonb;