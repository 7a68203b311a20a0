import { listAthleteLogRevisions, listCheckIns, listGaitAssessments, listSessionLogs, listVisaHResponses, type Database } from "@loadline/db";
import { withinEditWindow, type Actor } from "@loadline/domain";
import { getAssessment } from "./assessments";
import { clinicalSubject, recordAudit } from "./audit";

const DAY_MS = 86_400_000;

/**
 * Everything an athlete logged and what the engine made of it, for their physio: sessions and
 * runs, morning check-ins (with red-flag answers), VISA-H history, gait assessments, the current
 * flags, and every edit or deletion of a log. One audited read over a window of days.
 */
export async function athleteRecords(db: Database, actor: Actor, now: Date, athleteId: string, days: number) {
  const athlete = await clinicalSubject(db, actor, "episode.read", athleteId);
  const since = new Date(now.getTime() - days * DAY_MS);
  const orgId = actor.organisationId;
  const [sessions, checkIns, visaH, gait, revisions, assessment] = await Promise.all([
    listSessionLogs(db, orgId, athlete.id, since),
    listCheckIns(db, orgId, athlete.id, since),
    listVisaHResponses(db, orgId, athlete.id),
    listGaitAssessments(db, orgId, athlete.id),
    listAthleteLogRevisions(db, orgId, athlete.id, since),
    getAssessment(db, orgId, athlete.id, now),
  ]);
  const revisionCount = new Map<string, number>();
  for (const r of revisions) revisionCount.set(r.logId, (revisionCount.get(r.logId) ?? 0) + 1);
  await recordAudit(db, actor, now, [
    {
      athleteId: athlete.id,
      action: "read",
      entity: "athlete_records",
      detail: `Viewed ${sessions.length} log(s), ${checkIns.length} check-in(s), ${visaH.length} VISA-H, ${gait.length} gait assessment(s) of the last ${days} days`,
    },
  ]);
  return {
    days,
    sessions: sessions.map((s) => ({ ...s, revisions: revisionCount.get(s.id) ?? 0, athleteMayEdit: withinEditWindow(s.createdAt, now) })),
    checkIns: checkIns.map((c) => ({ ...c, revisions: revisionCount.get(c.id) ?? 0 })),
    visaH: [...visaH].reverse(),
    gait,
    flags: assessment?.flags ?? [],
    revisions: revisions.map((r) => ({ id: r.id, logKind: r.logKind, logId: r.logId, action: r.action, changedAt: r.changedAt, changedById: r.changedById, data: r.data })),
  };
}
