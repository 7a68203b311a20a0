import { describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";
import { decideDischarge, decidePhaseChange, diffPlans, planBodySchema, type PhasedPlanBody } from "../src/clinical/physio";

const body = (fields: Record<string, unknown> = {}, phase: 1 | 2 | 3 | 4 = 2): PhasedPlanBody => ({ ...planBodySchema.parse(fields), phase });
const rx = (fields: Record<string, unknown> = {}) => ({ id: "rx-1", exercise: "Nordic curl", category: "eccentric", sets: 3, reps: 6, sessionsPerWeek: 2, ...fields });

function refusal(fn: () => unknown): { message: string; fields: string[] } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { message: error.userMessage, fields: Object.keys(error.fieldErrors ?? {}) };
    throw error;
  }
  throw new Error("expected a refusal");
}

const met = [
  { id: "E4.1", status: "met" },
  { id: "E4.2", status: "met" },
] as const;

describe("decideDischarge", () => {
  it("adds the closing note to a clean discharge", () => {
    expect(decideDischarge({ phase: 4, criteria: met, redFlagOpen: false, note: "  Back racing  " })).toEqual({
      kind: "discharge",
      note: "Discharged: every discharge criterion met (E4.1, E4.2). Back racing",
      unmetCriteria: [],
    });
    expect(decideDischarge({ phase: 4, criteria: met, redFlagOpen: false, note: "   " }).note).toBe("Discharged: every discharge criterion met (E4.1, E4.2)");
  });

  it("records the override reason and the note with the unmet criteria", () => {
    const criteria = [{ id: "E4.1", status: "met" }, { id: "E4.3", status: "unknown" }, { id: "E4.4", status: "not_met" }] as const;
    expect(decideDischarge({ phase: 4, criteria, redFlagOpen: false, overrideReason: " Moved club ", note: "Letter sent" })).toEqual({
      kind: "discharge_override",
      note: "Discharged with override (E4.3, E4.4 not met): Moved club. Letter sent",
      unmetCriteria: ["E4.3", "E4.4"],
    });
    expect(decideDischarge({ phase: 4, criteria, redFlagOpen: false, overrideReason: "Moved club" }).note).toBe("Discharged with override (E4.3, E4.4 not met): Moved club");
  });

  it("needs an override when there is no checklist at all", () => {
    expect(refusal(() => decideDischarge({ phase: 4, criteria: [], redFlagOpen: false }))).toEqual({
      message: "Not every discharge criterion is met (): write a reason to override",
      fields: ["overrideReason"],
    });
    expect(decideDischarge({ phase: 4, criteria: [], redFlagOpen: false, overrideReason: "Paper record" })).toEqual({
      kind: "discharge_override",
      note: "Discharged with override ( not met): Paper record",
      unmetCriteria: [],
    });
  });

  it("refuses a blank override reason and any discharge with a red flag open", () => {
    const criteria = [{ id: "E4.4", status: "not_met" }] as const;
    expect(refusal(() => decideDischarge({ phase: 4, criteria, redFlagOpen: false, overrideReason: "  " }))).toEqual({
      message: "Not every discharge criterion is met (E4.4): write a reason to override",
      fields: ["overrideReason"],
    });
    expect(refusal(() => decideDischarge({ phase: 4, criteria: met, redFlagOpen: true }))).toEqual({
      message: "A red flag is still open: resolve the medical review before discharge.",
      fields: ["overrideReason"],
    });
    expect(refusal(() => decideDischarge({ phase: 2, criteria: met, redFlagOpen: false }))).toEqual({
      message: "Discharge is from phase 4: the athlete is in phase 2. Advance through the phases first.",
      fields: ["phase"],
    });
  });
});

describe("decidePhaseChange", () => {
  it("refuses phases that do not exist and a change to the same phase", () => {
    expect(refusal(() => decidePhaseChange({ from: 2, to: 2.5, criteria: [] })).fields).toEqual(["toPhase"]);
    expect(refusal(() => decidePhaseChange({ from: 2, to: 5, criteria: [] })).message).toBe("toPhase must be 1, 2, 3 or 4");
    expect(refusal(() => decidePhaseChange({ from: 2, to: 2, criteria: [] })).message).toBe("The athlete is already in phase 2");
  });

  it("moves back with a trimmed reason, even with a red flag open, and never without one", () => {
    expect(decidePhaseChange({ from: 3, to: 1, criteria: [], redFlagOpen: true, reason: " Flare-up " })).toEqual({ kind: "regress", to: 1, reason: "Flare-up", unmetCriteria: [] });
    expect(refusal(() => decidePhaseChange({ from: 3, to: 2, criteria: [] }))).toEqual({ message: "Give a reason for moving back a phase", fields: ["reason"] });
  });

  it("advances one phase only, cleanly when every criterion is met, else with an override", () => {
    expect(refusal(() => decidePhaseChange({ from: 1, to: 3, criteria: [] })).message).toBe("Advance one phase at a time");
    expect(decidePhaseChange({ from: 1, to: 2, criteria: [{ id: "E1.1", status: "met" }], overrideReason: "ignored" })).toEqual({
      kind: "advance",
      to: 2,
      reason: null,
      unmetCriteria: [],
    });
    expect(decidePhaseChange({ from: 1, to: 2, criteria: [{ id: "E1.1", status: "met" }, { id: "E1.2", status: "unknown" }], overrideReason: "Clinic judgement" })).toEqual({
      kind: "advance_override",
      to: 2,
      reason: "Clinic judgement",
      unmetCriteria: ["E1.2"],
    });
    expect(refusal(() => decidePhaseChange({ from: 1, to: 2, criteria: [{ id: "E1.2", status: "not_met" }] }))).toEqual({
      message: "Not every exit criterion is met (E1.2): write a reason to override",
      fields: ["overrideReason"],
    });
  });
});

describe("diffPlans details", () => {
  it("says nothing about a prescription whose fields are unchanged", () => {
    expect(diffPlans(body({ prescriptions: [rx()] }), body({ prescriptions: [rx({ id: "rx-2" })] }))).toEqual([]);
  });

  it("shows an empty or cleared value as none and a boolean as its value", () => {
    expect(diffPlans(body({ prescriptions: [rx({ tempo: "" })] }), body({ prescriptions: [rx({ tempo: "3-0-3", heavy: true })] }))).toEqual([
      { field: "prescriptions", summary: "Nordic curl: tempo none -> 3-0-3; heavy false -> true" },
    ]);
    expect(diffPlans(body({ prescriptions: [rx({ holdSeconds: 30 })] }), body({ prescriptions: [rx()] }))).toEqual([
      { field: "prescriptions", summary: "Nordic curl: hold (seconds) 30 -> none" },
    ]);
  });

  it("names thresholds by their editor label, with the unit when there is one, against the default when removed", () => {
    expect(diffPlans(body({ thresholds: { spacing: { greenExposuresToRelax: 3, relaxed: true } } }), body())).toEqual([
      { field: "thresholds.spacing.relaxed", summary: "Threshold Relax the spacing after enough green exposures: true -> false" },
      { field: "thresholds.spacing.greenExposuresToRelax", summary: "Threshold Green high-load exposures before relaxing: 3 -> 4" },
    ]);
    expect(diffPlans(body(), body({ thresholds: { spacing: { highLoadHours: 96 } } }))).toEqual([
      { field: "thresholds.spacing.highLoadHours", summary: "Threshold High-load spacing (hours): 72 -> 96" },
    ]);
  });

  it("names an override set to its default value as no change", () => {
    expect(diffPlans(body(), body({ thresholds: { spacing: { highLoadHours: 72 } } }))).toEqual([]);
  });

  it("describes a target run of distance only and its removal", () => {
    expect(diffPlans(body({ targetEasyRun: { distanceKm: 5 } }), body())).toEqual([{ field: "targetEasyRun", summary: "Target easy run: 5 km -> none" }]);
  });

  it("reports the VISA-H baseline and the maintenance plan", () => {
    expect(diffPlans(body({ maintenancePlan: "Twice weekly" }), body({ visaHBaseline: 40 }))).toEqual([
      { field: "maintenancePlan", summary: "Maintenance plan changed" },
      { field: "visaHBaseline", summary: "VISA-H baseline: none -> 40" },
    ]);
  });
});
