import { describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";
import {
  assessAthlete,
  athleteTimelineSchema,
  defaultThresholds,
  deriveAvailability,
  parseAthleteTimeline,
  preflightCheck,
  squadSessionKinds,
  type Flag,
} from "../src/clinical";
import { NOW, ago, ahead, checkIn, run, ruleIdsOf, strength, timeline } from "./helpers";

const HOUR = 3_600_000;
const healthy = (overrides: Parameters<typeof timeline>[0] = {}) => timeline({ ...overrides, plan: null });
const flagOf = (ruleId: Flag["ruleId"], severity: Flag["severity"]): Flag => ({
  ruleId,
  severity,
  message: "",
  evidence: { recordIds: [], values: {} },
  blocksProgression: false,
  at: NOW,
  sensitive: false,
});

describe("timeline without a plan (schema)", () => {
  const raw = { athlete: { id: "a" }, sessions: [{ id: "s", at: ago(1).toISOString(), type: "strength", minutes: 30, painDuring: 0 }] };

  it("accepts an absent or null plan and defaults it to null", () => {
    expect(athleteTimelineSchema.parse(raw).plan).toBeNull();
    expect(athleteTimelineSchema.parse({ ...raw, plan: null }).plan).toBeNull();
    expect(parseAthleteTimeline(raw, NOW).plan).toBeNull();
    expect(parseAthleteTimeline({ ...raw, plan: null }, NOW).sessions).toHaveLength(1);
  });

  it("still rejects future records and a malformed plan", () => {
    expect(() => parseAthleteTimeline({ ...raw, sessions: [{ ...raw.sessions[0], at: ahead(1) }] }, NOW)).toThrow(DomainError);
    expect(() => parseAthleteTimeline({ ...raw, plan: { id: "p" } }, NOW)).toThrow(DomainError);
  });
});

describe("assessing a healthy athlete (no plan)", () => {
  it("is available, not in rehab, with default thresholds, no spacing and no exit checklist", () => {
    const t = healthy({
      sessions: [run({ at: ago(3) }), strength({ at: ago(2), heavy: true }), run({ at: ago(1) })],
      checkIns: [checkIn(3, { morningPain: 0 }), checkIn(2, { morningPain: 0 }), checkIn(1, { morningPain: 0 }), checkIn(0, { morningPain: 0 })],
    });
    const a = assessAthlete(t, NOW);
    expect(a).toMatchObject({ phase: null, inRehab: false, availability: "available", nextHighLoadAt: null, exitCriteria: [] });
    expect(a.thresholds).toEqual(defaultThresholds);
    expect(a.flags.filter((f) => f.severity !== "info")).toEqual([]);
    expect(a.progression).toMatchObject({ blocked: false, changedVariables: [], levelConsolidated: null });
    expect(a.preflight).toMatchObject({ effectiveForbiddenActivities: [], highLoadAllowed: true, spacingHours: null });
  });

  it("an athlete with a plan reports its phase and inRehab", () => {
    expect(assessAthlete(timeline({ phase: 2 }), NOW)).toMatchObject({ phase: 2, inRehab: true });
  });

  it("pre-flight is ok for hills and every other squad kind", () => {
    const a = assessAthlete(healthy({ sessions: [run({ at: ago(0, 2), steepestGradientPct: 6 })] }), NOW);
    for (const kind of squadSessionKinds) expect(preflightCheck(a, { kind, at: new Date(NOW.getTime() + HOUR) })).toEqual({ verdict: "ok", reasons: [] });
  });

  it("a run with pain 5: red R1 (and R4), modified, pre-flight modify citing R4 (recovery stays ok)", () => {
    const a = assessAthlete(healthy({ sessions: [run({ at: ago(0, 3), painDuring: 5 })] }), NOW);
    expect(a.flags.filter((f) => f.ruleId === "R1")).toMatchObject([{ severity: "red", evidence: { values: { painDuring: 5, profile: "pht" } } }]);
    expect(a.flags.filter((f) => f.ruleId === "R4")).toMatchObject([{ severity: "red", blocksProgression: true }]);
    expect(a.availability).toBe("modified");
    expect(a.progression.blocked).toBe(true);
    const hills = preflightCheck(a, { kind: "hills", at: ahead(1) });
    expect(hills).toMatchObject({ verdict: "modify", reasons: [{ ruleId: "R4", verdict: "modify" }] });
    expect(hills.reasons[0]?.change).toContain("Easy flat 30 min");
    expect(preflightCheck(a, { kind: "recovery", at: ahead(1) }).verdict).toBe("ok");
  });

  it("amber pain alone leaves a healthy athlete available and pre-flight ok", () => {
    const a = assessAthlete(healthy({ sessions: [run({ at: ago(0, 3), painDuring: 3 })] }), NOW);
    expect(ruleIdsOf(a.flags)).toEqual(["R1", "R4"]);
    expect(a.availability).toBe("available");
    expect(preflightCheck(a, { kind: "hills", at: ahead(1) }).verdict).toBe("ok");
  });

  it("a red-flag answer escalates: unavailable, pre-flight skip citing R20 only", () => {
    const a = assessAthlete(
      healthy({ sessions: [run({ at: ago(0, 3), painDuring: 6 })], checkIns: [checkIn(0, { redFlags: ["saddle_numbness"] })] }),
      NOW,
    );
    expect(a.flags.filter((f) => f.ruleId === "R20")).toMatchObject([{ severity: "escalate", blocksProgression: true, sensitive: true }]);
    expect(a.availability).toBe("unavailable");
    const result = preflightCheck(a, { kind: "hills", at: ahead(1) });
    expect(result.verdict).toBe("skip");
    expect(result.reasons.map((r) => r.ruleId)).toEqual(["R20"]);
  });

  it("volume and trend rules still apply: R10 red or R5 amber -> modified", () => {
    const volume = assessAthlete(healthy({ sessions: [run({ at: ago(10), distanceKm: 10 }), run({ at: ago(3), distanceKm: 14 })] }), NOW);
    expect(volume.flags.filter((f) => f.ruleId === "R10")).toMatchObject([{ severity: "red" }]);
    expect(volume.availability).toBe("modified");
    const mornings = [
      ...[13, 12, 11, 10, 9, 8, 7].map((d) => checkIn(d, { morningPain: 1 })),
      ...[6, 5, 4, 3, 2, 1, 0].map((d) => checkIn(d, { morningPain: 2 })),
    ];
    const trend = assessAthlete(healthy({ checkIns: mornings }), NOW);
    expect(ruleIdsOf(trend.flags)).toContain("R5");
    expect(trend.availability).toBe("modified");
  });

  it("R6, R8 (more than 3 a week, 48 h), R18 and R21 still apply without changing availability", () => {
    const heavy = (h: number) => strength({ at: new Date(NOW.getTime() - h * HOUR), heavy: true });
    const a = assessAthlete(
      healthy({
        athlete: { id: "ath-1", birthYear: 1980 },
        sessions: [heavy(140), heavy(100), heavy(60), heavy(30)],
        checkIns: [checkIn(0, { loadTestPain: 5, longestSitMinutes: 60 })],
      }),
      NOW,
    );
    const ids = ruleIdsOf(a.flags);
    for (const id of ["R6", "R8", "R18", "R21"]) expect(ids).toContain(id);
    expect(a.availability).toBe("available");
  });

  it("phase-bound rules do not apply: R7, R8 'fewer than 2', R9, R14/R15, R16, R17, R19, the R22 pause", () => {
    const records = {
      sessions: [
        run({ at: ago(6), distanceKm: 5 }),
        run({ at: ago(5), distanceKm: 8, strides: 4, surface: "trail" }),
        run({ at: ago(4), distanceKm: 5, sprints: 2, activities: ["hills", "plyometrics"] }),
        strength({ at: ago(3), activities: ["static_hamstring_stretch", "deep_lunge"] }),
      ],
      checkIns: [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map((d) => checkIn(d, { morningPain: 1 })),
      squadSessions: [{ id: "q", at: ahead(1), squadId: "sq-1", kind: "sprint" }],
      adjuncts: [{ id: "adj", at: ago(2), kind: "prp" }],
    };
    // The same records under a phase-2 plan trip those rules ...
    const withPlan = ruleIdsOf(assessAthlete(timeline({ ...records, phase: 2, plan: { phaseStartedAt: ago(100) } }), NOW).flags);
    for (const id of ["R7", "R8", "R14", "R15", "R16", "R17", "R19", "R22"]) expect(withPlan).toContain(id);
    // ... and none of them without a plan.
    const a = assessAthlete(healthy(records), NOW);
    const ids = ruleIdsOf(a.flags);
    for (const id of ["R7", "R8", "R9", "R14", "R15", "R16", "R17", "R19", "R22"]) expect(ids).not.toContain(id);
    expect(a.nextHighLoadAt).toBeNull();
    expect(a.availability).toBe("available");
  });

  it("R19 does not fire even after months of symptoms", () => {
    const checkIns = Array.from({ length: 100 }, (_, d) => checkIn(d, { morningPain: 3 }));
    const sessions = Array.from({ length: 14 }, (_, w) => strength({ at: ago(7 * w + 1), rpe: w < 3 ? 2 : 8, minutes: 60 }));
    expect(ruleIdsOf(assessAthlete(timeline({ checkIns, sessions }), NOW).flags)).toContain("R19");
    const a = assessAthlete(healthy({ checkIns, sessions }), NOW);
    expect(ruleIdsOf(a.flags)).not.toContain("R19");
  });

  it("the R22 'alongside loading' check still applies to an adjunct without strength work", () => {
    const a = assessAthlete(healthy({ adjuncts: [{ id: "eswt", at: ago(8), kind: "shockwave" }] }), NOW);
    expect(a.flags.filter((f) => f.ruleId === "R22")).toMatchObject([{ severity: "amber", blocksProgression: false }]);
    expect(a.availability).toBe("available");
  });

  it("summarises VISA-H against the earliest response", () => {
    const a = assessAthlete(
      healthy({
        visaH: [
          { id: "v1", at: ago(40), items: [3, 3, 3, 3, 3, 3, 4, 10] },
          { id: "v2", at: ago(1), items: [6, 6, 6, 6, 6, 6, 7, 15] },
        ],
      }),
      NOW,
    );
    expect(a.visaH).toMatchObject({ baseline: 32, latestTotal: 58 });
  });
});

describe("availability without a plan", () => {
  it("escalate -> unavailable", () => {
    expect(deriveAvailability(null, [flagOf("R20", "escalate")])).toBe("unavailable");
  });
  it.each(["R1", "R2", "R3", "R4", "R10", "R11"] as const)("red %s -> modified", (ruleId) => {
    expect(deriveAvailability(null, [flagOf(ruleId, "red")])).toBe("modified");
  });
  it("R5 amber -> modified", () => {
    expect(deriveAvailability(null, [flagOf("R5", "amber")])).toBe("modified");
  });
  it("amber pain, other ambers and information flags -> available; never rehab", () => {
    expect(deriveAvailability(null, [])).toBe("available");
    expect(
      deriveAvailability(null, [flagOf("R1", "amber"), flagOf("R4", "amber"), flagOf("R6", "amber"), flagOf("R8", "amber"), flagOf("R10", "amber"), flagOf("R13", "info"), flagOf("R21", "info")]),
    ).toBe("available");
  });
});
