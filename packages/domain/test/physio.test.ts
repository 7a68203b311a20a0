import { describe, expect, it } from "vitest";
import {
  activityOverrides,
  can,
  decidePhaseChange,
  diffPlans,
  DomainError,
  episodeInputSchema,
  phaseInfo,
  planBodySchema,
  provocationTestInfo,
  provocationTestInputSchema,
  seesClinicalDetail,
  type Actor,
  type ExitCriterionResult,
  type PhasedPlanBody,
} from "../src";

const criterion = (id: ExitCriterionResult["id"], status: ExitCriterionResult["status"]): ExitCriterionResult => ({
  id,
  description: id,
  status,
  evidence: { recordIds: [], values: {} },
  dataNeeded: null,
});
const allMet = [criterion("E1.1", "met"), criterion("E1.2", "met")];
const someUnmet = [criterion("E1.1", "met"), criterion("E1.2", "not_met"), criterion("E1.3", "unknown")];

function fieldOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return Object.keys(error.fieldErrors ?? {});
    throw error;
  }
  return [];
}

describe("decidePhaseChange (phase gate with sign-off)", () => {
  it("advances when every exit criterion is met", () => {
    expect(decidePhaseChange({ from: 1, to: 2, criteria: allMet })).toEqual({ kind: "advance", to: 2, reason: null, unmetCriteria: [] });
  });

  it("refuses to advance with unmet criteria and no override reason", () => {
    expect(fieldOf(() => decidePhaseChange({ from: 1, to: 2, criteria: someUnmet }))).toEqual(["overrideReason"]);
    expect(fieldOf(() => decidePhaseChange({ from: 1, to: 2, criteria: someUnmet, overrideReason: "   " }))).toEqual(["overrideReason"]);
  });

  it("records an override with its reason and the unmet criteria", () => {
    const decision = decidePhaseChange({ from: 1, to: 2, criteria: someUnmet, overrideReason: " Pain settled in clinic " });
    expect(decision).toEqual({ kind: "advance_override", to: 2, reason: "Pain settled in clinic", unmetCriteria: ["E1.2", "E1.3"] });
  });

  it("treats an empty checklist as not met", () => {
    expect(fieldOf(() => decidePhaseChange({ from: 3, to: 4, criteria: [] }))).toEqual(["overrideReason"]);
  });

  it("allows moving back with a reason, and only with one", () => {
    expect(decidePhaseChange({ from: 3, to: 2, criteria: [], reason: "Flare after hills" }).kind).toBe("regress");
    expect(fieldOf(() => decidePhaseChange({ from: 3, to: 1, criteria: [] }))).toEqual(["reason"]);
  });

  it("refuses the same phase, skipping a phase and out-of-range phases", () => {
    expect(fieldOf(() => decidePhaseChange({ from: 2, to: 2, criteria: allMet }))).toEqual(["toPhase"]);
    expect(fieldOf(() => decidePhaseChange({ from: 1, to: 3, criteria: allMet }))).toEqual(["toPhase"]);
    expect(fieldOf(() => decidePhaseChange({ from: 4, to: 5, criteria: allMet }))).toEqual(["toPhase"]);
    expect(fieldOf(() => decidePhaseChange({ from: 1, to: 1.5, criteria: allMet }))).toEqual(["toPhase"]);
  });
});

describe("activityOverrides", () => {
  it("is empty when the physio keeps the phase defaults", () => {
    expect(activityOverrides(1, phaseInfo[1].forbiddenActivities)).toEqual({ allowedActivities: [], forbiddenActivities: [] });
  });

  it("records enabled and extra-forbidden activities as overrides", () => {
    const forbidden = phaseInfo[1].forbiddenActivities.filter((a) => a !== "easy_run");
    expect(activityOverrides(1, [...forbidden, "cycling"])).toEqual({ allowedActivities: ["easy_run"], forbiddenActivities: ["cycling"] });
  });
});

const body = (overrides: Partial<PhasedPlanBody> = {}): PhasedPlanBody => ({
  ...planBodySchema.parse({}),
  phase: 1,
  ...overrides,
});
const prescription = (exercise: string, sets: number) => ({
  id: exercise,
  exercise,
  category: "isometric" as const,
  sets,
  holdSeconds: 45,
  sessionsPerWeek: 7,
  heavy: false,
  highTendonLoad: false,
});

describe("diffPlans", () => {
  it("finds nothing between equal plans", () => {
    expect(diffPlans(body(), body())).toEqual([]);
  });

  it("describes phase, prescription, activity, threshold and text changes", () => {
    const before = body({ prescriptions: [prescription("Bridge hold", 5), prescription("Clamshell", 3)], notes: "a" });
    const after = body({
      phase: 2,
      prescriptions: [prescription("Bridge hold", 4), prescription("Nordic curl", 3)],
      allowedActivities: ["easy_run"],
      thresholds: { spacing: { highLoadHours: 48 } },
      notes: "b",
      maintenancePlan: "Twice a week",
      targetEasyRun: { distanceKm: 5 },
      visaHBaseline: 40,
      returnToSportElements: ["sprint"],
    });
    const summaries = diffPlans(before, after).map((c) => c.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        "Phase 1 -> 2 (Eccentric and heavy slow resistance)",
        "Bridge hold: sets 5 -> 4",
        "Added Nordic curl",
        "Removed Clamshell",
        "Allowed activities added: easy_run",
        "Threshold High-load spacing (hours): 72 -> 48",
        "Notes changed",
        "Maintenance plan changed",
        "Target easy run: none -> 5 km",
        "VISA-H baseline: none -> 40",
        "Return-to-sport elements added: sprint",
      ]),
    );
    const back = diffPlans(after, before).map((c) => c.summary);
    expect(back).toEqual(expect.arrayContaining(["Allowed activities removed: easy_run", "Threshold High-load spacing (hours): 48 -> 72"]));
  });

  it("shows both parts of a target run and object-valued changes", () => {
    const summaries = diffPlans(body({ targetEasyRun: { distanceKm: 3, minutes: 20 } }), body({ targetEasyRun: { minutes: 25 } })).map(
      (c) => c.summary,
    );
    expect(summaries).toEqual(["Target easy run: 3 km / 20 min -> 25 min"]);
  });
});

describe("episode and provocation test inputs", () => {
  const valid = {
    side: "right",
    onsetDate: "2026-10-01",
    onsetType: "gradual",
    suspectedTriggers: ["mileage_jump"],
    diagnosisMethod: "clinical",
    owningClinicianId: "0b6a2f8e-3f4c-4d7a-9a51-2c1d5e6f7a80",
  };

  it("accepts a complete episode and fills defaults", () => {
    const parsed = episodeInputSchema.parse(valid);
    expect(parsed.differentialsExcluded).toEqual([]);
    expect(parsed.clinicalNotes).toBe("");
  });

  it("names the bad field", () => {
    const result = episodeInputSchema.safeParse({ ...valid, onsetDate: "2026-13-45", side: "top" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["onsetDate", "side"]));
  });

  it("checks provocation test pain", () => {
    expect(provocationTestInputSchema.safeParse({ test: "arabesque", side: "left", familiarPainReproduced: true, pain: 11 }).success).toBe(false);
  });

  it("shows the published accuracy of three tests", () => {
    expect(provocationTestInfo.modified_bent_knee_stretch.accuracy).toEqual({ sensitivityPct: 89, specificityPct: 91 });
    expect(provocationTestInfo.arabesque.accuracy).toBeNull();
  });
});

describe("clinical privacy", () => {
  const org = "org-a";
  const coach: Actor = { userId: "c", role: "coach", organisationId: org };
  const physio: Actor = { userId: "p", role: "physio", organisationId: org };
  const athlete: Actor = { userId: "a", role: "athlete", organisationId: org, athleteId: "ath-1" };

  it("lets only physios and the athlete themselves see clinical detail", () => {
    expect(seesClinicalDetail("physio", false)).toBe(true);
    expect(seesClinicalDetail("athlete", true)).toBe(true);
    expect(seesClinicalDetail("athlete", false)).toBe(false);
    expect(seesClinicalDetail("coach", false)).toBe(false);
  });

  it("keeps episodes, audit and escalation handling with physios", () => {
    for (const action of ["episode.read", "episode.write", "plan.write", "adjunct.write", "escalation.manage", "audit.read"] as const) {
      expect(can(physio, action, { organisationId: org })).toBe(true);
      expect(can(coach, action, { organisationId: org })).toBe(false);
      expect(can(athlete, action, { organisationId: org })).toBe(false);
    }
    expect(can(coach, "escalation.readSummary", { organisationId: org })).toBe(true);
  });

  it("lets an athlete read their own plan only", () => {
    expect(can(athlete, "plan.read", { organisationId: org, athleteId: "ath-1" })).toBe(true);
    expect(can(athlete, "plan.read", { organisationId: org, athleteId: "ath-2" })).toBe(false);
    expect(can(coach, "plan.read", { organisationId: org, athleteId: "ath-1" })).toBe(false);
    expect(can(physio, "plan.read", { organisationId: "org-b", athleteId: "ath-1" })).toBe(false);
  });
});
