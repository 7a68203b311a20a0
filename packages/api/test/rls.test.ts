import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailInUse, withOrganisation, type DatabaseHandle } from "@loadline/db";
import { athleteProfiles, invites, organisations, users } from "@loadline/db/schema";
import { inOrganisationScope } from "../src/tenant-scope";
import { createTestDatabase, makeClub, type Club } from "./fixtures";

/**
 * Row-level security, the second wall: as the non-owner role loadline_app with
 * app.organisation_id set to club A, queries WITHOUT any organisation filter see and write only
 * club A's rows. Runs on PGlite (superuser, entering the role with SET ROLE) and PostgreSQL.
 */

let handle: DatabaseHandle;
let a: Club;
let b: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  a = await makeClub(handle, "RLS Club A");
  b = await makeClub(handle, "RLS Club B");
});
afterAll(() => handle.close());

describe("row-level security", () => {
  it("shows club A only its own rows, whatever the query asks for", async () => {
    const seen = await withOrganisation(handle.db, a.organisationId, async (tx) => ({
      users: await tx.select({ organisationId: users.organisationId }).from(users),
      athletes: await tx.select({ organisationId: athleteProfiles.organisationId }).from(athleteProfiles),
      organisations: await tx.select({ id: organisations.id }).from(organisations),
      role: await tx.execute(sql`select current_user as role`),
    }));
    expect(seen.users.length).toBe(3);
    expect(new Set(seen.users.map((u) => u.organisationId))).toEqual(new Set([a.organisationId]));
    expect(seen.athletes.map((p) => p.organisationId)).toEqual([a.organisationId]);
    expect(seen.organisations.map((o) => o.id)).toEqual([a.organisationId]);
    expect(JSON.stringify(seen.role)).toContain("loadline_app");
  });

  it("is in force from the procedure's very first statement, however it is sent", async () => {
    // The scope's set-up travels with the first statements instead of being awaited on its own.
    const seen = await withOrganisation(handle.db, a.organisationId, async (tx) => {
      const direct = tx.select({ organisationId: users.organisationId }).from(users).then((rows) => rows);
      const [together, setting] = await Promise.all([
        tx.select({ organisationId: athleteProfiles.organisationId }).from(athleteProfiles),
        tx.execute(sql`select current_user as role, current_setting('app.organisation_id', true) as organisation`),
      ]);
      return { direct: await direct, together, setting };
    });
    expect(new Set(seen.direct.map((u) => u.organisationId))).toEqual(new Set([a.organisationId]));
    expect(seen.together.map((p) => p.organisationId)).toEqual([a.organisationId]);
    expect(JSON.stringify(seen.setting)).toContain("loadline_app");
    expect(JSON.stringify(seen.setting)).toContain(a.organisationId);
  });

  it("refuses to write a row into club B, and updates nothing of club B", async () => {
    const insert = withOrganisation(handle.db, a.organisationId, (tx) =>
      tx.insert(invites).values({ organisationId: b.organisationId, userId: b.athlete.userId, createdByUserId: b.coach.userId, tokenHash: "rls-test", expiresAt: new Date(0) }),
    );
    const error: unknown = await insert.then(() => null, (e: unknown) => e);
    expect(error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)).toMatch(/row-level security/);
    const renamed = await withOrganisation(handle.db, a.organisationId, (tx) => tx.update(users).set({ name: "hijacked" }).returning({ id: users.id }));
    expect(renamed.length).toBe(3);
    const bNames = await handle.db.select({ name: users.name, organisationId: users.organisationId }).from(users);
    expect(bNames.filter((u) => u.organisationId === b.organisationId).some((u) => u.name === "hijacked")).toBe(false);
  });

  it("shows nothing when no organisation is set, and leaves the owner connection unbound", async () => {
    const none = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local role loadline_app`);
      return tx.select({ id: users.id }).from(users);
    });
    expect(none).toEqual([]);
    // After the transaction the owner sees every club again (the settings were local).
    const all = await handle.db.select({ organisationId: users.organisationId }).from(users);
    expect(new Set(all.map((u) => u.organisationId))).toEqual(new Set([a.organisationId, b.organisationId]));
  });

  it("still answers 'is this email taken?' across clubs inside club A", async () => {
    const taken = await withOrganisation(handle.db, a.organisationId, (tx) => emailInUse(tx, "coach@rls-club-b-2.test"));
    expect(taken).toBe(true);
    expect(await withOrganisation(handle.db, a.organisationId, (tx) => emailInUse(tx, "nobody@rls.test"))).toBe(false);
  });

  it("covers every table that has an organisation_id column", async () => {
    const result = await handle.db.execute(sql`
      select c.table_name as "table", t.relrowsecurity as "enabled", count(p.policyname)::int as "policies"
      from information_schema.columns c
      join pg_class t on t.relname = c.table_name and t.relnamespace = 'public'::regnamespace
      left join pg_policies p on p.tablename = c.table_name and p.schemaname = 'public' and 'loadline_app' = any(p.roles)
      where c.table_schema = 'public' and c.column_name = 'organisation_id'
      group by c.table_name, t.relrowsecurity
      order by c.table_name`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { table: string; enabled: boolean; policies: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(22);
    expect(rows.filter((r) => !r.enabled || r.policies !== 1).map((r) => r.table)).toEqual([]);
  });
});

describe("tenant procedures run under row-level security", () => {
  it("see ctx.db as a transaction in the loadline_app role for the actor's club", async () => {
    const ctx = { db: handle.db, actor: a.coach, now: new Date("2026-11-21T09:00:00Z") };
    const result = await inOrganisationScope(ctx, async (scoped) => ({
      ok: true as const,
      visible: await scoped.db.select({ organisationId: users.organisationId }).from(users),
    }));
    expect(new Set(result.visible.map((u) => u.organisationId))).toEqual(new Set([a.organisationId]));
  });

  it("roll back the writes of a procedure that fails", async () => {
    const ctx = { db: handle.db, actor: a.coach, now: new Date("2026-11-21T09:00:00Z") };
    const result = await inOrganisationScope(ctx, async (scoped) => {
      await scoped.db.update(users).set({ name: "renamed then failed" });
      return { ok: false as const };
    });
    expect(result.ok).toBe(false);
    const names = await handle.db.select({ name: users.name }).from(users);
    expect(names.some((u) => u.name === "renamed then failed")).toBe(false);
  });
});
