import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { assessNow } from "../src/services/assessments";
import { at, codeOf, fieldErrorsOf } from "./athlete-helpers";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { startRehab } from "./physio-helpers";

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let athleteId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Capacity Club");
  other = await makeClub(handle, "Other Capacity Club");
  ({ athleteId } = await startRehab(handle, club));
});
afterAll(() => handle.close());

const bridge = (left: number, right: number, daysAgo = 1) => ({
  athleteId,
  at: at(daysAgo),
  kind: "single_leg_bridge_reps" as const,
  affectedSide: "right" as const,
  left,
  right,
});

describe("capacity tests", () => {
  it("only the club's physio records and reads them", async () => {
    expect(await codeOf(callerFor(handle, club.coach).capacityTests.record(bridge(30, 30)))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).capacityTests.record(bridge(30, 30)))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.coach).capacityTests.list({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).capacityTests.list({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).capacityTests.record(bridge(30, 30)))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, other.physio).capacityTests.list({ athleteId }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, null).capacityTests.list({ athleteId }))).toBe("UNAUTHORIZED");
    expect(await callerFor(handle, club.physio).capacityTests.list({ athleteId })).toEqual([]);
  });

  it("refuses bad input naming the field: a pain above 10, a future date, the wrong affected side", async () => {
    const physio = callerFor(handle, club.physio);
    // The field's label, never its key ("pain must be ..."), reaches the physio.
    expect((await fieldErrorsOf(physio.capacityTests.record({ athleteId, at: at(1), kind: "drop_lunge", affectedSide: "right", pain: 11 }))).pain).toEqual(["Pain must be between 0 and 10"]);
    expect(await fieldErrorsOf(physio.capacityTests.record({ ...bridge(20, 20), at: new Date(NOW.getTime() + 86_400_000) }))).toHaveProperty("at");
    // The episode is on the right side: the left leg is not the affected one.
    expect(await fieldErrorsOf(physio.capacityTests.record({ ...bridge(20, 20), affectedSide: "left" }))).toHaveProperty("affectedSide");
    expect(await fieldErrorsOf(physio.capacityTests.record({ ...bridge(20, 20), left: 2.5 }))).toHaveProperty("left");
  });

  it("feeds E2.2 and E2.3: not met on weak results, met on the next tests, with history and audit", async () => {
    const physio = callerFor(handle, club.physio);
    await physio.capacityTests.record({ athleteId, at: at(3), kind: "drop_lunge", affectedSide: "right", pain: 4 });
    const weak = await physio.capacityTests.record(bridge(30, 20, 3));
    expect(weak).toMatchObject({ affectedSide: "right", left: 30, right: 20, affected: 20, other: 30, symmetryPct: 66.7 });

    // The exit checklist of phase 2 reads them (a phase-1 athlete's plan is moved on for the check).
    await physio.plans.changePhase({ athleteId, baseVersion: 1, toPhase: 2, overrideReason: "Test the phase-2 checklist" });
    const before = await assessNow(handle.db, club.organisationId, athleteId, NOW);
    const status = (id: string, a = before) => a?.exitCriteria.find((c) => c.id === id)?.status;
    expect(status("E2.2")).toBe("not_met");
    expect(status("E2.3")).toBe("not_met");

    await physio.capacityTests.record({ athleteId, at: at(1), kind: "drop_lunge", affectedSide: "right", pain: 1 });
    await physio.capacityTests.record(bridge(28, 26, 1));
    await physio.capacityTests.record({ athleteId, at: at(1), kind: "prone_curl_10rm", affectedSide: "right", left: 20, right: 18.5, pain: 0 });
    const after = await assessNow(handle.db, club.organisationId, athleteId, NOW);
    expect(status("E2.2", after)).toBe("met");
    expect(status("E2.3", after)).toBe("met");

    const history = await physio.capacityTests.list({ athleteId });
    expect(history).toHaveLength(5);
    expect(history[0]).toMatchObject({ recordedByName: "physio of Capacity Club", criterion: expect.stringMatching(/^E2\./) });
    const audit = await physio.audit.list({ athleteId });
    expect(JSON.stringify(audit)).toContain("Recorded Single-leg bridge: controlled reps each side, right side affected: 26 vs 28");
  });

  it("needs an open episode", async () => {
    const physio = callerFor(handle, other.physio);
    expect(await codeOf(physio.capacityTests.record({ ...bridge(20, 20), athleteId: other.athlete.athleteId! }))).toBe("PRECONDITION_FAILED");
  });
});

describe("athlete facts the rules read", () => {
  it("the physio records BMI, usual cadence, pre-injury km and the other-metabolic condition; R21 and E3.3 read them", async () => {
    const physio = callerFor(handle, club.physio);
    const saved = await physio.episodes.updateClinicalProfile({
      athleteId,
      profile: { conditions: ["other_metabolic"], notes: "", preInjuryWeeklyKm: 48, bmi: 32, usualCadenceSpm: 176 },
    });
    expect(saved).toMatchObject({ bmi: 32, usualCadenceSpm: 176, preInjuryWeeklyKm: 48 });
    expect(await physio.episodes.clinicalProfile({ athleteId })).toMatchObject({ conditions: ["other_metabolic"], bmi: 32, usualCadenceSpm: 176, preInjuryWeeklyKm: 48 });
    const assessment = await assessNow(handle.db, club.organisationId, athleteId, NOW);
    const r21 = assessment?.flags.filter((f) => f.ruleId === "R21").map((f) => f.evidence.values) ?? [];
    expect(r21).toEqual(expect.arrayContaining([expect.objectContaining({ bmi: 32 })]));
    expect(await fieldErrorsOf(physio.episodes.updateClinicalProfile({ athleteId, profile: { conditions: [], notes: "", preInjuryWeeklyKm: null, bmi: 5, usualCadenceSpm: null } }))).toHaveProperty(
      "profile.bmi",
    );
    expect(await codeOf(callerFor(handle, club.coach).episodes.updateClinicalProfile({ athleteId, profile: saved }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).episodes.updateClinicalProfile({ athleteId, profile: saved }))).toBe("NOT_FOUND");
  });
});

describe("logs carry activities, full training and load where the type allows", () => {
  it("a field session with sprints at full intensity and full training; a run with a long run; heavy only on strength", async () => {
    const athlete = callerFor(handle, club.athlete);
    const field = await athlete.athleteLogs.logSession({
      idempotencyKey: "field-full-1",
      at: at(2),
      type: "field",
      minutes: 80,
      rpe: 7,
      painDuring: 0,
      activities: ["sprint", "plyometrics"],
      fullIntensity: true,
      fullTraining: true,
    });
    expect(field.log).toMatchObject({ activities: ["sprint", "plyometrics"], fullIntensity: true, fullTraining: true });
    const run = await athlete.athleteLogs.logRun({ idempotencyKey: "run-long-1", at: at(4), distanceKm: 18, painDuring: 0, activities: ["long_run"], fullTraining: true });
    expect(run.log).toMatchObject({ activities: ["long_run"], fullTraining: true });
    expect(await fieldErrorsOf(athlete.athleteLogs.logSession({ idempotencyKey: "field-heavy", at: at(2), type: "field", minutes: 60, rpe: 5, painDuring: 0, heavy: true }))).toHaveProperty("heavy");
    expect(
      await fieldErrorsOf(athlete.athleteLogs.logSession({ idempotencyKey: "walk-lunge", at: at(2), type: "cross_training", minutes: 30, rpe: 3, painDuring: 0, activities: ["deep_lunge"] })),
    ).toHaveProperty("activities");
    expect(await fieldErrorsOf(athlete.athleteLogs.logRun({ idempotencyKey: "run-cycle", at: at(2), distanceKm: 5, painDuring: 0, activities: ["cycling"] }))).toHaveProperty("activities");
  });
});
