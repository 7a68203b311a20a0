import { describe, expect, it } from "vitest";
import { assertAffectedSideFits, assertPhaseStart, capacityTestInputSchema, capacityTestValues, decideDischarge, DomainError, runLogInputSchema, sessionLogInputSchema } from "../src";

const NOW = new Date("2026-11-21T09:00:00Z");
const DAY = 86_400_000;

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return Object.keys(error.fieldErrors ?? {});
    throw error;
  }
  return [];
};

describe("capacity tests", () => {
  it("compares the affected side's value with the other side's", () => {
    const input = capacityTestInputSchema.parse({ kind: "single_leg_bridge_reps", at: NOW, affectedSide: "left", left: 22, right: 30 });
    expect(capacityTestValues(input)).toMatchObject({ affected: 22, other: 30, pain: null, affectedSide: "left" });
    const lunge = capacityTestInputSchema.parse({ kind: "drop_lunge", at: NOW, affectedSide: "right", pain: 2 });
    expect(capacityTestValues(lunge)).toMatchObject({ affected: null, other: null, pain: 2 });
  });

  it("the affected side is the episode's when the episode is on one leg", () => {
    expect(fieldsOf(() => assertAffectedSideFits("right", "left"))).toEqual(["affectedSide"]);
    expect(fieldsOf(() => assertAffectedSideFits("both", "left"))).toEqual([]);
    expect(fieldsOf(() => assertAffectedSideFits("left", "left"))).toEqual([]);
  });
});

describe("a first plan's phase start", () => {
  it("may lie in the past, not in the future, not before the onset, not over a year back", () => {
    expect(fieldsOf(() => assertPhaseStart(new Date(NOW.getTime() - 21 * DAY), NOW, "2026-09-01"))).toEqual([]);
    expect(fieldsOf(() => assertPhaseStart(new Date(NOW.getTime() + DAY), NOW, "2026-09-01"))).toEqual(["phaseStartedAt"]);
    expect(fieldsOf(() => assertPhaseStart(new Date("2026-08-01T09:00:00Z"), NOW, "2026-09-01"))).toEqual(["phaseStartedAt"]);
    expect(fieldsOf(() => assertPhaseStart(new Date(NOW.getTime() - 400 * DAY), NOW, "2020-01-01"))).toEqual(["phaseStartedAt"]);
  });
});

describe("discharge", () => {
  const met = ["E4.1", "E4.2", "E4.3", "E4.4"].map((id) => ({ id: id as "E4.1", status: "met" as const }));
  it("signs off when every discharge criterion is met", () => {
    expect(decideDischarge({ phase: 4, criteria: met, redFlagOpen: false })).toMatchObject({ kind: "discharge", unmetCriteria: [] });
  });
  it("needs an override reason otherwise, names the unmet ones, and never goes through an open red flag", () => {
    const some = [...met.slice(0, 3), { id: "E4.4" as const, status: "unknown" as const }];
    expect(fieldsOf(() => decideDischarge({ phase: 4, criteria: some, redFlagOpen: false }))).toEqual(["overrideReason"]);
    expect(decideDischarge({ phase: 4, criteria: some, redFlagOpen: false, overrideReason: "Moved club" })).toMatchObject({ kind: "discharge_override", unmetCriteria: ["E4.4"] });
    expect(fieldsOf(() => decideDischarge({ phase: 4, criteria: met, redFlagOpen: true, overrideReason: "x" }))).toEqual(["overrideReason"]);
    expect(fieldsOf(() => decideDischarge({ phase: 3, criteria: met, redFlagOpen: false }))).toEqual(["phase"]);
  });
});

describe("log forms", () => {
  const base = { at: NOW, minutes: 40, rpe: 5, painDuring: 0 };
  const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (result.error?.issues ?? []).map((i) => i.path.join("."));
  it("take the activities each type can carry, full training and full intensity", () => {
    expect(sessionLogInputSchema.parse({ ...base, type: "field", activities: ["sprint"], fullTraining: true, fullIntensity: true })).toMatchObject({ fullTraining: true, fullIntensity: true });
    expect(paths(sessionLogInputSchema.safeParse({ ...base, type: "cross_training", activities: ["sprint"] }))).toEqual(["activities"]);
    expect(runLogInputSchema.parse({ at: NOW, painDuring: 0, distanceKm: 12, activities: ["long_run"] })).toMatchObject({ activities: ["long_run"], fullTraining: false });
    expect(paths(runLogInputSchema.safeParse({ at: NOW, painDuring: 0, distanceKm: 12, activities: ["cycling"] }))).toEqual(["activities"]);
  });
  it("take heavy and a repetition maximum on strength sessions only", () => {
    expect(sessionLogInputSchema.parse({ ...base, type: "strength", heavy: true, heaviestRm: 8 })).toMatchObject({ heavy: true, heaviestRm: 8 });
    expect(paths(sessionLogInputSchema.safeParse({ ...base, type: "field", heavy: true, heaviestRm: 8 }))).toEqual(["heavy", "heaviestRm"]);
  });
});
