import { availabilityRank, isActionable, severityRank, type Availability, type Compliance, type Phase, type Severity } from "@loadline/domain";
import { currentPhases, lastLogTimes, listOpenAlerts, listOpenEpisodes, type Database } from "@loadline/db";
import { readAssessments, type AssessmentState } from "./assessments";

const DAY_MS = 86_400_000;

export interface CaseloadRow {
  athleteId: string;
  athleteName: string;
  episodeId: string;
  side: "left" | "right" | "both";
  openedAt: Date;
  owningClinicianName: string;
  /** null until the first plan version is written. */
  phase: Phase | null;
  daysInPhase: number | null;
  daysSinceLastLog: number | null;
  /** Worst severity among unresolved alerts (amber and above), null when none. */
  worstOpenSeverity: Severity | null;
  openAlertCount: number;
  /** Open alerts waiting for a physio review (R4's two reds, R19, R20, escalations): these athletes are listed first. */
  openEscalations: number;
  visaHChange: number | null;
  /** True when the change reaches the plan's meaningful change (default 13 points); null without VISA-H. */
  visaHMeaningfulImprovement: boolean | null;
  visaHLatest: number | null;
  availability: Availability;
  progressionBlocked: boolean;
  /** Logging compliance over 7 and 28 days, from the stored assessment; null before the first. */
  compliance: Compliance | null;
  /** Whether the figures above come from an assessment ("being_assessed": none stored yet). */
  assessmentState: AssessmentState;
  assessedAt: Date | null;
}

const rankOrNone = (s: Severity | null) => (s === null ? -1 : severityRank(s));

/**
 * The physio's caseload: every athlete with an open injury episode, with what the list sorts
 * and filters on. A fixed number of queries (episodes, stored snapshots, alerts, last logs).
 */
export async function buildCaseload(db: Database, organisationId: string, now: Date): Promise<CaseloadRow[]> {
  const episodes = await listOpenEpisodes(db, organisationId);
  const ids = episodes.map((e) => e.athleteId);
  const [assessments, openAlerts, lastLogs, phases] = await Promise.all([
    readAssessments(db, organisationId, ids, now),
    listOpenAlerts(db, organisationId, ids),
    lastLogTimes(db, organisationId, ids),
    currentPhases(db, organisationId, ids),
  ]);
  const rows = episodes.map((episode): CaseloadRow => {
    const stored = assessments.get(episode.athleteId);
    const assessment = stored?.assessment;
    const alerts = openAlerts.filter((a) => a.athleteId === episode.athleteId && isActionable(a));
    const worst = alerts.reduce<Severity | null>((w, a) => (rankOrNone(a.severity) > rankOrNone(w) ? a.severity : w), null);
    const escalations = alerts.filter((a) => a.severity === "escalate" || a.needsReview).length;
    const lastLog = lastLogs.get(episode.athleteId);
    const plan = phases.get(episode.athleteId);
    return {
      ...episode,
      phase: plan ? plan.phase : null,
      daysInPhase: plan ? Math.floor((now.getTime() - plan.phaseStartedAt.getTime()) / DAY_MS) : null,
      daysSinceLastLog: lastLog ? Math.floor((now.getTime() - lastLog.getTime()) / DAY_MS) : null,
      worstOpenSeverity: worst,
      openAlertCount: alerts.length,
      openEscalations: escalations,
      visaHChange: assessment?.visaH?.change ?? null,
      visaHMeaningfulImprovement: assessment?.visaH?.meaningfulImprovement ?? null,
      visaHLatest: assessment?.visaH?.latestTotal ?? null,
      availability: assessment?.availability ?? "rehab",
      progressionBlocked: assessment?.progression.blocked ?? false,
      compliance: assessment?.compliance ?? null,
      assessmentState: stored?.state ?? "being_assessed",
      assessedAt: stored?.computedAt ?? null,
    };
  });
  // Red-flag escalations first, then the worst open severity, then name.
  return rows.sort(
    (a, b) =>
      Number(b.openEscalations > 0) - Number(a.openEscalations > 0) ||
      rankOrNone(b.worstOpenSeverity) - rankOrNone(a.worstOpenSeverity) ||
      availabilityRank(b.availability) - availabilityRank(a.availability) ||
      a.athleteName.localeCompare(b.athleteName),
  );
}
