import { describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";
import {
  assertAffectedSideFits,
  capacitySymmetryPct,
  capacityTestInfo,
  capacityTestInputSchema,
  capacityTestValues,
  defaultAffectedSide,
} from "../src/clinical/capacity-tests";

const AT = new Date("2026-03-10T08:00:00Z");

const issues = (input: unknown) => {
  const result = capacityTestInputSchema.safeParse(input);
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
};

describe("capacityTestInfo", () => {
  it("ties each test to its exit criterion and unit", () => {
    expect(Object.fromEntries(Object.entries(capacityTestInfo).map(([k, v]) => [k, [v.criterion, v.unit, v.integer]]))).toEqual({
      drop_lunge: ["E2.2", null, true],
      single_leg_bridge_reps: ["E2.3", "reps", true],
      prone_curl_10rm: ["E2.3", "kg", false],
    });
  });
});

describe("capacityTestInputSchema", () => {
  it("parses a drop lunge with an ISO time string and defaults the notes", () => {
    expect(capacityTestInputSchema.parse({ kind: "drop_lunge", at: "2026-03-10T08:00Z", affectedSide: "left", pain: 2 })).toEqual({
      kind: "drop_lunge",
      at: AT,
      affectedSide: "left",
      pain: 2,
      notes: "",
    });
  });

  it("parses a strength test with fractional kilograms and no pain", () => {
    expect(capacityTestInputSchema.parse({ kind: "prone_curl_10rm", at: AT, affectedSide: "right", left: 22.5, right: 17.5, notes: "ok" })).toEqual({
      kind: "prone_curl_10rm",
      at: AT,
      affectedSide: "right",
      left: 22.5,
      right: 17.5,
      notes: "ok",
    });
  });

  it("refuses fractional reps, negative kilograms and a missing side value", () => {
    expect(issues({ kind: "single_leg_bridge_reps", at: AT, affectedSide: "left", left: 10.5, right: 12 })).toEqual({ left: "Left side must be a whole number" });
    expect(issues({ kind: "prone_curl_10rm", at: AT, affectedSide: "left", left: -1, right: 12 })).toEqual({ left: "Left side must be between 0 and 1000" });
    expect(issues({ kind: "single_leg_bridge_reps", at: AT, affectedSide: "left", left: 10 })).toEqual({ right: "Right side must be a number between 0 and 1000" });
  });

  it("requires the pain of a drop lunge", () => {
    expect(issues({ kind: "drop_lunge", at: AT, affectedSide: "left" })).toEqual({ pain: "Pain must be a number between 0 and 10" });
  });

  it("refuses an unknown kind and a side that is not one leg", () => {
    expect(issues({ kind: "hop_test", at: AT, affectedSide: "left", pain: 1 })).toEqual({
      kind: "Test: choose the drop lunge, the single-leg bridge or the prone leg curl",
    });
    expect(issues({ kind: "drop_lunge", at: AT, affectedSide: "both", pain: 1 })).toEqual({ affectedSide: "Affected side: choose left or right" });
  });

  it("refuses a time that is not a date and time", () => {
    expect(issues({ kind: "drop_lunge", at: "2026-03-10", affectedSide: "left", pain: 1 })).toEqual({
      at: "When must be a date and time such as 2026-11-21T09:00Z",
    });
  });
});

describe("capacityTestValues", () => {
  it("stores a drop lunge as its pain with no side values", () => {
    const input = capacityTestInputSchema.parse({ kind: "drop_lunge", at: AT, affectedSide: "right", pain: 4, notes: "stiff" });
    expect(capacityTestValues(input)).toEqual({ kind: "drop_lunge", at: AT, affectedSide: "right", pain: 4, affected: null, other: null, notes: "stiff" });
  });

  it("takes the left value as affected when the left leg was tested as affected", () => {
    const input = capacityTestInputSchema.parse({ kind: "single_leg_bridge_reps", at: AT, affectedSide: "left", left: 12, right: 20, pain: 1 });
    expect(capacityTestValues(input)).toEqual({ kind: "single_leg_bridge_reps", at: AT, affectedSide: "left", pain: 1, affected: 12, other: 20, notes: "" });
  });

  it("takes the right value as affected for the right leg, with no pain as null", () => {
    const input = capacityTestInputSchema.parse({ kind: "prone_curl_10rm", at: AT, affectedSide: "right", left: 30, right: 24 });
    expect(capacityTestValues(input)).toEqual({ kind: "prone_curl_10rm", at: AT, affectedSide: "right", pain: null, affected: 24, other: 30, notes: "" });
  });
});

describe("defaultAffectedSide", () => {
  it("preselects the episode's leg when it is one leg, nothing otherwise", () => {
    expect(defaultAffectedSide("left")).toBe("left");
    expect(defaultAffectedSide("right")).toBe("right");
    expect(defaultAffectedSide("both")).toBeNull();
    expect(defaultAffectedSide(null)).toBeNull();
    expect(defaultAffectedSide(undefined)).toBeNull();
  });
});

describe("capacitySymmetryPct", () => {
  it("gives the affected side as a percentage of the other, to one decimal", () => {
    expect(capacitySymmetryPct({ affected: 12, other: 20 })).toBe(60);
    expect(capacitySymmetryPct({ affected: 2, other: 3 })).toBe(66.7);
    expect(capacitySymmetryPct({ affected: 25, other: 20 })).toBe(125);
  });

  it("counts an other side of zero as symmetric", () => {
    expect(capacitySymmetryPct({ affected: 5, other: 0 })).toBe(100);
    expect(capacitySymmetryPct({ affected: 0, other: 0 })).toBe(100);
  });

  it("has no symmetry for a drop lunge (no side values)", () => {
    expect(capacitySymmetryPct({ affected: null, other: null })).toBeNull();
    expect(capacitySymmetryPct({ affected: 10, other: null })).toBeNull();
    expect(capacitySymmetryPct({ affected: null, other: 10 })).toBeNull();
  });
});

describe("assertAffectedSideFits", () => {
  it("accepts the episode's own leg, and either leg for an episode on both sides", () => {
    expect(() => assertAffectedSideFits("left", "left")).not.toThrow();
    expect(() => assertAffectedSideFits("right", "right")).not.toThrow();
    expect(() => assertAffectedSideFits("both", "left")).not.toThrow();
    expect(() => assertAffectedSideFits("both", "right")).not.toThrow();
  });

  it("refuses the other leg of a one-sided episode, naming affectedSide", () => {
    let thrown: unknown;
    try {
      assertAffectedSideFits("left", "right");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const error = thrown as DomainError;
    expect(error.kind).toBe("invalid");
    expect(error.userMessage).toBe("affectedSide: the injury episode is on the left side");
    expect(error.fieldErrors).toEqual({ affectedSide: ["affectedSide: the injury episode is on the left side"] });
  });
});
