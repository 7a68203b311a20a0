import {
  assertPhaseStart,
  decideDischarge,
  decidePhaseChange,
  diffPlans,
  formatInClubTime,
  DomainError,
  phaseInfo,
  type Actor,
  redFlagOpen,
  type PhasedPlanBody,
  type Phase,
  type PlanBody,
} from "@loadline/domain";
import {
  closeEpisode,
  getLatestPlanVersion,
  getOpenEpisode,
  readClubCalendar,
  type ClubCalendarRow,
  insertPlanVersion,
  retiredExerciseNames,
  type Database,
  type PlanVersionRow,
  type PlanVersionWithAuthor,
} from "@loadline/db";
import type { PlanContent } from "@loadline/db/schema";
import { afterClinicalWrite, assessNow } from "./assessments";
import { clinicalSubject, recordAudit } from "./audit";

/** The plan body of a stored version, with its phase, as the domain diff reads it. */
export function phasedBody(row: Pick<PlanVersionRow, "phase" | "content">): PhasedPlanBody {
  const c = row.content;
  return {
    phase: row.phase,
    prescriptions: c.prescriptions ?? [],
    allowedActivities: c.allowedActivities ?? [],
    forbiddenActivities: c.forbiddenActivities ?? [],
    thresholds: c.thresholds ?? {},
    returnToSportElements: c.returnToSportElements ?? [],
    ...(c.targetEasyRun ? { targetEasyRun: c.targetEasyRun } : {}),
    ...(c.maintenancePlan !== undefined ? { maintenancePlan: c.maintenancePlan } : {}),
    ...(c.visaHBaseline !== undefined ? { visaHBaseline: c.visaHBaseline } : {}),
    ...(c.notes !== undefined ? { notes: c.notes } : {}),
  };
}

/** The conflict message: what the other physio saved, so nothing is silently overwritten. */
function conflictError(latest: PlanVersionWithAuthor | null, yourBase: number, calendar: ClubCalendarRow): DomainError {
  const other = latest
    ? `${latest.authorName} saved version ${latest.version} at ${formatInClubTime(latest.createdAt, calendar, "time")} ("${latest.changeSummary}")`
    : "the plan changed";
  return new DomainError(
    "conflict",
    `This plan changed while you were editing (you started from version ${yourBase}): ${other}. Your changes were not saved. Reload the plan, check their change, then apply yours again.`,
  );
}

interface SaveRequest {
  athleteId: string;
  baseVersion: number;
  /** Required for the first version; later versions keep the phase (use changePhase). */
  phase?: Phase | undefined;
  body: PlanBody;
  changeSummary?: string | undefined;
  /** First version only: when the athlete began this phase, if before today (see `assertPhaseStart`). */
  phaseStartedAt?: Date | undefined;
}

/**
 * Save a new plan version on top of `baseVersion`. Optimistic concurrency: when the latest
 * version is no longer `baseVersion`, or another save wins the race for the next number, the
 * save is refused with CONFLICT naming the other change.
 */
export async function savePlanVersion(db: Database, actor: Actor, now: Date, input: SaveRequest): Promise<PlanVersionRow> {
  const orgId = actor.organisationId;
  const athlete = await clinicalSubject(db, actor, "plan.write", input.athleteId);
  const request = { ...input, athleteId: athlete.id };
  const latest = await getLatestPlanVersion(db, orgId, request.athleteId);
  if ((latest?.version ?? 0) !== request.baseVersion) throw conflictError(latest, request.baseVersion, await readClubCalendar(db, orgId));
  const episode = await getOpenEpisode(db, orgId, request.athleteId);
  if (!episode) throw new DomainError("precondition_failed", "Open an injury episode before writing a plan.");
  const phase = latest ? latest.phase : request.phase;
  if (!phase) throw new DomainError("invalid", "Choose the starting phase", { phase: ["Choose the starting phase"] });
  if (request.phaseStartedAt !== undefined) {
    if (latest) throw new DomainError("invalid", "phaseStartedAt is set when the plan is created; later the phase change sets it", { phaseStartedAt: ["The phase start is set when the plan is created"] });
    assertPhaseStart(request.phaseStartedAt, now, episode.onsetDate);
  }
  const held = new Set((latest?.content.prescriptions ?? []).map((p) => p.id));
  const retired = await retiredExerciseNames(db, orgId, request.body.prescriptions.filter((p) => !held.has(p.id)).map((p) => p.id));
  if (retired.length > 0) {
    const message = `${retired.join(", ")} ${retired.length === 1 ? "is" : "are"} retired from the library: choose another exercise, or restore it in the library first`;
    throw new DomainError("invalid", message, { prescriptions: [message] });
  }
  const next: PhasedPlanBody = { ...request.body, phase };
  const changes = latest ? diffPlans(phasedBody(latest), next) : [];
  if (latest && changes.length === 0) {
    throw new DomainError("invalid", "Nothing changed since the last version", { _form: ["Nothing changed since the last version"] });
  }
  const summary =
    request.changeSummary?.trim() ||
    (latest ? changes.map((c) => c.summary).join("; ").slice(0, 500) : `Plan created in phase ${phase} (${phaseInfo[phase].name})`);
  const result = await insertPlanVersion(db, orgId, {
    athleteId: request.athleteId,
    episodeId: episode.id,
    version: request.baseVersion + 1,
    phase,
    phaseStartedAt: latest?.phaseStartedAt ?? request.phaseStartedAt ?? now,
    content: request.body,
    authorId: actor.userId,
    changeSummary: summary,
    phaseChange: null,
    phaseChangeReason: null,
    createdAt: now,
  });
  if (!result.ok) throw conflictError(await getLatestPlanVersion(db, orgId, request.athleteId), request.baseVersion, await readClubCalendar(db, orgId));
  await recordAudit(db, actor, now, [
    { athleteId: request.athleteId, action: "write", entity: "plan_version", entityId: result.row.id, detail: `Saved plan version ${result.row.version}: ${summary}` },
  ]);
  await afterClinicalWrite(db, orgId, [request.athleteId], now);
  return result.row;
}

interface PhaseChangeRequest {
  athleteId: string;
  baseVersion: number;
  toPhase: number;
  overrideReason?: string | undefined;
  reason?: string | undefined;
}

/**
 * Change the phase with sign-off: the engine's exit checklist decides whether a plain advance is
 * possible; otherwise an override reason is required (domain `decidePhaseChange`). The new
 * version records how and why, starts the phase clock and resets the activity overrides to the
 * new phase's defaults; the audit log records it too.
 */
export async function changePhase(db: Database, actor: Actor, now: Date, input: PhaseChangeRequest): Promise<PlanVersionRow> {
  const orgId = actor.organisationId;
  const athlete = await clinicalSubject(db, actor, "plan.write", input.athleteId);
  const request = { ...input, athleteId: athlete.id };
  const latest = await getLatestPlanVersion(db, orgId, request.athleteId);
  if (!latest) throw new DomainError("precondition_failed", "This athlete has no plan yet.");
  if (latest.version !== request.baseVersion) throw conflictError(latest, request.baseVersion, await readClubCalendar(db, orgId));
  // Computed now: the exit criteria must include a test result written a moment ago.
  const assessment = await assessNow(db, orgId, request.athleteId, now);
  const decision = decidePhaseChange({
    from: latest.phase,
    to: request.toPhase,
    criteria: assessment?.exitCriteria ?? [],
    // An unresolved escalation blocks any advance, override or not.
    redFlagOpen: redFlagOpen(assessment?.flags),
    overrideReason: request.overrideReason,
    reason: request.reason,
  });
  // The new phase's defaults apply: overrides made against the old phase's list no longer fit.
  const content: PlanContent = { ...latest.content, allowedActivities: [], forbiddenActivities: [] };
  const how =
    decision.kind === "advance"
      ? `Advanced to phase ${decision.to}: every exit criterion met`
      : decision.kind === "advance_override"
        ? `Advanced to phase ${decision.to} with override (${decision.unmetCriteria.join(", ")} not met): ${decision.reason}`
        : `Moved back to phase ${decision.to}: ${decision.reason}`;
  const result = await insertPlanVersion(db, orgId, {
    athleteId: request.athleteId,
    episodeId: latest.episodeId,
    version: latest.version + 1,
    phase: decision.to,
    phaseStartedAt: now,
    content,
    authorId: actor.userId,
    changeSummary: how.slice(0, 500),
    phaseChange: decision.kind,
    phaseChangeReason: decision.reason,
    createdAt: now,
  });
  if (!result.ok) throw conflictError(await getLatestPlanVersion(db, orgId, request.athleteId), request.baseVersion, await readClubCalendar(db, orgId));
  await recordAudit(db, actor, now, [
    { athleteId: request.athleteId, action: "write", entity: "plan_version", entityId: result.row.id, detail: how },
  ]);
  await afterClinicalWrite(db, orgId, [request.athleteId], now);
  return result.row;
}

interface DischargeRequest {
  athleteId: string;
  baseVersion: number;
  note?: string | undefined;
  overrideReason?: string | undefined;
}

/**
 * Discharge a phase-4 athlete: the engine's discharge checklist (E4.1-E4.4), computed now, decides
 * whether a plain sign-off is possible (domain `decideDischarge`); otherwise an override reason is
 * required. The episode is closed with a note saying how, which ends the plan; audited and
 * re-assessed in the procedure's transaction.
 */
export async function dischargeAthlete(db: Database, actor: Actor, now: Date, input: DischargeRequest) {
  const orgId = actor.organisationId;
  const athlete = await clinicalSubject(db, actor, "plan.write", input.athleteId);
  const request = { ...input, athleteId: athlete.id };
  const latest = await getLatestPlanVersion(db, orgId, request.athleteId);
  if (!latest) throw new DomainError("precondition_failed", "This athlete has no plan yet.");
  if (latest.version !== request.baseVersion) throw conflictError(latest, request.baseVersion, await readClubCalendar(db, orgId));
  const episode = await getOpenEpisode(db, orgId, request.athleteId);
  if (!episode) throw new DomainError("precondition_failed", "This athlete has no open episode to discharge from.");
  const assessment = await assessNow(db, orgId, request.athleteId, now);
  const decision = decideDischarge({
    phase: latest.phase,
    criteria: assessment?.exitCriteria ?? [],
    redFlagOpen: redFlagOpen(assessment?.flags),
    note: request.note,
    overrideReason: request.overrideReason,
  });
  const closed = await closeEpisode(db, orgId, episode.id, decision.note.slice(0, 2000), now);
  if (!closed) throw new DomainError("conflict", "This episode is already closed.");
  await recordAudit(db, actor, now, [
    { athleteId: request.athleteId, action: "write", entity: "injury_episode", entityId: episode.id, detail: decision.note.slice(0, 500) },
  ]);
  await afterClinicalWrite(db, orgId, [request.athleteId], now);
  return { episodeId: closed.id, kind: decision.kind, note: decision.note, unmetCriteria: decision.unmetCriteria };
}
