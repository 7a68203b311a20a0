import { athleteInOrganisation, bumpRecordsVersions, createVisaHResponse, getVisaHResponse, listVisaHResponses, toVisaH, updateVisaHResponse, withdrawVisaHResponse, type Database } from "@loadline/db";
import {
  assertWithinEditWindow,
  DomainError,
  scoreVisaH,
  visaHChange,
  visaHDueByDefault,
  visaHDueForAssessment,
  visaHItems,
  withinEditWindow,
  withRecordWritten,
  type Actor,
  type VisaHInput,
} from "@loadline/domain";
import { assertCan } from "../trpc";
import { afterClinicalWrite, assessTimeline, getAssessment, loadAssessmentInputs, refreshAssessments, storeAssessment } from "./assessments";
import { recordAudit } from "./audit";
import { assertNotFuture, assertSameSubmission, currentPlan, ownAthleteId } from "./athlete-logging";

/**
 * Complete a VISA-H questionnaire: an athlete their own (the athlete comes from the session), a
 * physio one with an athlete of their organisation (named). Repeating a submission (same
 * idempotency key, same answers) returns the stored one. The athlete is re-assessed inline, so
 * the form shows the new summary at once, from one load of the engine's input made before the
 * write (sent with the check that the athlete is a current athlete of the club); the new answer
 * is put into it (`withRecordWritten`) instead of loading again.
 */
export async function submitVisaH(db: Database, actor: Actor, now: Date, input: VisaHInput & { idempotencyKey: string; athleteId?: string | undefined }) {
  const { organisationId, userId } = actor;
  const athleteId = actor.role === "athlete" ? actor.athleteId : input.athleteId;
  if (!athleteId) throw new DomainError("invalid", "Choose the athlete whose questionnaire this is.");
  assertCan(actor, "visaH.write", { organisationId, athleteId });
  if (actor.role === "athlete" && input.athleteId && input.athleteId !== athleteId) {
    throw new DomainError("forbidden", "You can only complete your own questionnaire.");
  }
  assertNotFuture(input.at, now);
  // Sent together: whether the athlete is a current (not archived) athlete of the club, and the engine's input.
  const [inClub, inputs] = await Promise.all([athleteInOrganisation(db, organisationId, athleteId), loadAssessmentInputs(db, organisationId, [athleteId], now, { inlineWriteOf: athleteId })]);
  const loaded = inputs.timelines.get(athleteId);
  if (!inClub || !loaded) throw new DomainError("not_found", "No such athlete.");
  const total = scoreVisaH(input.items);
  const { response, created } = await createVisaHResponse(db, organisationId, athleteId, {
    at: input.at,
    items: [...input.items],
    total,
    completedById: userId,
    idempotencyKey: input.idempotencyKey,
    createdAt: now,
  });
  if (!created) assertSameSubmission(response, { at: input.at, items: [...input.items] });
  // A physio completing it with the athlete is a clinical write (athletes' own are not audited).
  if (created) {
    await recordAudit(db, actor, now, [{ athleteId, action: "write", entity: "visa_h_response", entityId: response.id, detail: `Completed VISA-H with the athlete: ${total}/100` }]);
  }
  const timeline = loaded.ok ? (created ? withRecordWritten(loaded.timeline, now, { kind: "new_visa_h", record: toVisaH(response) }) : loaded.timeline) : null;
  const assessment = timeline ? assessTimeline(inputs, timeline, now) : null;
  if (assessment) await storeAssessment(db, organisationId, athleteId, assessment, inputs, now);
  // Records that need attention: stored as such, as every re-assessment does (no summary then).
  else await refreshAssessments(db, organisationId, [athleteId], now, { inlineWriteOf: athleteId });
  return { response, created, total: response.total, summary: assessment?.visaH ?? null };
}

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

/**
 * The athlete's records are about to change: their profile row is locked first (its records
 * version counted up), as every other writer of their records and erasure lock it. Writing the
 * questionnaire first and bumping after could deadlock with an erasure of the same athlete,
 * which locks the profile and then deletes questionnaires.
 */
async function lockOwnRecords(db: Database, actor: Actor): Promise<void> {
  await bumpRecordsVersions(db, actor.organisationId, [ownAthleteId(actor)]);
}

/** Change the answers of a questionnaire within 24 hours: the total is recomputed, the old version stays in its history. */
export async function updateOwnVisaH(db: Database, actor: Actor, now: Date, id: string, input: VisaHInput) {
  await lockOwnRecords(db, actor);
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
  await lockOwnRecords(db, actor);
  const { athleteId } = await ownEditable(db, actor, now, id);
  const row = await withdrawVisaHResponse(db, actor.organisationId, athleteId, id, actor.userId, now);
  if (!row) throw new DomainError("not_found", "This questionnaire does not exist or was withdrawn.");
  const assessment = (await afterClinicalWrite(db, actor.organisationId, [athleteId], now, { feedbackFor: athleteId })).get(athleteId);
  return { id: row.id, summary: assessment?.visaH ?? null };
}

/**
 * The athlete's questionnaires, the item labels, when the next one is due and the change from
 * baseline. "Due" is Today's: the plan's reminder interval, or sooner when an exit criterion of
 * the phase waits for one (the stored assessment's thresholds); the default interval only when
 * the records cannot be assessed.
 */
export async function ownVisaH(db: Database, actor: Actor, now: Date) {
  const athleteId = ownAthleteId(actor);
  const [responses, plan, assessment] = await Promise.all([
    listVisaHResponses(db, actor.organisationId, athleteId),
    currentPlan(db, actor.organisationId, athleteId),
    getAssessment(db, actor.organisationId, athleteId, now),
  ]);
  const latest = responses.at(-1) ?? null;
  const baseline = plan?.visaHBaseline ?? responses[0]?.total ?? null;
  const lastAt = latest?.at ?? null;
  return {
    items: visaHItems,
    responses: responses.map((r) => ({
      id: r.id,
      at: r.at,
      items: r.items,
      total: r.total,
      // The athlete may change or withdraw their own for 24 hours, like a log.
      editable: r.completedById === actor.userId && withinEditWindow(r.createdAt, now),
    })),
    due: assessment ? visaHDueForAssessment(lastAt, assessment, now) : visaHDueByDefault(lastAt, now),
    // Meaningful by the plan's threshold, as the caseload and the exit criteria judge it.
    change: latest && baseline !== null ? visaHChange(baseline, latest.total, assessment?.thresholds.visaH.meaningfulChange) : null,
  };
}
