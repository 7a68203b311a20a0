import { and, asc, desc, eq, gte, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { atomically } from "../job-sql";
import { recordLogRevision } from "./log-revisions";
import { logRevisions, sessionLogs } from "../schema";

/*
 * Session and run logs written by the athlete. Every create, update and delete also writes a
 * row to log_revisions in the same transaction, so no version of a log is ever lost; a repeated
 * idempotency key returns the first log instead of creating a second.
 */

export type SessionLogRow = typeof sessionLogs.$inferSelect;
/** The columns a log form sets; ids, owner and bookkeeping are added here. */
export type SessionLogValues = Omit<
  typeof sessionLogs.$inferInsert,
  | "id"
  | "organisationId"
  | "athleteId"
  | "idempotencyKey"
  | "loggedById"
  | "deletedAt"
  | "createdAt"
  | "updatedAt"
>;
export type LogRevisionRow = typeof logRevisions.$inferSelect;

const ownLog = (organisationId: string, athleteId: string, id: string) =>
  and(
    eq(sessionLogs.organisationId, organisationId),
    eq(sessionLogs.athleteId, athleteId),
    eq(sessionLogs.id, id),
  );

/**
 * Create a session or run log, or return the one already created with this idempotency key
 * (`created: false`) so a double submit never makes two logs.
 */
export async function createSessionLog(
  db: Database,
  organisationId: string,
  athleteId: string,
  idempotencyKey: string,
  values: SessionLogValues,
  changedById: string,
  now: Date,
): Promise<{ log: SessionLogRow; created: boolean }> {
  return atomically(db, async (tx) => {
    const [inserted] = await tx
      .insert(sessionLogs)
      .values({
        ...values,
        organisationId,
        athleteId,
        idempotencyKey,
        loggedById: changedById,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({
        target: [sessionLogs.athleteId, sessionLogs.idempotencyKey],
      })
      .returning();
    if (inserted) {
      await recordLogRevision(tx, {
        organisationId,
        athleteId,
        logKind: "session",
        logId: inserted.id,
        action: "create",
        row: inserted,
        changedById,
        now,
      });
      return { log: inserted, created: true };
    }
    const [existing] = await tx
      .select()
      .from(sessionLogs)
      .where(
        and(
          eq(sessionLogs.organisationId, organisationId),
          eq(sessionLogs.athleteId, athleteId),
          eq(sessionLogs.idempotencyKey, idempotencyKey),
        ),
      );
    if (!existing) throw new Error("Idempotency conflict without a stored log");
    return { log: existing, created: false };
  });
}

/** One of the athlete's own logs (deleted ones included, for history), or null. */
export async function getSessionLog(
  db: Database,
  organisationId: string,
  athleteId: string,
  id: string,
): Promise<SessionLogRow | null> {
  const [row] = await db
    .select()
    .from(sessionLogs)
    .where(ownLog(organisationId, athleteId, id));
  return row ?? null;
}

/** Replace a log's values and keep the new version in its history (with the reason, for a physio's correction). */
export async function updateSessionLog(
  db: Database,
  organisationId: string,
  athleteId: string,
  id: string,
  values: SessionLogValues,
  changedById: string,
  now: Date,
  reason: string | null = null,
): Promise<SessionLogRow | null> {
  return atomically(db, async (tx) => {
    const [updated] = await tx
      .update(sessionLogs)
      .set({ ...values, updatedAt: now })
      .where(
        and(
          ownLog(organisationId, athleteId, id),
          isNull(sessionLogs.deletedAt),
        ),
      )
      .returning();
    if (!updated) return null;
    await recordLogRevision(tx, {
      organisationId,
      athleteId,
      logKind: "session",
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

/** Soft-delete a log (the engine stops reading it) and record the deletion in its history. */
export async function deleteSessionLog(
  db: Database,
  organisationId: string,
  athleteId: string,
  id: string,
  changedById: string,
  now: Date,
): Promise<SessionLogRow | null> {
  return atomically(db, async (tx) => {
    const [deleted] = await tx
      .update(sessionLogs)
      .set({ deletedAt: now, updatedAt: now })
      .where(
        and(
          ownLog(organisationId, athleteId, id),
          isNull(sessionLogs.deletedAt),
        ),
      )
      .returning();
    if (!deleted) return null;
    await recordLogRevision(tx, {
      organisationId,
      athleteId,
      logKind: "session",
      logId: id,
      action: "delete",
      row: deleted,
      changedById,
      now,
    });
    return deleted;
  });
}

/** The athlete's logs since a date, newest first, without deleted ones. */
export async function listSessionLogs(
  db: Database,
  organisationId: string,
  athleteId: string,
  since: Date,
  /** Exclusive end of the window; none: up to now and planned ones after. */
  until?: Date,
): Promise<SessionLogRow[]> {
  return db
    .select()
    .from(sessionLogs)
    .where(
      and(
        eq(sessionLogs.organisationId, organisationId),
        eq(sessionLogs.athleteId, athleteId),
        isNull(sessionLogs.deletedAt),
        gte(sessionLogs.at, since),
        until ? lt(sessionLogs.at, until) : undefined,
      ),
    )
    .orderBy(desc(sessionLogs.at));
}

/** Every version of one log (session or check-in), oldest first. */
export async function listLogRevisions(
  db: Database,
  organisationId: string,
  athleteId: string,
  logKind: LogRevisionRow["logKind"],
  logId: string,
): Promise<LogRevisionRow[]> {
  return (
    db
      .select()
      .from(logRevisions)
      .where(
        and(
          eq(logRevisions.organisationId, organisationId),
          eq(logRevisions.athleteId, athleteId),
          eq(logRevisions.logKind, logKind),
          eq(logRevisions.logId, logId),
        ),
      )
      // Same-instant changes (e.g. a create and an update in one request's clock) keep their order.
      .orderBy(
        asc(logRevisions.changedAt),
        sql`case ${logRevisions.action} when 'create' then 0 when 'update' then 1 else 2 end`,
        asc(logRevisions.id),
      )
  );
}

/** Every saved version of the athlete's logs changed since a date (edits and deletions included), newest first. */
export async function listAthleteLogRevisions(db: Database, organisationId: string, athleteId: string, since: Date, until?: Date): Promise<LogRevisionRow[]> {
  return db
    .select()
    .from(logRevisions)
    .where(
      and(
        eq(logRevisions.organisationId, organisationId),
        eq(logRevisions.athleteId, athleteId),
        gte(logRevisions.changedAt, since),
        until ? lt(logRevisions.changedAt, until) : undefined,
      ),
    )
    .orderBy(desc(logRevisions.changedAt));
}
