ALTER TABLE "organisations" ADD COLUMN "physio_gait_notes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ADD COLUMN "deleted_by_id" uuid;--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ADD COLUMN "deletion_reason" text;--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ADD CONSTRAINT "adjunct_treatments_deleted_by_fk" FOREIGN KEY ("organisation_id","deleted_by_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ADD CONSTRAINT "adjunct_treatments_deletion_reason_length_check" CHECK (char_length("adjunct_treatments"."deletion_reason") <= 5000);--> statement-breakpoint
ALTER TABLE "adjunct_treatments" ADD CONSTRAINT "adjunct_treatments_deletion_check" CHECK (("adjunct_treatments"."deleted_at" is null and "adjunct_treatments"."deleted_by_id" is null and "adjunct_treatments"."deletion_reason" is null) or ("adjunct_treatments"."deleted_at" is not null and "adjunct_treatments"."deleted_by_id" is not null and char_length(btrim("adjunct_treatments"."deletion_reason")) > 0));