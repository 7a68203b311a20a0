import { describe, expect, it } from "vitest";
import { acwrZone, assessAthlete, resolveThresholds, sessionLoad, singleRunZone, weeklyVolumeZone } from "../src/clinical";
import { NOW, ago, cross, run, timeline } from "./helpers";

const t = resolveThresholds({});

describe("R10 weekly running volume", () => {
  it.each([
    [-20, "green"], [10, "green"], [10.1, "amber"], [30, "amber"], [30.1, "red"],
  ] as const)("a change of %d %% is %s", (pct, zone) => {
    expect(weeklyVolumeZone(pct, t)).toBe(zone);
  });

  const weeks = (previousKm: number, currentKm: number) =>
    timeline({ sessions: [run({ at: ago(10), distanceKm: previousKm }), run({ at: ago(3), distanceKm: currentKm })] });

  it("10 km to 11 km (exactly 10 %) is green; to 11.01 km (10.1 %) is amber; to 13.01 km red", () => {
    expect(assessAthlete(weeks(10, 11), NOW).workload.weeklyVolume).toMatchObject({ changePct: 10, zone: "green", unit: "km" });
    expect(assessAthlete(weeks(10, 11.01), NOW).workload.weeklyVolume.zone).toBe("amber");
    const red = assessAthlete(weeks(10, 13.01), NOW);
    expect(red.flags.filter((f) => f.ruleId === "R10")).toMatchObject([{ severity: "red", blocksProgression: true }]);
  });

  it("without a previous week there is no change to judge", () => {
    expect(assessAthlete(timeline({ sessions: [run({ at: ago(3) })] }), NOW).workload.weeklyVolume).toMatchObject({ changePct: null, zone: null });
  });

  it("falls back to minutes when a run has no distance", () => {
    const a = assessAthlete(timeline({ sessions: [run({ at: ago(10), minutes: 30 }), run({ at: ago(3), minutes: 35, distanceKm: undefined })] }), NOW);
    expect(a.workload.weeklyVolume).toMatchObject({ unit: "minutes", previous: 30, current: 35, zone: "amber" });
  });
});

describe("R11 single-run spike", () => {
  it.each([
    [11, "green"], [11.01, "amber"], [20, "amber"], [20.01, "red"],
  ] as const)("a %d km run after a 10 km longest run is %s", (km, zone) => {
    expect(singleRunZone(km, 10, t)).toBe(zone);
  });

  it("compares with the longest run of the past 30 days", () => {
    const sessions = [run({ at: ago(31), distanceKm: 20 }), run({ at: ago(20), distanceKm: 8 }), run({ at: ago(10), distanceKm: 10 }), run({ at: ago(1), distanceKm: 12 })];
    const a = assessAthlete(timeline({ sessions }), NOW);
    expect(a.workload.singleRun).toMatchObject({ longestRecent: 10, value: 12, increasePct: 20, zone: "amber" });
    expect(a.flags.filter((f) => f.ruleId === "R11").map((f) => f.severity)).toEqual(["amber"]);
  });

  it("more than double is red and blocks progression; no history means no judgement", () => {
    const a = assessAthlete(timeline({ sessions: [run({ at: ago(10), distanceKm: 4 }), run({ at: ago(1), distanceKm: 9 })] }), NOW);
    expect(a.flags.filter((f) => f.ruleId === "R11")).toMatchObject([{ severity: "red", blocksProgression: true }]);
    expect(assessAthlete(timeline({ sessions: [run({ at: ago(1) })] }), NOW).workload.singleRun).toMatchObject({ longestRecent: null, zone: null });
    expect(assessAthlete(timeline({ sessions: [run({ at: ago(9) })] }), NOW).workload.singleRun).toBeNull();
  });
});

describe("R12 session load", () => {
  it("is RPE x minutes (Foster)", () => {
    expect(sessionLoad(6, 50)).toBe(300);
    const a = assessAthlete(timeline({ sessions: [cross({ at: ago(1), rpe: 4, minutes: 30 }), cross({ at: ago(2), rpe: undefined })] }), NOW);
    expect(a.workload.sessionLoads.map((s) => s.load)).toEqual([null, 120]);
  });
});

describe("R13 acute:chronic workload ratio (information only)", () => {
  it.each([
    [0.79, "amber"], [0.8, "green"], [1.3, "green"], [1.31, "amber"], [1.5, "amber"], [1.51, "red"],
  ] as const)("ratio %d is %s", (ratio, zone) => {
    expect(acwrZone(ratio, t)).toBe(zone);
  });

  it("is 7-day load over the mean weekly load of 28 days, and never blocks progression", () => {
    // 4 weeks of 100, then 400 this week: acute 400, chronic (100*3 + 400)/4 = 175, ratio 2.29
    const sessions = [ago(25), ago(18), ago(11)].map((at) => cross({ at, rpe: 5, minutes: 20 }));
    sessions.push(cross({ at: ago(2), rpe: 8, minutes: 50 }));
    const a = assessAthlete(timeline({ sessions }), NOW);
    expect(a.workload).toMatchObject({ acuteLoad: 400, chronicWeeklyLoad: 175, acwrZone: "red" });
    expect(a.workload.acwr).toBeCloseTo(2.285714, 5);
    const [flag] = a.flags.filter((f) => f.ruleId === "R13");
    expect(flag).toMatchObject({ severity: "red", blocksProgression: false });
    expect(a.progression.reasons.map((r) => r.ruleId)).not.toContain("R13");
  });

  it("has no ratio without load", () => {
    expect(assessAthlete(timeline(), NOW).workload).toMatchObject({ acwr: null, acwrZone: null, acuteLoad: 0 });
  });
});
