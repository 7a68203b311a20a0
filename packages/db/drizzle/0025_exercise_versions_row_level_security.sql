-- Library exercise versions: the tenant policy every table carries (see 0006), and version 1 of
-- every exercise that existed before versioning, so plans written earlier (which name no version)
-- read the entry as it was.
GRANT SELECT, INSERT, UPDATE, DELETE ON "exercise_versions" TO loadline_app;
--> statement-breakpoint
ALTER TABLE "exercise_versions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "exercise_versions_tenant_isolation" ON "exercise_versions" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
INSERT INTO "exercise_versions" ("organisation_id", "exercise_id", "version", "name", "category", "phases", "heavy", "high_tendon_load", "hip_flexion_demand", "description", "how_to", "change", "created_at")
SELECT "organisation_id", "id", 1, "name", "category", "phases", "heavy", "high_tendon_load", "hip_flexion_demand", "description", '', 'Added to the library', "created_at"
FROM "exercises"
ON CONFLICT ("exercise_id", "version") DO NOTHING;
