import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { visaHResponses } from "../schema";
import { recordLogRevision } from "./log-revisions";

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
  if (inserted) {
    await db.transaction((tx) =>
      recordLogRevision(tx, { organisationId, athleteId, logKind: "visa_h", logId: inserted.id, action: "create", row: inserted, changedById: values.completedById, now: values.createdAt }),
    );
    return { response: inserted, created: true };
  }
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

/** Every VISA-H response of the athlete that was not withdrawn, oldest first. */
export async function listVisaHResponses(db: Database, organisationId: string, athleteId: string): Promise<VisaHRow[]> {
  return db
    .select()
    .from(visaHResponses)
    .where(and(eq(visaHResponses.organisationId, organisationId), eq(visaHResponses.athleteId, athleteId), isNull(visaHResponses.withdrawnAt)))
    .orderBy(asc(visaHResponses.at));
}

const ownResponse = (organisationId: string, athleteId: string, id: string) =>
  and(eq(visaHResponses.organisationId, organisationId), eq(visaHResponses.athleteId, athleteId), eq(visaHResponses.id, id), isNull(visaHResponses.withdrawnAt));

export async function getVisaHResponse(db: Database, organisationId: string, athleteId: string, id: string): Promise<VisaHRow | null> {
  const [row] = await db.select().from(visaHResponses).where(ownResponse(organisationId, athleteId, id)).limit(1);
  return row ?? null;
}

/** Change a response's answers (total recomputed by the caller) and keep the new version in its history. */
export async function updateVisaHResponse(
  db: Database,
  organisationId: string,
  athleteId: string,
  id: string,
  values: { at: Date; items: number[]; total: number },
  changedById: string,
  now: Date,
): Promise<VisaHRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(visaHResponses).set({ ...values, updatedAt: now }).where(ownResponse(organisationId, athleteId, id)).returning();
    if (!row) return null;
    await recordLogRevision(tx, { organisationId, athleteId, logKind: "visa_h", logId: id, action: "update", row, changedById, now });
    return row;
  });
}

/** Withdraw a response: kept with its history, no longer read by the engine or listed. */
export async function withdrawVisaHResponse(db: Database, organisationId: string, athleteId: string, id: string, changedById: string, now: Date): Promise<VisaHRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(visaHResponses).set({ withdrawnAt: now, updatedAt: now }).where(ownResponse(organisationId, athleteId, id)).returning();
    if (!row) return null;
    await recordLogRevision(tx, { organisationId, athleteId, logKind: "visa_h", logId: id, action: "delete", row, changedById, now });
    return row;
  });
}
