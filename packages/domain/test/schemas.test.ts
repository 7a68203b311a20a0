import { describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";
import {
  adjunctTreatmentSchema,
  athleteTimelineSchemaAt,
  capacityTestSchema,
  gaitAssessmentSchema,
  loggedSessionSchema,
  morningCheckInSchema,
  notAfter,
  parseAthleteTimeline,
  planSchema,
  runLogSchema,
  scoreVisaH,
  sessionLogSchema,
  squadSessionSchema,
  visaHChange,
  visaHResponseSchema,
} from "../src/clinical";
import { NOW, ago, ahead } from "./helpers";

const messages = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("entity schemas reject invalid values with a message naming the field", () => {
  const session = { id: "s1", at: ago(1), type: "strength", minutes: 40, painDuring: 0 };

  it("pain is a 0-10 rating: 11 and -1 are rejected, 0 and 10 accepted", () => {
    expect(messages(sessionLogSchema.safeParse({ ...session, painDuring: 11 }))).toEqual(["painDuring: painDuring must be between 0 and 10"]);
    expect(messages(sessionLogSchema.safeParse({ ...session, painDuring: -1 }))).toEqual(["painDuring: painDuring must be between 0 and 10"]);
    expect(messages(sessionLogSchema.safeParse({ ...session, painAfter: 2.5 }))).toEqual(["painAfter: painAfter must be a whole number between 0 and 10"]);
    expect(sessionLogSchema.safeParse({ ...session, painDuring: 0, painAfter: 10 }).success).toBe(true);
  });

  it("minutes must be positive", () => {
    expect(messages(sessionLogSchema.safeParse({ ...session, minutes: -5 }))).toEqual(["minutes: minutes must be greater than 0"]);
    expect(messages(sessionLogSchema.safeParse({ ...session, minutes: 0 }))).toEqual(["minutes: minutes must be greater than 0"]);
  });

  it("a run needs a distance or a duration", () => {
    const result = runLogSchema.safeParse({ id: "r1", at: ago(1), type: "run", painDuring: 0 });
    expect(messages(result)).toEqual(["distanceKm: a run needs distanceKm or minutes (duration)"]);
    expect(runLogSchema.safeParse({ id: "r1", at: ago(1), type: "run", painDuring: 0, distanceKm: 3 }).success).toBe(true);
    expect(runLogSchema.safeParse({ id: "r1", at: ago(1), type: "run", painDuring: 0, minutes: 20 }).success).toBe(true);
  });

  it("logged sessions are discriminated by type, and dates accept ISO strings", () => {
    const parsed = loggedSessionSchema.parse({ id: "r1", at: "2025-03-01T08:00:00Z", type: "run", painDuring: 1, distanceKm: 4 });
    expect(parsed.type).toBe("run");
    expect(parsed.at).toEqual(new Date("2025-03-01T08:00:00Z"));
    expect(messages(loggedSessionSchema.safeParse({ ...session, at: "not a date" }))).toEqual(["at: at must be a valid date-time"]);
    expect(loggedSessionSchema.safeParse({ ...session, type: "yoga" }).success).toBe(false);
  });

  it("check-ins range-check every pain field and know the red-flag ids", () => {
    const base = { id: "c1", at: ago(1), morningPain: 2 };
    expect(messages(morningCheckInSchema.safeParse({ ...base, loadTestPain: 12 }))).toEqual(["loadTestPain: loadTestPain must be between 0 and 10"]);
    expect(messages(morningCheckInSchema.safeParse({ ...base, redFlags: ["aliens"] }))).toEqual(["redFlags.0: redFlags contains an unknown question id"]);
    expect(morningCheckInSchema.parse({ ...base, redFlags: ["saddle_numbness"] }).redFlags).toEqual(["saddle_numbness"]);
  });

  it("plan, gait, adjunct, squad session and capacity test schemas validate their fields", () => {
    const plan = { id: "p", athleteId: "a", version: 1, authorId: "u", createdAt: ago(1), phase: 5, phaseStartedAt: ago(1) };
    expect(messages(planSchema.safeParse(plan))).toEqual(["phase: phase must be 1, 2, 3 or 4"]);
    expect(messages(planSchema.safeParse({ ...plan, phase: 2, targetEasyRun: {} }))).toEqual(["targetEasyRun.distanceKm: Target easy run: enter a distance or a duration"]);
    expect(
      messages(planSchema.safeParse({ ...plan, phase: 2, prescriptions: [{ id: "x", exercise: "Bridge", category: "isometric", sets: 5, sessionsPerWeek: 7 }] })),
    ).toEqual(["prescriptions.0.reps: Enter the reps or the hold (seconds)"]);
    expect(messages(gaitAssessmentSchema.safeParse({ id: "g", at: ago(1), assessorId: "c", surface: "treadmill", faults: [{ code: "OVERSTRIDE", severity: 4 }] }))).toEqual([
      "faults.0.severity: severity must be 1, 2 or 3",
    ]);
    expect(adjunctTreatmentSchema.safeParse({ id: "a", at: ago(1), kind: "massage" }).success).toBe(false);
    expect(squadSessionSchema.parse({ id: "q", at: ahead(2), squadId: "s", kind: "hills" }).kind).toBe("hills");
    expect(messages(capacityTestSchema.safeParse({ id: "t", at: ago(1), kind: "drop_lunge", pain: 11 }))).toEqual(["pain: pain must be between 0 and 10"]);
  });
});

describe("dates in the future are judged against the evaluation time", () => {
  const input = (sessionAt: Date) => ({
    athlete: { id: "a" },
    plan: { id: "p", athleteId: "a", version: 1, authorId: "u", createdAt: ago(10), phase: 1, phaseStartedAt: ago(10) },
    sessions: [{ id: "s1", at: sessionAt, type: "strength", minutes: 30, painDuring: 1 }],
    squadSessions: [{ id: "q1", at: ahead(3), squadId: "sq", kind: "easy_run" }],
  });

  it("a log at the evaluation time is accepted; one a minute later is rejected, naming the field", () => {
    expect(athleteTimelineSchemaAt(NOW).safeParse(input(NOW)).success).toBe(true);
    const later = athleteTimelineSchemaAt(NOW).safeParse(input(new Date(NOW.getTime() + 60_000)));
    expect(messages(later)).toEqual(["sessions.0.at: sessions[0].at must not be after the evaluation time"]);
  });

  it("plan dates may not be in the future either; planned squad sessions may", () => {
    const bad = { ...input(ago(1)), plan: { ...input(ago(1)).plan, phaseStartedAt: ahead(1) } };
    expect(messages(athleteTimelineSchemaAt(NOW).safeParse(bad))).toEqual(["plan.phaseStartedAt: plan.phaseStartedAt must not be after the evaluation time"]);
  });

  it("parseAthleteTimeline throws a DomainError with field errors", () => {
    expect(parseAthleteTimeline(input(ago(1)), NOW).sessions).toHaveLength(1);
    try {
      parseAthleteTimeline({ ...input(ago(1)), sessions: [{ id: "s", at: ago(1), type: "strength", minutes: 30, painDuring: 11 }] }, NOW);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe("invalid");
      expect((error as DomainError).fieldErrors).toEqual({ "sessions.0.painDuring": ["painDuring must be between 0 and 10"] });
    }
    expect(() => parseAthleteTimeline(null, NOW)).toThrow(DomainError);
  });

  it("notAfter wraps a single-record schema for forms", () => {
    const schema = notAfter(morningCheckInSchema, NOW);
    expect(schema.safeParse({ id: "c", at: NOW, morningPain: 1 }).success).toBe(true);
    expect(messages(schema.safeParse({ id: "c", at: ahead(1), morningPain: 1 }))[0]).toMatch(/^at: at must not be after the evaluation time/);
  });
});

describe("VISA-H (section 7)", () => {
  it("totals the 8 items: items 1-6 are 0-10, item 7 is 0/4/7/10, item 8 is 0-30", () => {
    expect(scoreVisaH([10, 10, 10, 10, 10, 10, 10, 30])).toBe(100);
    expect(scoreVisaH([0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
    expect(scoreVisaH([5, 6, 7, 8, 9, 4, 7, 12])).toBe(58);
  });

  it("rejects out-of-range items naming the item", () => {
    expect(() => scoreVisaH([11, 0, 0, 0, 0, 0, 0, 0])).toThrow("Question 1 (pain when sitting) must be between 0 and 10");
    expect(() => scoreVisaH([0, 0, 0, 0, 0, 0, 5, 0])).toThrow("Question 7 (sport participation): choose 0, 4, 7 or 10");
    expect(() => scoreVisaH([0, 0, 0, 0, 0, 0, 0, 31])).toThrow("Question 8 (how long you can train) must be between 0 and 30");
    expect(() => scoreVisaH([0, 0, 0])).toThrow();
    expect(visaHResponseSchema.safeParse({ id: "v", at: ago(1), items: [0, 0, 0, 0, 0, 0, 4, 0] }).success).toBe(true);
  });

  it("a change of 13 points is meaningful, 12 is not (default borrowed from VISA-P)", () => {
    expect(visaHChange(40, 53)).toMatchObject({ change: 13, meaningfulImprovement: true, meaningfulWorsening: false });
    expect(visaHChange(40, 52)).toMatchObject({ change: 12, meaningfulImprovement: false });
    expect(visaHChange(60, 47)).toMatchObject({ change: -13, meaningfulWorsening: true });
    expect(visaHChange(40, 50, 10).meaningfulImprovement).toBe(true);
  });
});
