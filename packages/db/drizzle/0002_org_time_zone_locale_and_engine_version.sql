ALTER TABLE "organisations" ADD COLUMN "time_zone" text DEFAULT 'Europe/London' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "locale" text DEFAULT 'en-GB' NOT NULL;--> statement-breakpoint
ALTER TABLE "athlete_profiles" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "assessment_snapshots" ADD COLUMN "engine_version" text DEFAULT '' NOT NULL;