import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextToken } from "@loadline/auth/config";
import { authenticate } from "@loadline/auth/credentials";
import { hashPassword } from "@loadline/auth/password";
import type { DatabaseHandle } from "@loadline/db";
import { auditLog, passwordResets, users } from "@loadline/db/schema";
import type { Role } from "@loadline/domain";
import { createRequestContext } from "../src/context";
import { createCaller } from "../src/root";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

/** Password change (own) and reset links (issued by staff), through createCaller. */

let handle: DatabaseHandle;
let club: Club;
let other: Club;
const password = "the-first-password";
const HOUR_MS = 3_600_000;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Password Club");
  other = await makeClub(handle, "Other Password Club");
  const passwordHash = await hashPassword(password);
  await handle.db.update(users).set({ passwordHash }).where(eq(users.organisationId, club.organisationId));
  await handle.db.update(users).set({ isOwner: true }).where(eq(users.id, club.coach.userId));
});
afterAll(() => handle.close());

const emailOf = (role: Role) => `${role}@password-club-1.test`;
const tokenOf = (path: string) => path.replace("/reset/", "");
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: TRPCError) => e);
const noWait = async () => {};

async function sessionCaller(role: Role, pass: string, now = NOW) {
  const user = await authenticate(handle.db, { email: emailOf(role), password: pass });
  if (!user) throw new Error(`cannot sign in as ${role}`);
  const token = nextToken({}, user, now)!;
  return () => createRequestContext({ db: handle.db, session: { user: token.loadline }, now }).then((ctx) => createCaller({ ...ctx, sleep: noWait }));
}

describe("changing one's own password", () => {
  it("needs the current password, then ends every session (the web action signs in again)", async () => {
    const phone = await sessionCaller("physio", password);
    const laptop = await sessionCaller("physio", password);
    const wrong = await errorOf((await laptop()).account.changePassword({ currentPassword: "nope", newPassword: "a-new-password-1", confirm: "a-new-password-1" }));
    expect(wrong?.code).toBe("BAD_REQUEST");
    expect(wrong?.message).toBe("That is not your current password.");

    const changed = await (await laptop()).account.changePassword({ currentPassword: password, newPassword: "a-new-password-1", confirm: "a-new-password-1" });
    expect(changed).toEqual({ email: emailOf("physio") });
    expect((await errorOf((await phone()).caseload.list()))?.code).toBe("UNAUTHORIZED");
    expect(await authenticate(handle.db, { email: emailOf("physio"), password })).toBeNull();
    const fresh = await sessionCaller("physio", "a-new-password-1");
    expect(await (await fresh()).caseload.list()).toEqual([]);
    // A staff member's own password change stays on the club's record (no password in it).
    const audited = await handle.db.select({ actorId: auditLog.actorId, detail: auditLog.detail }).from(auditLog).where(eq(auditLog.entity, "password"));
    expect(audited).toEqual([{ actorId: club.physio.userId, detail: "Changed own password; sessions ended" }]);
  });

  it("refuses a mismatched confirmation and anonymous callers", async () => {
    const mismatch = await errorOf(callerFor(handle, club.athlete).account.changePassword({ currentPassword: password, newPassword: "a-new-password-2", confirm: "different-one-2" }));
    expect(mismatch?.code).toBe("BAD_REQUEST");
    expect((await errorOf(callerFor(handle, null).account.changePassword({ currentPassword: "x", newPassword: "a-new-password-2", confirm: "a-new-password-2" })))?.code).toBe("UNAUTHORIZED");
  });
});

describe("password reset links", () => {
  it("lets a coach issue a link that sets the password once and ends the athlete's sessions", async () => {
    const athleteSession = await sessionCaller("athlete", password);
    const issued = await callerFor(handle, club.coach).passwordReset.issue({ userId: club.athlete.userId });
    expect(issued.resetPath).toMatch(/^\/reset\/[\w-]{40,}$/);
    expect(issued.expiresAt).toEqual(new Date(NOW.getTime() + 24 * HOUR_MS));
    const token = tokenOf(issued.resetPath);
    const [stored] = await handle.db.select().from(passwordResets).where(eq(passwordResets.userId, club.athlete.userId));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.tokenHash).not.toContain(token);

    const anonymous = createCaller({ db: handle.db, actor: null, now: NOW, clientAddress: "192.0.2.1", sleep: noWait });
    expect(await anonymous.passwordReset.lookup({ token })).toEqual({ state: "valid", name: "athlete of Password Club", email: emailOf("athlete"), organisationName: "Password Club" });
    expect(await anonymous.passwordReset.complete({ token, password: "reset-password-1", confirm: "reset-password-1" })).toEqual({ email: emailOf("athlete") });
    expect(await authenticate(handle.db, { email: emailOf("athlete"), password: "reset-password-1" })).toMatchObject({ role: "athlete" });
    expect((await errorOf((await athleteSession()).today.get()))?.code).toBe("UNAUTHORIZED");

    expect(await anonymous.passwordReset.lookup({ token })).toEqual({ state: "used" });
    const again = await errorOf(anonymous.passwordReset.complete({ token, password: "reset-password-2", confirm: "reset-password-2" }));
    expect(again?.code).toBe("NOT_FOUND");
    expect(again?.message).toBe("This reset link has already been used.");
  });

  it("expires after 24 hours, and a reissued link invalidates the older one", async () => {
    const first = tokenOf((await callerFor(handle, club.physio).passwordReset.issue({ userId: club.athlete.userId })).resetPath);
    const second = tokenOf((await callerFor(handle, club.physio).passwordReset.issue({ userId: club.athlete.userId })).resetPath);
    const anonymous = createCaller({ db: handle.db, actor: null, now: NOW, sleep: noWait });
    expect(await anonymous.passwordReset.lookup({ token: first })).toEqual({ state: "expired" });
    expect((await anonymous.passwordReset.lookup({ token: second })).state).toBe("valid");
    const later = createCaller({ db: handle.db, actor: null, now: new Date(NOW.getTime() + 25 * HOUR_MS), sleep: noWait });
    expect(await later.passwordReset.lookup({ token: second })).toEqual({ state: "expired" });
    expect((await errorOf(later.passwordReset.complete({ token: second, password: "too-late-password", confirm: "too-late-password" })))?.message).toBe(
      "This reset link has expired. Ask your coach or physio for a new one.",
    );
    expect(await anonymous.passwordReset.lookup({ token: "not-a-token-at-all-0000000" })).toEqual({ state: "unknown" });
  });

  it("is refused for the owner, oneself, another club, and staff when the issuer is a physio", async () => {
    const coach = callerFor(handle, club.coach);
    const physio = callerFor(handle, club.physio);
    expect((await errorOf(physio.passwordReset.issue({ userId: club.coach.userId })))?.code).toBe("FORBIDDEN");
    expect((await errorOf(coach.passwordReset.issue({ userId: club.coach.userId })))?.code).toBe("FORBIDDEN");
    expect((await errorOf(coach.passwordReset.issue({ userId: other.athlete.userId })))?.code).toBe("NOT_FOUND");
    expect((await errorOf(callerFor(handle, club.athlete).passwordReset.issue({ userId: club.physio.userId })))?.code).toBe("FORBIDDEN");
    expect((await coach.passwordReset.issue({ userId: club.physio.userId })).name).toBe("physio of Password Club");
  });
});
