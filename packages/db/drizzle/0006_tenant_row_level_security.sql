-- Row-level security as a second wall behind the API's organisation filters (issue 10).
--
-- Who is bound: only the role loadline_app. The tables' owner (the migrator, and the app while it
-- connects as the owner) bypasses RLS as PostgreSQL does for owners without FORCE ROW LEVEL
-- SECURITY, so migrations, the seed and cross-organisation lookups (sign-in by email, invite and
-- reset links by token, the per-request session check) keep working. The app enters loadline_app
-- per transaction with `withOrganisation` (packages/db/src/rls.ts), which also sets
-- app.organisation_id; every tenant procedure of the API runs that way.
--
-- Policy: a row is visible and writable only when its organisation_id equals the transaction's
-- app.organisation_id. Unset (or reset to '') means no organisation: nothing is visible.
-- organisation_id is uuid on every tenant table; organisations is matched on its id.
-- auth_throttles is not a tenant table (attempts come before anyone is known) and has no policy.
DO $$
BEGIN
  CREATE ROLE loadline_app NOLOGIN;
EXCEPTION
  -- The role is cluster-wide: another database (or a concurrent test database) made it first.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
-- Let the connecting user switch into the role (a no-op for superusers).
DO $$
BEGIN
  EXECUTE format('GRANT loadline_app TO %I', current_user);
EXCEPTION
  WHEN duplicate_object OR unique_violation OR invalid_grant_operation THEN NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO loadline_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO loadline_app;
--> statement-breakpoint
-- Tables created by later migrations get the same grants (they still need their own policy).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO loadline_app;
--> statement-breakpoint
ALTER TABLE "organisations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "organisations_tenant_isolation" ON "organisations" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "users_tenant_isolation" ON "users" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "squads" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "squads_tenant_isolation" ON "squads" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "squad_memberships" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "squad_memberships_tenant_isolation" ON "squad_memberships" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "athlete_profiles" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "athlete_profiles_tenant_isolation" ON "athlete_profiles" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "invites" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "invites_tenant_isolation" ON "invites" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "membership_invites" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "membership_invites_tenant_isolation" ON "membership_invites" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "password_resets" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "password_resets_tenant_isolation" ON "password_resets" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "injury_episodes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "injury_episodes_tenant_isolation" ON "injury_episodes" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "plan_versions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "plan_versions_tenant_isolation" ON "plan_versions" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "provocation_tests" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "provocation_tests_tenant_isolation" ON "provocation_tests" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "capacity_tests" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "capacity_tests_tenant_isolation" ON "capacity_tests" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "clinician_reviews" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "clinician_reviews_tenant_isolation" ON "clinician_reviews" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "adjunct_treatments_tenant_isolation" ON "adjunct_treatments" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "session_logs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "session_logs_tenant_isolation" ON "session_logs" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "log_revisions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "log_revisions_tenant_isolation" ON "log_revisions" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "morning_check_ins" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "morning_check_ins_tenant_isolation" ON "morning_check_ins" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "visa_h_responses" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "visa_h_responses_tenant_isolation" ON "visa_h_responses" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "gait_assessments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "gait_assessments_tenant_isolation" ON "gait_assessments" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "exercises" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "exercises_tenant_isolation" ON "exercises" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "audit_log_tenant_isolation" ON "audit_log" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "alerts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "alerts_tenant_isolation" ON "alerts" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "assessment_snapshots" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "assessment_snapshots_tenant_isolation" ON "assessment_snapshots" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "squad_sessions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "squad_sessions_tenant_isolation" ON "squad_sessions" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
-- Emails identify a sign-in across organisations, so "is this email taken?" must see every club.
-- A SECURITY DEFINER function owned by the migrator answers only that yes/no question.
CREATE OR REPLACE FUNCTION loadline_email_in_use(candidate text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM users WHERE email = lower(candidate)) $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION loadline_email_in_use(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION loadline_email_in_use(text) TO loadline_app;
