-- Alerts raised before causes were stored: their cause time was their raising time, and the
-- rules a physio review clears (R19, R20, escalations, R4's two-reds block) go to the queue.
UPDATE "alerts" SET "cause_at" = "raised_at" WHERE "cause_at" IS NULL;--> statement-breakpoint
UPDATE "alerts" SET "needs_review" = true
WHERE "rule_id" IN ('R19', 'R20') OR "severity" = 'escalate' OR ("rule_id" = 'R4' AND "evidence" -> 'values' ? 'reds');
