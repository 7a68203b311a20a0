import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { callerFor, createTestDatabase, makeClub, type Club } from "./fixtures";

let handle: DatabaseHandle;
let clubA: Club;
let clubB: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  clubA = await makeClub(handle, "Club A");
  clubB = await makeClub(handle, "Club B");
});
afterAll(() => handle.close());

const validAthlete = (squadId: string, email: string) => ({
  name: "Ada Runner",
  email,
  squadIds: [squadId],
  eventOrSport: "5,000 m",
  birthYear: 1999,
  sex: "female" as const,
  preInjuryWeeklyKm: 60,
  previousHamstringInjury: false,
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return "OK";
}

function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (!(error instanceof TRPCError)) throw error;
  const cause = error.cause as { issues?: { path: PropertyKey[]; message: string }[]; fieldErrors?: Record<string, string[]> };
  if (cause.fieldErrors) return cause.fieldErrors;
  const out: Record<string, string[]> = {};
  for (const issue of cause.issues ?? []) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("roster: who may use it", () => {
  it("refuses an unauthenticated caller", async () => {
    expect(await codeOf(callerFor(handle, null).roster.list())).toBe("UNAUTHORIZED");
  });

  it("refuses an athlete listing the roster", async () => {
    expect(await codeOf(callerFor(handle, clubA.athlete).roster.list())).toBe("FORBIDDEN");
  });

  it("lets a physio read but not change the roster", async () => {
    const physio = callerFor(handle, clubA.physio);
    expect((await physio.roster.list()).length).toBe(1);
    expect(await codeOf(physio.roster.add(validAthlete(clubA.squadIds.field, "p@x.test")))).toBe("FORBIDDEN");
  });

  it("never shows a coach another club's athletes", async () => {
    const list = await callerFor(handle, clubA.coach).roster.list({ includeArchived: true });
    expect(list.every((a) => a.id !== clubB.athlete.athleteId)).toBe(true);
  });

  it("refuses a coach of club A reading or changing an athlete of club B", async () => {
    const coachA = callerFor(handle, clubA.coach);
    const athleteId = clubB.athlete.athleteId!;
    expect(await codeOf(coachA.roster.get({ athleteId }))).toBe("NOT_FOUND");
    expect(await codeOf(coachA.roster.setArchived({ athleteId, archived: true }))).toBe("NOT_FOUND");
    expect(await codeOf(coachA.roster.move({ athleteId, squadIds: [clubA.squadIds.field] }))).toBe("NOT_FOUND");
    expect(await codeOf(coachA.roster.move({ athleteId, squadIds: [clubB.squadIds.field] }))).toBe("BAD_REQUEST");
    const still = await callerFor(handle, clubB.coach).roster.get({ athleteId });
    expect(still.archived).toBe(false);
    expect(still.squads.map((s) => s.id)).toEqual([clubB.squadIds.distance]);
  });

  it("refuses a coach putting their athlete into another club's squad", async () => {
    const coachA = callerFor(handle, clubA.coach);
    const error = await coachA.roster
      .move({ athleteId: clubA.athlete.athleteId!, squadIds: [clubB.squadIds.field] })
      .catch((e: unknown) => e);
    expect(fieldErrorsOf(error).squadIds).toEqual(["Choose squads of your club"]);
  });
});

describe("roster: a coach manages athletes", () => {
  it("adds an athlete and gets a one-time invite link", async () => {
    const coach = callerFor(handle, clubA.coach);
    const result = await coach.roster.add(validAthlete(clubA.squadIds.distance, "ada@club-a.test"));
    expect(result.invitePath).toMatch(/^\/invite\/[\w-]{40,}$/);
    const athleteId = (await coach.roster.list()).find((a) => a.email === "ada@club-a.test")!.id;
    const added = await coach.roster.get({ athleteId });
    expect(added).toMatchObject({ name: "Ada Runner", account: "invited", preInjuryWeeklyKm: 60 });
  });

  it("rejects bad input with BAD_REQUEST naming each field", async () => {
    const coach = callerFor(handle, clubA.coach);
    const error = await coach.roster
      .add({ ...validAthlete(clubA.squadIds.distance, "not-an-email"), name: "  ", birthYear: 3000, squadIds: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(Object.keys(fieldErrorsOf(error)).sort()).toEqual(["birthYear", "email", "name", "squadIds"]);
  });

  it("refuses an email of someone already in the club, on the email field", async () => {
    const coach = callerFor(handle, clubA.coach);
    const error = await coach.roster
      .add(validAthlete(clubA.squadIds.distance, "athlete@club-a-1.test"))
      .catch((e: unknown) => e);
    expect(fieldErrorsOf(error).email).toEqual(["This person is already in your club"]);
  });

  it("edits, moves, archives and unarchives an athlete", async () => {
    const coach = callerFor(handle, clubA.coach);
    const athleteId = clubA.athlete.athleteId!;
    const before = await coach.roster.get({ athleteId });
    await coach.roster.update({ ...before, athleteId, name: "Renamed Runner", preInjuryWeeklyKm: 42 });
    expect(await coach.roster.get({ athleteId })).toMatchObject({ name: "Renamed Runner", preInjuryWeeklyKm: 42 });

    await coach.roster.move({ athleteId, squadIds: [clubA.squadIds.field] });
    expect((await coach.roster.get({ athleteId })).squads.map((s) => s.name)).toEqual(["Field"]);

    await coach.roster.setArchived({ athleteId, archived: true });
    expect((await coach.roster.list()).some((a) => a.id === athleteId)).toBe(false);
    expect((await coach.roster.list({ includeArchived: true })).find((a) => a.id === athleteId)?.archived).toBe(true);
    await coach.roster.setArchived({ athleteId, archived: false });
    expect((await coach.roster.list()).some((a) => a.id === athleteId)).toBe(true);
  });

  it("lists squads with their active athlete counts", async () => {
    const squads = await callerFor(handle, clubB.coach).roster.squads();
    expect(squads).toEqual([
      expect.objectContaining({ name: "Distance", activeAthletes: 1 }),
      expect.objectContaining({ name: "Field", activeAthletes: 0 }),
    ]);
  });
});
