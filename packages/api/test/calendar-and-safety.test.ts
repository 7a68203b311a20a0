import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { assessmentSnapshots, organisations } from "@loadline/db/schema";
import { ENGINE_VERSION } from "@loadline/domain";
import { afterClinicalWrite, getAssessment } from "../src/services/assessments";
import { callerFor, createTestDatabase, makeClub, type Club } from "./fixtures";
import { errorOf, fieldsOf, insertRedFlagCheckIn, startRehab } from "./physio-helpers";
import { addCheckIn } from "./coach-fixtures";

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Zone Club");
});
afterAll(() => handle.close());

describe("stored snapshots carry the engine version", () => {
  it("a snapshot from another engine version is re-assessed on the next read", async () => {
    const athleteId = club.athlete.athleteId!;
    const now = new Date("2026-11-21T09:00:00Z");
    await getAssessment(handle.db, club.organisationId, athleteId, now);
    const [stored] = await handle.db.select().from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, athleteId));
    expect(stored?.engineVersion).toBe(ENGINE_VERSION);
    await handle.db.update(assessmentSnapshots).set({ engineVersion: "1", computedAt: new Date(now.getTime() - 60_000) }).where(eq(assessmentSnapshots.athleteId, athleteId));
    await getAssessment(handle.db, club.organisationId, athleteId, now);
    const [again] = await handle.db.select().from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, athleteId));
    expect(again).toMatchObject({ engineVersion: ENGINE_VERSION, computedAt: now });
  });
});

describe("the club's time zone reaches the engine, Today and the planner", () => {
  it("defaults to Europe/London and en-GB", async () => {
    const [org] = await handle.db.select().from(organisations).where(eq(organisations.id, club.organisationId));
    expect(org).toMatchObject({ timeZone: "Europe/London", locale: "en-GB" });
  });

  it("'checked in today' follows the local date: 23:30 UTC in July is already tomorrow in London", async () => {
    const athleteId = club.athlete.athleteId!;
    await addCheckIn(handle, club, athleteId, new Date("2026-07-01T23:30:00Z"), 1);
    const lateEvening = await callerFor(handle, club.athlete, new Date("2026-07-02T08:00:00Z")).today.get();
    expect(lateEvening).toMatchObject({ checkedInToday: true, calendar: { timeZone: "Europe/London", locale: "en-GB" } });
    await handle.db.update(organisations).set({ timeZone: "UTC" }).where(eq(organisations.id, club.organisationId));
    await afterClinicalWrite(handle.db, club.organisationId, [athleteId], new Date("2026-07-02T08:00:00Z"));
    const inUtc = await callerFor(handle, club.athlete, new Date("2026-07-02T08:00:00Z")).today.get();
    expect(inUtc.checkedInToday).toBe(false);
    await handle.db.update(organisations).set({ timeZone: "Europe/London" }).where(eq(organisations.id, club.organisationId));
  });

  it("the planner week starts on Monday 00:00 London time, and lasts 169 hours across the October change", async () => {
    const week = await callerFor(handle, club.coach, new Date("2026-10-21T12:00:00Z")).planner.week({ squadId: club.squadIds.distance });
    expect(week.weekStart.toISOString()).toBe("2026-10-18T23:00:00.000Z");
    expect((week.weekEnd.getTime() - week.weekStart.getTime()) / 3_600_000).toBe(169);
    expect(week.calendar).toEqual({ timeZone: "Europe/London", locale: "en-GB", weekStartsOn: 1 });
  });

  it("the planner reads the chosen day in the club's zone: in Auckland the last day of last week opens last week", async () => {
    await handle.db.update(organisations).set({ timeZone: "Pacific/Auckland" }).where(eq(organisations.id, club.organisationId));
    const coach = callerFor(handle, club.coach, new Date("2026-10-21T00:00:00Z"));
    // Monday 19 October 00:00 NZDT (UTC+13) is 11:00 UTC on the 18th.
    expect((await coach.planner.week({ squadId: club.squadIds.distance })).weekStart.toISOString()).toBe("2026-10-18T11:00:00.000Z");
    // "Previous week" asks for Sunday the 18th: noon UTC of it is already Monday in Auckland.
    const previous = await coach.planner.week({ squadId: club.squadIds.distance, weekOf: "2026-10-18" });
    expect(previous.weekStart.toISOString()).toBe("2026-10-11T11:00:00.000Z");
    await handle.db.update(organisations).set({ timeZone: "Europe/London" }).where(eq(organisations.id, club.organisationId));
  });
});

describe("an open red flag blocks a phase advance through the API, override or not", () => {
  it("refuses the override while the escalation is open", async () => {
    const rehabClub = await makeClub(handle, "Red Flag Club");
    const now = new Date("2026-11-21T09:00:00Z");
    const { athleteId } = await startRehab(handle, rehabClub, now);
    await insertRedFlagCheckIn(handle, rehabClub, new Date(now.getTime() - 3_600_000), "rf-issue16");
    await afterClinicalWrite(handle.db, rehabClub.organisationId, [athleteId], now);
    const refused = await errorOf(
      callerFor(handle, rehabClub.physio, now).plans.changePhase({ athleteId, baseVersion: 1, toPhase: 2, overrideReason: "Clinically fine" }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(fieldsOf(refused)).toEqual(["toPhase"]);
    expect(refused.message).toMatch(/red flag is still open/);
  });
});
