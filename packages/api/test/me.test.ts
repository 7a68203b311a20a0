import { type TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { callerFor, createTestDatabase, makeClub, type Club } from "./fixtures";

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Me Club");
});
afterAll(() => handle.close());

const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: TRPCError) => e.code);

describe("an athlete's own page", () => {
  it("shows the athlete their own profile", async () => {
    const profile = await callerFor(handle, club.athlete).me.profile();
    expect(profile).toMatchObject({ id: club.athlete.athleteId, eventOrSport: "Marathon" });
    expect(profile.squads.map((s) => s.name)).toEqual(["Distance"]);
  });

  it("is refused to staff and to anonymous callers", async () => {
    expect(await codeOf(callerFor(handle, club.coach).me.profile())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, null).me.profile())).toBe("UNAUTHORIZED");
  });

  it("tells the shell who is signed in, with the club's name", async () => {
    expect(await callerFor(handle, club.physio).me.viewer()).toMatchObject({ role: "physio", organisationName: "Me Club" });
  });
});

describe("the physio caseload", () => {
  it("lists only athletes with an open episode (none here) for a physio and refuses a coach or athlete", async () => {
    expect((await callerFor(handle, club.physio).caseload.list()).map((a) => a.athleteId)).toEqual([]);
    expect(await codeOf(callerFor(handle, club.coach).caseload.list())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).caseload.list())).toBe("FORBIDDEN");
  });
});
