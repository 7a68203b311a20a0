-- Row-level security for the club-workflow tables: the same tenant policy as every other table
-- (see 0006). Calendar feeds are fetched without a session: the feed route finds the
-- subscription by its token hash as the tables' owner, then reads the feed's records inside
-- withOrganisation like any procedure.
GRANT SELECT, INSERT, UPDATE, DELETE ON "calendar_subscriptions", "athlete_notes", "notifications" TO loadline_app;
--> statement-breakpoint
ALTER TABLE "calendar_subscriptions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "calendar_subscriptions_tenant_isolation" ON "calendar_subscriptions" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "athlete_notes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "athlete_notes_tenant_isolation" ON "athlete_notes" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "notifications_tenant_isolation" ON "notifications" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
