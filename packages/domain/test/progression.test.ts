import { describe, expect, it } from "vitest";
import { assessAthlete, effectiveForbiddenActivities, phaseInfo } from "../src/clinical";
import { NOW, ago, ahead, checkIn, run, strength, timeline } from "./helpers";
import { mornings } from "./mornings";

const r14 = (sessions: ReturnType<typeof run>[]) => assessAthlete(timeline({ checkIns: mornings(31), sessions }), NOW).flags.filter((f) => f.ruleId === "R14");
const base = { distanceKm: 5, minutes: 30, surface: "road" } as const;

describe("R14 one variable at a time (against the last green run)", () => {
  it("distance +10 % is unchanged; +10.2 % is one changed variable", () => {
    const same = assessAthlete(timeline({ checkIns: mornings(31), sessions: [run({ at: ago(8), ...base }), run({ at: ago(4), ...base, distanceKm: 5.5, minutes: 33 })] }), NOW);
    expect(same.progression.changedVariables).toEqual([]);
    const longer = assessAthlete(timeline({ checkIns: mornings(31), sessions: [run({ at: ago(8), ...base }), run({ at: ago(4), ...base, distanceKm: 5.51, minutes: 33.06 })] }), NOW);
    expect(longer.progression.changedVariables).toEqual(["volume"]);
  });

  it("pace 5 % faster is unchanged; 5.1 % faster is a change", () => {
    const at5 = assessAthlete(timeline({ checkIns: mornings(31), sessions: [run({ at: ago(8), ...base }), run({ at: ago(4), ...base, minutes: 28.5 })] }), NOW);
    expect(at5.progression.changedVariables).toEqual([]);
    const faster = assessAthlete(timeline({ checkIns: mornings(31), sessions: [run({ at: ago(8), ...base }), run({ at: ago(4), ...base, minutes: 28.4 })] }), NOW);
    expect(faster.progression.changedVariables).toEqual(["pace"]);
  });

  it("a gradient over 2 % appearing, strides appearing and a new surface are each one variable", () => {
    expect(r14([run({ at: ago(8), ...base }), run({ at: ago(4), ...base, steepestGradientPct: 2 })])).toEqual([]);
    const [flag] = r14([run({ at: ago(8), ...base }), run({ at: ago(4), ...base, steepestGradientPct: 3, strides: 4, surface: "trail" })]);
    expect(flag).toMatchObject({ severity: "amber" });
    expect(flag?.evidence.values).toMatchObject({ changed: "gradient,strides_or_sprints,surface", count: 3, audience: "coach" });
  });

  it("more runs per week (frequency) counts as a change", () => {
    const sessions = [run({ at: ago(20), ...base }), run({ at: ago(12), ...base }), run({ at: ago(5), ...base }), run({ at: ago(2), ...base, strides: 4 })];
    const a = assessAthlete(timeline({ checkIns: mornings(31), sessions }), NOW);
    expect(a.progression.changedVariables).toEqual(["strides_or_sprints", "frequency"]);
    expect(a.flags.filter((f) => f.ruleId === "R14")).toHaveLength(1);
  });

  it("compares with the last green run, skipping amber ones", () => {
    const sessions = [run({ at: ago(12), ...base }), run({ at: ago(8), ...base, distanceKm: 7, minutes: 42, painDuring: 3 }), run({ at: ago(4), ...base, distanceKm: 5.2, minutes: 31 })];
    expect(assessAthlete(timeline({ checkIns: mornings(31), sessions }), NOW).progression.changedVariables).toEqual([]);
  });
});

describe("R15 consolidate: each level twice green before the next step", () => {
  it("stepping up after only one green run at the level is amber", () => {
    const [flag] = assessAthlete(timeline({ checkIns: mornings(31), sessions: [run({ at: ago(10), ...base }), run({ at: ago(3), ...base, distanceKm: 6, minutes: 36 })] }), NOW).flags.filter(
      (f) => f.ruleId === "R15",
    );
    expect(flag?.evidence.values).toEqual({ greenAtLevel: 1, required: 2 });
  });

  it("stepping up after two green runs at the level is fine, and the level counts as consolidated", () => {
    const sessions = [run({ at: ago(13), ...base }), run({ at: ago(9), ...base }), run({ at: ago(3), ...base, distanceKm: 6, minutes: 36 })];
    const a = assessAthlete(timeline({ checkIns: mornings(31), sessions }), NOW);
    expect(a.flags.filter((f) => f.ruleId === "R15")).toEqual([]);
    expect(a.progression.levelConsolidated).toBe(false);
    const repeated = assessAthlete(timeline({ checkIns: mornings(31), sessions: [...sessions.slice(0, 2)] }), NOW);
    expect(repeated.progression.levelConsolidated).toBe(true);
    expect(assessAthlete(timeline(), NOW).progression.levelConsolidated).toBeNull();
  });
});

describe("R16 phase gates", () => {
  it("describes each phase in plain words with its forbidden squad session kinds", () => {
    expect(phaseInfo[1].forbiddenSquadKinds).toEqual(["easy_run", "long_run", "hills", "intervals", "strides", "sprint", "plyometrics", "heavy_gym", "field_drills"]);
    expect(phaseInfo[3].forbiddenSquadKinds).toEqual(["hills", "intervals", "sprint", "plyometrics", "field_drills"]);
    expect(phaseInfo[4].forbiddenSquadKinds).toEqual([]);
    expect(phaseInfo[2].exitCriteria).toEqual(["E2.1", "E2.2", "E2.3", "E2.4", "E2.5", "E2.6"]);
  });

  it("the physio can enable easy running in phase 1 and forbid extra activities", () => {
    expect(effectiveForbiddenActivities({ phase: 1, allowedActivities: ["easy_run"], forbiddenActivities: [] })).not.toContain("easy_run");
    expect(effectiveForbiddenActivities({ phase: 4, allowedActivities: [], forbiddenActivities: ["sprint", "static_hamstring_stretch"] })).toEqual(["sprint"]);
  });

  it("a forbidden activity is red when logged, planned for the squad or prescribed", () => {
    const t = timeline({
      phase: 1,
      sessions: [run({ at: ago(2) })],
      squadSessions: [
        { id: "q-hills", at: ahead(2), squadId: "sq-1", kind: "hills" },
        { id: "q-other-squad", at: ahead(2), squadId: "sq-9", kind: "sprint" },
        { id: "q-recovery", at: ahead(2), squadId: "sq-1", kind: "recovery" },
        { id: "q-far", at: ahead(20), squadId: "sq-1", kind: "sprint" },
      ],
      plan: { prescriptions: [{ id: "rx-1", exercise: "Box jumps", category: "plyometric", sets: 3, reps: 5, sessionsPerWeek: 2 }, { id: "rx-2", exercise: "Heel press", category: "isometric", sets: 5, holdSeconds: 40, sessionsPerWeek: 7 }] },
    });
    const flags = assessAthlete(t, NOW).flags.filter((f) => f.ruleId === "R16");
    expect(flags.map((f) => [f.severity, f.evidence.values.source, f.evidence.recordIds[0]])).toEqual([
      ["red", "prescribed", "rx-1"],
      ["red", "logged", t.sessions[0]?.id],
      ["red", "planned", "q-hills"],
    ]);
  });

  it("phase 3 allows easy runs and strides but not hill repeats", () => {
    const ok = assessAthlete(timeline({ sessions: [run({ at: ago(2), strides: 4 })] }), NOW).flags.filter((f) => f.ruleId === "R16");
    expect(ok).toEqual([]);
    const hills = assessAthlete(timeline({ sessions: [run({ at: ago(2), activities: ["hills"] })] }), NOW).flags.filter((f) => f.ruleId === "R16");
    expect(hills).toHaveLength(1);
  });

  it("heavy prescriptions are gated in phase 1 (heavy gym waits for phase 2)", () => {
    const t = timeline({ phase: 1, plan: { prescriptions: [{ id: "rx-rdl", exercise: "Heavy RDL", category: "heavy_slow_resistance", heavy: true, sets: 3, reps: 8, sessionsPerWeek: 2 }] } });
    expect(assessAthlete(t, NOW).flags.filter((f) => f.ruleId === "R16").map((f) => f.evidence.values.activity)).toEqual(["heavy_gym"]);
  });

  it("phase 4: hills, sprints and plyometrics in the same block is amber", () => {
    const t = (withPlyo: boolean) =>
      timeline({
        phase: 4,
        sessions: [run({ at: ago(5), activities: ["hills"] }), run({ at: ago(2), sprints: 6 })],
        squadSessions: withPlyo ? [{ id: "q-plyo", at: ahead(3), squadId: "sq-1", kind: "plyometrics" }] : [],
      });
    expect(assessAthlete(t(false), NOW).flags.filter((f) => f.ruleId === "R16")).toEqual([]);
    expect(assessAthlete(t(true), NOW).flags.filter((f) => f.ruleId === "R16").map((f) => f.severity)).toEqual(["amber"]);
  });
});

describe("R17 stretching", () => {
  it("long static hamstring stretches in phases 1-2 are amber; in phase 3 they are not flagged", () => {
    const stretch = (phase: 1 | 2 | 3) =>
      timeline({
        phase,
        sessions: [strength({ at: ago(1), activities: ["static_hamstring_stretch"] })],
        plan: { prescriptions: [{ id: "rx-s", exercise: "Hamstring stretch", category: "glute_core", activity: "static_hamstring_stretch", sets: 3, holdSeconds: 60, sessionsPerWeek: 7 }] },
      });
    expect(assessAthlete(stretch(2), NOW).flags.filter((f) => f.ruleId === "R17").map((f) => f.evidence.values.source)).toEqual(["prescribed", "logged"]);
    expect(assessAthlete(stretch(1), NOW).flags.filter((f) => f.ruleId === "R16")).toEqual([]);
    expect(assessAthlete(stretch(3), NOW).flags.filter((f) => f.ruleId === "R17")).toEqual([]);
  });
});

describe("R18 sitting", () => {
  it("a continuous sit over 30 min prompts a break and a cushion; exactly 30 does not", () => {
    expect(assessAthlete(timeline({ checkIns: [checkIn(0, { longestSitMinutes: 30 })] }), NOW).flags.filter((f) => f.ruleId === "R18")).toEqual([]);
    const [flag] = assessAthlete(timeline({ checkIns: [checkIn(0, { longestSitMinutes: 31 })] }), NOW).flags.filter((f) => f.ruleId === "R18");
    expect(flag).toMatchObject({ severity: "info" });
    expect(flag?.message).toMatch(/cushion/);
  });

  it("falling 7-day sitting tolerance is amber; steady tolerance is not", () => {
    const checkIns = (previous: number, current: number) => [checkIn(10, { sittingToleranceMinutes: previous }), checkIn(3, { sittingToleranceMinutes: current })];
    expect(assessAthlete(timeline({ checkIns: checkIns(45, 40) }), NOW).flags.filter((f) => f.ruleId === "R18").map((f) => f.severity)).toEqual(["amber"]);
    expect(assessAthlete(timeline({ checkIns: checkIns(40, 40) }), NOW).flags.filter((f) => f.ruleId === "R18")).toEqual([]);
  });
});
