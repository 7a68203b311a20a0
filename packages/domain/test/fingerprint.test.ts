import { describe, expect, it } from "vitest";
import { flagFingerprint } from "../src";

const at = new Date("2026-05-01T08:00:00Z");

describe("flagFingerprint", () => {
  it("is the same whatever order the evidence lists its records in", () => {
    const a = flagFingerprint({ ruleId: "R1", at, evidence: { recordIds: ["s2", "s1"], values: {} } });
    const b = flagFingerprint({ ruleId: "R1", at, evidence: { recordIds: ["s1", "s2"], values: {} } });
    expect(a).toBe(b);
    expect(a).toBe("R1|s1,s2");
  });

  it("tells rules and records apart, and falls back to the time without records", () => {
    expect(flagFingerprint({ ruleId: "R2", at, evidence: { recordIds: ["s1"], values: {} } })).not.toBe("R1|s1");
    expect(flagFingerprint({ ruleId: "R19", at, evidence: { recordIds: [], values: {} } })).toBe("R19|2026-05-01T08:00:00.000Z");
  });
});
