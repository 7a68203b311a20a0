import superjson from "superjson";
import {
  cadenceHint,
  preflightCheck,
  toBoardView,
  toCoachAssessment,
  toCoachPreflight,
  type Assessment,
  type BoardView,
  type PreflightResult,
  type SquadSessionKind,
} from "@loadline/domain";
import {
  readBoardRows,
  recentRunCadences,
  type BoardAthlete,
  type BoardPainPoint,
  type BoardSnapshot,
  type Database,
} from "@loadline/db";
import { queueStale, readAssessments, snapshotIsFresh, type AssessmentState } from "./assessments";
import { singleFlight } from "./single-flight";

const DAY_MS = 86_400_000;
export const SPARKLINE_DAYS = 14;

/** One row of the squad board: the athlete and the board's coach-safe row of their assessment. */
export interface BoardRow {
  athlete: BoardAthlete;
  /** The stored board row (`toBoardView`); null unless `assessmentState` is "assessed". */
  assessment: BoardView | null;
  /** "being_assessed": no snapshot yet (queued); "needs_attention": the records could not be assessed. */
  assessmentState: AssessmentState;
  /** When the shown assessment was computed (epoch ms; the board shows its age); null before the first. */
  assessedAt: number | null;
  /** Whole minutes since `assessedAt` at the request's time (the board's "assessed 5 min ago"). */
  assessedMinutesAgo: number | null;
  /** Whole days in the current phase, or null without a plan. */
  daysInPhase: number | null;
  /** Morning pain of the last 14 days, oldest first (the sparkline; epoch ms). */
  pain14: BoardPainPoint[];
  /** Whole days since the last session log or check-in, or null when nothing was logged. */
  daysSinceLastLog: number | null;
}

/** The board row of a snapshot: the stored one, or (a snapshot of an older engine version) made from its assessment. */
function boardViewOf(snapshot: BoardSnapshot): BoardView | null {
  if (snapshot.board) return snapshot.board;
  if (!snapshot.legacyAssessment) return null;
  const assessment: Assessment = superjson.deserialize(snapshot.legacyAssessment as Parameters<typeof superjson.deserialize>[0]);
  return toBoardView(toCoachAssessment(assessment));
}

/**
 * The squad board in at most two statements whatever the squad size: one reads every row (the
 * athletes of the chosen squads with their stored board row, phase start, 14 days of morning
 * pain and latest log, `readBoardRows`), and one INSERT queues the stale or missing snapshots,
 * only when there are any. Nothing is computed on the read and no full assessment is read: the
 * board row was made when the assessment was. An athlete not assessed yet, or whose records
 * cannot be assessed, keeps their row, marked, and never fails the board.
 *
 * Concurrent requests for the same board (organisation and squads) share one read, and so one
 * queue INSERT (`singleFlight`): the board is the same for every coach of the club who may open
 * it, and a request that joins a running read gets rows at most that read old.
 */
export function loadBoard(db: Database, organisationId: string, squadIds: string[] | undefined, now: Date): Promise<BoardRow[]> {
  const squads = squadIds && squadIds.length > 0 ? [...new Set(squadIds)].sort().join(",") : "all";
  return singleFlight(`board:${organisationId}:${squads}`, () => readBoard(db, organisationId, squadIds, now));
}

async function readBoard(db: Database, organisationId: string, squadIds: string[] | undefined, now: Date): Promise<BoardRow[]> {
  const rows = await readBoardRows(db, organisationId, squadIds, new Date(now.getTime() - SPARKLINE_DAYS * DAY_MS));
  const at = now.getTime();
  const stale = new Map<string, { stale: boolean }>();
  const result = rows.map(({ athlete, snapshot, phaseStartedAt, pain, lastLogAt }): BoardRow => {
    stale.set(athlete.id, { stale: !snapshot || !snapshotIsFresh(snapshot, now) });
    const view = snapshot ? boardViewOf(snapshot) : null;
    const state: AssessmentState = !snapshot ? "being_assessed" : view ? "assessed" : snapshot.unreadable ? "needs_attention" : "being_assessed";
    return {
      athlete,
      assessment: view,
      assessmentState: state,
      assessedAt: snapshot ? snapshot.computedAt : null,
      assessedMinutesAgo: snapshot ? Math.max(0, Math.floor((at - snapshot.computedAt) / 60_000)) : null,
      daysInPhase: view?.phase != null && phaseStartedAt !== null ? Math.max(0, Math.floor((at - phaseStartedAt) / DAY_MS)) : null,
      pain14: pain,
      daysSinceLastLog: lastLogAt !== null ? Math.max(0, Math.floor((at - lastLogAt) / DAY_MS)) : null,
    };
  });
  await queueStale(db, organisationId, stale);
  return result;
}

export interface PlannedSessionInput {
  id: string;
  kind: SquadSessionKind;
  at: Date;
  squadId: string;
}

export interface Verdict {
  sessionId: string;
  athleteId: string;
  result: PreflightResult;
}

/** An athlete of the week's squad who has no verdict yet, and why (the planner lists them too). */
export interface Unassessed {
  athleteId: string;
  state: Exclude<AssessmentState, "assessed">;
}

export interface SquadVerdicts {
  verdicts: Verdict[];
  /** Athletes without a stored assessment: queued ("being_assessed") or records needing attention. */
  unassessed: Unassessed[];
}

/**
 * Pre-flight verdicts for every planned session and every athlete of its squad, from the
 * stored assessments (one batch, never computed on the read), made coach-safe. An athlete
 * without one (just added, or records needing attention) is listed apart, never left out
 * silently: a coach planning the week must see the whole squad.
 */
export async function preflightVerdicts(
  db: Database,
  organisationId: string,
  athletes: BoardAthlete[],
  sessions: PlannedSessionInput[],
  now: Date,
): Promise<SquadVerdicts> {
  const stored = await readAssessments(db, organisationId, athletes.map((a) => a.id), now);
  const verdicts: Verdict[] = [];
  const unassessed: Unassessed[] = [];
  for (const athlete of athletes) {
    const state = stored.get(athlete.id);
    if (!state || state.state !== "assessed") unassessed.push({ athleteId: athlete.id, state: state?.state === "needs_attention" ? "needs_attention" : "being_assessed" });
  }
  for (const session of sessions) {
    for (const athlete of athletes) {
      if (!athlete.squads.some((s) => s.id === session.squadId)) continue;
      const assessment = stored.get(athlete.id)?.assessment;
      if (!assessment) continue;
      verdicts.push({
        sessionId: session.id,
        athleteId: athlete.id,
        result: toCoachPreflight(preflightCheck(assessment, { kind: session.kind, at: session.at })),
      });
    }
  }
  return { verdicts, unassessed };
}

export interface CadenceFlag {
  athleteId: string;
  sessionId: string;
  at: Date;
  cadenceSpm: number;
  usualCadenceSpm: number | null;
  imported: boolean;
  message: string;
}

/**
 * Low-cadence hints from recent runs: the latest run with a cadence, compared with the
 * athlete's median of the earlier ones (the domain's `cadenceHint` decides).
 */
export async function lowCadenceHints(db: Database, organisationId: string, athleteIds: string[], now: Date): Promise<CadenceFlag[]> {
  const runs = await recentRunCadences(db, organisationId, athleteIds, new Date(now.getTime() - 30 * DAY_MS));
  const byAthlete = new Map<string, typeof runs>();
  for (const run of runs) byAthlete.set(run.athleteId, [...(byAthlete.get(run.athleteId) ?? []), run]);
  const hints: CadenceFlag[] = [];
  for (const [athleteId, list] of byAthlete) {
    const [latest, ...earlier] = list;
    if (!latest) continue;
    const usual = median(earlier.map((r) => r.cadenceSpm));
    const hint = cadenceHint(latest.cadenceSpm, usual);
    if (!hint.overstrideLikely) continue;
    hints.push({
      athleteId,
      sessionId: latest.sessionId,
      at: latest.at,
      cadenceSpm: latest.cadenceSpm,
      usualCadenceSpm: usual,
      imported: latest.importedFrom !== null,
      message: hint.message,
    });
  }
  return hints;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
