import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@loadline/auth/password";
import { authenticateOperator, operatorForToken, operatorToken } from "@loadline/auth/operator-session";
import { endOperatorSessions, upsertOperator, withOrganisation, type DatabaseHandle } from "@loadline/db";
import { operators, organisations, users } from "@loadline/db/schema";
import { DEMO_ORGANISATION_SLUG, seedDemoClub } from "@loadline/db/seed";
import { createCaller } from "../src/root";
import { createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

/** Instance operators: create clubs, remove the demo club, and see no club's records. */

let handle: DatabaseHandle;
let operatorId: string;
let club: Club;
const key = Buffer.alloc(32, 9);
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: TRPCError) => e);
const asOperator = () => createCaller({ db: handle.db, actor: null, operator: { operatorId }, now: NOW });

beforeAll(async () => {
  handle = await createTestDatabase();
  // A cheap hash: the seed hashes one demo password, and these tests sign in as nobody demo.
  await seedDemoClub(handle.db, { now: NOW, hashPassword: async () => "not-a-real-hash" });
  club = await makeClub(handle, "Real Club");
  ({ id: operatorId } = await upsertOperator(handle.db, { email: "Ops@Instance.test", name: "Ops", passwordHash: await hashPassword("operator password") }));
}, 120_000);
afterAll(() => handle.close());

describe("operator sign-in and sessions", () => {
  it("signs in with email and password; the signed cookie works until the version changes or it is 8 hours old", async () => {
    expect(await authenticateOperator(handle.db, { email: "ops@instance.test", password: "wrong password" })).toBeNull();
    const claims = await authenticateOperator(handle.db, { email: "ops@instance.test", password: "operator password" });
    expect(claims?.id).toBe(operatorId);
    const token = operatorToken(claims!, NOW, key);
    expect(await operatorForToken(handle.db, token, NOW, key)).toEqual({ operatorId });
    expect(await operatorForToken(handle.db, token, new Date(NOW.getTime() + 9 * 3_600_000), key)).toBeNull();
    expect(await operatorForToken(handle.db, `${token.slice(0, -2)}xx`, NOW, key)).toBeNull();
    expect(await operatorForToken(handle.db, token, NOW, Buffer.alloc(32, 1))).toBeNull();
    await endOperatorSessions(handle.db, operatorId);
    expect(await operatorForToken(handle.db, token, NOW, key)).toBeNull();
  });

  it("a club member's caller is refused, an anonymous one must sign in", async () => {
    expect((await errorOf(createCaller({ db: handle.db, actor: club.coach, now: NOW }).operator.clubs()))?.code).toBe("FORBIDDEN");
    expect((await errorOf(createCaller({ db: handle.db, actor: null, now: NOW }).operator.clubs()))?.code).toBe("UNAUTHORIZED");
  });

  it("the app role cannot read the operators table, even inside a club's scope", async () => {
    const read = withOrganisation(handle.db, club.organisationId, (tx) => tx.select().from(operators));
    expect(await read.then(() => "read", () => "refused")).toBe("refused");
  });
});

describe("operator tools", () => {
  it("lists clubs by name and head count only", async () => {
    const clubs = await asOperator().operator.clubs();
    expect(clubs.map((c) => c.name)).toEqual(expect.arrayContaining(["Real Club", "Riverside Harriers & AC"]));
    expect(clubs.find((c) => c.slug === DEMO_ORGANISATION_SLUG)).toMatchObject({ isDemo: true, staff: 2, athletes: 23 });
    expect(Object.keys(clubs[0]!).sort()).toEqual(["athletes", "createdAt", "id", "isDemo", "name", "slug", "staff"]);
  });

  it("creates a club whose owner sets up from a one-time link; the two clubs see nothing of each other", async () => {
    const link = await asOperator().operator.createClub({
      clubName: "Second Club",
      timeZone: "Europe/Berlin",
      locale: "de-DE",
      ownerName: "Greta Owner",
      ownerEmail: "greta@second.test",
    });
    const anonymous = createCaller({ db: handle.db, actor: null, now: NOW });
    const token = link.setupPath.replace("/invite/", "");
    expect(await anonymous.invite.lookup({ token })).toMatchObject({ state: "valid", organisationName: "Second Club", role: "coach" });
    await anonymous.invite.accept({ token, password: "greta's password", confirm: "greta's password" });
    const [greta] = await handle.db.select().from(users).where(eq(users.email, "greta@second.test"));
    const owner = createCaller({ db: handle.db, actor: { userId: greta!.id, role: "coach", organisationId: link.organisationId, isOwner: true }, now: NOW });
    expect(await owner.roster.list({ includeArchived: true })).toEqual([]);
    expect((await owner.staff.list()).map((s) => s.email)).toEqual(["greta@second.test"]);
    expect((await callerOf(club).roster.list({ includeArchived: true })).map((r) => r.name)).not.toContain("Greta Owner");
    expect((await callerOf(club).staff.list()).some((s) => s.email === "greta@second.test")).toBe(false);
  });

  it("removes the demo club in one action and nothing else; a second time there is none", async () => {
    const before = await handle.db.select({ id: organisations.id }).from(organisations);
    expect(await asOperator().operator.removeDemoClub()).toEqual({ removed: true });
    const after = await handle.db.select({ slug: organisations.slug }).from(organisations);
    expect(after.length).toBe(before.length - 1);
    expect(after.some((o) => o.slug === DEMO_ORGANISATION_SLUG)).toBe(false);
    expect((await handle.db.select().from(users).where(eq(users.organisationId, club.organisationId))).length).toBe(3);
    expect((await errorOf(asOperator().operator.removeDemoClub()))?.code).toBe("NOT_FOUND");
  });
});

function callerOf(c: Club) {
  return createCaller({ db: handle.db, actor: c.coach, now: NOW });
}
