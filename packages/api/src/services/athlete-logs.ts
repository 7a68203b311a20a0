import { withinEditWindow, DomainError, type Actor, type RunLogInput, type SessionLogInput } from "@loadline/domain";
import { createSessionLog, deleteSessionLog, getSessionLog, updateSessionLog, type Database, type SessionLogRow } from "@loadline/db";
import { ownWriteWithFeedback } from "./athlete-feedback";
import { assertEditable, assertNotFuture, assertSameSubmission, ownAthleteId, runValues, sessionValues } from "./athlete-logging";

/** A log as the athlete's pages show it, with whether it can still be changed. */
export function presentLog(row: SessionLogRow, now: Date) {
  return { ...row, editable: row.deletedAt === null && withinEditWindow(row.createdAt, now) };
}

/**
 * Log a session of the signed-in athlete (the athlete comes from the session). A strength session
 * "as prescribed" takes its content from the current plan; repeating a submission (same
 * idempotency key, same values) returns the stored log. Returns the engine's verdict at once.
 */
export async function logOwnSession(db: Database, actor: Actor, now: Date, input: SessionLogInput & { idempotencyKey: string }) {
  const athleteId = ownAthleteId(actor);
  const { organisationId, userId } = actor;
  assertNotFuture(input.at, now);
  const { result, feedback } = await ownWriteWithFeedback(db, organisationId, athleteId, now, async (plan) => {
    const values = sessionValues(input, plan);
    const { log, created } = await createSessionLog(db, organisationId, athleteId, input.idempotencyKey, values, userId, now);
    if (!created) assertSameSubmission(log, values);
    return { result: { log, created }, change: created ? { kind: "session", id: log.id, row: log } : null, record: log, newRecord: created };
  });
  return { log: presentLog(result.log, now), created: result.created, feedback };
}

/** Log a run of the signed-in athlete; repeating a submission returns the stored log. */
export async function logOwnRun(db: Database, actor: Actor, now: Date, input: RunLogInput & { idempotencyKey: string }) {
  const athleteId = ownAthleteId(actor);
  const { organisationId, userId } = actor;
  assertNotFuture(input.at, now);
  const { result, feedback } = await ownWriteWithFeedback(db, organisationId, athleteId, now, async () => {
    const values = runValues(input);
    const { log, created } = await createSessionLog(db, organisationId, athleteId, input.idempotencyKey, values, userId, now);
    if (!created) assertSameSubmission(log, values);
    return { result: { log, created }, change: created ? { kind: "session", id: log.id, row: log } : null, record: log, newRecord: created };
  });
  return { log: presentLog(result.log, now), created: result.created, feedback };
}

/** Change one of the athlete's session logs (not a run) within the edit window. */
export async function updateOwnSession(db: Database, actor: Actor, now: Date, id: string, input: SessionLogInput) {
  const athleteId = ownAthleteId(actor);
  const { organisationId, userId } = actor;
  const existing = await getSessionLog(db, organisationId, athleteId, id);
  assertEditable(existing, now);
  if (existing.type === "run") throw new DomainError("invalid", "This log is a run: edit it as a run.");
  assertNotFuture(input.at, now);
  const { result: log, feedback } = await ownWriteWithFeedback(db, organisationId, athleteId, now, async (plan) => {
    const log = await updateSessionLog(db, organisationId, athleteId, id, sessionValues(input, plan), userId, now);
    if (!log) throw new DomainError("not_found", "This log does not exist or was deleted.");
    return { result: log, change: { kind: "session", id: log.id, row: log }, record: log };
  });
  return { log: presentLog(log, now), feedback };
}

/** Change one of the athlete's run logs within the edit window. */
export async function updateOwnRun(db: Database, actor: Actor, now: Date, id: string, input: RunLogInput) {
  const athleteId = ownAthleteId(actor);
  const { organisationId, userId } = actor;
  const existing = await getSessionLog(db, organisationId, athleteId, id);
  assertEditable(existing, now);
  if (existing.type !== "run") throw new DomainError("invalid", "This log is not a run.");
  assertNotFuture(input.at, now);
  const { result: log, feedback } = await ownWriteWithFeedback(db, organisationId, athleteId, now, async () => {
    const log = await updateSessionLog(db, organisationId, athleteId, id, runValues(input), userId, now);
    if (!log) throw new DomainError("not_found", "This log does not exist or was deleted.");
    return { result: log, change: { kind: "session", id: log.id, row: log }, record: log };
  });
  return { log: presentLog(log, now), feedback };
}

/** Delete one of the athlete's logs within the edit window (kept in its history, no longer counted). */
export async function deleteOwnLog(db: Database, actor: Actor, now: Date, id: string) {
  const athleteId = ownAthleteId(actor);
  const { organisationId, userId } = actor;
  assertEditable(await getSessionLog(db, organisationId, athleteId, id), now);
  const { result: deleted, feedback } = await ownWriteWithFeedback(db, organisationId, athleteId, now, async () => {
    const deleted = await deleteSessionLog(db, organisationId, athleteId, id, userId, now);
    if (!deleted) throw new DomainError("not_found", "This log does not exist or was deleted.");
    return { result: deleted, change: { kind: "session", id: deleted.id, row: null }, record: null };
  });
  return { id: deleted.id, feedback };
}
