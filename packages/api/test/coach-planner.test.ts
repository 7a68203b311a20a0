import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { localDateKey } from "@loadline/domain";
import { addAthletes, addCheckIn, clinicalSecrets, codeOf, errorOf, fieldErrorsOf, givePlan } from "./coach-fixtures";
import { NOW, callerFor, createTestDatabase, makeClub, settle, type Club } from "./fixtures";
import { runPendingJobs } from "../src/jobs";

const DAY_MS = 86_400_000;
let handle: DatabaseHandle;
let clubA: Club;
let clubB: Club;
let phaseOne: string;
let escalated: string;
const tomorrow = new Date(NOW.getTime() + DAY_MS);

beforeAll(async () => {
  handle = await createTestDatabase();
  clubA = await makeClub(handle, "Plan A");
  clubB = await makeClub(handle, "Plan B");
  [phaseOne, escalated] = (await addAthletes(handle, clubA, clubA.squadIds.distance, 2, "Planned")) as [string, string];
  await givePlan(handle, clubA, phaseOne, 1, NOW, 5);
  await addCheckIn(handle, clubA, escalated, new Date(NOW.getTime() - DAY_MS), 2, ["night_pain_waking"]);
  // Inserted straight into the tables: the queue re-assesses them, as after any write.
  await settle(handle, [clubA, clubB]);
}, 60_000);
afterAll(() => handle.close());

const hills = (squadId: string) => ({ squadId, at: tomorrow, kind: "hills" as const, durationMinutes: 60, title: "Hill reps", notes: "" });

describe("planner", () => {
  it("refuses anonymous callers, athletes and physios", async () => {
    expect(await codeOf(callerFor(handle, null).planner.create(hills(clubA.squadIds.distance)))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(handle, clubA.athlete).planner.create(hills(clubA.squadIds.distance)))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, clubA.physio).planner.create(hills(clubA.squadIds.distance)))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, clubA.athlete).planner.week({ squadId: clubA.squadIds.distance }))).toBe("FORBIDDEN");
  });

  it("rejects invalid sessions naming the field", async () => {
    const coach = callerFor(handle, clubA.coach);
    const badKind = await errorOf(coach.planner.create({ ...hills(clubA.squadIds.distance), kind: "yoga" as never }));
    expect(Object.keys(fieldErrorsOf(badKind))).toContain("kind");
    const badDuration = await errorOf(coach.planner.create({ ...hills(clubA.squadIds.distance), durationMinutes: 0 }));
    expect(Object.keys(fieldErrorsOf(badDuration))).toContain("durationMinutes");
  });

  it("refuses another organisation's squad and sessions", async () => {
    const error = await errorOf(callerFor(handle, clubB.coach).planner.create(hills(clubA.squadIds.distance)));
    expect(fieldErrorsOf(error)).toHaveProperty("squadId");
    expect(await codeOf(callerFor(handle, clubB.coach).planner.week({ squadId: clubA.squadIds.distance }))).toBe("BAD_REQUEST");
    const { id } = await callerFor(handle, clubA.coach).planner.create({ ...hills(clubA.squadIds.distance), kind: "recovery" });
    expect(await codeOf(callerFor(handle, clubB.coach).planner.remove({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, clubB.coach).planner.update({ ...hills(clubB.squadIds.distance), id }))).toBe("NOT_FOUND");
    await callerFor(handle, clubA.coach).planner.remove({ id });
  });

  it("shows skip for a phase-1 athlete, ok for a healthy one and medical review for an escalation", async () => {
    const coach = callerFor(handle, clubA.coach);
    const { id } = await coach.planner.create(hills(clubA.squadIds.distance));
    const week = await coach.planner.week({ squadId: clubA.squadIds.distance, weekOf: localDateKey(tomorrow.getTime(), "Europe/London") });
    expect(week.sessions.map((s) => s.id)).toContain(id);
    const verdict = (athleteId: string) => week.verdicts.find((v) => v.sessionId === id && v.athleteId === athleteId)!.result;
    expect(verdict(phaseOne).verdict).toBe("skip");
    expect(verdict(phaseOne).reasons.map((r) => r.ruleId)).toContain("R16");
    expect(verdict(clubA.athlete.athleteId!)).toEqual({ verdict: "ok", reasons: [] });
    expect(verdict(escalated).verdict).toBe("skip");
    expect(verdict(escalated).reasons[0]?.message).toMatch(/^Medical review needed/);
    const json = JSON.stringify(week);
    for (const secret of clinicalSecrets) expect(json).not.toContain(secret);
  });

  it("re-evaluates at once when a session changes", async () => {
    const coach = callerFor(handle, clubA.coach);
    const { id } = await coach.planner.create({ ...hills(clubA.squadIds.distance), kind: "sprint" });
    await coach.planner.update({ ...hills(clubA.squadIds.distance), id, kind: "recovery" });
    const week = await coach.planner.week({ squadId: clubA.squadIds.distance, weekOf: localDateKey(tomorrow.getTime(), "Europe/London") });
    const result = week.verdicts.find((v) => v.sessionId === id && v.athleteId === phaseOne)!.result;
    expect(week.sessions.find((s) => s.id === id)?.kind).toBe("recovery");
    expect(result.verdict).toBe("ok");
    await coach.planner.remove({ id });
    const after = await coach.planner.week({ squadId: clubA.squadIds.distance, weekOf: localDateKey(tomorrow.getTime(), "Europe/London") });
    expect(after.sessions.map((s) => s.id)).not.toContain(id);
  });

  it("lists an athlete not assessed yet apart, never leaves them out, and gives the verdict once assessed", async () => {
    const coach = callerFor(handle, clubA.coach);
    const [newcomer] = (await addAthletes(handle, clubA, clubA.squadIds.distance, 1, "Newcomer")) as [string];
    const { id } = await coach.planner.create({ ...hills(clubA.squadIds.distance), kind: "sprint" });
    const before = await coach.planner.week({ squadId: clubA.squadIds.distance, weekOf: localDateKey(tomorrow.getTime(), "Europe/London") });
    expect(before.athletes.map((a) => a.id)).toContain(newcomer);
    expect(before.unassessed).toContainEqual({ athleteId: newcomer, state: "being_assessed" });
    expect(before.verdicts.some((v) => v.athleteId === newcomer)).toBe(false);
    expect(before.unassessed.some((u) => u.athleteId === phaseOne)).toBe(false);
    await settle(handle, [clubA]);
    const after = await coach.planner.week({ squadId: clubA.squadIds.distance, weekOf: localDateKey(tomorrow.getTime(), "Europe/London") });
    expect(after.unassessed.some((u) => u.athleteId === newcomer)).toBe(false);
    expect(after.verdicts.find((v) => v.sessionId === id && v.athleteId === newcomer)?.result.verdict).toBe("ok");
    await coach.planner.remove({ id });
  });

  it("a planned forbidden session updates the board once the squad's re-assessment has run (R16 on the squad plan)", async () => {
    const coach = callerFor(handle, clubA.coach);
    const { id } = await coach.planner.create({ ...hills(clubA.squadIds.distance), kind: "sprint" });
    // The write queued the whole squad; a worker re-assesses it.
    const ran = await runPendingJobs(handle.db, NOW);
    expect(ran.filter((j) => !j.due).map((j) => j.athleteId)).toContain(phaseOne);
    const rows = await callerFor(handle, clubA.coach).board.rows();
    const flags = rows.find((r) => r.athlete.id === phaseOne)!.assessment?.flags ?? [];
    expect(flags.some((f) => f.ruleId === "R16")).toBe(true);
    await coach.planner.remove({ id });
  });
});
