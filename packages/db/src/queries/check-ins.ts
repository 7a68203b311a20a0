import { and, desc, eq, gte, isNull, lt } from "drizzle-orm";
import type { Database } from "../client";
import { atomically } from "../job-sql";
import { morningCheckIns } from "../schema";
import { recordLogRevision } from "./log-revisions";

/* Morning check-ins, with the same idempotency and revision history as session logs (logs.ts). */

export type CheckInRow = typeof morningCheckIns.$inferSelect;
export type CheckInValues = Omit<
  typeof morningCheckIns.$inferInsert,
  | "id"
  | "organisationId"
  | "athleteId"
  | "idempotencyKey"
  | "deletedAt"
  | "createdAt"
  | "updatedAt"
>;

const ownCheckIn = (organisationId: string, athleteId: string, id: string) =>
  and(
    eq(morningCheckIns.organisationId, organisationId),
    eq(morningCheckIns.athleteId, athleteId),
    eq(morningCheckIns.id, id),
  );

/** Create a check-in, or return the one already created with this idempotency key. */
export async function createCheckIn(
  db: Database,
  organisationId: string,
  athleteId: string,
  idempotencyKey: string,
  values: CheckInValues,
  changedById: string,
  now: Date,
): Promise<{ checkIn: CheckInRow; created: boolean }> {
  return atomically(db, async (tx) => {
    const [inserted] = await tx
      .insert(morningCheckIns)
      .values({
        ...values,
        organisationId,
        athleteId,
        idempotencyKey,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({
        target: [morningCheckIns.athleteId, morningCheckIns.idempotencyKey],
      })
      .returning();
    if (inserted) {
      await recordLogRevision(tx, {
        organisationId,
        athleteId,
        logKind: "check_in",
        logId: inserted.id,
        action: "create",
        row: inserted,
        changedById,
        now,
      });
      return { checkIn: inserted, created: true };
    }
    const [existing] = await tx
      .select()
      .from(morningCheckIns)
      .where(
        and(
          eq(morningCheckIns.organisationId, organisationId),
          eq(morningCheckIns.athleteId, athleteId),
          eq(morningCheckIns.idempotencyKey, idempotencyKey),
        ),
      );
    if (!existing)
      throw new Error("Idempotency conflict without a stored check-in");
    return { checkIn: existing, created: false };
  });
}

export async function getCheckIn(
  db: Database,
  organisationId: string,
  athleteId: string,
  id: string,
): Promise<CheckInRow | null> {
  const [row] = await db
    .select()
    .from(morningCheckIns)
    .where(ownCheckIn(organisationId, athleteId, id));
  return row ?? null;
}

export async function updateCheckIn(
  db: Database,
  organisationId: string,
  athleteId: string,
  id: string,
  values: CheckInValues,
  changedById: string,
  now: Date,
  reason: string | null = null,
): Promise<CheckInRow | null> {
  return atomically(db, async (tx) => {
    const [updated] = await tx
      .update(morningCheckIns)
      .set({ ...values, updatedAt: now })
      .where(
        and(
          ownCheckIn(organisationId, athleteId, id),
          isNull(morningCheckIns.deletedAt),
        ),
      )
      .returning();
    if (!updated) return null;
    await recordLogRevision(tx, {
      organisationId,
      athleteId,
      logKind: "check_in",
      logId: id,
      action: "update",
      row: updated,
      changedById,
      now,
      reason,
    });
    return updated;
  });
}

export async function deleteCheckIn(
  db: Database,
  organisationId: string,
  athleteId: string,
  id: string,
  changedById: string,
  now: Date,
): Promise<CheckInRow | null> {
  return atomically(db, async (tx) => {
    const [deleted] = await tx
      .update(morningCheckIns)
      .set({ deletedAt: now, updatedAt: now })
      .where(
        and(
          ownCheckIn(organisationId, athleteId, id),
          isNull(morningCheckIns.deletedAt),
        ),
      )
      .returning();
    if (!deleted) return null;
    await recordLogRevision(tx, {
      organisationId,
      athleteId,
      logKind: "check_in",
      logId: id,
      action: "delete",
      row: deleted,
      changedById,
      now,
    });
    return deleted;
  });
}

/** The athlete's check-ins since a date, newest first, without deleted ones. */
export async function listCheckIns(
  db: Database,
  organisationId: string,
  athleteId: string,
  since: Date,
  /** Exclusive end of the window; none: up to now. */
  until?: Date,
): Promise<CheckInRow[]> {
  return db
    .select()
    .from(morningCheckIns)
    .where(
      and(
        eq(morningCheckIns.organisationId, organisationId),
        eq(morningCheckIns.athleteId, athleteId),
        isNull(morningCheckIns.deletedAt),
        gte(morningCheckIns.at, since),
        until ? lt(morningCheckIns.at, until) : undefined,
      ),
    )
    .orderBy(desc(morningCheckIns.at));
}
