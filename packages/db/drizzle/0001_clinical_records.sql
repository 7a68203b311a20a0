CREATE TABLE "adjunct_treatments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"episode_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"side" text,
	"parameters" text DEFAULT '' NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"restrictions" text,
	"restrictions_entered_at" timestamp with time zone,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"athlete_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid,
	"detail" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capacity_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"pain" smallint,
	"affected" real,
	"other" real,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_tests_pain_check" CHECK ("capacity_tests"."pain" is null or "capacity_tests"."pain" between 0 and 10),
	CONSTRAINT "capacity_tests_shape_check" CHECK (("capacity_tests"."kind" = 'drop_lunge' and "capacity_tests"."pain" is not null) or ("capacity_tests"."kind" <> 'drop_lunge' and "capacity_tests"."affected" >= 0 and "capacity_tests"."other" >= 0))
);
--> statement-breakpoint
CREATE TABLE "clinician_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"rule_id" text NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"phases" smallint[] NOT NULL,
	"heavy" boolean DEFAULT false NOT NULL,
	"high_tendon_load" boolean DEFAULT false NOT NULL,
	"hip_flexion_demand" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"custom" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_org_name_key" UNIQUE("organisation_id","name")
);
--> statement-breakpoint
CREATE TABLE "gait_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"assessor_id" uuid NOT NULL,
	"surface" text NOT NULL,
	"speed_kmh" real,
	"cadence_spm" real,
	"faults" jsonb NOT NULL,
	"cues" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"video_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gait_assessments_speed_check" CHECK ("gait_assessments"."speed_kmh" is null or "gait_assessments"."speed_kmh" > 0),
	CONSTRAINT "gait_assessments_cadence_check" CHECK ("gait_assessments"."cadence_spm" is null or "gait_assessments"."cadence_spm" between 60 and 260)
);
--> statement-breakpoint
CREATE TABLE "injury_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"side" text NOT NULL,
	"onset_date" date NOT NULL,
	"onset_type" text NOT NULL,
	"suspected_triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"diagnosis_method" text NOT NULL,
	"differentials_excluded" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"owning_clinician_id" uuid NOT NULL,
	"clinical_notes" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "injury_episodes_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "injury_episodes_closed_check" CHECK (("injury_episodes"."status" = 'resolved') = ("injury_episodes"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "log_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"log_kind" text NOT NULL,
	"log_id" uuid NOT NULL,
	"action" text NOT NULL,
	"data" jsonb NOT NULL,
	"changed_by_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "morning_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"morning_pain" smallint NOT NULL,
	"stiffness_minutes" real,
	"load_test_pain" smallint,
	"rest_pain" smallint,
	"longest_sit_minutes" real,
	"sitting_tolerance_minutes" real,
	"cushion_used" boolean,
	"red_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"idempotency_key" text NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "morning_check_ins_idempotency_key" UNIQUE("athlete_id","idempotency_key"),
	CONSTRAINT "morning_check_ins_morning_pain_check" CHECK ("morning_check_ins"."morning_pain" is null or "morning_check_ins"."morning_pain" between 0 and 10),
	CONSTRAINT "morning_check_ins_load_test_pain_check" CHECK ("morning_check_ins"."load_test_pain" is null or "morning_check_ins"."load_test_pain" between 0 and 10),
	CONSTRAINT "morning_check_ins_rest_pain_check" CHECK ("morning_check_ins"."rest_pain" is null or "morning_check_ins"."rest_pain" between 0 and 10),
	CONSTRAINT "morning_check_ins_minutes_check" CHECK (coalesce("morning_check_ins"."stiffness_minutes", 0) >= 0 and coalesce("morning_check_ins"."longest_sit_minutes", 0) >= 0 and coalesce("morning_check_ins"."sitting_tolerance_minutes", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"episode_id" uuid,
	"version" integer NOT NULL,
	"phase" smallint NOT NULL,
	"phase_started_at" timestamp with time zone NOT NULL,
	"content" jsonb NOT NULL,
	"author_id" uuid NOT NULL,
	"change_summary" text NOT NULL,
	"phase_change" text,
	"phase_change_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_versions_athlete_version_key" UNIQUE("athlete_id","version"),
	CONSTRAINT "plan_versions_phase_check" CHECK ("plan_versions"."phase" between 1 and 4),
	CONSTRAINT "plan_versions_version_check" CHECK ("plan_versions"."version" >= 1),
	CONSTRAINT "plan_versions_override_reason_check" CHECK ("plan_versions"."phase_change" is null or "plan_versions"."phase_change" = 'advance' or length(trim(coalesce("plan_versions"."phase_change_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "provocation_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"test" text NOT NULL,
	"side" text NOT NULL,
	"familiar_pain_reproduced" boolean NOT NULL,
	"pain" smallint NOT NULL,
	CONSTRAINT "provocation_tests_pain_check" CHECK ("provocation_tests"."pain" is null or "provocation_tests"."pain" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "session_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"minutes" real,
	"rpe" smallint,
	"pain_during" smallint NOT NULL,
	"pain_after" smallint,
	"as_prescribed" boolean DEFAULT true NOT NULL,
	"activities" text[] DEFAULT '{}'::text[] NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"heavy" boolean DEFAULT false NOT NULL,
	"heaviest_rm" smallint,
	"full_intensity" boolean DEFAULT false NOT NULL,
	"full_training" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"distance_km" real,
	"elevation_gain_m" real,
	"steepest_gradient_pct" real,
	"surface" text,
	"strides" smallint,
	"sprints" smallint,
	"cadence_spm" real,
	"walk_run" boolean,
	"imported_from" text,
	"idempotency_key" text NOT NULL,
	"logged_by_id" uuid NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_logs_idempotency_key" UNIQUE("athlete_id","idempotency_key"),
	CONSTRAINT "session_logs_pain_during_check" CHECK ("session_logs"."pain_during" is null or "session_logs"."pain_during" between 0 and 10),
	CONSTRAINT "session_logs_pain_after_check" CHECK ("session_logs"."pain_after" is null or "session_logs"."pain_after" between 0 and 10),
	CONSTRAINT "session_logs_rpe_check" CHECK ("session_logs"."rpe" is null or "session_logs"."rpe" between 0 and 10),
	CONSTRAINT "session_logs_minutes_check" CHECK ("session_logs"."minutes" is null or "session_logs"."minutes" > 0),
	CONSTRAINT "session_logs_minutes_required_check" CHECK ("session_logs"."type" = 'run' or "session_logs"."minutes" is not null),
	CONSTRAINT "session_logs_run_measure_check" CHECK ("session_logs"."type" <> 'run' or "session_logs"."minutes" is not null or "session_logs"."distance_km" is not null),
	CONSTRAINT "session_logs_distance_check" CHECK ("session_logs"."distance_km" is null or "session_logs"."distance_km" > 0),
	CONSTRAINT "session_logs_elevation_check" CHECK ("session_logs"."elevation_gain_m" is null or "session_logs"."elevation_gain_m" >= 0),
	CONSTRAINT "session_logs_counts_check" CHECK (coalesce("session_logs"."strides", 0) >= 0 and coalesce("session_logs"."sprints", 0) >= 0),
	CONSTRAINT "session_logs_cadence_check" CHECK ("session_logs"."cadence_spm" is null or "session_logs"."cadence_spm" between 60 and 260)
);
--> statement-breakpoint
CREATE TABLE "visa_h_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"items" smallint[] NOT NULL,
	"total" smallint NOT NULL,
	"completed_by_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visa_h_responses_idempotency_key" UNIQUE("athlete_id","idempotency_key"),
	CONSTRAINT "visa_h_responses_items_check" CHECK (cardinality("visa_h_responses"."items") = 8),
	CONSTRAINT "visa_h_responses_total_check" CHECK ("visa_h_responses"."total" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"fingerprint" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_by_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledge_note" text,
	"resolved_by_id" uuid,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_fingerprint_key" UNIQUE("athlete_id","fingerprint"),
	CONSTRAINT "alerts_resolution_note_check" CHECK ("alerts"."resolved_at" is null or length(trim(coalesce("alerts"."resolution_note", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "assessment_snapshots" (
	"athlete_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"stale_after" timestamp with time zone NOT NULL,
	"assessment" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "squad_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"squad_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"duration_minutes" integer,
	"title" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "squad_sessions_duration_check" CHECK ("squad_sessions"."duration_minutes" is null or "squad_sessions"."duration_minutes" > 0)
);
--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ADD CONSTRAINT "adjunct_treatments_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_tests" ADD CONSTRAINT "capacity_tests_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinician_reviews" ADD CONSTRAINT "clinician_reviews_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gait_assessments" ADD CONSTRAINT "gait_assessments_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gait_assessments" ADD CONSTRAINT "gait_assessments_assessor_fk" FOREIGN KEY ("organisation_id","assessor_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_episodes" ADD CONSTRAINT "injury_episodes_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_episodes" ADD CONSTRAINT "injury_episodes_clinician_fk" FOREIGN KEY ("organisation_id","owning_clinician_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_revisions" ADD CONSTRAINT "log_revisions_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "morning_check_ins" ADD CONSTRAINT "morning_check_ins_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_author_fk" FOREIGN KEY ("organisation_id","author_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provocation_tests" ADD CONSTRAINT "provocation_tests_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provocation_tests" ADD CONSTRAINT "provocation_tests_episode_fk" FOREIGN KEY ("organisation_id","episode_id") REFERENCES "public"."injury_episodes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visa_h_responses" ADD CONSTRAINT "visa_h_responses_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_snapshots" ADD CONSTRAINT "assessment_snapshots_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "squad_sessions" ADD CONSTRAINT "squad_sessions_squad_fk" FOREIGN KEY ("organisation_id","squad_id") REFERENCES "public"."squads"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adjunct_treatments_athlete_idx" ON "adjunct_treatments" USING btree ("organisation_id","athlete_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_athlete_idx" ON "audit_log" USING btree ("organisation_id","athlete_id","at");--> statement-breakpoint
CREATE INDEX "capacity_tests_athlete_idx" ON "capacity_tests" USING btree ("organisation_id","athlete_id","at");--> statement-breakpoint
CREATE INDEX "clinician_reviews_athlete_idx" ON "clinician_reviews" USING btree ("organisation_id","athlete_id","at");--> statement-breakpoint
CREATE INDEX "gait_assessments_athlete_at_idx" ON "gait_assessments" USING btree ("organisation_id","athlete_id","at");--> statement-breakpoint
CREATE INDEX "injury_episodes_athlete_idx" ON "injury_episodes" USING btree ("organisation_id","athlete_id","status");--> statement-breakpoint
CREATE INDEX "log_revisions_log_idx" ON "log_revisions" USING btree ("log_kind","log_id","changed_at");--> statement-breakpoint
CREATE INDEX "morning_check_ins_athlete_at_idx" ON "morning_check_ins" USING btree ("organisation_id","athlete_id","at");--> statement-breakpoint
CREATE INDEX "plan_versions_org_athlete_idx" ON "plan_versions" USING btree ("organisation_id","athlete_id","version");--> statement-breakpoint
CREATE INDEX "provocation_tests_episode_idx" ON "provocation_tests" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "session_logs_athlete_at_idx" ON "session_logs" USING btree ("organisation_id","athlete_id","at");--> statement-breakpoint
CREATE INDEX "visa_h_responses_athlete_at_idx" ON "visa_h_responses" USING btree ("organisation_id","athlete_id","at");--> statement-breakpoint
CREATE INDEX "alerts_open_idx" ON "alerts" USING btree ("organisation_id","resolved_at","severity");--> statement-breakpoint
CREATE INDEX "assessment_snapshots_org_idx" ON "assessment_snapshots" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "squad_sessions_squad_at_idx" ON "squad_sessions" USING btree ("organisation_id","squad_id","at");