import type { TRPCError } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextToken } from "@loadline/auth/config";
import { authenticate } from "@loadline/auth/credentials";
import { hashPassword } from "@loadline/auth/password";
import { totpCode } from "@loadline/auth/second-factor";
import type { DatabaseHandle } from "@loadline/db";
import { auditLog, users } from "@loadline/db/schema";
import type { Actor } from "@loadline/domain";
import { createRequestContext } from "../src/context";
import { createCaller } from "../src/root";
import { callerFor, createTestDatabase, makeClub, NOW, TEST_SECOND_FACTOR_KEY, type Club } from "./fixtures";

/** TOTP second factor for staff, recovery codes, and the owner's requirement for physios. */

let handle: DatabaseHandle;
let club: Club;
let owner: Actor;
const password = "second-factor-password";
const key = TEST_SECOND_FACTOR_KEY;
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: TRPCError) => e);

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Factor Club");
  const passwordHash = await hashPassword(password);
  await handle.db.update(users).set({ passwordHash }).where(eq(users.organisationId, club.organisationId));
  await handle.db.update(users).set({ isOwner: true }).where(eq(users.id, club.coach.userId));
  owner = { ...club.coach, isOwner: true };
  await handle.db
    .insert(users)
    .values({ organisationId: club.organisationId, role: "physio", name: "New Physio", email: "new-physio@factor.test", passwordHash });
});
afterAll(() => handle.close());

const physioEmail = "physio@factor-club-1.test";
const signIn = (code: string | undefined, at: Date, email = physioEmail) => authenticate(handle.db, { email, password, otp: code }, { now: at, key });

/** A caller for a request from a real sign-in's token (the per-request check included). */
async function sessionCaller(email: string, code: string | undefined, at: Date) {
  const user = await signIn(code, at, email);
  if (!user) throw new Error(`cannot sign in as ${email}`);
  const token = nextToken({}, user, at);
  const ctx = await createRequestContext({ db: handle.db, session: { user: token?.loadline }, now: at });
  return createCaller({ ...ctx, secondFactorKey: key, sleep: async () => {} });
}

describe("TOTP second factor", () => {
  let secret = "";
  let recoveryCodes: string[] = [];

  it("enrols a staff member: a pending secret, confirmed by a code, answers 10 recovery codes once", async () => {
    const physio = callerFor(handle, club.physio);
    expect(await physio.account.secondFactor()).toMatchObject({ available: true, enabled: false, required: false });
    const begun = await physio.account.beginSecondFactor();
    secret = begun.secret;
    expect(begun.uri).toMatch(/^otpauth:\/\/totp\/Loadline:physio%40factor-club-1\.test\?/);
    expect((await errorOf(physio.account.confirmSecondFactor({ code: "123456" })))?.code).toBe("BAD_REQUEST");
    recoveryCodes = (await physio.account.confirmSecondFactor({ code: totpCode(secret, NOW) })).recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await physio.account.secondFactor()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const [stored] = await handle.db.select().from(users).where(eq(users.id, club.physio.userId));
    expect(stored?.totpSecret).not.toContain(secret);
    expect(stored?.recoveryCodeHashes.some((h) => recoveryCodes.includes(h))).toBe(false);
  });

  it("then needs a code at sign-in, accepts each code once, and each recovery code once", async () => {
    expect(await signIn(undefined, later(60))).toBeNull();
    expect(await signIn("000000", later(60))).toBeNull();
    const code = totpCode(secret, later(60));
    expect(await signIn(code, later(60))).toMatchObject({ role: "physio" });
    expect(await signIn(code, later(61))).toBeNull(); // replayed
    expect(await signIn(recoveryCodes[0]!.toUpperCase(), later(90))).toMatchObject({ role: "physio" });
    expect(await signIn(recoveryCodes[0], later(95))).toBeNull();
    expect(await callerFor(handle, club.physio).account.secondFactor()).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it("is for staff only", async () => {
    expect(await callerFor(handle, club.athlete).account.secondFactor()).toEqual({ available: false });
    expect((await errorOf(callerFor(handle, club.athlete).account.beginSecondFactor()))?.code).toBe("FORBIDDEN");
  });
});

describe("the owner requires a second factor for physios", () => {
  it("only the owner may change the setting", async () => {
    expect((await errorOf(callerFor(handle, club.coach).staff.setSecurityPolicy({ physioSecondFactorRequired: true })))?.code).toBe("FORBIDDEN");
    await callerFor(handle, owner).staff.setSecurityPolicy({ physioSecondFactorRequired: true });
    expect(await callerFor(handle, owner).staff.securityPolicy()).toEqual({ physioSecondFactorRequired: true, canEdit: true });
    const audited = await handle.db
      .select({ actorId: auditLog.actorId, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, club.organisationId), eq(auditLog.entity, "club_security")))
      .orderBy(asc(auditLog.at));
    expect(audited).toEqual([{ actorId: owner.userId, detail: "second factor required for physios" }]);
  });

  it("a physio without one may sign in but only set it up; with it, works again", async () => {
    const caller = await sessionCaller("new-physio@factor.test", undefined, later(300));
    const refused = await errorOf(caller.caseload.list());
    expect(refused?.code).toBe("FORBIDDEN");
    expect(refused?.message).toBe("Your club requires a second factor: set it up on your account page first.");
    expect(await caller.account.secondFactor()).toMatchObject({ enabled: false, required: true });
    const { secret } = await caller.account.beginSecondFactor();
    await caller.account.confirmSecondFactor({ code: totpCode(secret, later(300)) });
    expect(await (await sessionCaller("new-physio@factor.test", totpCode(secret, later(400)), later(400))).caseload.list()).toEqual([]);
  });

  it("a physio cannot turn it off while required; afterwards with the password, ending all sessions", async () => {
    const physio = callerFor(handle, club.physio);
    expect((await errorOf(physio.account.disableSecondFactor({ password })))?.code).toBe("FORBIDDEN");
    await callerFor(handle, owner).staff.setSecurityPolicy({ physioSecondFactorRequired: false });
    expect((await errorOf(physio.account.disableSecondFactor({ password: "wrong" })))?.code).toBe("BAD_REQUEST");
    expect(await physio.account.disableSecondFactor({ password })).toEqual({ email: physioEmail });
    expect(await signIn(undefined, later(600))).toMatchObject({ role: "physio" });
    const audited = await handle.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, club.physio.userId), eq(auditLog.entity, "second_factor")));
    expect(audited.map((a) => a.detail)).toContain("Turned off; sessions ended");
  });
});
