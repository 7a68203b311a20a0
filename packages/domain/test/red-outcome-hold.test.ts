import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessAthlete, preflightCheck, squadSessionKinds, type AthleteTimeline, type PreflightVerdict } from "../src/clinical";
import { NOW, ago, ahead, run, strength, timeline } from "./helpers";
import { mornings } from "./mornings";

const heavyAndHigh = ["heavy_gym", "hills", "intervals", "sprint", "plyometrics", "long_run"] as const;
const verdictRank: Record<PreflightVerdict, number> = { ok: 0, modify: 1, skip: 2 };
// Phase 4: no phase gate or spacing applies, so only the red-outcome hold can say "modify".
const phase4 = (sessions: AthleteTimeline["sessions"], extra: Record<string, unknown> = {}) =>
  timeline({ phase: 4, plan: { phaseStartedAt: ago(60), createdAt: ago(60) }, sessions, checkIns: mornings(20), ...extra });

describe("a red outcome protects a rehab athlete in the planner", () => {
  it("after a red session, heavy strength, hills, speed, plyometrics and a long run are not ok; recovery is", () => {
    const a = assessAthlete(phase4([strength({ at: ago(2), painDuring: 5 })]), NOW);
    expect(a.preflight.redOutcomeHold).toMatchObject({ reason: "red_outcome" });
    for (const kind of heavyAndHigh) {
      const result = preflightCheck(a, { kind, at: ahead(1) });
      expect(result.verdict, kind).toBe("modify");
      expect(result.reasons.map((r) => r.ruleId)).toContain("R4");
    }
    expect(preflightCheck(a, { kind: "recovery", at: ahead(1) }).verdict).toBe("ok");
  });

  it("a later complete green outcome clears the hold; an amber or incomplete one does not", () => {
    const red = strength({ at: ago(4), painDuring: 5 });
    const cleared = assessAthlete(phase4([red, strength({ at: ago(2) })]), NOW);
    expect(cleared.preflight.redOutcomeHold).toBeNull();
    expect(preflightCheck(cleared, { kind: "hills", at: ahead(1) }).verdict).toBe("ok");
    const amberAfter = assessAthlete(phase4([red, strength({ at: ago(2), painDuring: 3 })]), NOW);
    expect(amberAfter.preflight.redOutcomeHold).not.toBeNull();
    const incompleteAfter = assessAthlete(phase4([red, strength({ at: ago(2) })], { checkIns: [] }), NOW);
    expect(incompleteAfter.preflight.redOutcomeHold).not.toBeNull();
  });

  it("a physio review (rule R4) after the red clears it; one before it does not", () => {
    const red = strength({ at: ago(2), painDuring: 5 });
    const after = assessAthlete(phase4([red], { reviews: [{ id: "rv", at: ago(1), ruleId: "R4", reviewerId: "p" }] }), NOW);
    expect(after.preflight.redOutcomeHold).toBeNull();
    const before = assessAthlete(phase4([red], { reviews: [{ id: "rv", at: ago(3), ruleId: "R4", reviewerId: "p" }] }), NOW);
    expect(before.preflight.redOutcomeHold).not.toBeNull();
  });

  it("the hold looks back 7 days: a red 7 days ago still holds, one just over 7 days ago does not", () => {
    expect(assessAthlete(phase4([strength({ at: ago(7, -1), painDuring: 5 })]), NOW).preflight.redOutcomeHold).not.toBeNull();
    expect(assessAthlete(phase4([strength({ at: ago(7, 1), painDuring: 5 })]), NOW).preflight.redOutcomeHold).toBeNull();
  });

  it("two reds within 7 days hold until a review, even after a green session", () => {
    const sessions = [strength({ at: ago(5), painDuring: 5 }), strength({ at: ago(3), painDuring: 5 }), strength({ at: ago(1) })];
    const a = assessAthlete(phase4(sessions), NOW);
    expect(a.preflight.redOutcomeHold).toMatchObject({ reason: "two_reds" });
    expect(preflightCheck(a, { kind: "heavy_gym", at: ahead(1) }).reasons[0]?.message).toMatch(/until the physio has reviewed/);
  });

  it("a phase change does not clear two reds: R4 looks only at its own window", () => {
    const sessions = [strength({ at: ago(5), painDuring: 5 }), strength({ at: ago(3), painDuring: 5 })];
    const a = assessAthlete(timeline({ phase: 3, plan: { phaseStartedAt: ago(2) }, sessions }), NOW);
    expect(a.flags.some((f) => f.ruleId === "R4" && f.evidence.values.reds === 2)).toBe(true);
  });
});

describe("rehab protection >= healthy protection (property)", () => {
  const pain = fc.integer({ min: 0, max: 10 });
  const sessionArb = fc.record({
    daysAgo: fc.integer({ min: 0, max: 12 }),
    hour: fc.integer({ min: 0, max: 23 }),
    painDuring: pain,
    painAfter: pain,
    isRun: fc.boolean(),
  });
  const arb = fc.record({
    phase: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    phaseDaysAgo: fc.integer({ min: 0, max: 30 }),
    sessions: fc.array(sessionArb, { maxLength: 6 }),
    morningPains: fc.array(fc.option(pain, { nil: null }), { minLength: 14, maxLength: 14 }),
    redFlag: fc.boolean(),
    reviewDaysAgo: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    kind: fc.constantFrom(...squadSessionKinds),
    hoursAhead: fc.integer({ min: 1, max: 96 }),
  });

  it("for any timeline and planned session, the rehab verdict is at least as strict as the healthy one", () => {
    fc.assert(
      fc.property(arb, (x) => {
        const sessions = x.sessions.map((s, i) =>
          (s.isRun ? run : strength)({ id: `s${i}`, at: ago(s.daysAgo, s.hour), painDuring: s.painDuring, painAfter: s.painAfter }),
        );
        const checkIns = x.morningPains.flatMap((p, i) =>
          p === null ? [] : [{ id: `c${i}`, at: ago(13 - i, 13), morningPain: p, redFlags: x.redFlag && i === 13 ? ["night_pain_waking"] : [] }],
        );
        const reviews = x.reviewDaysAgo === null ? [] : [{ id: "rv", at: ago(x.reviewDaysAgo), ruleId: "R4", reviewerId: "p" }];
        const plan = { phaseStartedAt: ago(x.phaseDaysAgo), createdAt: ago(x.phaseDaysAgo) };
        const rehab = assessAthlete(timeline({ phase: x.phase, plan, sessions, checkIns, reviews }), NOW);
        const healthy = assessAthlete(timeline({ plan: null, sessions, checkIns, reviews }), NOW);
        const planned = { kind: x.kind, at: ahead(0, x.hoursAhead) };
        expect(verdictRank[preflightCheck(rehab, planned).verdict]).toBeGreaterThanOrEqual(verdictRank[preflightCheck(healthy, planned).verdict]);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
