import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessAthlete,
  availabilityRank,
  nextMorningZone,
  painZone,
  resolveThresholds,
  severities,
  worstOfZones,
  zones,
  type AthleteTimeline,
  type LoggedSession,
  type MorningCheckIn,
  type Zone,
} from "../src/clinical";
import { NOW } from "./helpers";

const DAY = 86_400_000;
const HORIZON = 60 * DAY;
const pain = fc.integer({ min: 0, max: 10 });
const pastTime = fc.integer({ min: 1, max: HORIZON }).map((ms) => new Date(NOW.getTime() - ms));

const sessionArb = (id: string): fc.Arbitrary<LoggedSession> =>
  fc.oneof(
    fc.record({
      id: fc.constant(id), at: pastTime, type: fc.constant("run" as const), painDuring: pain, painAfter: fc.option(pain, { nil: undefined }),
      rpe: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }), minutes: fc.option(fc.integer({ min: 10, max: 120 }), { nil: undefined }),
      distanceKm: fc.integer({ min: 1, max: 25 }), steepestGradientPct: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      surface: fc.option(fc.constantFrom("road" as const, "trail" as const), { nil: undefined }), strides: fc.integer({ min: 0, max: 6 }),
      sprints: fc.integer({ min: 0, max: 3 }), walkRun: fc.boolean(), asPrescribed: fc.boolean(),
      activities: fc.subarray(["hills", "plyometrics", "walking"] as const).map((a) => [...a]), categories: fc.constant([]),
      heavy: fc.constant(false), fullIntensity: fc.boolean(), fullTraining: fc.boolean(),
    }),
    fc.record({
      id: fc.constant(id), at: pastTime, type: fc.constantFrom("strength" as const, "field" as const, "cross_training" as const), painDuring: pain,
      painAfter: fc.option(pain, { nil: undefined }), rpe: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }), minutes: fc.integer({ min: 10, max: 120 }),
      asPrescribed: fc.boolean(), activities: fc.subarray(["static_hamstring_stretch", "deep_lunge", "walking", "isometrics"] as const).map((a) => [...a]),
      categories: fc.subarray(["isometric", "eccentric", "heavy_slow_resistance"] as const).map((a) => [...a]), heavy: fc.boolean(),
      heaviestRm: fc.option(fc.integer({ min: 5, max: 15 }), { nil: undefined }), fullIntensity: fc.boolean(), fullTraining: fc.boolean(),
    }),
  ) as fc.Arbitrary<LoggedSession>;

const checkInArb = (id: string): fc.Arbitrary<MorningCheckIn> =>
  fc.record({
    id: fc.constant(id), at: pastTime, morningPain: pain, loadTestPain: fc.option(pain, { nil: undefined }), restPain: fc.option(pain, { nil: undefined }),
    longestSitMinutes: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }), sittingToleranceMinutes: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    redFlags: fc.subarray(["night_pain_waking", "saddle_numbness"] as const, { maxLength: 1 }).map((a) => [...a]),
  });

const timelineArb: fc.Arbitrary<AthleteTimeline> = fc
  .record({
    // null: a healthy athlete without a plan (not in rehab).
    phase: fc.constantFrom(null, 1 as const, 2 as const, 3 as const, 4 as const),
    profile: fc.constantFrom("pht" as const, "silbernagel" as const),
    sessionCount: fc.integer({ min: 0, max: 25 }),
    checkInCount: fc.integer({ min: 0, max: 25 }),
    phaseDaysAgo: fc.integer({ min: 0, max: 120 }),
  })
  .chain(({ phase, profile, sessionCount, checkInCount, phaseDaysAgo }) =>
    fc.record({
      sessions: fc.tuple(...Array.from({ length: sessionCount }, (_, i) => sessionArb(`s${i}`))),
      checkIns: fc.tuple(...Array.from({ length: checkInCount }, (_, i) => checkInArb(`c${i}`))),
    }).map(({ sessions, checkIns }) => ({
      athlete: { id: "a", squadIds: [], conditions: [] },
      plan: phase === null ? null : {
        id: "p", athleteId: "a", version: 1, authorId: "u", createdAt: new Date(NOW.getTime() - phaseDaysAgo * DAY), phase,
        phaseStartedAt: new Date(NOW.getTime() - phaseDaysAgo * DAY), prescriptions: [], allowedActivities: [], forbiddenActivities: [],
        thresholds: { pain: { profile } }, returnToSportElements: [],
      },
      sessions: [...sessions], checkIns: [...checkIns], visaH: [], gaitAssessments: [], adjuncts: [], capacityTests: [], squadSessions: [], reviews: [],
    })),
  );

const zoneRank = (z: Zone) => zones.indexOf(z);
const severityRank = (s: string | null) => (s === null ? -1 : severities.indexOf(s as (typeof severities)[number]));
const canonical = (a: ReturnType<typeof assessAthlete>) => JSON.stringify(a);
const thresholds = resolveThresholds({});
/**
 * Each property takes well under a second on a quiet machine (measured 0.2-0.4 s with 150-200
 * runs); the explicit timeout leaves room for a loaded, coverage-instrumented run.
 */
const PROPERTY_TIMEOUT_MS = 60_000;

describe("invariants (property-based)", () => {
  it("the outcome is never better than its worst input", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...zones), { nil: null }), { maxLength: 5 }), (components) => {
        const outcome = worstOfZones(components);
        for (const c of components) if (c !== null) expect(zoneRank(outcome)).toBeGreaterThanOrEqual(zoneRank(c));
      }),
    );
    fc.assert(
      fc.property(timelineArb, (t) => {
        const a = assessAthlete(t, NOW);
        const outcome = a.latestOutcome;
        if (outcome === null) return;
        for (const c of [outcome.during, outcome.after, outcome.nextMorning]) if (c !== null) expect(zoneRank(outcome.zone)).toBeGreaterThanOrEqual(zoneRank(c));
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("pain zones and the next-morning zone are monotone", () => {
    fc.assert(
      fc.property(pain, pain, (a, b) => {
        if (a <= b) expect(zoneRank(painZone(a, thresholds))).toBeLessThanOrEqual(zoneRank(painZone(b, thresholds)));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 10 }), fc.integer({ min: -10, max: 10 }), (a, b) => {
        if (a <= b) expect(zoneRank(nextMorningZone(a, null, thresholds))).toBeLessThanOrEqual(zoneRank(nextMorningZone(b, null, thresholds)));
      }),
    );
  }, PROPERTY_TIMEOUT_MS);

  it("adding a red log never makes the assessment greener", () => {
    fc.assert(
      fc.property(timelineArb, fc.integer({ min: 0, max: 600 }), (t, minutesAgo) => {
        const before = assessAthlete(t, NOW);
        const latest = Math.max(0, ...t.sessions.map((s) => s.at.getTime()));
        const at = new Date(Math.max(latest + 1, NOW.getTime() - minutesAgo * 60_000));
        const red: LoggedSession = {
          id: "zz-red", at, type: "strength", painDuring: 10, painAfter: 10, minutes: 30, asPrescribed: true, activities: [], categories: [],
          heavy: false, fullIntensity: false, fullTraining: false,
        };
        const after = assessAthlete({ ...t, sessions: [...t.sessions, red] }, NOW);
        expect(severityRank(after.worstSeverity)).toBeGreaterThanOrEqual(Math.min(severityRank(before.worstSeverity), severityRank("red")));
        expect(severityRank(after.worstSeverity)).toBeGreaterThanOrEqual(severityRank("red"));
        expect(availabilityRank(after.availability)).toBeGreaterThanOrEqual(availabilityRank(before.availability));
        expect(after.latestOutcome?.zone).toBe("red");
        expect(after.progression.blocked).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("is deterministic and does not depend on input order", () => {
    fc.assert(
      fc.property(timelineArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (t, stream) => {
        const first = canonical(assessAthlete(t, NOW));
        expect(canonical(assessAthlete(t, NOW))).toBe(first);
        const shuffle = <T>(list: readonly T[]) =>
          list.map((item) => ({ item, key: stream.next().value as number })).sort((a, b) => a.key - b.key).map((x) => x.item);
        const shuffled = { ...t, sessions: shuffle(t.sessions), checkIns: shuffle(t.checkIns) };
        expect(canonical(assessAthlete(shuffled, NOW))).toBe(first);
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("never crashes, whatever the timeline (including empty) and whatever the evaluation time", () => {
    fc.assert(
      fc.property(timelineArb, fc.integer({ min: -HORIZON, max: HORIZON }), (t, offset) => {
        const a = assessAthlete(t, new Date(NOW.getTime() + offset));
        expect(a.inRehab).toBe(t.plan !== null);
        if (a.inRehab) expect(a.exitCriteria.length).toBeGreaterThan(0);
        else expect(a).toMatchObject({ phase: null, exitCriteria: [], nextHighLoadAt: null });
        expect(a.availability === "rehab" && !a.inRehab).toBe(false);
        for (const f of a.flags) {
          expect(f.ruleId).toMatch(/^R([1-9]|1\d|2[0-2])$/);
          expect(f.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
