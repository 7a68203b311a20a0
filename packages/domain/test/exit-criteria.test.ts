import { describe, expect, it } from "vitest";
import { assessAthlete, exitCriterionDescriptions, type AthleteTimeline } from "../src/clinical";
import { NOW, ago, checkIn, cross, run, strength, timeline } from "./helpers";
import { mornings } from "./mornings";

const status = (t: AthleteTimeline, id: string) => assessAthlete(t, NOW).exitCriteria.find((c) => c.id === id)?.status;
const visa = (id: string, days: number, items: number[]) => ({ id, at: ago(days), items });

describe("phase 1 exit criteria", () => {
  const loadTests = (pains: (number | undefined)[]) => pains.map((p, d) => checkIn(d, p === undefined ? {} : { loadTestPain: p }));

  it("lists exactly E1.1-E1.4 with plain descriptions", () => {
    const list = assessAthlete(timeline({ phase: 1 }), NOW).exitCriteria;
    expect(list.map((c) => c.id)).toEqual(["E1.1", "E1.2", "E1.3", "E1.4"]);
    expect(list[0]?.description).toBe(exitCriterionDescriptions["E1.1"]);
  });

  it("E1.1: load-test pain <= 3 on 5 of the last 7 days is met; on 4 of 7 not met; with gaps unknown", () => {
    expect(status(timeline({ phase: 1, checkIns: loadTests([3, 3, 2, 1, 3, 5, 6]) }), "E1.1")).toBe("met");
    expect(status(timeline({ phase: 1, checkIns: loadTests([3, 3, 2, 4, 3, 5, 6]) }), "E1.1")).toBe("not_met");
    expect(status(timeline({ phase: 1, checkIns: loadTests([3, 3, 2, 1]) }), "E1.1")).toBe("unknown");
  });

  it("E1.2: 6 full-dose isometric sessions without a red outcome is met; 5 is not", () => {
    const iso = (n: number, extra: object = {}) => Array.from({ length: n }, (_, i) => strength({ at: ago(i + 1), categories: ["isometric"], ...extra }));
    expect(status(timeline({ phase: 1, sessions: iso(6) }), "E1.2")).toBe("met");
    expect(status(timeline({ phase: 1, sessions: [...iso(5), strength({ at: ago(9), categories: ["isometric"], painDuring: 5 })] }), "E1.2")).toBe("not_met");
    expect(status(timeline({ phase: 1, sessions: iso(6, { asPrescribed: false }) }), "E1.2")).toBe("not_met");
  });

  it("E1.3: morning pain not rising; unknown without two weeks of check-ins", () => {
    const flat = Array.from({ length: 14 }, (_, d) => checkIn(d, { morningPain: 2 }));
    expect(status(timeline({ phase: 1, checkIns: flat }), "E1.3")).toBe("met");
    const rising = Array.from({ length: 14 }, (_, d) => checkIn(d, { morningPain: d < 7 ? 3 : 2 }));
    expect(status(timeline({ phase: 1, checkIns: rising }), "E1.3")).toBe("not_met");
    expect(status(timeline({ phase: 1 }), "E1.3")).toBe("unknown");
  });

  it("E1.4: no open red flag", () => {
    expect(status(timeline({ phase: 1, checkIns: [checkIn(1)] }), "E1.4")).toBe("met");
    expect(status(timeline({ phase: 1, checkIns: [checkIn(1, { redFlags: ["history_of_cancer"] })] }), "E1.4")).toBe("not_met");
  });
});

describe("phase 2 exit criteria", () => {
  it("E2.1: no pain at rest on the latest check-in", () => {
    expect(status(timeline({ phase: 2, checkIns: [checkIn(1, { restPain: 0 })] }), "E2.1")).toBe("met");
    expect(status(timeline({ phase: 2, checkIns: [checkIn(1, { restPain: 1 })] }), "E2.1")).toBe("not_met");
    expect(status(timeline({ phase: 2 }), "E2.1")).toBe("unknown");
  });

  it("E2.2: drop lunge 1/10 is met, 2/10 is not", () => {
    const test = (pain: number) => timeline({ phase: 2, capacityTests: [{ id: "dl-old", at: ago(9), kind: "drop_lunge", pain: 6 }, { id: "dl", at: ago(1), kind: "drop_lunge", pain }] });
    expect(status(test(1), "E2.2")).toBe("met");
    expect(status(test(2), "E2.2")).toBe("not_met");
    expect(status(timeline({ phase: 2 }), "E2.2")).toBe("unknown");
  });

  it("E2.3: >= 90 % symmetry and >= 25 bridges each side", () => {
    const bridges = (affected: number, other: number, curl?: [number, number]) =>
      timeline({
        phase: 2,
        capacityTests: [
          { id: "b", at: ago(1), kind: "single_leg_bridge_reps", affected, other },
          ...(curl ? [{ id: "c", at: ago(1), kind: "prone_curl_10rm" as const, affected: curl[0], other: curl[1] }] : []),
        ],
      });
    expect(status(bridges(27, 30), "E2.3")).toBe("met");
    expect(status(bridges(26, 30), "E2.3")).toBe("not_met");
    expect(status(bridges(26, 30, [18, 20]), "E2.3")).toBe("met");
    expect(status(bridges(24, 25), "E2.3")).toBe("not_met");
    expect(status(bridges(25, 0), "E2.3")).toBe("not_met");
    expect(status(timeline({ phase: 2, capacityTests: [{ id: "c", at: ago(1), kind: "prone_curl_10rm", affected: 20, other: 20 }] }), "E2.3")).toBe("unknown");
  });

  it("E2.4: a pain-free brisk walk of 30 minutes", () => {
    expect(status(timeline({ phase: 2, sessions: [cross({ at: ago(2), activities: ["walking"], minutes: 30 })] }), "E2.4")).toBe("met");
    expect(status(timeline({ phase: 2, sessions: [cross({ at: ago(2), activities: ["walking"], minutes: 29 })] }), "E2.4")).toBe("not_met");
    expect(status(timeline({ phase: 2, sessions: [cross({ at: ago(2), activities: ["walking"], minutes: 40, painAfter: 1 })] }), "E2.4")).toBe("not_met");
    expect(status(timeline({ phase: 2 }), "E2.4")).toBe("unknown");
  });

  it("E2.5: ~8RM loading tolerated for 2 weeks with no red", () => {
    const heavy = (days: number, rm: number, pain = 0) => strength({ at: ago(days), heavy: true, heaviestRm: rm, painDuring: pain });
    expect(status(timeline({ phase: 2, sessions: [heavy(14, 8), heavy(7, 8), heavy(2, 8)] }), "E2.5")).toBe("met");
    expect(status(timeline({ phase: 2, sessions: [heavy(13, 8), heavy(2, 8)] }), "E2.5")).toBe("not_met");
    expect(status(timeline({ phase: 2, sessions: [heavy(20, 8), heavy(10, 8, 6), heavy(2, 8)] }), "E2.5")).toBe("not_met");
    expect(status(timeline({ phase: 2, sessions: [heavy(20, 12)] }), "E2.5")).toBe("not_met");
    expect(status(timeline({ phase: 2 }), "E2.5")).toBe("unknown");
  });

  it("E2.6: VISA-H at least 13 above baseline", () => {
    const base = [3, 3, 3, 3, 3, 3, 4, 10]; // 32
    expect(status(timeline({ phase: 2, visaH: [visa("v1", 30, base), visa("v2", 1, [5, 5, 5, 5, 5, 5, 4, 11])] }), "E2.6")).toBe("met"); // 45
    expect(status(timeline({ phase: 2, visaH: [visa("v1", 30, base), visa("v2", 1, [5, 5, 5, 5, 5, 5, 4, 10])] }), "E2.6")).toBe("not_met"); // 44
    expect(status(timeline({ phase: 2, plan: { visaHBaseline: 20 }, visaH: [visa("v2", 1, base)] }), "E2.6")).toBe("not_met");
    expect(status(timeline({ phase: 2, plan: { visaHBaseline: 19 }, visaH: [visa("v2", 1, base)] }), "E2.6")).toBe("met");
    expect(status(timeline({ phase: 2 }), "E2.6")).toBe("unknown");
  });
});

describe("phase 3 exit criteria", () => {
  const target = { targetEasyRun: { distanceKm: 5 } };

  it("E3.1: the target easy run done twice with green outcomes", () => {
    expect(status(timeline({ checkIns: mornings(31), plan: target, sessions: [run({ at: ago(8) }), run({ at: ago(4) })] }), "E3.1")).toBe("met");
    expect(status(timeline({ checkIns: mornings(31), plan: target, sessions: [run({ at: ago(8) }), run({ at: ago(4), distanceKm: 4.9 })] }), "E3.1")).toBe("not_met");
    expect(status(timeline({ checkIns: mornings(31), plan: { targetEasyRun: { minutes: 30 } }, sessions: [run({ at: ago(8) }), run({ at: ago(4), painDuring: 3 })] }), "E3.1")).toBe("not_met");
    expect(status(timeline({ checkIns: mornings(31), sessions: [run({ at: ago(8) })] }), "E3.1")).toBe("unknown");
  });

  it("E3.2: strides and hills each tolerated on 2 runs", () => {
    const runs = [run({ at: ago(20), strides: 4 }), run({ at: ago(16), strides: 4 }), run({ at: ago(12), steepestGradientPct: 4 })];
    expect(status(timeline({ checkIns: mornings(31), sessions: runs }), "E3.2")).toBe("not_met");
    expect(status(timeline({ checkIns: mornings(31), sessions: [...runs, run({ at: ago(8), steepestGradientPct: 4 })] }), "E3.2")).toBe("met");
  });

  it("E3.3: weekly volume >= 80 % of pre-injury with no red volume flag for 14 days", () => {
    const athlete = { id: "a", preInjuryWeeklyKm: 40 };
    const weeks = (previous: number, current: number) => [run({ at: ago(16), distanceKm: previous }), run({ at: ago(9), distanceKm: previous }), run({ at: ago(2), distanceKm: current })];
    expect(status(timeline({ athlete, sessions: weeks(30, 32) }), "E3.3")).toBe("met");
    expect(status(timeline({ athlete, sessions: weeks(30, 31.9) }), "E3.3")).toBe("not_met");
    expect(status(timeline({ athlete, sessions: [run({ at: ago(9), distanceKm: 20 }), run({ at: ago(2), distanceKm: 32 })] }), "E3.3")).toBe("not_met");
    expect(status(timeline({ sessions: weeks(30, 32) }), "E3.3")).toBe("unknown");
  });

  it("E3.4: strength symmetry still holds", () => {
    expect(status(timeline({ capacityTests: [{ id: "b", at: ago(1), kind: "single_leg_bridge_reps", affected: 30, other: 30 }] }), "E3.4")).toBe("met");
    expect(status(timeline(), "E3.4")).toBe("unknown");
  });
});

describe("phase 4 exit criteria (discharge)", () => {
  it("E4.1: every sport element at full intensity with a green next morning", () => {
    const plan = { returnToSportElements: ["sprint", "plyometrics"] as ("sprint" | "plyometrics")[] };
    const sessions = [run({ at: ago(6, 2), sprints: 6, fullIntensity: true }), strength({ at: ago(3, 2), activities: ["plyometrics"], fullIntensity: true })];
    const mornings = [checkIn(6), checkIn(5), checkIn(4), checkIn(3), checkIn(2)];
    expect(status(timeline({ phase: 4, plan, sessions, checkIns: mornings }), "E4.1")).toBe("met");
    expect(status(timeline({ phase: 4, plan, sessions: sessions.slice(0, 1), checkIns: mornings }), "E4.1")).toBe("not_met");
    expect(status(timeline({ phase: 4, plan, sessions }), "E4.1")).toBe("not_met");
    expect(status(timeline({ phase: 4 }), "E4.1")).toBe("unknown");
  });

  it("E4.2: 2 weeks of full training", () => {
    const full = (days: number) => cross({ at: ago(days), fullTraining: true });
    expect(status(timeline({ phase: 4, sessions: [full(10), full(3)] }), "E4.2")).toBe("met");
    expect(status(timeline({ phase: 4, sessions: [full(3), full(1)] }), "E4.2")).toBe("not_met");
    expect(status(timeline({ phase: 4, sessions: [full(10), cross({ at: ago(3), fullTraining: true, painDuring: 6 })] }), "E4.2")).toBe("not_met");
  });

  it("E4.3: VISA-H 80 is met, 79 is not", () => {
    expect(status(timeline({ phase: 4, visaH: [visa("v", 1, [10, 10, 10, 10, 10, 10, 10, 10])] }), "E4.3")).toBe("met");
    expect(status(timeline({ phase: 4, visaH: [visa("v", 1, [10, 10, 10, 10, 10, 9, 10, 10])] }), "E4.3")).toBe("not_met");
    expect(status(timeline({ phase: 4 }), "E4.3")).toBe("unknown");
  });

  it("E4.4: a maintenance plan is recorded", () => {
    expect(status(timeline({ phase: 4, plan: { maintenancePlan: "HSR twice a week" } }), "E4.4")).toBe("met");
    expect(status(timeline({ phase: 4, plan: { maintenancePlan: "  " } }), "E4.4")).toBe("unknown");
  });
});
