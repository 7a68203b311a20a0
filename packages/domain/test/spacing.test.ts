import { describe, expect, it } from "vitest";
import { assessAthlete } from "../src/clinical";
import { NOW, ago, checkIn, run, strength, timeline } from "./helpers";
import { mornings } from "./mornings";

const HOUR = 3_600_000;
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * HOUR);

describe("R7 high-tendon-load spacing", () => {
  it("starts 72 h apart are fine; 71 h apart is amber", () => {
    const ok = assessAthlete(timeline({ sessions: [run({ at: hoursAgo(100) }), run({ at: hoursAgo(28) })] }), NOW);
    expect(ok.flags.filter((f) => f.ruleId === "R7")).toEqual([]);
    const close = assessAthlete(timeline({ sessions: [run({ at: hoursAgo(99) }), run({ at: hoursAgo(28) })] }), NOW);
    const [flag] = close.flags.filter((f) => f.ruleId === "R7");
    expect(flag).toMatchObject({ severity: "amber" });
    expect(flag?.evidence.values).toEqual({ gapHours: 71, requiredHours: 72 });
  });

  it("the next allowed high-load start is 72 h after the last one, shown to everyone", () => {
    const a = assessAthlete(timeline({ sessions: [run({ at: hoursAgo(10) }), strength({ at: hoursAgo(2) })] }), NOW);
    expect(a.nextHighLoadAt).toEqual(new Date(NOW.getTime() + 62 * HOUR));
  });

  it("null when there has been no high-load session, and in phase 4", () => {
    expect(assessAthlete(timeline({ sessions: [strength({ at: ago(1) })] }), NOW).nextHighLoadAt).toBeNull();
    expect(assessAthlete(timeline({ phase: 4, sessions: [run({ at: ago(1) })] }), NOW).nextHighLoadAt).toBeNull();
  });

  it("field sessions, plyometrics and sprints count as high load", () => {
    const sessions = [strength({ at: hoursAgo(60), activities: ["plyometrics"] }), run({ at: hoursAgo(10) })];
    expect(assessAthlete(timeline({ phase: 4 }), NOW).flags.filter((f) => f.ruleId === "R7")).toEqual([]);
    expect(assessAthlete(timeline({ sessions }), NOW).flags.filter((f) => f.ruleId === "R7")).toHaveLength(1);
  });

  const greenRuns = (count: number) =>
    Array.from({ length: count }, (_, i) => run({ at: ago(4 * (count - i) + 2, 0) }));

  it("a physio's 48 h relaxation applies after 4 green exposures", () => {
    const sessions = [...greenRuns(4), run({ at: hoursAgo(60) }), run({ at: hoursAgo(10) })];
    const relaxed = assessAthlete(timeline({ checkIns: mornings(31), plan: { thresholds: { spacing: { relaxed: true } } }, sessions }), NOW);
    expect(relaxed.preflight.spacingHours).toBe(48);
    expect(relaxed.flags.filter((f) => f.ruleId === "R7")).toEqual([]);
    expect(relaxed.nextHighLoadAt).toEqual(new Date(NOW.getTime() + 38 * HOUR));
  });

  it("with only 3 green exposures the 72 h spacing still applies and the physio is told why", () => {
    const sessions = [...greenRuns(1), run({ at: hoursAgo(60) }), run({ at: hoursAgo(10) })];
    const a = assessAthlete(timeline({ checkIns: mornings(31), plan: { thresholds: { spacing: { relaxed: true } } }, sessions }), NOW);
    expect(a.preflight.spacingHours).toBe(72);
    expect(a.flags.filter((f) => f.ruleId === "R7").map((f) => f.severity).sort()).toEqual(["amber", "info"]);
  });

  it("in phases 1-2 high-load work is not allowed unless the physio enables easy running", () => {
    expect(assessAthlete(timeline({ phase: 1 }), NOW).preflight.highLoadAllowed).toBe(false);
    expect(assessAthlete(timeline({ phase: 1, plan: { allowedActivities: ["easy_run"] } }), NOW).preflight.highLoadAllowed).toBe(true);
  });
});

describe("R8 heavy strength", () => {
  const heavy = (h: number) => strength({ at: hoursAgo(h), heavy: true });

  it("sessions 48 h apart are fine; 47 h apart is amber", () => {
    expect(assessAthlete(timeline({ phase: 2, sessions: [heavy(100), heavy(52)] }), NOW).flags.filter((f) => f.ruleId === "R8")).toEqual([]);
    const [flag] = assessAthlete(timeline({ phase: 2, sessions: [heavy(99), heavy(52)] }), NOW).flags.filter((f) => f.ruleId === "R8");
    expect(flag?.evidence.values).toEqual({ gapHours: 47, minGapHours: 48 });
  });

  it("3 heavy sessions in 7 days is fine; 4 is amber", () => {
    const three = [heavy(150), heavy(100), heavy(50)];
    expect(assessAthlete(timeline({ phase: 2, sessions: three }), NOW).flags.filter((f) => f.ruleId === "R8")).toEqual([]);
    const four = [heavy(160), heavy(110), heavy(60), heavy(10)];
    const flags = assessAthlete(timeline({ phase: 2, sessions: four }), NOW).flags.filter((f) => f.ruleId === "R8");
    expect(flags.map((f) => f.evidence.values.heavySessions)).toEqual([4]);
  });

  it("fewer than 2 in a phase-2 week is amber, once a full week in phase 2 has passed", () => {
    const one = assessAthlete(timeline({ phase: 2, sessions: [heavy(50)] }), NOW).flags.filter((f) => f.ruleId === "R8");
    expect(one.map((f) => f.message)).toEqual(["Only 1 heavy strength session in the last 7 days; phase 2 needs at least 2."]);
    expect(assessAthlete(timeline({ phase: 2, sessions: [heavy(100), heavy(50)] }), NOW).flags.filter((f) => f.ruleId === "R8")).toEqual([]);
    const newPhase = timeline({ phase: 2, plan: { phaseStartedAt: ago(3) } });
    expect(assessAthlete(newPhase, NOW).flags.filter((f) => f.ruleId === "R8")).toEqual([]);
    expect(assessAthlete(timeline({ phase: 3 }), NOW).flags.filter((f) => f.ruleId === "R8")).toEqual([]);
  });
});

describe("R9 maintenance in phase 4", () => {
  it("fewer than 2 heavy or eccentric sessions a week is amber; 2 is fine", () => {
    const one = timeline({ phase: 4, sessions: [strength({ at: ago(2), categories: ["eccentric"] })] });
    expect(assessAthlete(one, NOW).flags.filter((f) => f.ruleId === "R9").map((f) => f.severity)).toEqual(["amber"]);
    const two = timeline({ phase: 4, sessions: [strength({ at: ago(5), categories: ["eccentric"] }), strength({ at: ago(2), heavy: true })] });
    expect(assessAthlete(two, NOW).flags.filter((f) => f.ruleId === "R9")).toEqual([]);
    const hsr = timeline({ phase: 4, sessions: [strength({ at: ago(5), categories: ["heavy_slow_resistance"] })], checkIns: [checkIn(0)] });
    expect(assessAthlete(hsr, NOW).flags.filter((f) => f.ruleId === "R9")[0]?.message).toMatch(/^Only 1 heavy or eccentric session this week/);
  });

  it("is not checked in the first week of phase 4 or in other phases", () => {
    expect(assessAthlete(timeline({ phase: 4, plan: { phaseStartedAt: ago(6) } }), NOW).flags.filter((f) => f.ruleId === "R9")).toEqual([]);
    expect(assessAthlete(timeline({ phase: 3 }), NOW).flags.filter((f) => f.ruleId === "R9")).toEqual([]);
  });
});
