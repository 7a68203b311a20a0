import { and, asc, desc, eq, gte, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { changeWithRevision, createWithRevision } from "./revisioned";
import { logRevisions, sessionLogs } from "../schema";

/*
 * Session and run logs written by the athlete, with their revision history and idempotent
 * create (revisioned.ts).
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
  const { row, created } = await createWithRevision(
    db,
    { organisationId, athleteId, logKind: "session", changedById, now },
    (tx) =>
      tx
        .insert(sessionLogs)
        .values({ ...values, organisationId, athleteId, idempotencyKey, loggedById: changedById, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: [sessionLogs.athleteId, sessionLogs.idempotencyKey] })
        .returning(),
    (tx) =>
      tx
        .select()
        .from(sessionLogs)
        .where(and(eq(sessionLogs.organisationId, organisationId), eq(sessionLogs.athleteId, athleteId), eq(sessionLogs.idempotencyKey, idempotencyKey))),
  );
  return { log: row, created };
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
  return changeWithRevision(db, { organisationId, athleteId, logKind: "session", changedById, now, reason }, "update", (tx) =>
    tx
      .update(sessionLogs)
      .set({ ...values, updatedAt: now })
      .where(and(ownLog(organisationId, athleteId, id), isNull(sessionLogs.deletedAt)))
      .returning(),
  );
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
  return changeWithRevision(db, { organisationId, athleteId, logKind: "session", changedById, now }, "delete", (tx) =>
    tx
      .update(sessionLogs)
      .set({ deletedAt: now, updatedAt: now })
      .where(and(ownLog(organisationId, athleteId, id), isNull(sessionLogs.deletedAt)))
      .returning(),
  );
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
