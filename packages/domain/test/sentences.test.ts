import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessAthlete,
  preflightCheck,
  ruleIds,
  squadSessionKinds,
  type Assessment,
  type AthleteTimeline,
} from "../src/clinical";
import { NOW, ago, ahead, checkIn, cross, run, strength, timeline } from "./helpers";
import { mornings } from "./mornings";

/**
 * Every sentence the engine can put in front of a coach or athlete: flags, block reasons,
 * pre-flight reasons and changes, missing-data and exit-criteria hints, the R13 summary.
 */
function sentencesOf(a: Assessment): { source: string; text: string }[] {
  const out: { source: string; text: string }[] = [];
  for (const f of a.flags) out.push({ source: f.ruleId, text: f.message });
  for (const r of a.progression.reasons) out.push({ source: `block ${r.ruleId}`, text: r.message });
  for (const c of a.exitCriteria) {
    out.push({ source: c.id, text: c.description });
    if (c.dataNeeded) out.push({ source: `${c.id} data`, text: c.dataNeeded });
  }
  if (a.latestOutcome?.missingData) out.push({ source: "outcome", text: a.latestOutcome.missingData });
  out.push({ source: "R13 summary", text: a.workload.acwrSummary });
  for (const kind of squadSessionKinds) {
    for (const r of preflightCheck(a, { kind, at: ahead(0, 2) }).reasons) {
      out.push({ source: `preflight ${r.ruleId}`, text: r.message }, { source: `preflight ${r.ruleId} change`, text: r.change });
    }
  }
  return out;
}

/** What a sentence a coach reads must never contain. */
const forbidden: readonly [string, RegExp][] = [
  ["an internal field name (snake_case)", /\b[a-z]+_[a-z_]+\b/],
  ["an internal field name (camelCase)", /\b[a-z]+[A-Z][A-Za-z]*\b/],
  ["an unresolved value", /\b(undefined|NaN|null|Infinity)\b|\[object|\$\{/],
  ["a long decimal", /\d\.\d{3,}/],
  ["'Only 0'", /\bOnly 0\b/],
  ["jargon", /workload ratio|acute|chronic/i],
  ["UTC", /\bUTC\b/],
  ["'A' before a vowel", /\bA [aeiou]/],
  ["a lower-case abbreviation", /\b(prp|eswt|acwr|rpe)\b/],
];

function check(a: Assessment): void {
  for (const { source, text } of sentencesOf(a)) {
    expect(text.trim().length, source).toBeGreaterThan(0);
    for (const [what, pattern] of forbidden) expect(pattern.test(text), `${source} contains ${what}: "${text}"`).toBe(false);
  }
}

/** Timelines that make every rule with a sentence fire at least once. */
const curated: AthleteTimeline[] = [
  timeline({ sessions: [run({ at: ago(1), painDuring: 5, painAfter: 5 }), run({ at: ago(3), painDuring: 4 })], checkIns: [checkIn(4, { morningPain: 0 }), checkIn(2, { morningPain: 3 }), checkIn(0, { morningPain: 5, loadTestPain: 6, longestSitMinutes: 90 })] }),
  timeline({ sessions: [strength({ at: ago(1) })], checkIns: [checkIn(0, { morningPain: 6 })] }),
  timeline({ sessions: [strength({ at: ago(1) })] }),
  timeline({ checkIns: [...[13, 12, 11, 10, 9, 8, 7].map((d) => checkIn(d, { morningPain: 1, sittingToleranceMinutes: 60 })), ...[6, 5, 4, 3, 2, 1, 0].map((d) => checkIn(d, { morningPain: 4, sittingToleranceMinutes: 30 }))] }),
  timeline({ plan: { thresholds: { spacing: { relaxed: true } } }, sessions: [run({ at: ago(2) }), run({ at: ago(1) })], checkIns: mornings(4) }),
  timeline({ phase: 2, sessions: [strength({ at: ago(1), heavy: true }), strength({ at: ago(1, 5), heavy: true }), strength({ at: ago(2), heavy: true }), strength({ at: ago(3), heavy: true })], checkIns: mornings(8) }),
  timeline({ phase: 2, checkIns: mornings(8) }),
  timeline({ phase: 4, checkIns: mornings(8), plan: { phaseStartedAt: ago(20) } }),
  timeline({ sessions: [run({ at: ago(9), distanceKm: 10 }), run({ at: ago(1), distanceKm: 30, strides: 4, steepestGradientPct: 5, surface: "trail" })], checkIns: mornings(12) }),
  timeline({ sessions: [run({ at: ago(16), distanceKm: 20 }), run({ at: ago(2), distanceKm: 30 })], checkIns: mornings(18) }),
  timeline({ sessions: [...[25, 18, 11].map((d) => cross({ at: ago(d), rpe: 4, minutes: 20 })), cross({ at: ago(2), rpe: 9, minutes: 90 })], checkIns: mornings(27) }),
  timeline({ sessions: [run({ at: ago(12) }), run({ at: ago(8) }), run({ at: ago(4), distanceKm: 6, minutes: 36 })], checkIns: mornings(14) }),
  timeline({ phase: 1, plan: { prescriptions: [{ id: "px", exercise: "Hamstring stretch", category: "glute_core", sets: 3, holdSeconds: 60, sessionsPerWeek: 3, activity: "static_hamstring_stretch" }] }, sessions: [run({ at: ago(1), activities: ["hills"] }), strength({ at: ago(2), activities: ["static_hamstring_stretch"] })], squadSessions: [{ id: "sq", at: ahead(2), squadId: "sq-1", kind: "sprint" }], checkIns: mornings(3) }),
  timeline({ phase: 4, sessions: [run({ at: ago(2), activities: ["hills", "sprint", "plyometrics"] })], checkIns: mornings(4) }),
  timeline({ phase: 2, plan: { phaseStartedAt: ago(100), createdAt: ago(100) } }),
  timeline({ checkIns: [checkIn(0, { redFlags: ["saddle_numbness", "night_pain_waking"] })] }),
  timeline({ athlete: { id: "a", birthYear: 1970, conditions: ["diabetes"], bmi: 34 } }),
  timeline({ adjuncts: [{ id: "ad", at: ago(10), kind: "prp" }] }),
  timeline({ plan: null, sessions: [run({ at: ago(1), painDuring: 6 })] }),
];

describe("every sentence the engine produces is plain English", () => {
  it("the curated timelines reach every rule that has a sentence", () => {
    const seen = new Set(curated.flatMap((t) => assessAthlete(t, NOW).flags.map((f) => f.ruleId)));
    const withoutSentence = new Set(["R12"]);
    expect(ruleIds.filter((id) => !withoutSentence.has(id) && !seen.has(id))).toEqual([]);
    for (const t of curated) check(assessAthlete(t, NOW));
  });

  it("R4 says the physio was alerted only for an athlete with a plan (the physio's caseload)", () => {
    const red = [strength({ at: ago(1), painDuring: 6 })];
    const withPlan = assessAthlete(timeline({ sessions: red }), NOW).flags.find((f) => f.ruleId === "R4");
    const withoutPlan = assessAthlete(timeline({ plan: null, sessions: red }), NOW).flags.find((f) => f.ruleId === "R4");
    expect(withPlan?.message).toMatch(/the physio has been alerted/);
    expect(withoutPlan?.message).not.toMatch(/physio/);
    expect(withoutPlan?.message).toMatch(/the coach has been alerted/);
  });

  it("no zero counts: 'No heavy strength session', not 'Only 0'", () => {
    const a = assessAthlete(timeline({ phase: 2, checkIns: mornings(8) }), NOW);
    expect(a.flags.find((f) => f.ruleId === "R8")?.message).toBe("No heavy strength session in the last 7 days; phase 2 needs at least 2 a week.");
  });

  it("random timelines produce no sentence with field names or unresolved numbers (property)", () => {
    const pain = fc.integer({ min: 0, max: 10 });
    const arb = fc.record({
      phase: fc.constantFrom(null, 1 as const, 2 as const, 3 as const, 4 as const),
      sessions: fc.array(
        fc.record({ daysAgo: fc.integer({ min: 0, max: 30 }), painDuring: pain, painAfter: pain, km: fc.integer({ min: 1, max: 30 }), strides: fc.integer({ min: 0, max: 4 }), heavy: fc.boolean(), isRun: fc.boolean() }),
        { maxLength: 8 },
      ),
      mornings: fc.array(fc.record({ daysAgo: fc.integer({ min: 0, max: 30 }), pain, loadTestPain: pain }), { maxLength: 10 }),
    });
    fc.assert(
      fc.property(arb, (x) => {
        const sessions = x.sessions.map((s, i) =>
          s.isRun
            ? run({ id: `r${i}`, at: ago(s.daysAgo, i), painDuring: s.painDuring, painAfter: s.painAfter, distanceKm: s.km, strides: s.strides })
            : strength({ id: `g${i}`, at: ago(s.daysAgo, i), painDuring: s.painDuring, heavy: s.heavy }),
        );
        const checkIns = x.mornings.map((c, i) => checkIn(c.daysAgo, { id: `c${i}`, morningPain: c.pain, loadTestPain: c.loadTestPain }));
        check(assessAthlete(timeline({ phase: x.phase ?? 3, plan: x.phase === null ? null : {}, sessions, checkIns }), NOW));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
