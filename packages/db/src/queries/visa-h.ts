import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { visaHResponses } from "../schema";

export type VisaHRow = typeof visaHResponses.$inferSelect;

/** Store a VISA-H response (total computed by the domain), or return the one with this idempotency key. */
export async function createVisaHResponse(
  db: Database,
  organisationId: string,
  athleteId: string,
  values: { at: Date; items: number[]; total: number; completedById: string; idempotencyKey: string; createdAt: Date },
): Promise<{ response: VisaHRow; created: boolean }> {
  const [inserted] = await db
    .insert(visaHResponses)
    .values({ ...values, organisationId, athleteId })
    .onConflictDoNothing({ target: [visaHResponses.athleteId, visaHResponses.idempotencyKey] })
    .returning();
  if (inserted) return { response: inserted, created: true };
  const [existing] = await db
    .select()
    .from(visaHResponses)
    .where(
      and(
        eq(visaHResponses.organisationId, organisationId),
        eq(visaHResponses.athleteId, athleteId),
        eq(visaHResponses.idempotencyKey, values.idempotencyKey),
      ),
    );
  if (!existing) throw new Error("Idempotency conflict without a stored VISA-H response");
  return { response: existing, created: false };
}

/** Every VISA-H response of the athlete, oldest first. */
export async function listVisaHResponses(db: Database, organisationId: string, athleteId: string): Promise<VisaHRow[]> {
  return db
    .select()
    .from(visaHResponses)
    .where(and(eq(visaHResponses.organisationId, organisationId), eq(visaHResponses.athleteId, athleteId)))
    .orderBy(asc(visaHResponses.at));
}
