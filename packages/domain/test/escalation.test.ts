import { describe, expect, it } from "vitest";
import { assessAthlete, promptReviewRedFlags, redFlagQuestions, sameDayRedFlags } from "../src/clinical";
import { NOW, ago, checkIn, cross, strength, timeline } from "./helpers";

const ruleFlags = (rule: string, t: ReturnType<typeof timeline>) => assessAthlete(t, NOW).flags.filter((f) => f.ruleId === rule);

describe("R19 not progressing", () => {
  it("12 weeks without a phase change asks for a physio review; 11.9 weeks does not", () => {
    expect(ruleFlags("R19", timeline({ phase: 2, plan: { phaseStartedAt: ago(84), createdAt: ago(84) } })).map((f) => f.severity)).toEqual(["amber"]);
    expect(ruleFlags("R19", timeline({ phase: 2, plan: { phaseStartedAt: ago(83, 10) } }))).toEqual([]);
    expect(ruleFlags("R19", timeline({ phase: 4, plan: { phaseStartedAt: ago(200) } }))).toEqual([]);
  });

  it("a physio review restarts the clock", () => {
    const reviewed = timeline({ phase: 2, plan: { phaseStartedAt: ago(100) }, reviews: [{ id: "rv", at: ago(10), ruleId: "R19", reviewerId: "p" }] });
    expect(ruleFlags("R19", reviewed)).toEqual([]);
  });

  const symptomatic = (pain: number, recentRpe: number) =>
    timeline({
      checkIns: Array.from({ length: 21 }, (_, d) => checkIn(d, { morningPain: pain })),
      sessions: [cross({ at: ago(35), rpe: 5, minutes: 60 }), cross({ at: ago(10), rpe: recentRpe, minutes: 60 })],
    });

  it("symptoms for 3 weeks despite reduced load ask for a review", () => {
    expect(ruleFlags("R19", symptomatic(3, 3)).map((f) => f.message)).toEqual(["Symptoms have lasted 3 weeks even though the load was reduced: ask the physio to review."]);
  });

  it("not when symptoms are mild, or the load went up", () => {
    expect(ruleFlags("R19", symptomatic(1, 3))).toEqual([]);
    expect(ruleFlags("R19", symptomatic(3, 8))).toEqual([]);
  });
});

describe("R20 red flags", () => {
  it("splits the questions into same-day care and prompt review, with plain labels", () => {
    expect(sameDayRedFlags).toEqual(["saddle_numbness", "bladder_bowel_change", "bilateral_or_worsening_weakness", "fever_or_unwell", "sudden_pop_bruising"]);
    expect(promptReviewRedFlags).toHaveLength(8);
    expect(redFlagQuestions.every((q) => q.label.length > 10)).toBe(true);
  });

  it("a same-day red flag escalates, blocks all progression, is sensitive and makes the athlete unavailable", () => {
    const a = assessAthlete(timeline({ phase: 4, checkIns: [checkIn(1, { redFlags: ["saddle_numbness", "night_pain_waking"] })] }), NOW);
    const flags = a.flags.filter((f) => f.ruleId === "R20");
    expect(flags.map((f) => [f.severity, f.evidence.values.urgency, f.sensitive, f.blocksProgression])).toEqual([
      ["escalate", "same_day", true, true],
      ["escalate", "prompt", true, true],
    ]);
    expect(flags[0]?.message).toBe("Medical review needed today: stop training until a doctor has seen the athlete.");
    expect(a.availability).toBe("unavailable");
    expect(a.progression.blocked).toBe(true);
  });

  it("stays open until a physio review after it", () => {
    const before = timeline({ checkIns: [checkIn(1, { redFlags: ["daily_painkillers"] })], reviews: [{ id: "rv", at: ago(2), ruleId: "R20", reviewerId: "p" }] });
    expect(ruleFlags("R20", before)).toHaveLength(1);
    const after = timeline({ checkIns: [checkIn(1, { redFlags: ["daily_painkillers"] })], reviews: [{ id: "rv", at: ago(0), ruleId: "R20", reviewerId: "p" }] });
    expect(ruleFlags("R20", after)).toEqual([]);
  });
});

describe("R21 modifiers", () => {
  it("reports disease, age over 35 and high BMI as info to the physio", () => {
    const t = timeline({ athlete: { id: "a", conditions: ["diabetes"], birthYear: 1989, bmi: 31 } });
    expect(ruleFlags("R21", t).map((f) => f.severity)).toEqual(["info", "info", "info"]);
    expect(ruleFlags("R21", timeline({ athlete: { id: "a", birthYear: 1990, bmi: 30 } }))).toEqual([]);
    expect(ruleFlags("R21", timeline({ athlete: { id: "a", birthYear: null, bmi: null } }))).toEqual([]);
  });
});

describe("R22 adjuncts", () => {
  it("after an injection, progression pauses until the physio enters restrictions", () => {
    const paused = timeline({ adjuncts: [{ id: "adj", at: ago(2), kind: "prp" }] });
    expect(ruleFlags("R22", paused)).toMatchObject([{ severity: "amber", blocksProgression: true }]);
    expect(assessAthlete(paused, NOW).availability).toBe("rehab");
    const entered = timeline({ adjuncts: [{ id: "adj", at: ago(2), kind: "corticosteroid_injection", restrictions: "No running for 2 weeks" }] });
    expect(ruleFlags("R22", entered)).toEqual([]);
    expect(ruleFlags("R22", timeline({ adjuncts: [{ id: "adj", at: ago(2), kind: "shockwave" }] }))).toEqual([]);
  });

  it("shockwave without any loading for a week is amber: adjuncts go alongside loading", () => {
    const idle = timeline({ adjuncts: [{ id: "eswt", at: ago(8), kind: "shockwave" }] });
    expect(ruleFlags("R22", idle).map((f) => f.message)).toEqual(["No strength work logged since the shockwave: treatments work alongside loading, not instead of it."]);
    const loading = timeline({ adjuncts: [{ id: "eswt", at: ago(8), kind: "shockwave" }], sessions: [strength({ at: ago(4) })] });
    expect(ruleFlags("R22", loading)).toEqual([]);
  });
});
