import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { runPendingJobs } from "../src/jobs";
import { getAssessment } from "../src/services/assessments";
import { addRun, clinicalSecrets, codeOf, errorOf, fieldErrorsOf } from "./coach-fixtures";
import { NOW, callerFor, createTestDatabase, makeClub, type Club } from "./fixtures";

const DAY_MS = 86_400_000;
let handle: DatabaseHandle;
let clubA: Club;
let clubB: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  clubA = await makeClub(handle, "Gait A");
  clubB = await makeClub(handle, "Gait B");
  const athleteId = clubA.athlete.athleteId!;
  for (const [days, cadence] of [[9, 172], [6, 170], [3, 171], [1, 158]] as const) {
    await addRun(handle, clubA, athleteId, new Date(NOW.getTime() - days * DAY_MS), { minutes: 40, distanceKm: 8, cadenceSpm: cadence });
  }
}, 60_000);
afterAll(() => handle.close());

const overstride = (athleteId: string) => ({
  athleteId,
  surface: "overground" as const,
  speedKmh: 12,
  cadenceSpm: 160,
  faults: [{ code: "OVERSTRIDE" as const, severity: 2 as const, side: "both" as const }],
  cues: ["Shorter, quicker, lighter steps", "Think 'quiet feet'"],
  notes: "Worse late in the rep",
  videoUrl: "https://video.example/clip",
});

describe("gait", () => {
  it("refuses anonymous callers, athletes, physios and another organisation's coach", async () => {
    const input = overstride(clubA.athlete.athleteId!);
    expect(await codeOf(callerFor(handle, null).gait.create(input))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(handle, clubA.athlete).gait.create(input))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, clubA.physio).gait.create(input))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, clubB.coach).gait.create(input))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, clubA.athlete).gait.squadFaults())).toBe("FORBIDDEN");
  });

  it("rejects invalid input naming the field", async () => {
    const coach = callerFor(handle, clubA.coach);
    const base = overstride(clubA.athlete.athleteId!);
    expect(fieldErrorsOf(await errorOf(coach.gait.create({ ...base, faults: [] })))).toHaveProperty("faults");
    expect(fieldErrorsOf(await errorOf(coach.gait.create({ ...base, cues: [] })))).toHaveProperty("cues");
    expect(fieldErrorsOf(await errorOf(coach.gait.create({ ...base, cadenceSpm: 20 })))).toHaveProperty("cadenceSpm");
    expect(fieldErrorsOf(await errorOf(coach.gait.create({ ...base, videoUrl: "not a link" })))).toHaveProperty("videoUrl");
    const badSeverity = { ...base, faults: [{ code: "OVERSTRIDE" as const, severity: 5 as never }] };
    expect(Object.keys(fieldErrorsOf(await errorOf(coach.gait.create(badSeverity))))).toContain("faults.0.severity");
  });

  it("records an assessment whose cues reach the athlete's assessment once its re-assessment has run", async () => {
    const coach = callerFor(handle, clubA.coach);
    await coach.gait.create(overstride(clubA.athlete.athleteId!));
    await runPendingJobs(handle.db, NOW);
    const assessment = await getAssessment(handle.db, clubA.organisationId, clubA.athlete.athleteId!, NOW);
    expect(assessment?.gait?.faults[0]?.code).toBe("OVERSTRIDE");
    expect(assessment?.gait?.prescribedCues).toEqual(["Shorter, quicker, lighter steps", "Think 'quiet feet'"]);
    const today = await callerFor(handle, clubA.athlete, NOW).today.get();
    expect(today.gait?.prescribedCues).toEqual(["Shorter, quicker, lighter steps", "Think 'quiet feet'"]);
    const overview = await coach.board.athlete({ athleteId: clubA.athlete.athleteId! });
    expect(overview.gaitAssessments[0]).toMatchObject({ cues: ["Shorter, quicker, lighter steps", "Think 'quiet feet'"], assessorName: "coach of Gait A" });
  });

  it("lists which athletes carry which faults, and a low-cadence hint from runs", async () => {
    const faults = await callerFor(handle, clubA.coach).gait.squadFaults();
    expect(faults.faults.find((f) => f.code === "OVERSTRIDE")?.athletes.map((a) => a.athleteId)).toEqual([clubA.athlete.athleteId]);
    expect(faults.faults.find((f) => f.code === "ASYMMETRY")?.athletes).toEqual([]);
    expect(faults.cadenceHints).toHaveLength(1);
    expect(faults.cadenceHints[0]).toMatchObject({ cadenceSpm: 158, usualCadenceSpm: 171, imported: true });
    expect(faults.cadenceHints[0]?.message).toMatch(/over-striding/);
    const json = JSON.stringify(faults);
    for (const secret of clinicalSecrets) expect(json).not.toContain(secret);
    expect((await callerFor(handle, clubB.coach).gait.squadFaults()).faults.every((f) => f.athletes.length === 0)).toBe(true);
  });
});
