import { describe, expect, it } from "vitest";
import { alertIdentity, alertsFromFlags, alertStatus, clearedByReview, coachMayResolve, collapseAlerts, outcomeFlagDisagreement } from "../src";
import type { Flag } from "../src";

const at = new Date("2026-05-01T08:00:00Z");

function flagOf(partial: Partial<Flag> & Pick<Flag, "ruleId">): Flag {
  return { severity: "amber", message: "m", evidence: { recordIds: [], values: {} }, blocksProgression: false, at, sensitive: false, ...partial };
}

describe("alertIdentity", () => {
  it("is the same whatever order the evidence lists its records in", () => {
    const a = alertIdentity({ ruleId: "R1", evidence: { recordIds: ["s2", "s1"], values: {} } });
    const b = alertIdentity({ ruleId: "R1", evidence: { recordIds: ["s1", "s2"], values: {} } });
    expect(a).toBe(b);
    expect(a).toBe("R1|s1,s2");
  });

  it("tells rules and records apart, and never holds the evaluation time", () => {
    expect(alertIdentity({ ruleId: "R2", evidence: { recordIds: ["s1"], values: {} } })).not.toBe("R1|s1");
    expect(alertIdentity({ ruleId: "R18", evidence: { recordIds: [], values: {} } })).toBe("R18|condition");
  });

  it("takes the rule's cause over its records, so a new check-in does not make a new alert", () => {
    const before = alertIdentity({ ruleId: "R20", cause: "prompt:none", evidence: { recordIds: ["c1"], values: {} } });
    const after = alertIdentity({ ruleId: "R20", cause: "prompt:none", evidence: { recordIds: ["c1", "c2"], values: {} } });
    expect(before).toBe(after);
    expect(alertIdentity({ ruleId: "R20", cause: "prompt:2026-05-02T00:00:00.000Z", evidence: { recordIds: ["c3"], values: {} } })).not.toBe(before);
  });
});

describe("alert rows from flags", () => {
  it("keeps one row per condition, the worse flag's, and leaves out information and R13", () => {
    const rows = alertsFromFlags([
      flagOf({ ruleId: "R3", severity: "amber", evidence: { recordIds: ["s1"], values: {} } }),
      flagOf({ ruleId: "R3", severity: "red", message: "worse", evidence: { recordIds: ["s1"], values: {} } }),
      flagOf({ ruleId: "R13", severity: "red" }),
      flagOf({ ruleId: "R7", severity: "info" }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ruleId: "R3", severity: "red", message: "worse", fingerprint: "R3|s1", causeAt: at, needsReview: false });
  });

  it("sends R4's two-reds block, R19 and R20 to the physio's review, not a single red outcome", () => {
    expect(clearedByReview(flagOf({ ruleId: "R4", severity: "red", cause: "two_reds:none" }))).toBe(true);
    expect(clearedByReview(flagOf({ ruleId: "R4", severity: "red", cause: "outcome:s1" }))).toBe(false);
    expect(clearedByReview(flagOf({ ruleId: "R19" }))).toBe(true);
    expect(clearedByReview(flagOf({ ruleId: "R16", severity: "red" }))).toBe(false);
  });

  it("lets a coach resolve load and planning flags but not clinical ones", () => {
    expect(coachMayResolve({ ruleId: "R16", severity: "red", sensitive: false })).toBe(true);
    for (const ruleId of ["R4", "R19", "R20", "R22"]) expect(coachMayResolve({ ruleId, severity: "amber", sensitive: false })).toBe(false);
    expect(coachMayResolve({ ruleId: "R1", severity: "escalate", sensitive: false })).toBe(false);
    expect(coachMayResolve({ ruleId: "R1", severity: "amber", sensitive: true })).toBe(false);
  });

  it("explains a green outcome beside a red phase-gate flag in one sentence, and stays quiet when they agree", () => {
    expect(outcomeFlagDisagreement("green", { ruleId: "R16", severity: "red" })).toMatch(/not allowed in this phase/);
    expect(outcomeFlagDisagreement("red", { ruleId: "R16", severity: "red" })).toBeNull();
    expect(outcomeFlagDisagreement("green", { ruleId: "R1", severity: "red" })).toBeNull();
  });
});

describe("listing alerts", () => {
  it("collapses identical alerts into one with each one's session, keeping the list's order", () => {
    const r3 = (id: string) => ({ id, athleteId: "maya", ruleId: "R3", severity: "amber" as const, message: "Morning pain rose by 1 point the morning after this session.", status: "new" as const });
    const groups = collapseAlerts([r3("a"), { ...r3("b"), ruleId: "R1" }, r3("c"), r3("d"), { ...r3("e"), status: "acknowledged" as const }, { ...r3("f"), athleteId: "kai" }]);
    expect(groups.map((g) => g.alerts.map((a) => a.id))).toEqual([["a", "c", "d"], ["b"], ["e"], ["f"]]);
    expect(groups[0]!.first.id).toBe("a");
  });

  it("reads an alert's status from its times: resolved, then retired, then acknowledged", () => {
    const t = at;
    expect(alertStatus({ acknowledgedAt: null, resolvedAt: null, retiredAt: null })).toBe("new");
    expect(alertStatus({ acknowledgedAt: t, resolvedAt: null, retiredAt: null })).toBe("acknowledged");
    expect(alertStatus({ acknowledgedAt: t, resolvedAt: null, retiredAt: t })).toBe("retired");
    expect(alertStatus({ acknowledgedAt: t, resolvedAt: t, retiredAt: t })).toBe("resolved");
  });
});
