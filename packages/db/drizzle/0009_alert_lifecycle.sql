ALTER TABLE "alerts" DROP CONSTRAINT "alerts_fingerprint_key";--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "cause_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "needs_review" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_current_fingerprint_idx" ON "alerts" USING btree ("athlete_id","fingerprint") WHERE "alerts"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "alerts_athlete_raised_idx" ON "alerts" USING btree ("organisation_id","athlete_id","raised_at");