import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, type DatabaseHandle } from "../src/client";
import { clubTablesInOrder, exportClub, importClub, type ClubExport } from "../src/club-transfer";
import { seedDemoClub, DEMO_ORGANISATION_SLUG } from "../src/seed";
import { createTestDatabase } from "../src/testing";

/**
 * The demo club moves from an embedded database to this test's database (PostgreSQL in the
 * postgres project) through the export file's JSON, and comes back out row for row the same.
 */
let source: DatabaseHandle;
let target: DatabaseHandle;
const now = new Date("2026-03-10T08:00:00Z");

beforeAll(async () => {
  source = await openPglite();
  await source.migrate();
  await seedDemoClub(source.db, {
    now,
    hashPassword: async (p) => `plain:${p}`,
  });
  target = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await source.close();
  await target.close();
});

describe("club export and import", () => {
  it("orders every table so referenced rows come first, and covers every club table", () => {
    const names = clubTablesInOrder().map((t) => t.name);
    expect(names.indexOf("organisations")).toBeLessThan(names.indexOf("users"));
    expect(names.indexOf("users")).toBeLessThan(names.indexOf("athlete_profiles"));
    expect(names.indexOf("injury_episodes")).toBeLessThan(names.indexOf("plan_versions"));
    expect(
      clubTablesInOrder()
        .filter((t) => !t.byOrganisation)
        .map((t) => t.name),
    ).toEqual(["organisations"]);
  });

  it("round-trips the demo club with every row intact", async () => {
    const exported = await exportClub(source.db, DEMO_ORGANISATION_SLUG);
    const file = JSON.stringify(exported);
    const counts = await importClub(target.db, JSON.parse(file) as ClubExport);
    for (const table of [
      "users",
      "athlete_profiles",
      "squads",
      "session_logs",
      "morning_check_ins",
      "injury_episodes",
      "plan_versions",
    ]) {
      expect(counts[table], table).toBeGreaterThan(0);
    }
    const back = await exportClub(target.db, DEMO_ORGANISATION_SLUG);
    expect(back.organisation).toEqual(exported.organisation);
    for (const [table, rows] of Object.entries(exported.tables))
      expect(back.tables[table], table).toEqual(rows);
  });

  it("refuses to import the same club twice, leaving the first copy as it was", async () => {
    const exported = await exportClub(source.db, DEMO_ORGANISATION_SLUG);
    await expect(importClub(target.db, exported)).rejects.toThrow(/already exists/);
    const back = await exportClub(target.db, DEMO_ORGANISATION_SLUG);
    expect(back.tables.session_logs).toHaveLength(exported.tables.session_logs!.length);
  });

  it("refuses an export from another schema version", async () => {
    const exported = await exportClub(source.db, DEMO_ORGANISATION_SLUG);
    await expect(
      importClub(target.db, {
        ...exported,
        migrations: exported.migrations - 1,
      }),
    ).rejects.toThrow(/migrations/);
  });
});
