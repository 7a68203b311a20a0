import { describe, expect, it } from "vitest";
import { DomainError, decidePhaseChange } from "../src";

const met = [{ id: "E1.1" as const, status: "met" as const }];
const unmet = [{ id: "E1.1" as const, status: "not_met" as const }];

describe("an open red flag blocks any phase advance", () => {
  it("blocks a clean advance and an override alike, naming the red flag", () => {
    expect(() => decidePhaseChange({ from: 1, to: 2, criteria: met, redFlagOpen: true })).toThrow(/red flag is still open/);
    expect(() => decidePhaseChange({ from: 1, to: 2, criteria: unmet, overrideReason: "Physio judgement", redFlagOpen: true })).toThrow(DomainError);
  });

  it("once resolved, the advance (or the override) goes through", () => {
    expect(decidePhaseChange({ from: 1, to: 2, criteria: met, redFlagOpen: false }).kind).toBe("advance");
    expect(decidePhaseChange({ from: 1, to: 2, criteria: unmet, overrideReason: "Physio judgement", redFlagOpen: false }).kind).toBe("advance_override");
  });

  it("moving back stays allowed while a red flag is open", () => {
    expect(decidePhaseChange({ from: 2, to: 1, criteria: [], reason: "Flare-up", redFlagOpen: true }).kind).toBe("regress");
  });
});
