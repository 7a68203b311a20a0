import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { membershipInvites } from "@loadline/db/schema";
import { callerFor, createTestDatabase, makeClub, type Club } from "./fixtures";

/**
 * Inviting must not reveal who uses Loadline in other clubs: an email with an account in
 * another club and a brand-new email get the same answer (a link and its expiry).
 */

let handle: DatabaseHandle;
let home: Club;
let elsewhere: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  home = await makeClub(handle, "Home Club");
  elsewhere = await makeClub(handle, "Elsewhere Club");
});
afterAll(() => handle.close());

/** What a caller can observe of an answer: everything but the random token. */
async function observed(promise: Promise<unknown>): Promise<unknown> {
  try {
    return { ok: JSON.parse(JSON.stringify(await promise).replace(/\/invite\/[\w-]+/g, "/invite/<token>")) };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { error: e.code, message: e.message };
  }
}

const athlete = (squadId: string, email: string) => ({
  name: "Sam Sprinter",
  email,
  squadIds: [squadId],
  eventOrSport: "400 m",
  birthYear: null,
  sex: "unspecified" as const,
  preInjuryWeeklyKm: null,
  previousHamstringInjury: false,
});

describe("staff.invite", () => {
  it("answers the same for an email of another club and a new email", async () => {
    const coach = callerFor(handle, home.coach);
    const existing = await observed(coach.staff.invite({ name: "Pat", email: "physio@elsewhere-club-2.test", role: "physio" }));
    const fresh = await observed(coach.staff.invite({ name: "Pat", email: "brand-new-physio@home.test", role: "physio" }));
    expect(existing).toEqual(fresh);
    expect(existing).toMatchObject({ ok: { invitePath: "/invite/<token>" } });
  });

  it("still names a duplicate inside the same club", async () => {
    const coach = callerFor(handle, home.coach);
    expect(await observed(coach.staff.invite({ name: "Pat", email: "physio@home-club-1.test", role: "physio" }))).toEqual({
      error: "BAD_REQUEST",
      message: "This person is already in your club",
    });
  });
});

describe("roster.add", () => {
  it("answers the same for an email of another club and a new email, and records a pending invite", async () => {
    const coach = callerFor(handle, home.coach);
    const before = (await handle.db.select().from(membershipInvites)).length;
    const existing = await observed(coach.roster.add(athlete(home.squadIds.field, "athlete@elsewhere-club-2.test")));
    const fresh = await observed(coach.roster.add(athlete(home.squadIds.field, "brand-new-athlete@home.test")));
    expect(existing).toEqual(fresh);
    const pending = await handle.db.select().from(membershipInvites);
    expect(pending.length).toBe(before + 1);
    expect(pending.at(-1)).toMatchObject({ email: "athlete@elsewhere-club-2.test", role: "athlete", organisationId: home.organisationId });
  });

  it("does not touch the other club's account", async () => {
    const roster = await callerFor(handle, elsewhere.coach).roster.list();
    expect(roster.map((a) => a.email)).toEqual(["athlete@elsewhere-club-2.test"]);
    expect((await callerFor(handle, home.coach).roster.list()).some((a) => a.email === "athlete@elsewhere-club-2.test")).toBe(false);
  });
});
