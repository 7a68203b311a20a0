-- Row-level security for push subscriptions: the same tenant policy as every other table (see 0006).
-- Delivery runs after the note's transaction, inside withOrganisation like a procedure.
GRANT SELECT, INSERT, UPDATE, DELETE ON "push_subscriptions" TO loadline_app;
--> statement-breakpoint
ALTER TABLE "push_subscriptions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "push_subscriptions_tenant_isolation" ON "push_subscriptions" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
