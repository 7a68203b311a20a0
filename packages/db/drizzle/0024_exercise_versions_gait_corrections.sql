CREATE TABLE "exercise_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"phases" smallint[] NOT NULL,
	"heavy" boolean NOT NULL,
	"high_tendon_load" boolean NOT NULL,
	"hip_flexion_demand" text NOT NULL,
	"description" text NOT NULL,
	"how_to" text DEFAULT '' NOT NULL,
	"video_url" text,
	"image_key" text,
	"image_type" text,
	"author_id" uuid,
	"change" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_versions_exercise_version_key" UNIQUE("exercise_id","version"),
	CONSTRAINT "exercise_versions_name_length_check" CHECK (char_length("exercise_versions"."name") <= 100),
	CONSTRAINT "exercise_versions_description_length_check" CHECK (char_length("exercise_versions"."description") <= 5000),
	CONSTRAINT "exercise_versions_change_length_check" CHECK (char_length("exercise_versions"."change") <= 200),
	CONSTRAINT "exercise_versions_version_check" CHECK ("exercise_versions"."version" >= 1),
	CONSTRAINT "exercise_versions_how_to_length_check" CHECK (char_length("exercise_versions"."how_to") <= 1000),
	CONSTRAINT "exercise_versions_video_url_check" CHECK ("exercise_versions"."video_url" is null or ("exercise_versions"."video_url" like 'https://%' and char_length("exercise_versions"."video_url") <= 2000)),
	CONSTRAINT "exercise_versions_image_check" CHECK (("exercise_versions"."image_key" is null) = ("exercise_versions"."image_type" is null))
);
--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "how_to" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "video_url" text;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "image_key" text;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "image_type" text;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "gait_assessments" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gait_assessments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_org_id_key" UNIQUE("organisation_id","id");--> statement-breakpoint
ALTER TABLE "exercise_versions" ADD CONSTRAINT "exercise_versions_exercise_fk" FOREIGN KEY ("organisation_id","exercise_id") REFERENCES "public"."exercises"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_versions" ADD CONSTRAINT "exercise_versions_author_fk" FOREIGN KEY ("organisation_id","author_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercise_versions_org_exercise_idx" ON "exercise_versions" USING btree ("organisation_id","exercise_id");--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_version_check" CHECK ("exercises"."version" >= 1);--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_how_to_length_check" CHECK (char_length("exercises"."how_to") <= 1000);--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_video_url_check" CHECK ("exercises"."video_url" is null or ("exercises"."video_url" like 'https://%' and char_length("exercises"."video_url") <= 2000));--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_image_check" CHECK (("exercises"."image_key" is null) = ("exercises"."image_type" is null));