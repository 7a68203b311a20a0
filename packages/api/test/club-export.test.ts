import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { athleteProfiles, auditLog, users } from "@loadline/db/schema";
import { addAthlete, codeOf } from "./athlete-helpers";
import { callerFor, createTestDatabase, makeClub, type Club } from "./fixtures";

/** The owner's export of the whole club: one CSV per table and a manifest; nothing of another club, no secrets. */

let handle: DatabaseHandle;
let club: Club;
let other: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Export Club");
  other = await makeClub(handle, "Stranger Club");
  await handle.db.update(users).set({ isOwner: true, passwordHash: "$argon-like-secret-hash", totpSecret: "sealed-totp-secret" }).where(eq(users.id, club.coach.userId));
  await addAthlete(handle, club, "Second Exported");
  // A note a spreadsheet would run as a formula.
  await handle.db.update(athleteProfiles).set({ notes: "=HYPERLINK(\"http://evil.test\")" }).where(eq(athleteProfiles.userId, club.athlete.userId));
}, 120_000);
afterAll(() => handle.close());

describe("club export", () => {
  it("the owner gets a ZIP of CSVs and a manifest that match each other", async () => {
    const owner = callerFor(handle, { ...club.coach, isOwner: true });
    const result = await owner.club.export();
    expect(result.fileName).toMatch(/^loadline-club-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(Buffer.from(result.zipBase64, "base64"));
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as {
      format: string;
      formatVersion: number;
      files: { file: string; table: string; columns: string[]; rows: number }[];
      omittedColumns: string[];
    };
    expect(manifest).toMatchObject({ format: "loadline-club-export", formatVersion: 1 });
    expect(manifest.files.map((f) => f.table)).toEqual(expect.arrayContaining(["organisations", "users", "athlete_profiles", "squads", "squad_memberships", "exercises"]));
    for (const entry of manifest.files) {
      const parsed = Papa.parse<Record<string, string>>(strFromU8(files[entry.file]!), { header: true, skipEmptyLines: true });
      expect([entry.file, parsed.meta.fields]).toEqual([entry.file, entry.columns]);
      expect([entry.file, parsed.data.length]).toEqual([entry.file, entry.rows]);
      for (const row of parsed.data) if ("organisation_id" in row) expect(row.organisation_id).toBe(club.organisationId);
    }
    const people = Papa.parse<Record<string, string>>(strFromU8(files["users.csv"]!), { header: true, skipEmptyLines: true }).data;
    expect(people.map((p) => p.name).sort()).toEqual(["Second Exported", "athlete of Export Club", "coach of Export Club", "physio of Export Club"]);
    const everything = Object.values(files).map((f) => strFromU8(f)).join("\n");
    expect(everything).not.toContain("argon-like-secret-hash");
    // Written as text ('=...), never as a formula a spreadsheet runs.
    const profiles = Papa.parse<Record<string, string>>(strFromU8(files["athlete_profiles.csv"]!), { header: true, skipEmptyLines: true }).data;
    expect(profiles.map((p) => p.notes)).toContain(`'=HYPERLINK("http://evil.test")`);
    expect(everything).not.toContain("sealed-totp-secret");
    expect(everything).not.toContain(other.organisationId);
    expect(manifest.omittedColumns).toContain("password_hash");
    const audited = await handle.db.select().from(auditLog).where(eq(auditLog.entity, "club_export"));
    expect(audited.map((a) => a.actorId)).toEqual([club.coach.userId]);
  });

  it("an athlete downloads their own record and nothing of a team-mate or another club", async () => {
    const mate = await addAthlete(handle, club, "Mate Hidden");
    await callerFor(handle, mate).me.updateProfile({ eventOrSport: "Steeplechase", birthYear: null, sex: "unspecified", preInjuryWeeklyKm: null, previousHamstringInjury: false, conditions: ["diabetes"] });
    await callerFor(handle, club.athlete).me.updateProfile({ eventOrSport: "Fell running", birthYear: 1991, sex: "female", preInjuryWeeklyKm: 30, previousHamstringInjury: false, conditions: [] });
    const result = await callerFor(handle, club.athlete).me.exportMine();
    expect(result.fileName).toMatch(/^loadline-my-record-/);
    const files = unzipSync(Buffer.from(result.zipBase64, "base64"));
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as { scope: string; athleteId: string; files: { table: string; rows: number }[] };
    expect(manifest).toMatchObject({ scope: "athlete", athleteId: club.athlete.athleteId });
    expect(manifest.files.find((f) => f.table === "users")?.rows).toBe(1);
    expect(manifest.files.find((f) => f.table === "athlete_profiles")?.rows).toBe(1);
    const everything = Object.values(files).map((f) => strFromU8(f)).join("\n");
    expect(everything).toContain("Fell running");
    expect(everything).not.toContain("Steeplechase");
    expect(everything).not.toContain(mate.userId);
    expect(everything).not.toContain("Second Exported");
    expect(everything).not.toContain(other.organisationId);
    expect(await codeOf(callerFor(handle, club.coach).me.exportMine())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.physio).me.exportMine())).toBe("FORBIDDEN");
  });

  it("nobody but the owner exports", async () => {
    expect(await codeOf(callerFor(handle, club.coach).club.export())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.physio).club.export())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).club.export())).toBe("FORBIDDEN");
  });
});
