import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import type { Actor, PlanBody } from "@loadline/domain";
import { assessNow } from "../src/services/assessments";
import { addAthlete, at, codeOf, fieldErrorsOf, key } from "./athlete-helpers";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { phase1Body, validEpisode } from "./physio-helpers";

let handle: DatabaseHandle;
let club: Club;
let other: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Plan Writers Club");
  other = await makeClub(handle, "Other Plan Writers Club");
});
afterAll(() => handle.close());

const phase4Body = (): PlanBody => ({
  prescriptions: [{ id: "nordic", exercise: "Nordic curl", category: "eccentric", sets: 3, reps: 6, sessionsPerWeek: 2, heavy: true, highTendonLoad: false }],
  allowedActivities: [],
  forbiddenActivities: [],
  thresholds: {},
  returnToSportElements: ["sprint"],
  maintenancePlan: "Nordic curls and hip thrusts twice a week, in season too",
});

async function openEpisode(athlete: Actor) {
  await callerFor(handle, club.physio).episodes.open({ athleteId: athlete.athleteId!, episode: validEpisode(club) });
}

describe("a first plan may start its phase in the past", () => {
  it("refuses a future start, one before the onset, and one on a later version; stores a valid one", async () => {
    const athlete = await addAthlete(handle, club, "Backdated Runner");
    await openEpisode(athlete);
    const physio = callerFor(handle, club.physio);
    const save = (phaseStartedAt: Date, baseVersion = 0) =>
      physio.plans.save({ athleteId: athlete.athleteId!, baseVersion, phase: 2, phaseStartedAt, body: phase1Body() });
    expect(await fieldErrorsOf(save(new Date(NOW.getTime() + 86_400_000)))).toHaveProperty("phaseStartedAt");
    // The episode's onset is 2026-10-01.
    expect(await fieldErrorsOf(save(new Date("2026-09-01T09:00:00Z")))).toHaveProperty("phaseStartedAt");
    const saved = await save(at(21));
    expect(saved.phaseStartedAt).toEqual(at(21));
    const current = await physio.plans.current({ athleteId: athlete.athleteId! });
    expect(current.plan?.phaseStartedAt).toEqual(at(21));
    expect(await fieldErrorsOf(save(at(20), 1))).toHaveProperty("phaseStartedAt");
  });
});

describe("discharge from phase 4", () => {
  it("is refused outside phase 4, needs an override while criteria are unmet, and is refused to coaches and other clubs", async () => {
    const athlete = await addAthlete(handle, club, "Early Discharge");
    await openEpisode(athlete);
    const physio = callerFor(handle, club.physio);
    await physio.plans.save({ athleteId: athlete.athleteId!, baseVersion: 0, phase: 1, body: phase1Body() });
    expect(await fieldErrorsOf(physio.plans.discharge({ athleteId: athlete.athleteId!, baseVersion: 1 }))).toHaveProperty("phase");
    await physio.plans.changePhase({ athleteId: athlete.athleteId!, baseVersion: 1, toPhase: 2, overrideReason: "test" });
    await physio.plans.changePhase({ athleteId: athlete.athleteId!, baseVersion: 2, toPhase: 3, overrideReason: "test" });
    await physio.plans.changePhase({ athleteId: athlete.athleteId!, baseVersion: 3, toPhase: 4, overrideReason: "test" });
    expect(await fieldErrorsOf(physio.plans.discharge({ athleteId: athlete.athleteId!, baseVersion: 4 }))).toHaveProperty("overrideReason");
    expect(await codeOf(callerFor(handle, club.coach).plans.discharge({ athleteId: athlete.athleteId!, baseVersion: 4, overrideReason: "x" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).plans.discharge({ athleteId: athlete.athleteId!, baseVersion: 4, overrideReason: "x" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).plans.discharge({ athleteId: athlete.athleteId!, baseVersion: 4, overrideReason: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(physio.plans.discharge({ athleteId: athlete.athleteId!, baseVersion: 3, overrideReason: "x" }))).toBe("CONFLICT");
    const done = await physio.plans.discharge({ athleteId: athlete.athleteId!, baseVersion: 4, overrideReason: "Moving away; handed over to a local physio" });
    expect(done).toMatchObject({ kind: "discharge_override", unmetCriteria: expect.arrayContaining(["E4.2"]) });
  });

  it("signs off without override on two logged weeks of full training, a sprint at full intensity with a green next morning, VISA-H and a maintenance plan", async () => {
    const athlete = await addAthlete(handle, club, "Full Training");
    await openEpisode(athlete);
    const physio = callerFor(handle, club.physio);
    await physio.plans.save({ athleteId: athlete.athleteId!, baseVersion: 0, phase: 4, phaseStartedAt: at(20), body: phase4Body() });

    const own = callerFor(handle, athlete);
    for (let day = 16; day >= 0; day -= 1) {
      await own.checkIns.create({ idempotencyKey: key("morning"), at: at(day, 7), morningPain: 1, restPain: 0, loadTestPain: 1 });
    }
    for (const day of [13, 10, 6, 3]) {
      await own.athleteLogs.logSession({
        idempotencyKey: key("training"),
        at: at(day, 17),
        type: "field",
        minutes: 75,
        rpe: 6,
        painDuring: 0,
        painAfter: 0,
        activities: ["sprint", "field_drills"],
        fullIntensity: true,
        fullTraining: true,
      });
    }
    await own.visaH.submit({ idempotencyKey: key("visa"), at: at(2, 8), items: [10, 10, 10, 9, 9, 9, 7, 25] });

    const assessment = await assessNow(handle.db, club.organisationId, athlete.athleteId!, NOW);
    expect(assessment?.exitCriteria.map((c) => [c.id, c.status])).toEqual([
      ["E4.1", "met"],
      ["E4.2", "met"],
      ["E4.3", "met"],
      ["E4.4", "met"],
    ]);
    const done = await physio.plans.discharge({ athleteId: athlete.athleteId!, baseVersion: 1, note: "Back to full training" });
    expect(done).toMatchObject({ kind: "discharge", unmetCriteria: [] });
    expect(done.note).toContain("every discharge criterion met");
    const after = await assessNow(handle.db, club.organisationId, athlete.athleteId!, NOW);
    expect(after).toMatchObject({ inRehab: false, phase: null });
    const episodes = await physio.episodes.list({ athleteId: athlete.athleteId! });
    expect(episodes.episodes[0]).toMatchObject({ status: "resolved" });
  });
});

describe("reopening a closed episode", () => {
  it("brings its plan back, needs a reason, refuses an open one, coaches and other clubs", async () => {
    const athlete = await addAthlete(handle, club, "Recurrence Runner");
    await openEpisode(athlete);
    const physio = callerFor(handle, club.physio);
    await physio.plans.save({ athleteId: athlete.athleteId!, baseVersion: 0, phase: 1, body: phase1Body() });
    const { episodes } = await physio.episodes.list({ athleteId: athlete.athleteId! });
    const episodeId = episodes[0]!.id;
    expect(await codeOf(physio.episodes.reopen({ episodeId, reason: "Recurrence" }))).toBe("CONFLICT");
    await physio.episodes.close({ episodeId, closingNote: "Discharged" });
    expect(await assessNow(handle.db, club.organisationId, athlete.athleteId!, NOW)).toMatchObject({ inRehab: false });
    expect(await fieldErrorsOf(physio.episodes.reopen({ episodeId, reason: "" }))).toHaveProperty("reason");
    expect(await codeOf(callerFor(handle, club.coach).episodes.reopen({ episodeId, reason: "Recurrence" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).episodes.reopen({ episodeId, reason: "Recurrence" }))).toBe("NOT_FOUND");
    const reopened = await physio.episodes.reopen({ episodeId, reason: "Pain back after the first race" });
    expect(reopened).toMatchObject({ status: "active", closedAt: null });
    expect(reopened.clinicalNotes).toContain("Reopened 2026-11-21: Pain back after the first race");
    expect(await assessNow(handle.db, club.organisationId, athlete.athleteId!, NOW)).toMatchObject({ inRehab: true, phase: 1 });
  });
});
