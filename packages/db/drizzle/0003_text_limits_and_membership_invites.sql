CREATE TABLE "membership_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"athlete_profile" jsonb,
	"token_hash" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_invites_token_hash_key" UNIQUE("token_hash"),
	CONSTRAINT "membership_invites_email_lower_check" CHECK ("membership_invites"."email" = lower("membership_invites"."email")),
	CONSTRAINT "membership_invites_name_length_check" CHECK (char_length("membership_invites"."name") <= 100)
);
--> statement-breakpoint
ALTER TABLE "membership_invites" ADD CONSTRAINT "membership_invites_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_invites" ADD CONSTRAINT "membership_invites_created_by_fk" FOREIGN KEY ("organisation_id","created_by_user_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_invites_org_email_idx" ON "membership_invites" USING btree ("organisation_id","email");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_name_length_check" CHECK (char_length("organisations"."name") <= 200);--> statement-breakpoint
ALTER TABLE "squads" ADD CONSTRAINT "squads_name_length_check" CHECK (char_length("squads"."name") <= 100);--> statement-breakpoint
ALTER TABLE "athlete_profiles" ADD CONSTRAINT "athlete_profiles_event_or_sport_length_check" CHECK (char_length("athlete_profiles"."event_or_sport") <= 100);--> statement-breakpoint
ALTER TABLE "athlete_profiles" ADD CONSTRAINT "athlete_profiles_notes_length_check" CHECK (char_length("athlete_profiles"."notes") <= 5000);--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ADD CONSTRAINT "adjunct_treatments_parameters_length_check" CHECK (char_length("adjunct_treatments"."parameters") <= 5000);--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ADD CONSTRAINT "adjunct_treatments_provider_length_check" CHECK (char_length("adjunct_treatments"."provider") <= 200);--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ADD CONSTRAINT "adjunct_treatments_restrictions_length_check" CHECK (char_length("adjunct_treatments"."restrictions") <= 5000);--> statement-breakpoint
ALTER TABLE "clinician_reviews" ADD CONSTRAINT "clinician_reviews_note_length_check" CHECK (char_length("clinician_reviews"."note") <= 5000);--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_name_length_check" CHECK (char_length("exercises"."name") <= 100);--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_description_length_check" CHECK (char_length("exercises"."description") <= 5000);--> statement-breakpoint
ALTER TABLE "gait_assessments" ADD CONSTRAINT "gait_assessments_notes_length_check" CHECK (char_length("gait_assessments"."notes") <= 5000);--> statement-breakpoint
ALTER TABLE "injury_episodes" ADD CONSTRAINT "injury_episodes_clinical_notes_length_check" CHECK (char_length("injury_episodes"."clinical_notes") <= 5000);--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_change_summary_length_check" CHECK (char_length("plan_versions"."change_summary") <= 5000);--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_phase_change_reason_length_check" CHECK (char_length("plan_versions"."phase_change_reason") <= 5000);--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_notes_length_check" CHECK (char_length("session_logs"."notes") <= 5000);--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledge_note_length_check" CHECK (char_length("alerts"."acknowledge_note") <= 5000);--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolution_note_length_check" CHECK (char_length("alerts"."resolution_note") <= 5000);--> statement-breakpoint
ALTER TABLE "squad_sessions" ADD CONSTRAINT "squad_sessions_title_length_check" CHECK (char_length("squad_sessions"."title") <= 200);--> statement-breakpoint
ALTER TABLE "squad_sessions" ADD CONSTRAINT "squad_sessions_notes_length_check" CHECK (char_length("squad_sessions"."notes") <= 5000);