import { describe, expect, it } from "vitest";
import { assessAthlete } from "../src/clinical";
import { NOW, ago, run, timeline } from "./helpers";

/** One run of `km` in each rolling week, `weeks[0]` being the current week (ending now). */
const weeklyRuns = (weeks: readonly number[]) =>
  weeks.flatMap((km, week) => (km > 0 ? [run({ at: ago(week * 7 + 2), distanceKm: km, minutes: km * 6 })] : []));
const r10 = (weeks: readonly number[]) => {
  const a = assessAthlete(timeline({ phase: 4, sessions: weeklyRuns(weeks) }), NOW);
  return { weekly: a.workload.weeklyVolume, flag: a.flags.find((f) => f.ruleId === "R10") };
};

describe("R10 after a break", () => {
  it("compares with the previous week when it had running (unchanged)", () => {
    const { weekly, flag } = r10([22, 20]);
    expect(weekly).toMatchObject({ comparedWith: "previous_week", reference: 20, changePct: 10, zone: "green" });
    expect(flag).toBeUndefined();
  });

  it("after one empty week, compares with the last week that had running and says so", () => {
    const { weekly, flag } = r10([30, 0, 20]);
    expect(weekly).toMatchObject({ comparedWith: "last_week_with_running", reference: 20, changePct: 50, zone: "red" });
    expect(flag?.message).toBe(
      "Running this week (30 km) is 50 % more than the last week with running, two weeks ago (20 km), because last week had none; keep weekly increases to 10 % or less.",
    );
    // Boundary: back to the same volume is green.
    expect(r10([20, 0, 20]).weekly.zone).toBe("green");
  });

  it("after two or more empty weeks, compares with the 4-week mean: returning to full volume is a jump", () => {
    const { weekly, flag } = r10([30, 0, 0, 30, 30]);
    expect(weekly).toMatchObject({ comparedWith: "four_week_mean", reference: 15, changePct: 100, zone: "red" });
    expect(flag?.message).toMatch(/than the average week of the last 4 weeks \(15 km\), because the recent weeks had no running/);
    expect(flag?.blocksProgression).toBe(true);
    // Boundary: 10 % over the mean is green, just above is amber.
    expect(r10([16.5, 0, 0, 30, 30]).weekly.zone).toBe("green");
    expect(r10([16.6, 0, 0, 30, 30]).weekly.zone).toBe("amber");
  });

  it("with no running in any of the 4 weeks before, there is nothing to compare with", () => {
    expect(r10([20, 0, 0, 0, 0]).weekly).toMatchObject({ comparedWith: null, changePct: null, zone: null });
    expect(r10([20]).flag).toBeUndefined();
  });

  it("the mean window is a plan threshold", () => {
    const a = assessAthlete(timeline({ phase: 4, plan: { thresholds: { volume: { breakMeanWeeks: 2 } } }, sessions: weeklyRuns([30, 0, 0, 30]) }), NOW);
    expect(a.workload.weeklyVolume).toMatchObject({ comparedWith: null });
  });
});
