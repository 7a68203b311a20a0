/**
 * Benchmark: assess 500 athletes with 1 day and with 365 days of daily logs (one session and one
 * morning check-in per day, plus a weekly VISA-H). Timelines are built and parsed up front;
 * only `assessAthlete` is timed (median of 5 rounds after a warm-up round). Run with `pnpm --filter @loadline/domain bench`.
 */
import { assessAthlete, athleteTimelineSchema, type AthleteTimeline } from "../src/clinical";

// The package's tsconfig has no DOM or Node types (the domain must not use them); declare the two
// runtime globals this script needs instead of pulling @types/node into the package.
declare const performance: { now(): number };
declare const console: { log(...args: unknown[]): void };

const DAY = 86_400_000;
const NOW = new Date("2025-03-03T20:00:00Z");
const ATHLETES = 500;

function buildTimeline(athlete: number, days: number): AthleteTimeline {
  const sessions = [];
  const checkIns = [];
  const visaH = [];
  for (let d = days - 1; d >= 0; d -= 1) {
    const morning = NOW.getTime() - d * DAY - 13 * 3_600_000;
    const pain = (athlete + d) % 5;
    checkIns.push({ id: `c${d}`, at: new Date(morning), morningPain: pain % 3, loadTestPain: pain, sittingToleranceMinutes: 40 + (d % 7), longestSitMinutes: 20 + (d % 20) });
    const at = new Date(morning + 4 * 3_600_000);
    if (d % 3 === 0) {
      sessions.push({ id: `s${d}`, at, type: "run", distanceKm: 4 + (d % 5), minutes: 25 + (d % 5) * 6, rpe: 4, painDuring: pain % 4, painAfter: pain % 3, strides: d % 9 === 0 ? 4 : 0, surface: "road" });
    } else {
      sessions.push({ id: `s${d}`, at, type: "strength", minutes: 45, rpe: 6, painDuring: pain % 3, painAfter: 1, heavy: d % 3 === 1, categories: ["heavy_slow_resistance"], heaviestRm: 8 });
    }
    if (d % 7 === 0) visaH.push({ id: `v${d}`, at, items: [5, 5, 5, 5, 5, 5, 4, 10] });
  }
  return athleteTimelineSchema.parse({
    athlete: { id: `a${athlete}`, squadIds: ["sq"], preInjuryWeeklyKm: 40, birthYear: 1985 },
    plan: { id: `p${athlete}`, athleteId: `a${athlete}`, version: 1, authorId: "physio", createdAt: new Date(NOW.getTime() - 40 * DAY), phase: ((athlete % 4) + 1) as 1 | 2 | 3 | 4, phaseStartedAt: new Date(NOW.getTime() - 40 * DAY), targetEasyRun: { distanceKm: 6 } },
    sessions,
    checkIns,
    visaH,
    squadSessions: [{ id: "q1", at: new Date(NOW.getTime() + DAY), squadId: "sq", kind: "hills" }],
  });
}

function bench(days: number): void {
  const timelines = Array.from({ length: ATHLETES }, (_, i) => buildTimeline(i, days));
  const logs = timelines.reduce((sum, t) => sum + t.sessions.length + t.checkIns.length + t.visaH.length, 0);
  for (const t of timelines) assessAthlete(t, NOW); // warm-up, so the JIT is not timed
  // Median of 5 rounds: the machine is shared, single rounds are noisy.
  const rounds: number[] = [];
  let flags = 0;
  for (let round = 0; round < 5; round += 1) {
    flags = 0;
    const start = performance.now();
    for (const t of timelines) flags += assessAthlete(t, NOW).flags.length;
    rounds.push(performance.now() - start);
  }
  const ms = rounds.sort((a, b) => a - b)[2] as number;
  console.log(
    `${String(days).padStart(3)} day(s) x ${ATHLETES} athletes: ${ms.toFixed(1)} ms total, ` +
      `${(ms / ATHLETES).toFixed(3)} ms per athlete, ${((ms * 1000) / logs).toFixed(2)} µs per log ` +
      `(${logs} logs, ${flags} flags)`,
  );
}

bench(1);
bench(365);
