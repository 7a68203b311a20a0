import { describe, expect, it } from "vitest";
import { assessAthlete, computeCompliance, toCoachAssessment, type ComplianceInput } from "../src/clinical";
import { NOW, ago, checkIn, strength, timeline } from "./helpers";

// NOW is Monday 3 March 2025, 20:00 UTC: in London (UTC in March) the last 7 full days are
// 24 February to 2 March; in Auckland (UTC+13) it is already Tuesday 09:00.
const prescription = (sessionsPerWeek: number) => ({
  id: `rx-${sessionsPerWeek}`,
  exercise: "isometric bridge",
  category: "isometric",
  sets: 3,
  holdSeconds: 30,
  sessionsPerWeek,
});

function compliance(overrides: Parameters<typeof timeline>[0], options: Partial<Omit<ComplianceInput, "timeline">> = {}) {
  return computeCompliance({
    timeline: timeline(overrides),
    now: NOW.getTime(),
    timeZone: "Europe/London",
    visaHIntervalDays: 14,
    ...options,
  });
}

const visaH = (at: Date, id: string) => ({ id, at, items: [5, 5, 5, 5, 5, 5, 4, 15] });

describe("logging compliance", () => {
  it("counts a rehab athlete's daily check-ins, the plan's sessions per week and VISA-H at its interval", () => {
    const result = compliance({
      plan: { prescriptions: [prescription(2), prescription(3)] },
      checkIns: [1, 2, 3, 4, 5, 6, 7].map((d) => checkIn(d)),
      sessions: [1, 3, 5].map((d) => strength({ at: ago(d, 10) })),
      // Answered 17 days ago, so the next was due 3 days ago, when it was answered.
      visaH: [visaH(ago(17), "v1"), visaH(ago(3), "v2")],
    });
    expect(result.last7).toMatchObject({
      days: 7,
      countedDays: 7,
      checkIns: { expected: 7, done: 7 },
      sessions: { expected: 3, done: 3 },
      questionnaires: { expected: 1, done: 1 },
      expected: 11,
      done: 11,
      percent: 100,
    });
  });

  it("gives the share done when some logging is missing", () => {
    const result = compliance({
      plan: { prescriptions: [prescription(3)] },
      checkIns: [1, 2, 4, 5, 7].map((d) => checkIn(d)),
      sessions: [strength({ at: ago(2, 10) })],
    });
    // No VISA-H ever: one is due as the period starts.
    expect(result.last7).toMatchObject({
      checkIns: { expected: 7, done: 5 },
      sessions: { expected: 3, done: 1 },
      questionnaires: { expected: 1, done: 0 },
      percent: Math.round((100 * 6) / 11),
    });
    // 28 days at a 14-day interval: two questionnaires due, none answered; 12 sessions prescribed.
    expect(result.last28).toMatchObject({ countedDays: 28, questionnaires: { expected: 2, done: 0 }, sessions: { expected: 12, done: 1 } });
  });

  it("never counts more done than expected (two check-ins in a day, extra sessions)", () => {
    const result = compliance({
      plan: { prescriptions: [prescription(1)] },
      checkIns: [checkIn(1), checkIn(1, { at: ago(1, 10) })],
      sessions: [1, 2, 3, 4].map((d) => strength({ at: ago(d, 10) })),
    });
    expect(result.last7.checkIns).toEqual({ expected: 7, done: 1 });
    expect(result.last7.sessions).toEqual({ expected: 1, done: 1 });
  });

  it("does not count today, nor the days up to the one the athlete joined", () => {
    const joinedThreeDaysAgo = compliance({
      athlete: { id: "ath-1", squadIds: ["sq-1"], joinedAt: ago(3) },
      plan: {},
      checkIns: [checkIn(0), checkIn(1), checkIn(2)],
    });
    // Joined on Friday 28 February at 20:00: Saturday and Sunday count; Monday (today) does not.
    expect(joinedThreeDaysAgo.last7).toMatchObject({ countedDays: 2, checkIns: { expected: 2, done: 2 } });
    expect(joinedThreeDaysAgo.last28.countedDays).toBe(2);

    const joinedToday = compliance({ athlete: { id: "ath-1", joinedAt: ago(0, 2) }, plan: {}, checkIns: [checkIn(0)] });
    expect(joinedToday.last7).toMatchObject({ countedDays: 0, expected: 0, percent: null });
  });

  it("counts days in the club's time zone", () => {
    // 10:30 UTC on Monday: today in London (not counted), but 23:30 on Monday in Auckland, where today is Tuesday.
    const input = { plan: {}, checkIns: [checkIn(0, { at: new Date("2025-03-03T10:30:00Z") })] };
    expect(compliance(input).last7.checkIns).toEqual({ expected: 7, done: 0 });
    expect(compliance(input, { timeZone: "Pacific/Auckland" }).last7.checkIns).toEqual({ expected: 7, done: 1 });
  });

  it("counts the squad's planned sessions for an athlete not in rehab, each settled by a log on its day", () => {
    const result = compliance({
      plan: null,
      squadSessions: [
        { id: "p1", at: ago(2, 2), squadId: "sq-1", kind: "easy_run" },
        { id: "p2", at: ago(4, 2), squadId: "sq-1", kind: "easy_run" },
        { id: "p3", at: ago(5, 2), squadId: "sq-1", kind: "easy_run" },
        // Another squad's session, and one later today: neither is expected.
        { id: "p4", at: ago(3, 2), squadId: "sq-2", kind: "easy_run" },
        { id: "p5", at: ago(0, -2), squadId: "sq-1", kind: "easy_run" },
      ],
      sessions: [strength({ at: ago(2, 4) }), strength({ at: ago(4, 1) }), strength({ at: ago(6, 0) })],
      checkIns: [checkIn(1)],
    });
    expect(result.last7).toMatchObject({
      checkIns: { expected: 0, done: 0 },
      sessions: { expected: 3, done: 2 },
      questionnaires: { expected: 0, done: 0 },
      percent: 67,
    });
  });

  it("has nothing to count for an athlete not in rehab whose squad planned nothing", () => {
    expect(compliance({ plan: null, checkIns: [checkIn(1)] }).last28).toMatchObject({ expected: 0, percent: null });
  });

  it("follows the VISA-H interval: a shorter interval expects more questionnaires, a late answer still counts", () => {
    expect(compliance({ plan: {} }, { visaHIntervalDays: 7 }).last28.questionnaires).toEqual({ expected: 4, done: 0 });
    // Overdue since before the period (answered 40 days ago): due as the period starts; answered
    // 20 days ago (late) settles it, and the next, due 6 days ago, is missed.
    expect(compliance({ plan: {}, visaH: [visaH(ago(40), "v1"), visaH(ago(20), "v2")] }).last28.questionnaires).toEqual({ expected: 2, done: 1 });
  });

  it("is part of the assessment, with the club's VISA-H interval, and of the coach's projection", () => {
    const t = timeline({ plan: {}, checkIns: [checkIn(1)] });
    const club = assessAthlete(t, NOW, { clubThresholds: { visaH: { reminderIntervalDays: 7 } } });
    expect(club.compliance.last28.questionnaires.expected).toBe(4);
    expect(assessAthlete(t, NOW).compliance.last28.questionnaires.expected).toBe(2);
    expect(toCoachAssessment(club).compliance).toEqual(club.compliance);
  });
});
