import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import type { Actor, PlanBody } from "@loadline/domain";
import { assessNow } from "../src/services/assessments";
import { addAthlete, at, key } from "./athlete-helpers";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { phase1Body, validEpisode } from "./physio-helpers";

/*
 * Phases 1 -> 2 and 3 -> 4 signed off without override, on history logged through the athlete's
 * own procedures (the same history the e2e spec logs through the screens and API).
 */

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Phase Path Club");
}, 60_000);
afterAll(() => handle.close());

async function taken(name: string, phase: 1 | 3, startedDaysAgo: number, body: PlanBody): Promise<Actor> {
  const athlete = await addAthlete(handle, club, name);
  const physio = callerFor(handle, club.physio);
  await physio.episodes.open({ athleteId: athlete.athleteId!, episode: validEpisode(club) });
  await physio.plans.save({ athleteId: athlete.athleteId!, baseVersion: 0, phase, phaseStartedAt: at(startedDaysAgo), body });
  return athlete;
}

const statuses = async (athleteId: string) => (await assessNow(handle.db, club.organisationId, athleteId, NOW))?.exitCriteria.map((c) => [c.id, c.status]);

describe("phase exits without override", () => {
  it("phase 1 -> 2: daily load tests, six full isometric sessions, mornings steady, no red flag", async () => {
    const athlete = await taken("Iso Runner", 1, 14, phase1Body());
    const own = callerFor(handle, athlete);
    for (let day = 13; day >= 0; day -= 1) {
      await own.checkIns.create({ idempotencyKey: key("morning"), at: at(day, 7), morningPain: 1, loadTestPain: 1, restPain: 0 });
    }
    for (const day of [12, 10, 8, 6, 4, 2]) {
      await own.athleteLogs.logSession({ idempotencyKey: key("iso"), at: at(day, 17), type: "strength", minutes: 20, rpe: 3, painDuring: 1, painAfter: 1, asPrescribed: true });
    }
    expect(await statuses(athlete.athleteId!)).toEqual([
      ["E1.1", "met"],
      ["E1.2", "met"],
      ["E1.3", "met"],
      ["E1.4", "met"],
    ]);
    const done = await callerFor(handle, club.physio).plans.changePhase({ athleteId: athlete.athleteId!, baseVersion: 1, toPhase: 2 });
    expect(done).toMatchObject({ phase: 2, changeSummary: expect.stringContaining("every exit criterion met") });
  });

  it("phase 3 -> 4: target runs, strides and gentle hills, weekly km near pre-injury, strength symmetry held", async () => {
    const body: PlanBody = {
      prescriptions: [{ id: "thrust", exercise: "Hip thrust", category: "heavy_slow_resistance", sets: 4, reps: 8, repetitionMaximum: 8, sessionsPerWeek: 2, heavy: true, highTendonLoad: false }],
      allowedActivities: [],
      forbiddenActivities: [],
      thresholds: {},
      returnToSportElements: [],
      targetEasyRun: { distanceKm: 4 },
    };
    const athlete = await taken("Hill Runner", 3, 21, body);
    const physio = callerFor(handle, club.physio);
    await physio.episodes.updateClinicalProfile({ athleteId: athlete.athleteId!, profile: { conditions: [], notes: "", preInjuryWeeklyKm: 30, bmi: null, usualCadenceSpm: null } });
    await physio.capacityTests.record({ athleteId: athlete.athleteId!, at: at(2), kind: "single_leg_bridge_reps", affectedSide: "right", left: 30, right: 29 });
    const own = callerFor(handle, athlete);
    for (let day = 20; day >= 0; day -= 1) {
      await own.checkIns.create({ idempotencyKey: key("morning"), at: at(day, 7), morningPain: 0, loadTestPain: 0, restPain: 0 });
    }
    for (let day = 20; day >= 1; day -= 1) {
      const strides = day === 9 || day === 5 ? 6 : 0;
      const hills = day === 7 || day === 3;
      await own.athleteLogs.logRun({ idempotencyKey: key("run"), at: at(day, 17), distanceKm: 5, minutes: 30, painDuring: 0, painAfter: 0, strides, ...(hills ? { steepestGradientPct: 3 } : {}) });
    }
    expect(await statuses(athlete.athleteId!)).toEqual([
      ["E3.1", "met"],
      ["E3.2", "met"],
      ["E3.3", "met"],
      ["E3.4", "met"],
    ]);
    const done = await physio.plans.changePhase({ athleteId: athlete.athleteId!, baseVersion: 1, toPhase: 4 });
    expect(done).toMatchObject({ phase: 4, changeSummary: expect.stringContaining("every exit criterion met") });
  });
});
