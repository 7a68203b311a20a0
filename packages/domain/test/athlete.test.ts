import { describe, expect, it } from "vitest";
import {
  assertWithinEditWindow,
  checkInInputSchema,
  decisionMeaning,
  exitCriterionDataNeeded,
  exitCriterionIds,
  highLoadSpacingWords,
  newFlagsSince,
  parseVisaHWording,
  redFlagAdvice,
  runLogInputSchema,
  sessionContentFromPrescriptions,
  sessionLogInputSchema,
  visaHDue,
  visaHInputSchema,
  weeklyVolumeSeries,
  withinEditWindow,
  zoneMeaning,
  type Flag,
} from "../src";

const now = new Date("2026-11-21T09:00:00Z");
const hours = (h: number) => new Date(now.getTime() - h * 3_600_000);

const flag = (over: Partial<Flag>): Flag => ({
  ruleId: "R1",
  severity: "red",
  message: "Pain 5 during the run is red.",
  evidence: { recordIds: ["a"], values: {} },
  blocksProgression: true,
  at: now,
  sensitive: false,
  ...over,
});

describe("the 24-hour edit window", () => {
  it("allows changes up to 24 h after saving and refuses them later", () => {
    expect(withinEditWindow(hours(1), now)).toBe(true);
    expect(withinEditWindow(hours(24), now)).toBe(true);
    expect(withinEditWindow(hours(24.01), now)).toBe(false);
    expect(withinEditWindow(new Date(now.getTime() + 1000), now)).toBe(false);
    expect(() => assertWithinEditWindow(hours(2), now)).not.toThrow();
    expect(() => assertWithinEditWindow(hours(25), now)).toThrow(/within 24 hours/);
  });
});

describe("VISA-H prompt", () => {
  it("is due at once without a response, then every 14 days", () => {
    expect(visaHDue(null, now)).toEqual({ dueAt: now, due: true, daysUntilDue: 0 });
    const recent = visaHDue(new Date(now.getTime() - 4 * 86_400_000), now);
    expect(recent).toMatchObject({ due: false, daysUntilDue: 10 });
    expect(recent.dueAt.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(visaHDue(new Date(now.getTime() - 20 * 86_400_000), now)).toMatchObject({ due: true, daysUntilDue: 0 });
    expect(visaHDue(new Date(now.getTime() - 2 * 86_400_000), now, 7).daysUntilDue).toBe(5);
  });
});

describe("red-flag advice", () => {
  it("says nothing without answers", () => {
    expect(redFlagAdvice([])).toBeNull();
  });
  it("sends same-day answers to medical care today", () => {
    const advice = redFlagAdvice(["night_pain_waking", "saddle_numbness"]);
    expect(advice?.urgency).toBe("same_day");
    expect(advice?.message).toMatch(/medical care today/);
    expect(advice?.answers).toHaveLength(2);
  });
  it("sends prompt-review answers to the physio", () => {
    const advice = redFlagAdvice(["night_pain_waking"]);
    expect(advice?.urgency).toBe("prompt");
    expect(advice?.message).toMatch(/Contact your physio/);
  });
});

describe("plain-language meanings", () => {
  it("covers every zone and decision", () => {
    expect(zoneMeaning.red.label).toBe("Red");
    expect(decisionMeaning.regress.meaning).toMatch(/Go back|last load/);
    expect(Object.keys(decisionMeaning).sort()).toEqual(["incomplete", "progress", "regress", "repeat"]);
  });
});

describe("new flags after a write", () => {
  it("lists flags that were not there before, worst first, without info flags", () => {
    const old = flag({ ruleId: "R5", severity: "amber", message: "trend", evidence: { recordIds: [], values: {} } });
    const red = flag({});
    const escalate = flag({ ruleId: "R20", severity: "escalate", message: "Medical review needed" });
    const info = flag({ ruleId: "R13", severity: "info", message: "acwr" });
    expect(newFlagsSince([old], [old, red, escalate, info]).map((f) => f.ruleId)).toEqual(["R20", "R1"]);
  });
});

describe("log form schemas", () => {
  it("accepts a session and names the field of a bad pain score", () => {
    expect(sessionLogInputSchema.safeParse({ at: now, type: "strength", minutes: 40, rpe: 6, painDuring: 2 }).success).toBe(true);
    const bad = sessionLogInputSchema.safeParse({ at: now, type: "strength", minutes: 40, rpe: 6, painDuring: 11 });
    expect(bad.error?.issues[0]?.path).toEqual(["painDuring"]);
  });
  it("needs a distance or a duration for a run", () => {
    const bad = runLogInputSchema.safeParse({ at: now, painDuring: 0 });
    expect(bad.error?.issues[0]?.path).toEqual(["distanceKm"]);
    expect(runLogInputSchema.parse({ at: now, painDuring: 0, distanceKm: 5 })).toMatchObject({ strides: 0, walkRun: false });
  });
  it("checks check-in red-flag ids and VISA-H items", () => {
    expect(checkInInputSchema.safeParse({ at: now, morningPain: 1, redFlags: ["nope"] }).success).toBe(false);
    expect(visaHInputSchema.safeParse({ at: now, items: [5, 5, 5, 5, 5, 5, 7, 20] }).success).toBe(true);
    expect(visaHInputSchema.safeParse({ at: now, items: [5, 5, 5, 5, 5, 5, 5, 20] }).success).toBe(false);
  });
});

describe("weekly volume series", () => {
  it("sums runs per Monday week with the 10 % line from the previous week", () => {
    // 2026-11-21 is a Saturday; its week starts Monday 2026-11-16.
    const series = weeklyVolumeSeries(
      [
        { at: new Date("2026-11-03T07:00:00Z"), distanceKm: 4, minutes: 26 },
        { at: new Date("2026-11-10T07:00:00Z"), distanceKm: 5, minutes: 31 },
        { at: new Date("2026-11-12T07:00:00Z"), distanceKm: 2.5 },
        { at: new Date("2026-11-18T07:00:00Z"), minutes: 20 },
        { at: new Date("2026-11-22T07:00:00Z"), distanceKm: 50 },
        { at: new Date("2026-01-01T07:00:00Z"), distanceKm: 9 },
      ],
      now,
      3,
    );
    expect(series.map((p) => p.weekStart.toISOString().slice(0, 10))).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
    expect(series.map((p) => p.km)).toEqual([4, 7.5, 0]);
    expect(series.map((p) => p.runs)).toEqual([1, 2, 1]);
    expect(series.map((p) => p.tenPercentLimitKm)).toEqual([null, 4.4, 8.25]);
    expect(series[2]?.minutes).toBe(20);
  });
});

describe("a strength session done as prescribed", () => {
  it("takes categories, heaviness, heaviest RM and gated activities from the prescriptions", () => {
    const base = { sets: 3, reps: 8, sessionsPerWeek: 3, highTendonLoad: false };
    expect(
      sessionContentFromPrescriptions([
        { ...base, id: "1", exercise: "Hip thrust", category: "heavy_slow_resistance", heavy: true, repetitionMaximum: 10 },
        { ...base, id: "2", exercise: "RDL", category: "heavy_slow_resistance", heavy: true, repetitionMaximum: 12 },
        { ...base, id: "3", exercise: "Side plank", category: "glute_core", heavy: false, activity: "isometrics" },
      ]),
    ).toEqual({ categories: ["heavy_slow_resistance", "glute_core"], heavy: true, heaviestRm: 10, activities: ["isometrics"] });
    expect(sessionContentFromPrescriptions([])).toEqual({ categories: [], heavy: false, heaviestRm: undefined, activities: [] });
  });
});

describe("data that settles an unknown exit criterion", () => {
  it("has a sentence for every criterion", () => {
    for (const id of exitCriterionIds) expect(exitCriterionDataNeeded[id].length).toBeGreaterThan(10);
  });
});

describe("licensed VISA-H wording", () => {
  const eight = Array.from({ length: 8 }, (_, i) => `Question ${i + 1}`);
  it("reads JSON objects, arrays and plain lines", () => {
    expect(parseVisaHWording(JSON.stringify({ items: eight }))).toEqual(eight);
    expect(parseVisaHWording(JSON.stringify(eight))).toEqual(eight);
    expect(parseVisaHWording(`${eight.join("\n")}\n\n`)).toEqual(eight);
  });
  it("refuses broken JSON and the wrong number of items", () => {
    expect(() => parseVisaHWording("{ nope")).toThrow(/not valid JSON/);
    expect(() => parseVisaHWording("one\ntwo")).toThrow(/exactly 8/);
  });
});

describe("upper limits that catch typing slips", () => {
  it("refuses impossible durations and distances, naming the field", () => {
    const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join("."));
    expect(paths(sessionLogInputSchema.safeParse({ at: now, type: "strength", minutes: 700, rpe: 5, painDuring: 0 }))).toEqual(["minutes"]);
    expect(paths(runLogInputSchema.safeParse({ at: now, painDuring: 0, minutes: 2000, distanceKm: 500 }))).toEqual(["minutes", "distanceKm"]);
    expect(
      paths(checkInInputSchema.safeParse({ at: now, morningPain: 0, stiffnessMinutes: 800, longestSitMinutes: 2000, sittingToleranceMinutes: 2000 })),
    ).toEqual(["stiffnessMinutes", "longestSitMinutes", "sittingToleranceMinutes"]);
  });
});

describe("the athlete's high-load spacing card", () => {
  it("states the spacing in force, as the plan sets it, and why high-load work waits", () => {
    expect(highLoadSpacingWords(72, true)).toEqual({ rule: "Running, jumps, sprints, hills: at least 72 hours apart while in rehab.", notYet: null });
    expect(highLoadSpacingWords(48, true).rule).toContain("at least 48 hours apart");
    expect(highLoadSpacingWords(null, true).rule).toBe("Running, jumps, sprints, hills: no minimum spacing in this phase.");
    expect(highLoadSpacingWords(72, false).notYet).toMatch(/^Not in this phase/);
  });
});
