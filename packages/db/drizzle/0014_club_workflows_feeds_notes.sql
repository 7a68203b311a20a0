CREATE TABLE "athlete_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"visibility" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "athlete_notes_org_id_key" UNIQUE("organisation_id","id"),
	CONSTRAINT "athlete_notes_body_length_check" CHECK (char_length("athlete_notes"."body") <= 5000),
	CONSTRAINT "athlete_notes_body_not_blank_check" CHECK (char_length(btrim("athlete_notes"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "calendar_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"athlete_id" uuid,
	"squad_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_subscriptions_token_hash_key" UNIQUE("token_hash"),
	CONSTRAINT "calendar_subscriptions_subject_check" CHECK (("calendar_subscriptions"."kind" = 'athlete' and "calendar_subscriptions"."athlete_id" is not null and "calendar_subscriptions"."squad_id" is null) or ("calendar_subscriptions"."kind" = 'squad' and "calendar_subscriptions"."squad_id" is not null and "calendar_subscriptions"."athlete_id" is null))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"athlete_id" uuid,
	"note_id" uuid,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_message_length_check" CHECK (char_length("notifications"."message") <= 200)
);
--> statement-breakpoint
ALTER TABLE "athlete_notes" ADD CONSTRAINT "athlete_notes_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "athlete_notes" ADD CONSTRAINT "athlete_notes_author_fk" FOREIGN KEY ("organisation_id","author_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_subscriptions" ADD CONSTRAINT "calendar_subscriptions_user_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_subscriptions" ADD CONSTRAINT "calendar_subscriptions_athlete_fk" FOREIGN KEY ("organisation_id","athlete_id") REFERENCES "public"."athlete_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_subscriptions" ADD CONSTRAINT "calendar_subscriptions_squad_fk" FOREIGN KEY ("organisation_id","squad_id") REFERENCES "public"."squads"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_note_fk" FOREIGN KEY ("organisation_id","note_id") REFERENCES "public"."athlete_notes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "athlete_notes_thread_idx" ON "athlete_notes" USING btree ("organisation_id","athlete_id","created_at");--> statement-breakpoint
CREATE INDEX "calendar_subscriptions_user_idx" ON "calendar_subscriptions" USING btree ("organisation_id","user_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("organisation_id","user_id","created_at");