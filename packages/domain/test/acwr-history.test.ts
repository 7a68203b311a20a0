import { describe, expect, it } from "vitest";
import { assessAthlete, deriveAvailability, raisesAlert } from "../src/clinical";
import { NOW, ago, cross, timeline } from "./helpers";
import { mornings } from "./mornings";

const load = (days: number[], rpe = 5, minutes = 20) => days.map((d) => cross({ at: ago(d), rpe, minutes }));
const r13 = (sessions: ReturnType<typeof cross>[]) => {
  const a = assessAthlete(timeline({ phase: 4, sessions, checkIns: mornings(30) }), NOW);
  return { a, flag: a.flags.find((f) => f.ruleId === "R13") };
};

describe("R13 honesty", () => {
  it("with the first log less than 21 days ago the ratio is not reported", () => {
    const { a, flag } = r13(load([20, 2]));
    expect(a.workload).toMatchObject({ acwr: null, acwrZone: null });
    expect(a.workload.acwrSummary).toMatch(/^Not enough history yet/);
    expect(flag).toBeUndefined();
  });

  it("from exactly 21 days of history it is reported", () => {
    const { a } = r13(load([21, 2]));
    expect(a.workload.acwr).not.toBeNull();
  });

  it("severity follows the zone: amber is amber, red is red, and neither blocks or changes availability", () => {
    // Weekly 100, 100, 100, then this week 150 -> acute 150, chronic (300 + 150) / 4 = 112.5, ratio 1.33: amber.
    const amber = r13([...load([25, 18, 11]), cross({ at: ago(2), rpe: 5, minutes: 30 })]);
    expect(amber.flag).toMatchObject({ severity: "amber", blocksProgression: false });
    const red = r13([...load([25, 18, 11]), cross({ at: ago(2), rpe: 8, minutes: 50 })]);
    expect(red.flag).toMatchObject({ severity: "red", blocksProgression: false });
    expect(red.flag?.message).toBe(
      "This week's training load is about 2.3 times an average week of the last 4 weeks, far above the usual range. For information only: it does not hold back progression.",
    );
    expect(red.a.progression.reasons.map((r) => r.ruleId)).not.toContain("R13");
    // Information only: it never becomes an alert in a coach's or physio's inbox.
    expect(raisesAlert(red.flag!)).toBe(false);
    expect(raisesAlert({ ruleId: "R10", severity: "amber" })).toBe(true);
    expect(raisesAlert({ ruleId: "R4", severity: "info" })).toBe(false);
    expect(deriveAvailability(4, red.a.flags.filter((f) => f.ruleId === "R13"))).toBe("available");
  });

  it("green is not flagged, and the sentence never says 'workload ratio'", () => {
    const green = r13(load([25, 18, 11, 4]));
    expect(green.flag).toBeUndefined();
    expect(green.a.workload.acwrSummary).toMatch(/in the usual range\.$/);
    expect(green.a.workload.acwrSummary).not.toMatch(/ratio/i);
  });
});
