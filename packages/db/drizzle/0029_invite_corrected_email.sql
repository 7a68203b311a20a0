ALTER TABLE "invites" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_email_lower_check" CHECK ("invites"."email" = lower("invites"."email"));