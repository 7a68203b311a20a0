import { describe, expect, it } from "vitest";
import {
  ACKNOWLEDGED_ALERT_ARCHIVE_DAYS,
  alertStatus,
  alertsFromFlags,
  clearedByReview,
  coachMayAcknowledge,
  coachMayResolve,
  collapseAlerts,
  outcomeFlagDisagreement,
  physioClearedRules,
  resolvingRecordsReview,
  retiredAlertSentence,
  type CollapsibleAlert,
} from "../src/clinical/alerts";
import type { Flag } from "../src/clinical/types";

const AT = new Date("2026-03-10T08:00:00Z");
const LATER = new Date("2026-03-11T08:00:00Z");

function flag(fields: Partial<Flag> & Pick<Flag, "ruleId" | "severity">): Flag {
  return {
    message: `${fields.ruleId} ${fields.severity}`,
    evidence: { recordIds: ["s-1"], values: {} },
    blocksProgression: false,
    at: AT,
    sensitive: false,
    ...fields,
  };
}

describe("alert constants", () => {
  it("archives acknowledged alerts after two weeks and names the physio-only rules", () => {
    expect(ACKNOWLEDGED_ALERT_ARCHIVE_DAYS).toBe(14);
    expect(physioClearedRules).toEqual(["R4", "R19", "R20", "R21", "R22"]);
  });
});

describe("clearedByReview", () => {
  it("sends R19, R20 and every escalation to the review queue", () => {
    expect(clearedByReview({ ruleId: "R19", severity: "red" })).toBe(true);
    expect(clearedByReview({ ruleId: "R20", severity: "red" })).toBe(true);
    expect(clearedByReview({ ruleId: "R10", severity: "escalate" })).toBe(true);
  });

  it("sends R4 only for its two-reds block, not the per-session outcome", () => {
    expect(clearedByReview({ ruleId: "R4", severity: "red", cause: "two_reds:2026-03-09T08:00:00.000Z" })).toBe(true);
    expect(clearedByReview({ ruleId: "R4", severity: "red" })).toBe(false);
    expect(clearedByReview({ ruleId: "R4", severity: "red", cause: "session:s-1" })).toBe(false);
  });

  it("leaves other rules out of the queue", () => {
    expect(clearedByReview({ ruleId: "R10", severity: "red" })).toBe(false);
    expect(clearedByReview({ ruleId: "R22", severity: "amber", cause: "pause:a-1" })).toBe(false);
  });
});

describe("coachMayResolve and coachMayAcknowledge", () => {
  it("lets a coach resolve and acknowledge a non-clinical alert", () => {
    expect(coachMayResolve({ ruleId: "R10", severity: "amber", sensitive: false })).toBe(true);
    expect(coachMayAcknowledge({ severity: "red", sensitive: false })).toBe(true);
  });

  it("keeps physio-cleared rules from a coach's resolve, but not from acknowledging", () => {
    for (const ruleId of physioClearedRules) expect(coachMayResolve({ ruleId, severity: "red", sensitive: false })).toBe(false);
    expect(coachMayAcknowledge({ severity: "red", sensitive: false })).toBe(true);
  });

  it("refuses both for an escalation or a sensitive alert", () => {
    expect(coachMayResolve({ ruleId: "R10", severity: "escalate", sensitive: false })).toBe(false);
    expect(coachMayResolve({ ruleId: "R10", severity: "amber", sensitive: true })).toBe(false);
    expect(coachMayAcknowledge({ severity: "escalate", sensitive: false })).toBe(false);
    expect(coachMayAcknowledge({ severity: "amber", sensitive: true })).toBe(false);
  });
});

describe("alertStatus", () => {
  const none = { acknowledgedAt: null, resolvedAt: null, retiredAt: null };
  it("reads resolved over retired over acknowledged over new", () => {
    expect(alertStatus(none)).toBe("new");
    expect(alertStatus({ ...none, acknowledgedAt: AT })).toBe("acknowledged");
    expect(alertStatus({ ...none, acknowledgedAt: AT, retiredAt: LATER })).toBe("retired");
    expect(alertStatus({ acknowledgedAt: AT, retiredAt: LATER, resolvedAt: LATER })).toBe("resolved");
    expect(alertStatus({ ...none, resolvedAt: AT })).toBe("resolved");
  });
});

describe("retiredAlertSentence", () => {
  it("explains R22's and R16's closing, and a generic retirement otherwise", () => {
    expect(retiredAlertSentence("R22")).toBe("Closed: the physio entered restrictions, or the treatment's window passed.");
    expect(retiredAlertSentence("R16")).toBe("Retired: the session or plan behind it changed, so the activity is no longer a problem.");
    expect(retiredAlertSentence("R10")).toBe("Retired: the engine no longer raises this flag (what caused it changed or passed).");
  });
});

describe("alertsFromFlags", () => {
  it("raises no alert for info flags or R13", () => {
    expect(alertsFromFlags([flag({ ruleId: "R10", severity: "info" }), flag({ ruleId: "R13", severity: "red" })])).toEqual([]);
  });

  it("copies a flag into an alert row with its fingerprint and review need", () => {
    const f = flag({ ruleId: "R20", severity: "escalate", message: "See a doctor", sensitive: true, evidence: { recordIds: ["ci-2", "ci-1"], values: { nightPain: true } } });
    const [row, ...rest] = alertsFromFlags([f]);
    expect(rest).toEqual([]);
    expect(row).toEqual({
      ruleId: "R20",
      severity: "escalate",
      message: "See a doctor",
      evidence: { recordIds: ["ci-2", "ci-1"], values: { nightPain: true } },
      sensitive: true,
      fingerprint: "R20|ci-1,ci-2",
      causeAt: AT,
      needsReview: true,
    });
    // The row's evidence is a copy: changing it leaves the flag alone.
    row!.evidence.recordIds.push("x");
    expect(f.evidence.recordIds).toEqual(["ci-2", "ci-1"]);
  });

  it("keeps the worse of two flags of one condition, whichever comes first", () => {
    const amber = flag({ ruleId: "R10", severity: "amber", message: "amber one" });
    const red = flag({ ruleId: "R10", severity: "red", message: "red one", at: LATER });
    expect(alertsFromFlags([amber, red]).map((r) => [r.fingerprint, r.severity, r.message, r.causeAt])).toEqual([["R10|s-1", "red", "red one", LATER]]);
    expect(alertsFromFlags([red, amber]).map((r) => [r.fingerprint, r.severity, r.message])).toEqual([["R10|s-1", "red", "red one"]]);
  });

  it("keeps the first of two equally severe flags of one condition", () => {
    const first = flag({ ruleId: "R10", severity: "amber", message: "first" });
    const second = flag({ ruleId: "R10", severity: "amber", message: "second" });
    expect(alertsFromFlags([first, second]).map((r) => r.message)).toEqual(["first"]);
  });

  it("keeps separate conditions apart, by cause or records", () => {
    const rows = alertsFromFlags([
      flag({ ruleId: "R22", severity: "amber", cause: "pause:a-1" }),
      flag({ ruleId: "R22", severity: "amber", cause: "pause:a-2" }),
      flag({ ruleId: "R7", severity: "amber", evidence: { recordIds: [], values: {} } }),
      flag({ ruleId: "R4", severity: "red", cause: "two_reds:r-1" }),
    ]);
    expect(rows.map((r) => [r.fingerprint, r.needsReview])).toEqual([
      ["R22|pause:a-1", false],
      ["R22|pause:a-2", false],
      ["R7|condition", false],
      ["R4|two_reds:r-1", true],
    ]);
  });
});

describe("outcomeFlagDisagreement", () => {
  it("explains a flag worse than a green or amber outcome", () => {
    expect(outcomeFlagDisagreement("green", { ruleId: "R10", severity: "amber" })).toBe(
      "Green outcome because the pain during, after and the next morning stayed in that zone; the amber R10 flag is because the week's running volume rose too fast. Both apply.",
    );
    expect(outcomeFlagDisagreement("amber", { ruleId: "R16", severity: "red" })).toBe(
      "Amber outcome because the pain during, after and the next morning stayed in that zone; the red R16 flag is because the activity itself is not allowed in this phase, whatever the pain. Both apply.",
    );
  });

  it("says nothing when the colours agree or the outcome is worse", () => {
    expect(outcomeFlagDisagreement("amber", { ruleId: "R10", severity: "amber" })).toBeNull();
    expect(outcomeFlagDisagreement("red", { ruleId: "R7", severity: "red" })).toBeNull();
    expect(outcomeFlagDisagreement("red", { ruleId: "R7", severity: "amber" })).toBeNull();
  });

  it("says nothing for info flags or flags about the pain itself", () => {
    expect(outcomeFlagDisagreement("green", { ruleId: "R10", severity: "info" })).toBeNull();
    expect(outcomeFlagDisagreement("green", { ruleId: "R4", severity: "red" })).toBeNull();
    expect(outcomeFlagDisagreement("green", { ruleId: "R99", severity: "red" })).toBeNull();
  });

  it("explains an escalation over a red outcome, naming the outcome red", () => {
    expect(outcomeFlagDisagreement("red", { ruleId: "R8", severity: "escalate" })).toBe(
      "Red outcome because the pain during, after and the next morning stayed in that zone; the escalate R8 flag is because the number or spacing of heavy strength sessions. Both apply.",
    );
  });
});

describe("collapseAlerts", () => {
  const alert = (id: string, fields: Partial<CollapsibleAlert> = {}) => ({
    id,
    athleteId: "ath-1",
    ruleId: "R10",
    severity: "amber" as const,
    message: "Volume rose",
    status: "new" as const,
    ...fields,
  });

  it("groups identical alerts in the order they first appear", () => {
    const list = [alert("a"), alert("b", { status: "acknowledged" }), alert("c"), alert("d", { athleteId: "ath-2" }), alert("e", { message: "Other" })];
    expect(collapseAlerts(list).map((g) => [g.key, g.first.id, g.alerts.map((a) => a.id)])).toEqual([
      ["ath-1|R10|amber|new|Volume rose", "a", ["a", "c"]],
      ["ath-1|R10|amber|acknowledged|Volume rose", "b", ["b"]],
      ["ath-2|R10|amber|new|Volume rose", "d", ["d"]],
      ["ath-1|R10|amber|new|Other", "e", ["e"]],
    ]);
  });

  it("separates alerts that differ only in colour or rule", () => {
    const list = [alert("a"), alert("b", { severity: "red" }), alert("c", { ruleId: "R11" })];
    expect(collapseAlerts(list).map((g) => g.alerts.length)).toEqual([1, 1, 1]);
    expect(collapseAlerts([])).toEqual([]);
  });
});

describe("resolvingRecordsReview", () => {
  it("records a review for the rules that count from their last review, and no other", () => {
    expect(["R4", "R19", "R20", "R21", "R22", "R7", "R11"].filter(resolvingRecordsReview)).toEqual(["R4", "R19", "R20"]);
  });
});
