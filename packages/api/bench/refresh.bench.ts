/**
 * Benchmark: what one refresh of 500 athletes with a year of varied history costs in this
 * process, after the rows have arrived (the database's share is measured by `pnpm bench:scale`).
 *
 * - before: the whole year of every athlete, parsed with the timeline schema (what a refresh
 *   paid when it loaded ~400 days and validated every stored record on read), assessed, serialised;
 * - after: only the rows of the engine's read window (`withinReadWindow`, what the loader's SQL
 *   returns), mapped by the typed row mappers, assessed, and turned into the snapshot row a
 *   refresh stores (`snapshotOf`: the one-pass encoder and the board's row).
 *
 * Rows are built up front and not timed. Median of 5 rounds after a warm-up round, one core.
 * Run with `pnpm bench` (root) or `pnpm --filter @loadline/api bench`.
 */
import superjson from "superjson";
import { assessAthlete, athleteTimelineSchema, withinReadWindow, type AthleteTimeline } from "@loadline/domain";
import { variedTimeline } from "@loadline/domain/testing";
import { toCheckIn, toLoggedSession, toPlan } from "@loadline/db";
import { snapshotOf } from "../src/services/assessments";
import type { morningCheckIns, planVersions, sessionLogs } from "@loadline/db/schema";

type SessionRow = typeof sessionLogs.$inferSelect;
type CheckInRow = typeof morningCheckIns.$inferSelect;
type PlanRow = typeof planVersions.$inferSelect;

const NOW = new Date("2025-03-03T20:00:00Z");
const ATHLETES = 500;
const DAYS = 365;
const ORG = "00000000-0000-4000-8000-000000000001";

/**
 * A row as the driver hands it over: a fresh object, its columns assigned one by one. Rows
 * built with a spread (`{ ...shared, ...}`) get a slower shape: mapping them took ten times
 * what mapping the driver's rows takes, which this bench once reported as the mappers' cost.
 */
function asDriverRow<T extends object>(fields: T): T {
  const row: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(fields)) row[column] = value;
  return row as T;
}

/** The rows the database returns for a timeline's records (the inverse of the row mappers). */
function rowsOf(t: AthleteTimeline): { sessions: SessionRow[]; checkIns: CheckInRow[]; plan: PlanRow | null; rest: AthleteTimeline } {
  const stamp = { organisationId: ORG, athleteId: t.athlete.id, createdAt: NOW, updatedAt: NOW, deletedAt: null };
  const sessions = t.sessions.map((s): SessionRow => {
    const run = s.type === "run" ? s : null;
    return asDriverRow({
      ...stamp,
      id: s.id,
      at: s.at,
      type: s.type,
      minutes: s.minutes ?? null,
      rpe: s.rpe ?? null,
      painDuring: s.painDuring,
      painAfter: s.painAfter ?? null,
      asPrescribed: s.asPrescribed,
      activities: [...s.activities],
      categories: [...s.categories],
      heavy: s.heavy,
      heaviestRm: s.heaviestRm ?? null,
      fullIntensity: s.fullIntensity,
      fullTraining: s.fullTraining,
      notes: s.notes ?? "",
      distanceKm: run?.distanceKm ?? null,
      elevationGainM: run?.elevationGainM ?? null,
      steepestGradientPct: run?.steepestGradientPct ?? null,
      surface: run?.surface ?? null,
      strides: run ? run.strides : null,
      sprints: run ? run.sprints : null,
      cadenceSpm: run?.cadenceSpm ?? null,
      walkRun: run ? run.walkRun : null,
      importedFrom: null,
      idempotencyKey: s.id,
      loggedById: t.athlete.id,
    });
  });
  const checkIns = t.checkIns.map(
    (c): CheckInRow => asDriverRow({
      ...stamp,
      id: c.id,
      at: c.at,
      morningPain: c.morningPain,
      stiffnessMinutes: c.stiffnessMinutes ?? null,
      loadTestPain: c.loadTestPain ?? null,
      restPain: c.restPain ?? null,
      longestSitMinutes: c.longestSitMinutes ?? null,
      sittingToleranceMinutes: c.sittingToleranceMinutes ?? null,
      cushionUsed: null,
      redFlags: [...c.redFlags],
      idempotencyKey: c.id,
    }),
  );
  const p = t.plan;
  const plan: PlanRow | null = p
    ? {
        id: p.id,
        organisationId: ORG,
        athleteId: t.athlete.id,
        episodeId: null,
        version: p.version,
        phase: p.phase,
        phaseStartedAt: p.phaseStartedAt,
        content: { ...p } as unknown as PlanRow["content"],
        authorId: p.authorId,
        changeSummary: "",
        phaseChange: null,
        phaseChangeReason: null,
        createdAt: p.createdAt,
      }
    : null;
  return { sessions, checkIns, plan, rest: t };
}

function median(rounds: number[]): number {
  return [...rounds].sort((a, b) => a - b)[Math.floor(rounds.length / 2)] as number;
}

function time(label: string, records: number, run: () => number): number {
  run(); // warm-up, so the JIT is not timed
  const rounds: number[] = [];
  let flags = 0;
  for (let round = 0; round < 5; round += 1) {
    const start = performance.now();
    flags = run();
    rounds.push(performance.now() - start);
  }
  const ms = median(rounds);
  console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms  (${(ms / ATHLETES).toFixed(3)} ms per athlete, ${records} records, ${flags} flags)`);
  return ms;
}

/** Issue 9's budget for what one refresh of 500 athletes x 365 days pays on one core. */
const REFRESH_TARGET_MS = 250;

const whole = Array.from({ length: ATHLETES }, (_, i) => variedTimeline(i, DAYS, NOW));
const windowed = whole.map((t) => rowsOf(withinReadWindow(t, NOW)));
const wholeInput = whole.map((t) => JSON.parse(JSON.stringify(t)) as unknown);
const count = (ts: { sessions: unknown[]; checkIns: unknown[] }[]) => ts.reduce((n, t) => n + t.sessions.length + t.checkIns.length, 0);

console.log(`${ATHLETES} athletes x ${DAYS} days of varied history (episodes, gait, adjuncts, tests, reviews), one refresh:`);
time("engine only, whole year (assessAthlete)", count(whole), () => whole.reduce((n, t) => n + assessAthlete(t, NOW).flags.length, 0));
time("before: parse whole year with zod + assess + serialise", count(whole), () =>
  wholeInput.reduce<number>((n, input) => {
    const assessment = assessAthlete(athleteTimelineSchema.parse(input), NOW);
    superjson.serialize(assessment);
    return n + assessment.flags.length;
  }, 0),
);
const refreshMs = time("after: map the read window's rows + assess + snapshot row", count(windowed), () =>
  windowed.reduce((n, rows) => {
    const timeline: AthleteTimeline = {
      ...rows.rest,
      plan: rows.plan ? toPlan(rows.plan) : null,
      sessions: rows.sessions.map(toLoggedSession),
      checkIns: rows.checkIns.map(toCheckIn),
    };
    const assessment = assessAthlete(timeline, NOW);
    snapshotOf(timeline.athlete.id, assessment, NOW, 0);
    return n + assessment.flags.length;
  }, 0),
);
let mapped: AthleteTimeline[] = [];
time("  of which row mapping", count(windowed), () => {
  mapped = windowed.map((rows) => ({ ...rows.rest, plan: rows.plan ? toPlan(rows.plan) : null, sessions: rows.sessions.map(toLoggedSession), checkIns: rows.checkIns.map(toCheckIn) }));
  return 0;
});
const assessments = mapped.map((t) => assessAthlete(t, NOW));
time("  of which the engine on the window", count(windowed), () => mapped.reduce((n, t) => n + assessAthlete(t, NOW).flags.length, 0));
time("  of which the snapshot rows (encoding and board row)", count(windowed), () => {
  for (const a of assessments) snapshotOf(a.athleteId, a, NOW, 0);
  return 0;
});
console.log(`${refreshMs <= REFRESH_TARGET_MS ? "ok  " : "MISS"} one refresh (map + assess + snapshot row): ${refreshMs.toFixed(1)} ms (target <= ${REFRESH_TARGET_MS} ms)`);
