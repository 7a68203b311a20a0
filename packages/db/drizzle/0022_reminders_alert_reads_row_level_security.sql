-- Row-level security for the reminder and alert-read tables: the same tenant policy as every
-- other table (see 0006). The reminder job runs per club inside withOrganisation like a procedure.
GRANT SELECT, INSERT, UPDATE, DELETE ON "reminder_deliveries", "alert_reads" TO loadline_app;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "reminder_deliveries_tenant_isolation" ON "reminder_deliveries" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "alert_reads" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "alert_reads_tenant_isolation" ON "alert_reads" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
