import { describe, expect, it } from "vitest";
import { MEDICAL_REVIEW_MESSAGE, assessAthlete, toBoardView, toCoachAssessment, withRecordWritten, type AthleteTimeline } from "../src/clinical";
import { NOW, ago, checkIn, run, timeline } from "./helpers";

const DAY_MS = 86_400_000;

/** Every value of a JSON-like tree, with its path. */
function leaves(value: unknown, path = "$"): { path: string; value: unknown }[] {
  if (value === null || typeof value !== "object") return [{ path, value }];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
}

describe("the board's row of an assessment", () => {
  const escalated = assessAthlete(
    timeline({
      phase: 2,
      sessions: [run({ at: ago(2), distanceKm: 6, minutes: 35, painDuring: 4, notes: "PRIVATE-NOTE" })],
      checkIns: [checkIn(1, { redFlags: ["saddle_numbness"] })],
      adjuncts: [{ id: "adj", at: ago(3), kind: "prp" }],
    }),
    NOW,
  );

  it("is plain JSON: times are epoch milliseconds, no Date survives, a JSON round trip changes nothing", () => {
    const row = toBoardView(toCoachAssessment(escalated));
    expect(leaves(row).filter((l) => l.value instanceof Date)).toEqual([]);
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
    expect(row.evaluatedAt).toBe(escalated.evaluatedAt.getTime());
    expect(row.nextHighLoadAt).toBe(escalated.nextHighLoadAt?.getTime() ?? null);
  });

  it("carries what the board shows and nothing a coach may not see", () => {
    const coach = toCoachAssessment(escalated);
    const row = toBoardView(coach);
    expect(row).toMatchObject({
      availability: coach.availability,
      phase: 2,
      inRehab: true,
      worstSeverity: "escalate",
      medicalReviewNeeded: true,
      progressionBlocked: true,
      calendar: { timeZone: coach.calendar.timeZone, locale: coach.calendar.locale },
    });
    const shown = new Set(coach.flags.filter((f) => f.severity !== "info").map((f) => `${f.ruleId}|${f.severity}|${f.message}`));
    expect(row.flags.map((f) => `${f.ruleId}|${f.severity}|${f.message}`)).toEqual([...shown]);
    expect(row.flags.find((f) => f.ruleId === "R20")).toEqual({ ruleId: "R20", severity: "escalate", message: MEDICAL_REVIEW_MESSAGE, medicalReview: true });
    expect(row.latestOutcome).toEqual(coach.latestOutcome && { zone: coach.latestOutcome.zone, pending: coach.latestOutcome.pending, incomplete: coach.latestOutcome.incomplete });
    const { unit, current, previous, changePct, zone, comparedWith } = coach.workload.weeklyVolume;
    expect(row.workload).toEqual({ weeklyVolume: { unit, current, previous, changePct, zone, comparedWith }, acwr: coach.workload.acwr, acwrZone: coach.workload.acwrZone, acwrSummary: coach.workload.acwrSummary });
    const json = JSON.stringify(row);
    for (const secret of ["saddle", "PRIVATE-NOTE", "prp", "evidence", "recordIds", "exitCriteria", "visaH", "thresholds", "gait", "sessionLoads", "painBands"]) {
      expect(json).not.toContain(secret);
    }
  });

  it("shows each flag sentence once and leaves information-only flags to the overview", () => {
    const twice = assessAthlete(
      timeline({
        plan: null,
        athlete: { id: "a", birthYear: 1960 },
        sessions: [run({ at: ago(1), painDuring: 3 }), run({ at: ago(2), painDuring: 3 })],
      }),
      NOW,
    );
    const coach = toCoachAssessment(twice);
    const row = toBoardView(coach);
    expect(coach.flags.some((f) => f.severity === "info")).toBe(true);
    expect(row.flags.some((f) => f.severity === "info")).toBe(false);
    const keys = row.flags.map((f) => `${f.ruleId}|${f.message}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The two sessions raised the same sentence twice; the board shows it once.
    expect(coach.flags.filter((f) => f.severity !== "info").length).toBeGreaterThan(row.flags.length);
    expect(row.flags.length).toBeGreaterThan(0);
  });

  it("is a fraction of the coach view's size", () => {
    const coach = toCoachAssessment(escalated);
    expect(JSON.stringify(toBoardView(coach)).length).toBeLessThan(JSON.stringify(coach).length);
  });
});

describe("a timeline after one of its records was written", () => {
  const base: AthleteTimeline = timeline({
    phase: 2,
    sessions: [run({ id: "old", at: ago(3), distanceKm: 5, minutes: 30, painDuring: 1 })],
    checkIns: [checkIn(2), checkIn(1)],
  });

  it("assesses the same as the timeline that holds the record from the start", () => {
    const added = run({ id: "new", at: ago(0.5), distanceKm: 6, minutes: 34, painDuring: 5 });
    const written = withRecordWritten(base, NOW, { kind: "session", id: "new", record: added });
    const loaded: AthleteTimeline = { ...base, sessions: [...base.sessions, added] };
    expect(assessAthlete(written, NOW)).toEqual(assessAthlete(loaded, NOW));
  });

  it("replaces an edited record, drops a deleted one, and leaves out one the window does not read", () => {
    const edited = run({ id: "old", at: ago(3), distanceKm: 5, minutes: 30, painDuring: 6 });
    expect(withRecordWritten(base, NOW, { kind: "session", id: "old", record: edited }).sessions).toEqual([edited]);
    expect(withRecordWritten(base, NOW, { kind: "session", id: "old", record: null }).sessions).toEqual([]);
    const ancient = run({ id: "ancient", at: new Date(NOW.getTime() - 400 * DAY_MS), distanceKm: 5, minutes: 30, painDuring: 1 });
    expect(withRecordWritten(base, NOW, { kind: "session", id: "ancient", record: ancient }).sessions.map((s) => s.id)).toEqual(["old"]);
    const oldRedFlag = { ...checkIn(400, { redFlags: ["saddle_numbness"] }), id: "flagged" };
    expect(withRecordWritten(base, NOW, { kind: "check_in", id: "flagged", record: oldRedFlag }).checkIns.map((c) => c.id)).toContain("flagged");
  });
});
