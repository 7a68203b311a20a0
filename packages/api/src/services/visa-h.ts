import { getVisaHResponse, updateVisaHResponse, withdrawVisaHResponse, type Database } from "@loadline/db";
import { assertWithinEditWindow, DomainError, scoreVisaH, type Actor, type VisaHInput } from "@loadline/domain";
import { afterClinicalWrite } from "./assessments";
import { assertNotFuture, ownAthleteId } from "./athlete-logging";

/**
 * The athlete's own questionnaire, still theirs to change: one they completed themselves (not one
 * a physio took with them), not withdrawn, and inside the 24-hour window that applies to logs.
 */
async function ownEditable(db: Database, actor: Actor, now: Date, id: string) {
  const athleteId = ownAthleteId(actor);
  const row = await getVisaHResponse(db, actor.organisationId, athleteId, id);
  if (!row) throw new DomainError("not_found", "This questionnaire does not exist or was withdrawn.");
  if (row.completedById !== actor.userId) throw new DomainError("forbidden", "Your physio completed this questionnaire with you: ask them to correct it.");
  assertWithinEditWindow(row.createdAt, now);
  return { athleteId, row };
}

/** Change the answers of a questionnaire within 24 hours: the total is recomputed, the old version stays in its history. */
export async function updateOwnVisaH(db: Database, actor: Actor, now: Date, id: string, input: VisaHInput) {
  const { athleteId } = await ownEditable(db, actor, now, id);
  assertNotFuture(input.at, now);
  const total = scoreVisaH(input.items);
  const row = await updateVisaHResponse(db, actor.organisationId, athleteId, id, { at: input.at, items: [...input.items], total }, actor.userId, now);
  if (!row) throw new DomainError("not_found", "This questionnaire does not exist or was withdrawn.");
  const assessment = (await afterClinicalWrite(db, actor.organisationId, [athleteId], now, { feedbackFor: athleteId })).get(athleteId);
  return { response: row, total, summary: assessment?.visaH ?? null };
}

/** Withdraw a questionnaire within 24 hours: kept in its history, no longer counted. */
export async function withdrawOwnVisaH(db: Database, actor: Actor, now: Date, id: string) {
  const { athleteId } = await ownEditable(db, actor, now, id);
  const row = await withdrawVisaHResponse(db, actor.organisationId, athleteId, id, actor.userId, now);
  if (!row) throw new DomainError("not_found", "This questionnaire does not exist or was withdrawn.");
  const assessment = (await afterClinicalWrite(db, actor.organisationId, [athleteId], now, { feedbackFor: athleteId })).get(athleteId);
  return { id: row.id, summary: assessment?.visaH ?? null };
}
