import { type TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { athleteProfiles, organisations } from "@loadline/db/schema";
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

describe("the viewer's calendar (every screen's dates)", () => {
  it("is the club's zone and locale for staff, and the athlete's own zone (with the club's locale) for an athlete", async () => {
    const zoned = await makeClub(handle, "New York Club");
    await handle.db.update(organisations).set({ timeZone: "America/New_York", locale: "en-US" }).where(eq(organisations.id, zoned.organisationId));
    expect((await callerFor(handle, zoned.coach).me.viewer()).calendar).toEqual({ timeZone: "America/New_York", locale: "en-US" });
    expect((await callerFor(handle, zoned.physio).me.viewer()).calendar).toEqual({ timeZone: "America/New_York", locale: "en-US" });
    expect((await callerFor(handle, zoned.athlete).me.viewer()).calendar).toEqual({ timeZone: "America/New_York", locale: "en-US" });

    await handle.db.update(athleteProfiles).set({ timeZone: "Asia/Tokyo" }).where(eq(athleteProfiles.id, zoned.athlete.athleteId!));
    expect((await callerFor(handle, zoned.athlete).me.viewer()).calendar).toEqual({ timeZone: "Asia/Tokyo", locale: "en-US" });
    // The override is the athlete's alone: staff of the club keep the club's zone.
    expect((await callerFor(handle, zoned.coach).me.viewer()).calendar).toEqual({ timeZone: "America/New_York", locale: "en-US" });
  });

  it("defaults to Europe/London and en-GB for a club that never set one", async () => {
    expect((await callerFor(handle, club.athlete).me.viewer()).calendar).toEqual({ timeZone: "Europe/London", locale: "en-GB" });
  });
});
