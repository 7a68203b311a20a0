import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateThrottled } from "@loadline/auth/credentials";
import { hashPassword } from "@loadline/auth/password";
import { LockedOut } from "@loadline/auth/throttle";
import type { DatabaseHandle } from "@loadline/db";
import { users } from "@loadline/db/schema";
import { createCaller } from "../src/root";
import { createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

/** Sign-in throttling with an injected clock and sleep: no real waiting, no timing dependence. */

let handle: DatabaseHandle;
let club: Club;
const password = "throttle-test-password";
const MINUTE_MS = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE_MS);

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Throttle Club");
  const passwordHash = await hashPassword(password);
  await handle.db.update(users).set({ passwordHash }).where(eq(users.organisationId, club.organisationId));
});
afterAll(() => handle.close());

const email = (role: string) => `${role}@throttle-club-1.test`;

/** One sign-in attempt at `minutes` after NOW; records what it was made to wait. */
function attempt(who: string, pass: string, minutes: number, address: string | null, waits: number[] = []) {
  const sleep = async (ms: number) => void waits.push(ms);
  return authenticateThrottled(handle.db, { email: email(who), password: pass }, { now: at(minutes), sleep, address });
}

async function failures(who: string, count: number, from: number, address: string | null, waits: number[] = []) {
  for (let i = 0; i < count; i++) expect(await attempt(who, "wrong password", from, address, waits)).toBeNull();
}

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("sign-in throttling per account", () => {
  it("answers the first 5 failures at once, then waits 1 s, 2 s, 4 s, 8 s", async () => {
    const waits: number[] = [];
    await failures("coach", 9, 0, null, waits);
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("locks the account after 10 failures for 15 minutes, even for the right password", async () => {
    await failures("coach", 1, 0, null);
    const locked = await errorOf(attempt("coach", password, 1, null));
    expect(locked).toBeInstanceOf(LockedOut);
    expect((locked as LockedOut).message).toBe("Too many attempts. Try again in 14 minutes.");
    const atOnce = await errorOf(attempt("coach", password, 0, null));
    expect((atOnce as LockedOut).message).toBe("Too many attempts. Try again in 15 minutes.");
    // Another account is not affected.
    expect(await attempt("physio", password, 1, null)).toMatchObject({ role: "physio" });
    // After the lock, the right password works and clears the count.
    const waits: number[] = [];
    expect(await attempt("coach", password, 15, null, waits)).toMatchObject({ role: "coach" });
    expect(waits).toEqual([]);
    await failures("coach", 5, 16, null, waits);
    expect(waits).toEqual([]);
  });

  it("forgets failures 15 minutes after the last one", async () => {
    const waits: number[] = [];
    await failures("athlete", 6, 100, null, waits);
    expect(waits).toEqual([1_000]);
    await failures("athlete", 1, 115, null, waits);
    expect(waits).toEqual([1_000]);
  });
});

describe("sign-in throttling per client address", () => {
  it("locks an address that tries many accounts, whatever the email", async () => {
    const address = "203.0.113.7";
    for (let i = 0; i < 10; i++) {
      expect(await authenticateThrottled(handle.db, { email: `nobody${i}@throttle.test`, password: "x" }, { now: at(200), sleep: async () => {}, address })).toBeNull();
    }
    const locked = await errorOf(attempt("physio", password, 201, address));
    expect((locked as Error).message).toBe("Too many attempts. Try again in 14 minutes.");
    expect(await attempt("physio", password, 201, "198.51.100.1")).toMatchObject({ role: "physio" });
  });
});

describe("invite acceptance is throttled by address", () => {
  it("answers TOO_MANY_REQUESTS with the sentence after 10 unknown tokens", async () => {
    const waits: number[] = [];
    const caller = createCaller({ db: handle.db, actor: null, now: at(300), clientAddress: "192.0.2.44", sleep: async (ms) => void waits.push(ms) });
    const accept = () => caller.invite.accept({ token: "x".repeat(43), password, confirm: password });
    for (let i = 0; i < 10; i++) expect(((await errorOf(accept())) as TRPCError).code).toBe("NOT_FOUND");
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    const locked = (await errorOf(accept())) as TRPCError;
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    expect(locked.message).toBe("Too many attempts. Try again in 15 minutes.");
  });
});
