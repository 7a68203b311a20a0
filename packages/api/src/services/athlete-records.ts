import {
  getCheckIn,
  getSessionLog,
  updateCheckIn,
  listAthleteLogRevisions,
  listCheckIns,
  listGaitAssessments,
  listSessionLogs,
  listVisaHResponses,
  readClubCalendar,
  updateSessionLog,
  type Database,
} from "@loadline/db";
import {
  correctedCheckIn,
  correctedFigures,
  describeCheckInCorrection,
  describeCorrection,
  DomainError,
  resolveLogWindow,
  withinEditWindow,
  type Actor,
  type LogWindowInput,
  type CheckInCorrection,
  type LogCorrection,
} from "@loadline/domain";
import { afterClinicalWrite, getAssessment } from "./assessments";
import { clinicalSubject, recordAudit } from "./audit";
import { mayWriteGait } from "./gait";

/**
 * Everything an athlete logged and what the engine made of it, for their physio: sessions and
 * runs, morning check-ins (with red-flag answers), VISA-H history, gait assessments, the current
 * flags, and every edit or deletion of a log. One audited read over a quick window of days or a
 * from-to range of the club's calendar days.
 */
export async function athleteRecords(db: Database, actor: Actor, now: Date, athleteId: string, range: LogWindowInput) {
  const athlete = await clinicalSubject(db, actor, "episode.read", athleteId);
  const orgId = actor.organisationId;
  const calendar = await readClubCalendar(db, orgId);
  const window = resolveLogWindow(range, now, calendar.timeZone, 28);
  const until = window.until ?? undefined;
  const [sessions, checkIns, visaH, gait, revisions, assessment, gaitAllowed] = await Promise.all([
    listSessionLogs(db, orgId, athlete.id, window.since, until),
    listCheckIns(db, orgId, athlete.id, window.since, until),
    listVisaHResponses(db, orgId, athlete.id),
    listGaitAssessments(db, orgId, athlete.id),
    listAthleteLogRevisions(db, orgId, athlete.id, window.since, until),
    getAssessment(db, orgId, athlete.id, now),
    mayWriteGait(db, actor),
  ]);
  const revisionCount = new Map<string, number>();
  for (const r of revisions) revisionCount.set(r.logId, (revisionCount.get(r.logId) ?? 0) + 1);
  await recordAudit(db, actor, now, [
    {
      athleteId: athlete.id,
      action: "read",
      entity: "athlete_records",
      detail: `Viewed ${sessions.length} log(s), ${checkIns.length} check-in(s), ${visaH.length} VISA-H, ${gait.length} gait assessment(s) of ${window.description}`,
    },
  ]);
  return {
    days: window.days,
    from: window.from,
    to: window.to,
    mayWriteGait: gaitAllowed,
    sessions: sessions.map((s) => ({ ...s, revisions: revisionCount.get(s.id) ?? 0, athleteMayEdit: withinEditWindow(s.createdAt, now) })),
    checkIns: checkIns.map((c) => ({ ...c, revisions: revisionCount.get(c.id) ?? 0, athleteMayEdit: withinEditWindow(c.createdAt, now) })),
    visaH: [...visaH].reverse(),
    gait: gait.map((g) => ({ ...g, revisions: revisionCount.get(g.id) ?? 0 })),
    flags: assessment?.flags ?? [],
    revisions: revisions.map((r) => ({ id: r.id, logKind: r.logKind, logId: r.logId, action: r.action, changedAt: r.changedAt, byStaff: r.changedById !== athlete.userId, reason: r.reason, data: r.data })),
  };
}

/**
 * A physio corrects the figures of an athlete's session or run after the athlete's edit window
 * (a mistyped pain score, a wrong distance): the new version goes into the log's history with the
 * physio's name and reason, which the athlete sees; audited; re-assessed.
 */
export async function correctAthleteLog(db: Database, actor: Actor, now: Date, athleteId: string, logId: string, correction: LogCorrection) {
  const athlete = await clinicalSubject(db, actor, "episode.write", athleteId);
  const orgId = actor.organisationId;
  const existing = await getSessionLog(db, orgId, athlete.id, logId);
  if (!existing || existing.deletedAt) throw new DomainError("not_found", "This log does not exist or was deleted.");
  const figures = correctedFigures(existing, correction);
  if (existing.type === "run" ? figures.minutes === null && figures.distanceKm === null : figures.minutes === null) {
    throw new DomainError("invalid", "minutes: a log needs its duration", { minutes: ["a log needs its duration"] });
  }
  const summary = describeCorrection(existing, figures);
  const { id: _id, organisationId: _org, athleteId: _athlete, idempotencyKey: _key, loggedById: _by, deletedAt: _deleted, createdAt: _created, updatedAt: _updated, ...values } = existing;
  const updated = await updateSessionLog(db, orgId, athlete.id, existing.id, { ...values, ...figures }, actor.userId, now, correction.reason);
  if (!updated) throw new DomainError("not_found", "This log does not exist or was deleted.");
  await recordAudit(db, actor, now, [{ athleteId: athlete.id, action: "write", entity: "session_log", entityId: existing.id, detail: `Corrected a log: ${summary}. Reason: ${correction.reason.slice(0, 200)}` }]);
  await afterClinicalWrite(db, orgId, [athlete.id], now);
  return { id: updated.id, summary };
}

/**
 * A physio corrects a morning check-in's answers (pains, stiffness, sitting) after the athlete's
 * edit window, with a reason kept in its history. Warning-sign answers are never changed here.
 */
export async function correctAthleteCheckIn(db: Database, actor: Actor, now: Date, athleteId: string, checkInId: string, correction: CheckInCorrection) {
  const athlete = await clinicalSubject(db, actor, "episode.write", athleteId);
  const orgId = actor.organisationId;
  const existing = await getCheckIn(db, orgId, athlete.id, checkInId);
  if (!existing || existing.deletedAt) throw new DomainError("not_found", "This check-in does not exist or was deleted.");
  const figures = correctedCheckIn(existing, correction);
  const summary = describeCheckInCorrection(existing, figures);
  const { id: _id, organisationId: _org, athleteId: _athlete, idempotencyKey: _key, deletedAt: _deleted, createdAt: _created, updatedAt: _updated, ...values } = existing;
  const updated = await updateCheckIn(db, orgId, athlete.id, existing.id, { ...values, ...figures }, actor.userId, now, correction.reason);
  if (!updated) throw new DomainError("not_found", "This check-in does not exist or was deleted.");
  await recordAudit(db, actor, now, [{ athleteId: athlete.id, action: "write", entity: "morning_check_in", entityId: existing.id, detail: `Corrected a check-in: ${summary}. Reason: ${correction.reason.slice(0, 200)}` }]);
  await afterClinicalWrite(db, orgId, [athlete.id], now);
  return { id: updated.id, summary };
}
