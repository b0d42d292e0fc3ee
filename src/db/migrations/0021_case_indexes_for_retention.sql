CREATE INDEX "attendees_case" ON "attendees" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "child_views_case" ON "child_views" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "meetings_case" ON "meetings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "agreement_points_case" ON "agreement_points" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "meeting_records_case" ON "meeting_records" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "party_permissions_case" ON "party_permissions" USING btree ("case_id");