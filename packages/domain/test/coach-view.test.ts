import { describe, expect, it } from "vitest";
import {
  MEDICAL_REVIEW_MESSAGE,
  assessAthlete,
  coachSafeMessage,
  gaitSeverityTone,
  cadenceFieldHint,
  defaultThresholds,
  preflightCheck,
  toCoachAssessment,
  toCoachPreflight,
} from "../src/clinical";
import { NOW, ago, ahead, checkIn, run, timeline } from "./helpers";

describe("coach view of an assessment", () => {
  it("reduces red-flag escalations to 'medical review needed' with no answers", () => {
    const a = assessAthlete(timeline({ phase: 2, checkIns: [checkIn(1, { redFlags: ["saddle_numbness", "night_pain_waking"] })] }), NOW);
    const view = toCoachAssessment(a);
    const r20 = view.flags.filter((f) => f.ruleId === "R20");
    expect(r20.length).toBeGreaterThan(0);
    expect(r20.every((f) => f.message === MEDICAL_REVIEW_MESSAGE && f.medicalReview)).toBe(true);
    expect(view.medicalReviewNeeded).toBe(true);
    expect(view.worstSeverity).toBe("escalate");
    expect(view.availability).toBe("unavailable");
    expect(view.progression.reasons.find((r) => r.ruleId === "R20")?.message).toBe(MEDICAL_REVIEW_MESSAGE);
    const json = JSON.stringify(view);
    for (const secret of ["saddle", "night_pain", "evidence", "exitCriteria", "visaH", "thresholds", "today"]) expect(json).not.toContain(secret);
  });

  it("drops sensitive information-only flags (conditions, BMI) and keeps the age modifier", () => {
    const a = assessAthlete(timeline({ athlete: { id: "a", conditions: ["diabetes"], birthYear: 1980, bmi: 31 } }), NOW);
    const view = toCoachAssessment(a);
    const r21 = view.flags.filter((f) => f.ruleId === "R21");
    expect(r21).toHaveLength(1);
    expect(r21[0]?.message).toMatch(/^Age/);
    expect(JSON.stringify(view)).not.toMatch(/diabetes|condition|mass index/i);
  });

  it("hides which adjunct treatment paused progression (R22)", () => {
    const a = assessAthlete(timeline({ phase: 2, adjuncts: [{ id: "adj", at: ago(2), kind: "prp" }] }), NOW);
    const view = toCoachAssessment(a);
    expect(view.flags.some((f) => f.ruleId === "R22")).toBe(true);
    expect(view.progression.blocked).toBe(true);
    expect(JSON.stringify(view)).not.toMatch(/prp/i);
  });

  it("keeps availability, phase, outcome, loads and gait", () => {
    const a = assessAthlete(
      timeline({
        phase: 3,
        sessions: [run({ at: ago(2), distanceKm: 5, minutes: 30, painDuring: 1 })],
        gaitAssessments: [{ id: "g", at: ago(1), assessorId: "c", surface: "overground", cadenceSpm: 158, faults: [{ code: "OVERSTRIDE", severity: 2 }], cuesPrescribed: ["Land under the hips"] }],
      }),
      NOW,
    );
    const view = toCoachAssessment(a);
    expect(view).toMatchObject({ phase: 3, inRehab: true, availability: a.availability });
    expect(view.latestOutcome?.sessionId).toBe(a.latestOutcome?.sessionId);
    expect(view.workload.weeklyVolume).toEqual(a.workload.weeklyVolume);
    expect(view.gait?.faults[0]?.code).toBe("OVERSTRIDE");
    expect(view.nextHighLoadAt).toEqual(a.nextHighLoadAt);
    expect(Object.keys(view.workload)).not.toContain("sessionLoads");
    expect(view.painBands).toEqual({ greenMax: 2, amberMax: 3 });
    // The weekly chart draws R10's limit and cuts weeks as the assessment does.
    expect(view.weeklyGreenMaxPct).toBe(a.thresholds.volume.weeklyGreenMaxPct);
    expect(view.calendar.weekStartsOn).toBe(a.calendar.weekStartsOn);
  });

  it("a healthy athlete with no flags has no worst severity", () => {
    const view = toCoachAssessment(assessAthlete(timeline({ plan: null }), NOW));
    expect(view).toMatchObject({ phase: null, inRehab: false, medicalReviewNeeded: false, latestOutcome: null });
  });

  it("coachSafeMessage passes ordinary sentences through", () => {
    expect(coachSafeMessage({ ruleId: "R1", severity: "red", message: "Pain 5 during the run.", sensitive: false })).toEqual({
      message: "Pain 5 during the run.",
      medicalReview: false,
    });
    expect(coachSafeMessage({ ruleId: "R21", severity: "info", message: "x", sensitive: true })).toBeNull();
  });

  it("pre-flight reasons keep their rule and change, and R20 says medical review only", () => {
    const a = assessAthlete(timeline({ phase: 2, checkIns: [checkIn(1, { redFlags: ["saddle_numbness"] })] }), NOW);
    const result = toCoachPreflight(preflightCheck(a, { kind: "hills", at: ahead(1) }));
    expect(result.verdict).toBe("skip");
    expect(result.reasons.find((r) => r.ruleId === "R20")?.message).toBe(MEDICAL_REVIEW_MESSAGE);
    expect(result.reasons.some((r) => r.ruleId === "R16")).toBe(true);
  });
});

describe("gait summary", () => {
  it("carries the cues the assessor chose", () => {
    const a = assessAthlete(
      timeline({ gaitAssessments: [{ id: "g", at: ago(1), assessorId: "c", surface: "treadmill", faults: [{ code: "TRUNK_FLEXION", severity: 1 }], cuesPrescribed: ["Run tall", "Eyes on the horizon"] }] }),
      NOW,
    );
    expect(a.gait?.prescribedCues).toEqual(["Run tall", "Eyes on the horizon"]);
    expect(toCoachAssessment(a).gait?.prescribedCues).toEqual(["Run tall", "Eyes on the horizon"]);
  });
});

describe("gait severity tones", () => {
  it("shows severity 3 as red, 2 as amber and 1 as information, on every screen", () => {
    expect([1, 2, 3].map(gaitSeverityTone)).toEqual(["info", "amber", "red"]);
  });
});

describe("the gait form's cadence hint", () => {
  it("states the thresholds the over-striding hint uses", () => {
    expect(cadenceFieldHint).toContain(`${defaultThresholds.gait.minEasyCadence} steps/min`);
    expect(cadenceFieldHint).toContain(`${defaultThresholds.gait.belowUsualPct} % below`);
  });
});
