import { describe, expect, it } from "vitest";
import { assessAthlete, morningCheckInSchema } from "../src/clinical";
import { NOW, ago, checkIn, run, strength, timeline } from "./helpers";
import { mornings } from "./mornings";

const HOUR = 3_600_000;
const session = strength({ id: "s-1", at: ago(1) });
const morningAt = (at: Date, morningPain: number, id: string) => morningCheckInSchema.parse({ id, at, morningPain });
const before = (hours: number, pain: number) => morningAt(new Date(session.at.getTime() - hours * HOUR), pain, `b-${hours}`);
const nextMorning = (pain: number) => morningAt(new Date(session.at.getTime() + 11 * HOUR), pain, "next");
const outcomeOf = (checkIns: ReturnType<typeof morningAt>[], plan: Record<string, unknown> = {}) =>
  assessAthlete(timeline({ sessions: [session], checkIns, plan }), NOW);

describe("R3 baseline look-back", () => {
  it("uses the morning before when it was logged", () => {
    const a = outcomeOf([before(13, 1), nextMorning(3)]);
    expect(a.latestOutcome).toMatchObject({ nextMorningDelta: 2, nextMorning: "red", incomplete: false, baselineAt: new Date(session.at.getTime() - 13 * HOUR) });
  });

  it("falls back to the most recent morning within 3 days: exactly 72 h before counts, 72 h + 1 min does not", () => {
    const inside = outcomeOf([before(72, 1), nextMorning(2)]);
    expect(inside.latestOutcome).toMatchObject({ nextMorningDelta: 1, nextMorning: "amber", incomplete: false });
    // The sentence says which morning it compared with, as the club writes dates.
    expect(inside.flags.find((f) => f.ruleId === "R3")?.message).toBe(
      "Morning pain rose by 1 point the morning after this session (compared with Thu 27 Feb, the last morning logged before it).",
    );
    const outside = outcomeOf([morningAt(new Date(session.at.getTime() - 72 * HOUR - 60_000), 1, "old"), nextMorning(2)]);
    expect(outside.latestOutcome).toMatchObject({ nextMorningDelta: null, baselineAt: null, incomplete: true });
  });

  it("a threshold override changes the look-back", () => {
    const a = outcomeOf([before(60, 1), nextMorning(1)], { thresholds: { nextMorning: { baselineLookbackDays: 2 } } });
    expect(a.latestOutcome).toMatchObject({ baselineAt: null, incomplete: true });
  });
});

describe("R3 without a baseline: absolute next-morning pain", () => {
  it("6/10 on waking after a run is amber, never green and progress", () => {
    const a = outcomeOf([nextMorning(6)]);
    expect(a.latestOutcome).toMatchObject({ zone: "amber", decision: "repeat", nextMorning: "amber", incomplete: true });
    const [r3] = a.flags.filter((f) => f.ruleId === "R3");
    expect(r3).toMatchObject({ severity: "amber", evidence: { values: { nextMorningPain: 6, baselineMissing: true } } });
    expect(r3?.message).toMatch(/^Morning pain was 6\/10 the morning after this session, with no morning logged in the 3 days before it/);
    expect(a.progression.blocked).toBe(true);
  });

  it("the boundary is the plan's green upper bound: 2 is not amber under PHT, 3 is", () => {
    expect(outcomeOf([nextMorning(2)]).latestOutcome).toMatchObject({ nextMorning: null, zone: "green", decision: "incomplete" });
    expect(outcomeOf([nextMorning(3)]).latestOutcome).toMatchObject({ nextMorning: "amber", zone: "amber" });
  });

  it("follows the plan's pain profile: Silbernagel's green goes to 3, so 3 is not amber and 4 is", () => {
    const silbernagel = { thresholds: { pain: { profile: "silbernagel" } } };
    expect(outcomeOf([nextMorning(3)], silbernagel).latestOutcome).toMatchObject({ nextMorning: null, decision: "incomplete" });
    expect(outcomeOf([nextMorning(4)], silbernagel).latestOutcome).toMatchObject({ nextMorning: "amber" });
  });

  it("an incomplete green outcome says what to log and holds progression (information, not an alert)", () => {
    const a = outcomeOf([nextMorning(0)]);
    expect(a.latestOutcome).toMatchObject({ zone: "green", decision: "incomplete", missingData: expect.stringMatching(/^Log your morning pain/) });
    const [r4] = a.flags.filter((f) => f.ruleId === "R4");
    expect(r4).toMatchObject({ severity: "info", blocksProgression: true });
    expect(r4?.message).toMatch(/^Log your morning pain: .* Until then, repeat the same load: no step up\.$/);
    expect(a.progression.reasons.map((r) => r.ruleId)).toEqual(["R4"]);
  });
});

describe("R3 without a next morning", () => {
  it("is pending while the next morning can still arrive, then incomplete (not green) once its window has passed", () => {
    const recent = strength({ id: "s-recent", at: ago(0, 4) });
    const waiting = assessAthlete(timeline({ sessions: [recent], checkIns: [checkIn(0)] }), NOW);
    expect(waiting.latestOutcome).toMatchObject({ pending: true, incomplete: false, decision: "progress" });
    const oneDayOn = new Date(recent.at.getTime() + 36 * HOUR + 1);
    const missed = assessAthlete(timeline({ sessions: [recent], checkIns: [checkIn(0)] }), oneDayOn);
    expect(missed.latestOutcome).toMatchObject({ pending: false, incomplete: true, decision: "incomplete" });
    expect(missed.latestOutcome?.missingData).toMatch(/the morning after this session was not logged/);
  });

  it("an incomplete run does not count as green for the exit criteria: E3.1 stays unknown, not met", () => {
    const runs = [ago(8), ago(4)].map((at) => run({ at }));
    const withoutMornings = assessAthlete(timeline({ plan: { targetEasyRun: { distanceKm: 5 } }, sessions: runs }), NOW);
    expect(withoutMornings.exitCriteria.find((c) => c.id === "E3.1")).toMatchObject({ status: "unknown" });
    const withMornings = assessAthlete(timeline({ plan: { targetEasyRun: { distanceKm: 5 } }, sessions: runs, checkIns: mornings(10) }), NOW);
    expect(withMornings.exitCriteria.find((c) => c.id === "E3.1")).toMatchObject({ status: "met" });
  });
});
