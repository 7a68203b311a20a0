import { describe, expect, it } from "vitest";
import { decideDischarge, decidePhaseChange, exitCriterionIds, phaseChangeOptions, redFlagOpen, type Phase } from "../src";

type Status = "met" | "not_met" | "unknown";
const checklists: Status[][] = [[], ["met"], ["met", "met"], ["met", "not_met"], ["unknown"], ["met", "unknown", "met"]];
const phases: Phase[] = [1, 2, 3, 4];

/** Whether the gate accepts the step without an override reason. */
const acceptsWithout = (decide: () => unknown) => {
  try {
    decide();
    return true;
  } catch {
    return false;
  }
};

describe("phase change options (what the phase panel offers)", () => {
  it("offer exactly what the gates accept, for every phase, checklist and red-flag state", () => {
    for (const phase of phases) {
      for (const statuses of checklists) {
        for (const flagOpen of [false, true]) {
          const criteria = statuses.map((status, i) => ({ id: exitCriterionIds[i]!, status }));
          const options = phaseChangeOptions(phase, criteria, flagOpen);
          expect(options.advance?.to ?? null).toBe(phase < 4 ? phase + 1 : null);
          expect(options.moveBack?.to ?? null).toBe(phase > 1 ? phase - 1 : null);
          expect(options.discharge !== null).toBe(phase === 4);
          if (options.advance) {
            const clean = acceptsWithout(() => decidePhaseChange({ from: phase, to: phase + 1, criteria, redFlagOpen: flagOpen }));
            expect(clean).toBe(!options.advance.needsOverride && !options.advance.blockedByRedFlag);
            const overridden = acceptsWithout(() => decidePhaseChange({ from: phase, to: phase + 1, criteria, redFlagOpen: flagOpen, overrideReason: "Physio judgement" }));
            expect(overridden).toBe(!options.advance.blockedByRedFlag);
          }
          if (options.discharge) {
            const clean = acceptsWithout(() => decideDischarge({ phase, criteria, redFlagOpen: flagOpen }));
            expect(clean).toBe(!options.discharge.needsOverride && !options.discharge.blockedByRedFlag);
          }
          if (options.moveBack) expect(acceptsWithout(() => decidePhaseChange({ from: phase, to: phase - 1, criteria, redFlagOpen: flagOpen, reason: "Flare-up" }))).toBe(true);
        }
      }
    }
  });

  it("an open red flag is an R20 flag and nothing else", () => {
    expect(redFlagOpen([{ ruleId: "R20" }, { ruleId: "R1" }])).toBe(true);
    expect(redFlagOpen([{ ruleId: "R19" }, { ruleId: "R4" }])).toBe(false);
    expect(redFlagOpen(undefined)).toBe(false);
  });
});
