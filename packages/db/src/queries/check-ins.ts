import { and, desc, eq, gte, isNull, lt } from "drizzle-orm";
import type { Database } from "../client";
import { morningCheckIns } from "../schema";
import { changeWithRevision, createWithRevision } from "./revisioned";

/* Morning check-ins, with their revision history and idempotent create (revisioned.ts), like session logs. */

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
  const { row, created } = await createWithRevision(
    db,
    { organisationId, athleteId, logKind: "check_in", changedById, now },
    (tx) =>
      tx
        .insert(morningCheckIns)
        .values({ ...values, organisationId, athleteId, idempotencyKey, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: [morningCheckIns.athleteId, morningCheckIns.idempotencyKey] })
        .returning(),
    (tx) =>
      tx
        .select()
        .from(morningCheckIns)
        .where(and(eq(morningCheckIns.organisationId, organisationId), eq(morningCheckIns.athleteId, athleteId), eq(morningCheckIns.idempotencyKey, idempotencyKey))),
  );
  return { checkIn: row, created };
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
  return changeWithRevision(db, { organisationId, athleteId, logKind: "check_in", changedById, now, reason }, "update", (tx) =>
    tx
      .update(morningCheckIns)
      .set({ ...values, updatedAt: now })
      .where(and(ownCheckIn(organisationId, athleteId, id), isNull(morningCheckIns.deletedAt)))
      .returning(),
  );
}

export async function deleteCheckIn(
  db: Database,
  organisationId: string,
  athleteId: string,
  id: string,
  changedById: string,
  now: Date,
): Promise<CheckInRow | null> {
  return changeWithRevision(db, { organisationId, athleteId, logKind: "check_in", changedById, now }, "delete", (tx) =>
    tx
      .update(morningCheckIns)
      .set({ deletedAt: now, updatedAt: now })
      .where(and(ownCheckIn(organisationId, athleteId, id), isNull(morningCheckIns.deletedAt)))
      .returning(),
  );
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
