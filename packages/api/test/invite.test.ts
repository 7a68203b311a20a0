import { type TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@loadline/auth/credentials";
import type { DatabaseHandle } from "@loadline/db";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Invite Club");
});
afterAll(() => handle.close());

const tokenOf = (path: string) => path.replace("/invite/", "");
const password = "a-long-password-1";

async function addAthlete(email: string) {
  return callerFor(handle, club.coach).roster.add({
    name: "New Athlete",
    email,
    squadIds: [club.squadIds.field],
    eventOrSport: "Hockey",
    birthYear: null,
    sex: "unspecified",
    preInjuryWeeklyKm: null,
    previousHamstringInjury: false,
  });
}

describe("invites", () => {
  it("lets the invited athlete set a password once, then sign in", async () => {
    const { invitePath } = await addAthlete("new@invite.test");
    const anonymous = callerFor(handle, null);
    const token = tokenOf(invitePath);
    expect(await anonymous.invite.lookup({ token })).toMatchObject({ state: "valid", name: "New Athlete", role: "athlete" });

    await anonymous.invite.accept({ token, password, confirm: password });
    const user = await authenticate(handle.db, { email: "new@invite.test", password });
    expect(user).toMatchObject({ role: "athlete", organisationId: club.organisationId });
    expect(user?.athleteId).toBeTruthy();

    expect(await anonymous.invite.lookup({ token })).toEqual({ state: "used" });
    const reuse = await anonymous.invite.accept({ token, password: "another-password", confirm: "another-password" }).catch((e: unknown) => e);
    expect((reuse as TRPCError).code).toBe("NOT_FOUND");
    expect((reuse as TRPCError).message).toBe("This invite link has already been used.");
  });

  it("refuses an expired link", async () => {
    const { invitePath } = await addAthlete("late@invite.test");
    const eightDaysLater = new Date(NOW.getTime() + 8 * 24 * 3_600_000);
    const later = callerFor(handle, null, eightDaysLater);
    expect(await later.invite.lookup({ token: tokenOf(invitePath) })).toEqual({ state: "expired" });
    const error = await later.invite.accept({ token: tokenOf(invitePath), password, confirm: password }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
  });

  it("an archived athlete's link says it was withdrawn and cannot be used", async () => {
    const { invitePath } = await addAthlete("archived@invite.test");
    const coach = callerFor(handle, club.coach);
    const athlete = (await coach.roster.list({ includeArchived: true })).find((a) => a.email === "archived@invite.test");
    await coach.roster.setArchived({ athleteId: athlete!.id, archived: true });
    const anonymous = callerFor(handle, null);
    expect(await anonymous.invite.lookup({ token: tokenOf(invitePath) })).toEqual({ state: "withdrawn" });
    const error = await anonymous.invite.accept({ token: tokenOf(invitePath), password, confirm: password }).catch((e: unknown) => e);
    expect([(error as TRPCError).code, (error as TRPCError).message]).toEqual([
      "NOT_FOUND",
      "This invite was withdrawn: you are no longer on this club's list. Ask the club if you think this is a mistake.",
    ]);
  });

  it("a removed physio's link is withdrawn too", async () => {
    const coach = callerFor(handle, club.coach);
    const { invitePath } = await coach.staff.invite({ name: "Short Stay", email: "removed@invite.test", role: "physio" });
    const staff = await coach.staff.list();
    await coach.staff.remove({ userId: staff.find((s) => s.email === "removed@invite.test")!.id });
    expect(await callerFor(handle, null).invite.lookup({ token: tokenOf(invitePath) })).toEqual({ state: "withdrawn" });
  });

  it("reports an unknown token without a crash", async () => {
    expect(await callerFor(handle, null).invite.lookup({ token: "nope" })).toEqual({ state: "unknown" });
  });

  it("names the field when the passwords differ or are too short", async () => {
    const { invitePath } = await addAthlete("typo@invite.test");
    const error = await callerFor(handle, null)
      .invite.accept({ token: tokenOf(invitePath), password: "short", confirm: "different" })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const paths = ((error as TRPCError).cause as unknown as { issues: { path: string[] }[] }).issues.map((i) => i.path.join("."));
    expect(paths).toContain("password");
  });

  it("re-issues a link that replaces the old one", async () => {
    const coach = callerFor(handle, club.coach);
    const { invitePath: first } = await addAthlete("lost@invite.test");
    const athleteId = (await coach.roster.list()).find((a) => a.email === "lost@invite.test")!.id;
    const { invitePath: second } = await coach.roster.reissueInvite({ athleteId });
    const anonymous = callerFor(handle, null);
    expect((await anonymous.invite.lookup({ token: tokenOf(first) })).state).toBe("expired");
    expect((await anonymous.invite.lookup({ token: tokenOf(second) })).state).toBe("valid");
  });

  it("lets a coach invite a physio, and nobody else invite anyone", async () => {
    const { invitePath } = await callerFor(handle, club.coach).staff.invite({ name: "Pat Physio", email: "pat@invite.test", role: "physio" });
    expect(await callerFor(handle, null).invite.lookup({ token: tokenOf(invitePath) })).toMatchObject({ role: "physio" });
    const byAthlete = await callerFor(handle, club.athlete).staff.invite({ name: "X", email: "x@invite.test", role: "coach" }).catch((e: unknown) => e);
    expect((byAthlete as TRPCError).code).toBe("FORBIDDEN");
  });

  it("gives no session for a wrong password or unknown email", async () => {
    expect(await authenticate(handle.db, { email: "new@invite.test", password: "wrong-password" })).toBeNull();
    expect(await authenticate(handle.db, { email: "nobody@invite.test", password })).toBeNull();
    expect(await authenticate(handle.db, { email: "not an email" })).toBeNull();
  });
});
