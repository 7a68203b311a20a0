import type { CoachAssessment, CoachFlag, CoachOutcome, CoachWorkload } from "./coach-view";
import { isActionable } from "./flags";

/**
 * One athlete's row on the squad board: only what the board (and its CSV export) shows, taken
 * from the coach-safe projection, so it can never carry more than a coach may see. It is
 * computed once, when the assessment is, and stored beside it: the board reads these rows and
 * never the full assessment. Times are epoch milliseconds, not Dates, so a row is plain JSON
 * (small on the wire, nothing to revive).
 *
 * A new board field is one line in `toBoardView` (and its type here); stored rows written by an
 * older engine version are re-assessed by the version sweep, so bump ENGINE_VERSION with it.
 */
export interface BoardView {
  /** When the engine evaluated (epoch ms): "allowed now" and the sparkline's last day. */
  evaluatedAt: number;
  availability: CoachAssessment["availability"];
  medicalReviewNeeded: boolean;
  phase: CoachAssessment["phase"];
  inRehab: boolean;
  worstSeverity: CoachAssessment["worstSeverity"];
  progressionBlocked: boolean;
  /**
   * The coach's flags the board shows as badges (not the information-only ones, which it leaves
   * to the overview), each sentence once, without times or evidence.
   */
  flags: Pick<CoachFlag, "ruleId" | "severity" | "message" | "medicalReview">[];
  latestOutcome: Pick<CoachOutcome, "zone" | "pending" | "incomplete"> | null;
  /** Next allowed high-tendon-load start (R7), epoch ms, or null without a limit. */
  nextHighLoadAt: number | null;
  workload: {
    weeklyVolume: Pick<CoachWorkload["weeklyVolume"], "unit" | "current" | "previous" | "changePct" | "zone" | "comparedWith">;
  } & Pick<CoachWorkload, "acwr" | "acwrZone" | "acwrSummary">;
  /** Logging compliance over 7 and 28 days (plain numbers). */
  compliance: CoachAssessment["compliance"];
  /** The zone and locale its dates are written in. */
  calendar: Pick<CoachAssessment["calendar"], "timeZone" | "locale">;
}

/** The board's row of a coach-safe assessment (see `BoardView`). */
export function toBoardView(coach: CoachAssessment): BoardView {
  const { unit, current, previous, changePct, zone, comparedWith } = coach.workload.weeklyVolume;
  const outcome = coach.latestOutcome;
  return {
    evaluatedAt: coach.evaluatedAt.getTime(),
    availability: coach.availability,
    medicalReviewNeeded: coach.medicalReviewNeeded,
    phase: coach.phase,
    inRehab: coach.inRehab,
    worstSeverity: coach.worstSeverity,
    progressionBlocked: coach.progression.blocked,
    flags: boardFlags(coach.flags),
    latestOutcome: outcome ? { zone: outcome.zone, pending: outcome.pending, incomplete: outcome.incomplete } : null,
    nextHighLoadAt: coach.nextHighLoadAt?.getTime() ?? null,
    workload: {
      weeklyVolume: { unit, current, previous, changePct, zone, comparedWith },
      acwr: coach.workload.acwr,
      acwrZone: coach.workload.acwrZone,
      acwrSummary: coach.workload.acwrSummary,
    },
    compliance: coach.compliance,
    calendar: { timeZone: coach.calendar.timeZone, locale: coach.calendar.locale },
  };
}

function boardFlags(flags: readonly CoachFlag[]): BoardView["flags"] {
  const seen = new Set<string>();
  const shown: BoardView["flags"] = [];
  for (const f of flags) {
    const key = `${f.ruleId}|${f.severity}|${f.message}`;
    if (!isActionable(f) || seen.has(key)) continue;
    seen.add(key);
    shown.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, medicalReview: f.medicalReview });
  }
  return shown;
}
