import { describe, expect, it } from "vitest";
import { compareIds, compareRecords, latestRecord, percentChange, stable } from "../src/clinical/time";
import { assessAthlete, preflightCheck } from "../src/clinical";
import { NOW, ago, ahead, run, timeline } from "./helpers";

describe("deterministic ordering helpers", () => {
  it("order records by time, then id", () => {
    const a = { id: "a", at: ago(1) };
    const b = { id: "b", at: ago(1) };
    expect(compareRecords(a, b)).toBeLessThan(0);
    expect(compareRecords(b, a)).toBeGreaterThan(0);
    expect(compareRecords(a, { ...a })).toBe(0);
    expect(compareIds("x", "x")).toBe(0);
    expect(latestRecord([b, a, { id: "c", at: ahead(1) }], NOW.getTime())).toBe(b);
    expect(latestRecord([], NOW.getTime())).toBeUndefined();
  });

  it("stabilises float comparisons and refuses a percentage of nothing", () => {
    expect(stable(0.1 + 0.2)).toBe(0.3);
    expect(percentChange(0, 5)).toBeNull();
    expect(percentChange(10, 11)).toBe(10);
  });
});

describe("edge cases the rules handle", () => {
  it("same-time VISA-H responses and capacity tests break ties by id", () => {
    const t = timeline({
      phase: 2,
      visaH: [
        { id: "v-b", at: ago(1), items: [5, 5, 5, 5, 5, 5, 4, 10] },
        { id: "v-a", at: ago(1), items: [1, 1, 1, 1, 1, 1, 0, 0] },
      ],
      capacityTests: [
        { id: "t-b", at: ago(1), kind: "drop_lunge", pain: 0 },
        { id: "t-a", at: ago(1), kind: "drop_lunge", pain: 5 },
      ],
    });
    const a = assessAthlete(t, NOW);
    expect(a.visaH).toMatchObject({ baseline: 6, latestTotal: 44 });
    expect(a.exitCriteria.find((c) => c.id === "E2.2")?.status).toBe("met");
  });

  it("several reviews of one rule: the latest counts", () => {
    const t = timeline({
      checkIns: [{ id: "c", at: ago(2), morningPain: 1, redFlags: ["limp_or_changed_gait"] }],
      reviews: [
        { id: "r2", at: ago(3), ruleId: "R20", reviewerId: "p" },
        { id: "r1", at: ago(1), ruleId: "R20", reviewerId: "p" },
        { id: "r0", at: ago(5), ruleId: "R20", reviewerId: "p" },
      ],
    });
    expect(assessAthlete(t, NOW).flags.filter((f) => f.ruleId === "R20")).toEqual([]);
  });

  it("E3.1 and E3.3 cope with runs logged by duration only and a pre-injury volume of 0", () => {
    const t = timeline({
      athlete: { id: "a", preInjuryWeeklyKm: 0 },
      plan: { targetEasyRun: { distanceKm: 5, minutes: 30 } },
      sessions: [run({ at: ago(9), distanceKm: undefined, minutes: 40 }), run({ at: ago(2), distanceKm: 5, minutes: undefined })],
    });
    const a = assessAthlete(t, NOW);
    expect(a.exitCriteria.find((c) => c.id === "E3.1")?.status).toBe("not_met");
    expect(a.exitCriteria.find((c) => c.id === "E3.3")?.status).toBe("met");
    expect(a.workload.weeklyVolume.unit).toBe("minutes");
  });

  it("phase 4 block rule ignores other squads and sessions beyond a week", () => {
    const t = timeline({
      phase: 4,
      plan: { phaseStartedAt: ago(3) },
      sessions: [run({ at: ago(5), activities: ["hills"] }), run({ at: ago(2), sprints: 6 })],
      squadSessions: [
        { id: "q-other", at: ahead(2), squadId: "sq-2", kind: "plyometrics" },
        { id: "q-far", at: ahead(9), squadId: "sq-1", kind: "plyometrics" },
        { id: "q-past", at: ago(1), squadId: "sq-1", kind: "plyometrics" },
      ],
    });
    expect(assessAthlete(t, NOW).flags.filter((f) => f.ruleId === "R16")).toEqual([]);
  });

  it("heavy gym with no heavy session in the last week is ok", () => {
    const a = assessAthlete(timeline({ phase: 2, plan: { phaseStartedAt: ago(3) } }), NOW);
    expect(preflightCheck(a, { kind: "heavy_gym", at: ahead(1) }).verdict).toBe("ok");
  });
});
