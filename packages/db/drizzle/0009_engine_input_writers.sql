ALTER TABLE "athlete_profiles" ADD COLUMN "bmi" real;--> statement-breakpoint
ALTER TABLE "athlete_profiles" ADD COLUMN "usual_cadence_spm" real;--> statement-breakpoint
ALTER TABLE "capacity_tests" ADD COLUMN "affected_side" text;--> statement-breakpoint
ALTER TABLE "capacity_tests" ADD COLUMN "notes" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "log_revisions" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "visa_h_responses" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visa_h_responses" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "capacity_tests" ADD CONSTRAINT "capacity_tests_recorder_fk" FOREIGN KEY ("organisation_id","recorded_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "log_revisions_athlete_idx" ON "log_revisions" USING btree ("organisation_id","athlete_id","changed_at");--> statement-breakpoint
ALTER TABLE "athlete_profiles" ADD CONSTRAINT "athlete_profiles_bmi_check" CHECK ("athlete_profiles"."bmi" is null or "athlete_profiles"."bmi" between 10 and 80);--> statement-breakpoint
ALTER TABLE "athlete_profiles" ADD CONSTRAINT "athlete_profiles_usual_cadence_check" CHECK ("athlete_profiles"."usual_cadence_spm" is null or "athlete_profiles"."usual_cadence_spm" between 60 and 260);--> statement-breakpoint
ALTER TABLE "capacity_tests" ADD CONSTRAINT "capacity_tests_notes_length_check" CHECK (char_length("capacity_tests"."notes") <= 5000);--> statement-breakpoint
ALTER TABLE "capacity_tests" ADD CONSTRAINT "capacity_tests_values_check" CHECK (coalesce("capacity_tests"."affected", 0) <= 1000 and coalesce("capacity_tests"."other", 0) <= 1000);--> statement-breakpoint
ALTER TABLE "log_revisions" ADD CONSTRAINT "log_revisions_reason_length_check" CHECK (char_length("log_revisions"."reason") <= 5000);