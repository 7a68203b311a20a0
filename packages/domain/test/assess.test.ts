import { describe, expect, it } from "vitest";
import {
  assessAthlete,
  availabilityRank,
  cadenceHint,
  deriveAvailability,
  gaitCatalogue,
  gaitFaultCodes,
  preflightCheck,
  type Flag,
} from "../src/clinical";
import { NOW, ago, ahead, checkIn, run, strength, timeline } from "./helpers";

const HOUR = 3_600_000;
const flagOf = (ruleId: Flag["ruleId"], severity: Flag["severity"], values: Flag["evidence"]["values"] = {}, blocksProgression = false): Flag => ({
  ruleId,
  severity,
  message: "",
  evidence: { recordIds: [], values },
  blocksProgression,
  at: NOW,
  sensitive: false,
});

describe("availability mapping", () => {
  it("escalate -> unavailable, whatever the phase", () => {
    expect(deriveAvailability(4, [flagOf("R20", "escalate")])).toBe("unavailable");
  });
  it("phases 1-2 -> rehab", () => {
    expect(deriveAvailability(1, [])).toBe("rehab");
    expect(deriveAvailability(2, [flagOf("R13", "info")])).toBe("rehab");
  });
  it("a physio pause (two reds under R4, pending R22 restrictions) -> rehab", () => {
    expect(deriveAvailability(4, [flagOf("R4", "red", { reds: 2 }, true)])).toBe("rehab");
    expect(deriveAvailability(3, [flagOf("R22", "amber", {}, true)])).toBe("rehab");
  });
  it("phase 3 -> modified; phase 4 with an amber or red flag -> modified", () => {
    expect(deriveAvailability(3, [])).toBe("modified");
    expect(deriveAvailability(4, [flagOf("R10", "amber")])).toBe("modified");
    expect(deriveAvailability(4, [flagOf("R4", "red")])).toBe("modified");
  });
  it("phase 4 with only information flags -> available", () => {
    expect(deriveAvailability(4, [flagOf("R13", "info"), flagOf("R21", "info"), flagOf("R18", "info")])).toBe("available");
    expect(availabilityRank("available")).toBeLessThan(availabilityRank("unavailable"));
  });
});

describe("assessAthlete", () => {
  it("handles an empty timeline", () => {
    const a = assessAthlete(timeline({ phase: 4, plan: { phaseStartedAt: ago(3) } }), NOW);
    expect(a).toMatchObject({ flags: [], worstSeverity: null, latestOutcome: null, nextHighLoadAt: null, availability: "available", visaH: null, gait: null });
    expect(a.progression).toEqual({ blocked: false, reasons: [], changedVariables: [], levelConsolidated: null });
  });

  it("ignores records after the evaluation time", () => {
    const t = timeline({ sessions: [strength({ at: ago(1) })] });
    t.sessions.push(strength({ at: ahead(1), painDuring: 9 }));
    t.checkIns.push(checkIn(-1));
    t.reviews.push({ id: "future-review", at: ahead(1), ruleId: "R4", reviewerId: "p" });
    const a = assessAthlete(t, NOW);
    expect(a.flags.map((f) => f.ruleId)).toEqual(["R4"]);
    expect(a.latestOutcome).toMatchObject({ zone: "green", decision: "incomplete" });
  });

  it("summarises VISA-H against the baseline and the latest gait assessment with cues", () => {
    const t = timeline({
      athlete: { id: "a", usualCadenceSpm: 175 },
      visaH: [
        { id: "v2", at: ago(1), items: [6, 6, 6, 6, 6, 6, 7, 15] },
        { id: "v1", at: ago(40), items: [3, 3, 3, 3, 3, 3, 4, 10] },
      ],
      gaitAssessments: [
        { id: "g-old", at: ago(30), assessorId: "c", surface: "treadmill", faults: [] },
        { id: "g", at: ago(2), assessorId: "c", surface: "overground", cadenceSpm: 160, faults: [{ code: "OVERSTRIDE", severity: 2, side: "left" }] },
      ],
    });
    const a = assessAthlete(t, NOW);
    expect(a.visaH).toMatchObject({ baseline: 32, latestTotal: 58, change: 26, meaningfulImprovement: true });
    expect(a.gait?.assessmentId).toBe("g");
    expect(a.gait?.faults[0]?.cues).toEqual(gaitCatalogue.OVERSTRIDE.cues);
    expect(a.gait?.cadenceHint?.overstrideLikely).toBe(true);
    const noCadence = assessAthlete(timeline({ gaitAssessments: [{ id: "g", at: ago(2), assessorId: "c", surface: "treadmill", faults: [] }] }), NOW);
    expect(noCadence.gait?.cadenceHint).toBeNull();
  });

  it("orders flags by rule id, then time", () => {
    const t = timeline({ sessions: [strength({ at: ago(3), painDuring: 4 }), strength({ at: ago(1), painDuring: 3 })], checkIns: [checkIn(0, { loadTestPain: 6 })] });
    const ids = assessAthlete(t, NOW).flags.map((f) => f.ruleId);
    expect(ids).toEqual(["R1", "R1", "R4", "R6"]);
  });
});

describe("gait catalogue and cadence hint (section 6)", () => {
  it("has every fault code with what the coach sees and cues", () => {
    expect(Object.keys(gaitCatalogue)).toEqual([...gaitFaultCodes]);
    for (const code of gaitFaultCodes) {
      expect(gaitCatalogue[code].coachSees.length).toBeGreaterThan(20);
      expect(gaitCatalogue[code].cues.length).toBeGreaterThan(0);
    }
  });
  it("165 steps/min is fine; 164 hints at over-striding", () => {
    expect(cadenceHint(165).overstrideLikely).toBe(false);
    expect(cadenceHint(164).overstrideLikely).toBe(true);
  });
  it("5 % below the athlete's usual cadence hints at over-striding; 4 % does not", () => {
    expect(cadenceHint(171, 180).overstrideLikely).toBe(true);
    expect(cadenceHint(172.8, 180).overstrideLikely).toBe(false);
    expect(cadenceHint(170, null).overstrideLikely).toBe(false);
  });
});

describe("pre-flight check for planned squad sessions", () => {
  it("ok when nothing applies", () => {
    const a = assessAthlete(timeline({ phase: 4 }), NOW);
    expect(preflightCheck(a, { kind: "sprint", at: ahead(1) })).toEqual({ verdict: "ok", reasons: [] });
  });

  it("skip a kind forbidden in the phase (R16)", () => {
    const a = assessAthlete(timeline({ phase: 3 }), NOW);
    const result = preflightCheck(a, { kind: "intervals", at: ahead(1) });
    expect(result.verdict).toBe("skip");
    expect(result.reasons.map((r) => r.ruleId)).toEqual(["R16"]);
  });

  it("modify a high-load session before the next allowed time (R7); ok from that time", () => {
    const a = assessAthlete(timeline({ sessions: [run({ at: new Date(NOW.getTime() - 24 * HOUR) })] }), NOW);
    const early = preflightCheck(a, { kind: "easy_run", at: new Date(NOW.getTime() + 47 * HOUR) });
    expect(early).toMatchObject({ verdict: "modify", reasons: [{ ruleId: "R7" }] });
    // The sentence names the allowed time in words, not as a machine timestamp.
    expect(early.reasons[0]?.message).toMatch(/allowed from \w{3} \d{1,2} \w{3}, \d{2}:\d{2}\.$/);
    expect(preflightCheck(a, { kind: "easy_run", at: new Date(NOW.getTime() + 48 * HOUR) }).verdict).toBe("ok");
    expect(preflightCheck(a, { kind: "recovery", at: ahead(0, 1) }).verdict).toBe("ok");
  });

  it("modify heavy gym within 48 h of the last heavy session or beyond 3 a week (R8)", () => {
    const heavy = (h: number) => strength({ at: new Date(NOW.getTime() - h * HOUR), heavy: true });
    const a = assessAthlete(timeline({ phase: 2, sessions: [heavy(150), heavy(100), heavy(30)] }), NOW);
    const result = preflightCheck(a, { kind: "heavy_gym", at: new Date(NOW.getTime() + 10 * HOUR) });
    expect(result.verdict).toBe("modify");
    expect(result.reasons.map((r) => r.ruleId)).toEqual(["R8", "R8"]);
    expect(preflightCheck(a, { kind: "heavy_gym", at: ahead(6) }).verdict).toBe("ok");
  });

  it("modify a step-up session while progression is blocked (R14)", () => {
    const a = assessAthlete(timeline({ phase: 4, sessions: [strength({ at: ago(1), painDuring: 3 })] }), NOW);
    const result = preflightCheck(a, { kind: "long_run", at: ahead(3) });
    expect(result).toMatchObject({ verdict: "modify", reasons: [{ ruleId: "R14" }] });
    expect(result.reasons[0]?.message).toContain("R4");
  });

  it("skip everything while a red flag is open (R20)", () => {
    const a = assessAthlete(timeline({ phase: 4, checkIns: [checkIn(0, { redFlags: ["fever_or_unwell"] })] }), NOW);
    const result = preflightCheck(a, { kind: "easy_run", at: ahead(1) });
    expect(result.verdict).toBe("skip");
    expect(result.reasons.map((r) => r.ruleId)).toEqual(["R20"]);
  });
});
