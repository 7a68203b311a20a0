import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextToken } from "@loadline/auth/config";
import { authenticate } from "@loadline/auth/credentials";
import { hashPassword } from "@loadline/auth/password";
import { endSessionsOfToken } from "@loadline/auth/session-check";
import { endAllSessions, type DatabaseHandle } from "@loadline/db";
import { users } from "@loadline/db/schema";
import type { Role } from "@loadline/domain";
import { createRequestContext } from "../src/context";
import { createCaller } from "../src/root";
import { givePlan } from "./athlete-helpers";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

/**
 * Server-side session validity: contexts are built as the web app builds them, from the token
 * an Auth.js sign-in produces (authenticate -> jwt callback), checked against the database.
 */

let handle: DatabaseHandle;
let club: Club;
const password = "session-test-password";
const DAY_MS = 24 * 3_600_000;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Session Club");
  await givePlan(handle, club);
  const passwordHash = await hashPassword(password);
  await handle.db.update(users).set({ passwordHash }).where(eq(users.organisationId, club.organisationId));
});
afterAll(() => handle.close());

const emailOf = (role: Role) => `${role}@session-club-1.test`;

/** Sign in as Auth.js would: the token after the jwt callback, signed in at `at`. */
async function signIn(role: Role, at = NOW) {
  const user = await authenticate(handle.db, { email: emailOf(role), password });
  if (!user) throw new Error(`cannot sign in as ${role}`);
  const token = nextToken({ sub: user.id }, user, at);
  if (!token) throw new Error("no token");
  return token;
}

/** A caller for one request carrying this token, at `now`. */
async function request(token: Record<string, unknown>, now = NOW) {
  return createCaller(await createRequestContext({ db: handle.db, session: { user: token.loadline }, now }));
}

const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: TRPCError) => e.code);

const checkIn = (n: number) => ({
  idempotencyKey: `session-check-in-${n}`,
  at: new Date(NOW.getTime() - n * 3_600_000),
  morningPain: 1,
  stiffnessMinutes: 5,
  loadTestPain: 1,
  longestSitMinutes: 30,
  cushionUsed: false,
  redFlags: [],
});

describe("server-side session validity", () => {
  it("accepts a fresh session and reads with it", async () => {
    const token = await signIn("coach");
    expect(await codeOf((await request(token)).roster.list())).toBe("OK");
  });

  it("refuses a token replayed after sign-out", async () => {
    const token = await signIn("coach");
    const copy = structuredClone(token);
    await endSessionsOfToken(handle.db, token); // what Auth.js's signOut event does
    expect(await codeOf((await request(copy)).roster.list())).toBe("UNAUTHORIZED");
    // Signing in again gives a working session.
    expect(await codeOf((await request(await signIn("coach"))).roster.list())).toBe("OK");
  });

  it("refuses any token after the version is bumped, and only that user's", async () => {
    const physio = await signIn("physio");
    const coach = await signIn("coach");
    await endAllSessions(handle.db, club.physio.userId);
    expect(await codeOf((await request(physio)).caseload.list())).toBe("UNAUTHORIZED");
    expect(await codeOf((await request(coach)).roster.list())).toBe("OK");
  });

  it("refuses an archived athlete's old session for reads and writes", async () => {
    const token = await signIn("athlete");
    const athlete = await request(token);
    expect(await codeOf(athlete.today.get())).toBe("OK");
    expect(await codeOf(athlete.checkIns.create(checkIn(1)))).toBe("OK");

    await callerFor(handle, club.coach).roster.setArchived({ athleteId: club.athlete.athleteId!, archived: true });
    const afterArchive = await request(token);
    expect(await codeOf(afterArchive.today.get())).toBe("UNAUTHORIZED");
    expect(await codeOf(afterArchive.checkIns.create(checkIn(2)))).toBe("UNAUTHORIZED");
    expect(await codeOf(afterArchive.me.viewer())).toBe("UNAUTHORIZED");

    // Unarchiving does not revive the old token; a new sign-in works.
    await callerFor(handle, club.coach).roster.setArchived({ athleteId: club.athlete.athleteId!, archived: false });
    expect(await codeOf((await request(token)).today.get())).toBe("UNAUTHORIZED");
    expect(await codeOf((await request(await signIn("athlete"))).today.get())).toBe("OK");
  });

  it("refuses a removed staff member's session, and the owner cannot be removed", async () => {
    const token = await signIn("physio");
    expect(await codeOf((await request(token)).episodes.list({ athleteId: club.athlete.athleteId! }))).toBe("OK");
    await callerFor(handle, club.coach).staff.remove({ userId: club.physio.userId });
    expect(await codeOf((await request(token)).episodes.list({ athleteId: club.athlete.athleteId! }))).toBe("UNAUTHORIZED");
    expect(await authenticate(handle.db, { email: emailOf("physio"), password })).toBeNull();
    expect((await callerFor(handle, club.coach).staff.list()).map((s) => s.role)).toEqual(["coach"]);
    expect(await codeOf(callerFor(handle, club.coach).staff.remove({ userId: club.coach.userId }))).toBe("BAD_REQUEST");
    // Only the owner removes a coach, and nobody removes the owner.
    const [second] = await handle.db
      .insert(users)
      .values({ organisationId: club.organisationId, role: "coach", name: "Second Coach", email: "second-coach@session.test" })
      .returning();
    const secondCoach = { userId: second!.id, role: "coach" as const, organisationId: club.organisationId };
    expect(await codeOf(callerFor(handle, secondCoach).staff.remove({ userId: second!.id }))).toBe("BAD_REQUEST");
    await handle.db.update(users).set({ isOwner: true }).where(eq(users.id, club.coach.userId));
    expect(await codeOf(callerFor(handle, secondCoach).staff.remove({ userId: club.coach.userId }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, club.coach).staff.remove({ userId: second!.id }))).toBe("NOT_FOUND"); // not the owner in this actor
    expect(await codeOf(callerFor(handle, { ...club.coach, isOwner: true }).staff.remove({ userId: second!.id }))).toBe("OK");
    // The coach stays the owner: a club always keeps one (the database refuses to clear the last).
    const cleared = handle.db.update(users).set({ isOwner: false }).where(eq(users.id, club.coach.userId));
    expect(await cleared.then(() => "cleared", () => "refused")).toBe("refused");
  });

  it("refuses a token signed in more than 7 days ago, even while it is in use", async () => {
    const token = await signIn("coach", new Date(NOW.getTime() - 6 * DAY_MS));
    expect(await codeOf((await request(token)).roster.list())).toBe("OK");
    const eightDaysOld = await signIn("coach", new Date(NOW.getTime() - 8 * DAY_MS));
    expect(await codeOf((await request(eightDaysOld)).roster.list())).toBe("UNAUTHORIZED");
    expect(nextToken(eightDaysOld, undefined, NOW)).toBeNull();
  });

  it("refuses a forged or pre-versioning token", async () => {
    const token = await signIn("coach");
    const forged = { loadline: { ...(token.loadline as object), sessionVersion: 99 } };
    expect(await codeOf((await request(forged)).roster.list())).toBe("UNAUTHORIZED");
    const old = { loadline: { id: club.coach.userId, role: "coach", organisationId: club.organisationId, athleteId: null } };
    expect(await codeOf((await request(old)).roster.list())).toBe("UNAUTHORIZED");
  });
});
