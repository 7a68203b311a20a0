import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessAthlete, painZone, resolveThresholds, worstOfZones, zones, type AthleteTimeline, type Zone } from "../src/clinical";
import { NOW, ago, checkIn, strength, timeline } from "./helpers";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const pain = fc.integer({ min: 0, max: 10 });
const rank = (z: Zone) => zones.indexOf(z);

/**
 * Daily 07:00 mornings (some missing) and 1-4 sessions 2-6 days ago, so every next-morning
 * window has closed (a session from last night is "pending", which is not a verdict).
 */
const arb = fc.record({
  phase: fc.constantFrom(null, 1 as const, 2 as const, 3 as const, 4 as const),
  mornings: fc.array(fc.option(pain, { nil: null }), { minLength: 15, maxLength: 15 }),
  sessions: fc.array(fc.record({ daysAgo: fc.integer({ min: 2, max: 6 }), painDuring: pain, painAfter: pain }), { minLength: 1, maxLength: 4 }),
  drop: fc.constantFrom("baseline" as const, "next" as const, "both" as const),
});

function toTimeline(x: { phase: 1 | 2 | 3 | 4 | null; mornings: (number | null)[]; sessions: { daysAgo: number; painDuring: number; painAfter: number }[] }): AthleteTimeline {
  const checkIns = x.mornings.flatMap((p, i) => (p === null ? [] : [checkIn(14 - i, { id: `c${i}`, morningPain: p })]));
  // 18:00 UTC on the day, two hours earlier per index so sessions never share a start.
  const sessions = x.sessions.map((s, i) => strength({ id: `s${i}`, at: ago(s.daysAgo, 2 + 2 * i), painDuring: s.painDuring, painAfter: s.painAfter }));
  return timeline({ phase: x.phase ?? 3, plan: x.phase === null ? null : {}, sessions, checkIns });
}

describe("missing data never improves an outcome", () => {
  it("dropping the mornings R3 needs for the latest session never leaves it 'progress', and never lifts a progression block", () => {
    fc.assert(
      fc.property(arb, (x) => {
        const full = toTimeline(x);
        const latest = [...full.sessions].sort((a, b) => a.at.getTime() - b.at.getTime()).at(-1)!;
        const t = latest.at.getTime();
        const lookback = resolveThresholds(full.plan?.thresholds).nextMorning.baselineLookbackDays * DAY;
        const inBaseline = (at: Date) => at.getTime() <= t && at.getTime() >= t - lookback;
        const inNext = (at: Date) => at.getTime() > t && at.getTime() <= t + 36 * HOUR;
        const keep = (at: Date) => !((x.drop !== "next" && inBaseline(at)) || (x.drop !== "baseline" && inNext(at)));
        const reduced = { ...full, checkIns: full.checkIns.filter((c) => keep(c.at)) };
        const before = assessAthlete(full, NOW);
        const after = assessAthlete(reduced, NOW);
        expect(after.latestOutcome?.decision).not.toBe("progress");
        expect(after.latestOutcome?.incomplete).toBe(true);
        if (before.progression.blocked) expect(after.progression.blocked).toBe(true);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it("an outcome is 'progress' only when both its mornings were logged, and is never greener than its own pain", () => {
    fc.assert(
      fc.property(arb, (x) => {
        const t = toTimeline(x);
        const thresholds = resolveThresholds(t.plan?.thresholds);
        const a = assessAthlete(t, NOW);
        const o = a.latestOutcome!;
        const latest = t.sessions.find((s) => s.id === o.sessionId)!;
        const own = worstOfZones([painZone(latest.painDuring, thresholds), latest.painAfter === undefined ? null : painZone(latest.painAfter, thresholds)]);
        expect(rank(o.zone)).toBeGreaterThanOrEqual(rank(own));
        if (o.decision === "progress" && !o.pending) {
          expect(o.baselineAt).not.toBeNull();
          expect(o.nextMorningPain).not.toBeNull();
        }
        if (o.baselineAt === null && o.nextMorningPain !== null && o.nextMorningPain > thresholds.pain[thresholds.pain.profile].greenMax) {
          expect(rank(o.zone)).toBeGreaterThanOrEqual(rank("amber"));
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
