import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/client";
import { listRoster, listSquads } from "../src/queries/roster";
import { findUserForSignIn } from "../src/queries/users";
import {
  hasDemoClub,
  resetDatabase,
  seedDemoClub,
  demoAthleteEmail,
} from "../src/seed";
import { createTestDatabase } from "../src/testing";

let handle: DatabaseHandle;
const now = new Date("2026-03-10T08:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoClub(handle.db, {
    now,
    hashPassword: async (p) => `plain:${p}`,
  });
});
afterAll(() => handle.close());

describe("demo seed", () => {
  it("creates two squads and about two dozen athletes", async () => {
    const org = await handle.db.query.organisations.findFirst();
    expect(org).toBeDefined();
    const squads = await listSquads(handle.db, org!.id);
    expect(squads.map((s) => s.name)).toEqual(["Distance", "Field & Sprint"]);
    const roster = await listRoster(handle.db, org!.id, {
      includeArchived: true,
    });
    expect(roster.length).toBeGreaterThanOrEqual(20);
    expect(roster.filter((r) => r.archived)).toHaveLength(1);
    expect(
      roster.filter((r) => r.account === "invited").length,
    ).toBeGreaterThan(0);
  });

  it("dates everything relative to the seed day", async () => {
    const athlete = await findUserForSignIn(handle.db, demoAthleteEmail);
    const user = await handle.db.query.users.findFirst({
      where: (u, { eq }) => eq(u.id, athlete!.id),
    });
    const ageDays = (now.getTime() - user!.createdAt.getTime()) / 86_400_000;
    expect(ageDays).toBeGreaterThan(0);
    expect(ageDays).toBeLessThan(2000);
  });

  it("can be reset and seeded again", async () => {
    expect(await hasDemoClub(handle.db)).toBe(true);
    await resetDatabase(handle.db);
    expect(await hasDemoClub(handle.db)).toBe(false);
    await seedDemoClub(handle.db, {
      now,
      hashPassword: async (p) => `plain:${p}`,
    });
    expect(await hasDemoClub(handle.db)).toBe(true);
  });
});
