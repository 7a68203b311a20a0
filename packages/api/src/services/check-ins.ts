import { redFlagAdvice, withinEditWindow, DomainError, type Actor, type CheckInInput } from "@loadline/domain";
import { createCheckIn, deleteCheckIn, getCheckIn, updateCheckIn, type CheckInRow, type Database } from "@loadline/db";
import { ownWriteWithFeedback } from "./athlete-feedback";
import { assertEditable, assertNotFuture, assertSameSubmission, checkInValues, ownAthleteId } from "./athlete-logging";

/** A check-in as the athlete's pages show it, with whether it can still be changed. */
export function presentCheckIn(row: CheckInRow, now: Date) {
  return { ...row, editable: row.deletedAt === null && withinEditWindow(row.createdAt, now) };
}

/**
 * The signed-in athlete's morning check-in (the athlete comes from the session). Repeating a
 * submission (same idempotency key, same answers) returns the stored one; red-flag answers come
 * back with plain advice, and the engine's verdict at once.
 */
export async function createOwnCheckIn(db: Database, actor: Actor, now: Date, input: CheckInInput & { idempotencyKey: string }) {
  const athleteId = ownAthleteId(actor);
  const { organisationId, userId } = actor;
  assertNotFuture(input.at, now);
  const { result, feedback } = await ownWriteWithFeedback(db, organisationId, athleteId, now, async () => {
    const values = checkInValues(input);
    const { checkIn, created } = await createCheckIn(db, organisationId, athleteId, input.idempotencyKey, values, userId, now);
    if (!created) assertSameSubmission(checkIn, values);
    return { result: { checkIn, created }, change: created ? { kind: "check_in", id: checkIn.id, row: checkIn } : null, record: { id: checkIn.id }, newRecord: created };
  });
  const { checkIn, created } = result;
  return { checkIn: presentCheckIn(checkIn, now), created, feedback, redFlagAdvice: redFlagAdvice(checkIn.redFlags) };
}

/** Change one of the athlete's check-ins within the edit window. */
export async function updateOwnCheckIn(db: Database, actor: Actor, now: Date, id: string, input: CheckInInput) {
  const athleteId = ownAthleteId(actor);
  const { organisationId, userId } = actor;
  assertEditable(await getCheckIn(db, organisationId, athleteId, id), now);
  assertNotFuture(input.at, now);
  const { result: checkIn, feedback } = await ownWriteWithFeedback(db, organisationId, athleteId, now, async () => {
    const checkIn = await updateCheckIn(db, organisationId, athleteId, id, checkInValues(input), userId, now);
    if (!checkIn) throw new DomainError("not_found", "This check-in does not exist or was deleted.");
    return { result: checkIn, change: { kind: "check_in", id: checkIn.id, row: checkIn }, record: { id: checkIn.id } };
  });
  return { checkIn: presentCheckIn(checkIn, now), feedback, redFlagAdvice: redFlagAdvice(checkIn.redFlags) };
}

/** Delete one of the athlete's check-ins within the edit window (kept in its history, no longer counted). */
export async function deleteOwnCheckIn(db: Database, actor: Actor, now: Date, id: string) {
  const athleteId = ownAthleteId(actor);
  const { organisationId, userId } = actor;
  assertEditable(await getCheckIn(db, organisationId, athleteId, id), now);
  const { result: deleted, feedback } = await ownWriteWithFeedback(db, organisationId, athleteId, now, async () => {
    const deleted = await deleteCheckIn(db, organisationId, athleteId, id, userId, now);
    if (!deleted) throw new DomainError("not_found", "This check-in does not exist or was deleted.");
    return { result: deleted, change: { kind: "check_in", id: deleted.id, row: null }, record: null };
  });
  return { id: deleted.id, feedback };
}
