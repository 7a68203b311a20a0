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
CREATE INDEX "membership_invites_org_email_idx" ON "membership_invites" USING btree ("organisation_id","email");