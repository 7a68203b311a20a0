import Papa from "papaparse";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { athleteProfiles, organisations, sessionLogs, users } from "@loadline/db/schema";
import { csvDateTime, csvNumber, toCsv } from "../src/exports/csv";
import { callerFor, createTestDatabase, makeClub, NOW, settle, type Club } from "./fixtures";
import { codeOf, fieldErrorsOf, key } from "./athlete-helpers";
import { startRehab } from "./physio-helpers";

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let athleteId: string;

const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Csv Club");
  other = await makeClub(handle, "Other Csv Club");
  athleteId = club.athlete.athleteId!;
  await handle.db.update(organisations).set({ timeZone: "America/New_York" }).where(eq(organisations.id, club.organisationId));
  await startRehab(handle, club, new Date(NOW.getTime() - 3 * 86_400_000));
  await handle.db.insert(sessionLogs).values({
    organisationId: club.organisationId,
    athleteId,
    at: new Date("2026-11-20T14:30:00Z"),
    type: "run",
    minutes: 42,
    distanceKm: 8.25,
    rpe: 5,
    painDuring: 2,
    painAfter: 3,
    notes: "=HYPERLINK(\"http://evil\")",
    idempotencyKey: key("run"),
    loggedById: club.athlete.userId,
  });
});
afterAll(() => handle.close());

describe("CSV formatters", () => {
  it("writes times in the given zone, rounds numbers and escapes formulas", () => {
    expect(csvDateTime(new Date("2026-11-20T14:30:00Z"), "America/New_York")).toBe("2026-11-20 09:30");
    expect(csvDateTime(new Date("2026-11-20T23:30:00Z"), "Europe/Berlin")).toBe("2026-11-21 00:30");
    expect(csvNumber(8.256, 2)).toBe("8.26");
    expect(csvNumber(null)).toBe("");
    const csv = toCsv([{ header: "Note", value: (r: { note: string }) => r.note }], [{ note: "=1+1" }, { note: "a, \"b\"" }]);
    expect(csv).toBe('Note\r\n"\'=1+1"\r\n"a, ""b"""');
  });
});

describe("exports", () => {
  it("an athlete exports their own sessions in the club's zone with units in the headers", async () => {
    const file = await callerFor(handle, club.athlete).exports.myLogs({ kind: "sessions" });
    expect(file.filename).toBe("my-sessions-2026-11-21.csv");
    const { data, meta } = parse(file.csv);
    expect(meta.fields).toEqual(expect.arrayContaining(["Date and time (America/New_York)", "Distance (km)", "Duration (min)", "Pain during (0-10)"]));
    expect(data[0]).toMatchObject({ "Date and time (America/New_York)": "2026-11-20 09:30", "Distance (km)": "8.25", "Duration (min)": "42", "Pain after (0-10)": "3" });
    expect(data[0]?.Notes?.startsWith("'=")).toBe(true);
    expect((await callerFor(handle, club.athlete).exports.myLogs({ kind: "check-ins" })).csv.split("\r\n")[0]).toContain("Morning pain (0-10)");
  });

  it("a coach exports roster, board and squad load without clinical detail", async () => {
    const coach = callerFor(handle, club.coach);
    const roster = parse((await coach.exports.roster()).csv);
    expect(roster.data).toEqual([expect.objectContaining({ Name: "athlete of Csv Club", Squads: "Distance" })]);
    await settle(handle, [club]);
    const board = (await coach.exports.board({})).csv;
    expect(parse(board).data[0]).toMatchObject({ Name: "athlete of Csv Club", Phase: "1" });
    expect(board).not.toContain("Deep buttock pain");
    const load = parse((await coach.exports.squadLoad({ weeks: 2 })).csv);
    expect(load.meta.fields).toContain("Running distance (km)");
    expect(load.data).toHaveLength(2);
    expect(load.data.find((r) => r["Runs (count)"] === "1")).toMatchObject({ "Running distance (km)": "8.3", "Session-RPE load (min x RPE)": "210" });
    expect(JSON.stringify(load.data)).not.toContain("HYPERLINK");
  });

  it("squad load weeks start on the club's week-start day", async () => {
    await handle.db.update(organisations).set({ weekStartsOn: 7 }).where(eq(organisations.id, club.organisationId));
    try {
      const load = parse((await callerFor(handle, club.coach).exports.squadLoad({ weeks: 2 })).csv);
      const weekColumn = load.meta.fields?.find((f) => f.startsWith("Week starting"));
      expect(weekColumn).toBeDefined();
      const starts = load.data.map((r) => r[weekColumn!] ?? "");
      expect(starts).toHaveLength(2);
      // Sunday is day 0 of a UTC calendar date: the club's weeks now start on Sundays.
      for (const day of starts) expect(new Date(`${day}T12:00:00Z`).getUTCDay()).toBe(0);
    } finally {
      await handle.db.update(organisations).set({ weekStartsOn: 1 }).where(eq(organisations.id, club.organisationId));
    }
  });

  it("a physio exports the full record, audited", async () => {
    const physio = callerFor(handle, club.physio);
    const { csv } = await physio.exports.athleteRecord({ athleteId });
    const records = parse(csv).data.map((r) => r.Record);
    expect(records).toEqual(expect.arrayContaining(["Episode opened", "Plan version", "Session (run)"]));
    expect(csv).toContain("Deep buttock pain");
    expect((await physio.audit.list({ athleteId })).some((e) => e.entity === "athlete_record")).toBe(true);
  });

  it("refuses the wrong roles and other clubs", async () => {
    expect(await codeOf(callerFor(handle, club.physio).exports.roster())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).exports.board({}))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.coach).exports.athleteRecord({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.coach).exports.myLogs({ kind: "sessions" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).exports.athleteRecord({ athleteId }))).toBe("NOT_FOUND");
    expect((await callerFor(handle, other.coach).exports.roster()).csv).not.toContain("athlete of Csv Club");
  });
});

describe("roster import", () => {
  const header = "Name,Email,Squads,Event or sport,Birth year,Sex,Pre-injury weekly volume (km),Previous hamstring injury";

  it("previews each row with the roster form's messages and writes nothing", async () => {
    const csv = [
      header,
      "Ada Runner,ada@import.test,Distance,Marathon,1995,female,40,no",
      ",bad-email,Sprinters,,1800,,abc,maybe",
      "Ada Twin,ADA@import.test,Distance; Field,800 m,,,,yes",
      "Already Here,athlete@csv-club-1.test,Distance,Marathon,,,,",
    ].join("\n");
    const before = await handle.db.select().from(users).where(eq(users.organisationId, club.organisationId));
    const preview = await callerFor(handle, club.coach).roster.importPreview({ csv });
    expect(preview.valid).toBe(1);
    expect(preview.rows[0]).toMatchObject({ line: 2, errors: {} });
    expect(preview.rows[1]?.errors).toMatchObject({
      name: "Name is required",
      email: "Enter a valid email address",
      squadIds: expect.stringContaining("Choose squads of your club"),
      eventOrSport: "Event or sport is required",
      birthYear: "Birth year must be 1930 or later",
      previousHamstringInjury: "Previous hamstring injury must be yes or no",
    });
    expect(preview.rows[2]?.errors.email).toBe("This email is already on line 2 of the file");
    const after = await handle.db.select().from(users).where(eq(users.organisationId, club.organisationId));
    expect(after).toHaveLength(before.length);
  });

  it("names missing columns", async () => {
    const preview = await callerFor(handle, club.coach).roster.importPreview({ csv: "Name,Mail\nA,b@c.test" });
    expect(preview.fileErrors[0]).toContain('"Email"');
    expect(await fieldErrorsOf(callerFor(handle, club.coach).roster.import({ csv: "Name,Mail\nA,b@c.test" }))).toHaveProperty("csv");
  });

  it("imports the valid rows with invites and skips the rest", async () => {
    const csv = [header, "Bea Import,bea@import.test,Field,Hurdles,2001,female,25,yes", "No Squad,nos@import.test,,Marathon,,,,"].join("\n");
    const result = await callerFor(handle, club.coach).roster.import({ csv });
    expect(result.imported).toEqual([expect.objectContaining({ name: "Bea Import", invitePath: expect.stringMatching(/^\/invite\//) })]);
    expect(result.skipped.map((r) => r.line)).toEqual([3]);
    const roster = await callerFor(handle, club.coach).roster.list();
    expect(roster.find((r) => r.name === "Bea Import")).toMatchObject({ squads: [expect.objectContaining({ name: "Field" })], account: "invited" });
  });

  it("writes nothing when one of the rows fails to write (one transaction)", async () => {
    const profiles = async () => (await handle.db.select().from(athleteProfiles).where(eq(athleteProfiles.organisationId, club.organisationId))).length;
    const before = await profiles();
    // The second row passes every check and then fails in the database, after the first row
    // was written: the whole import must roll back.
    await handle.db.execute(sql`create function refuse_dee() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`);
    await handle.db.execute(sql`create trigger refuse_dee before insert on users for each row when (new.email = 'dee@import.test') execute function refuse_dee()`);
    try {
      const csv = [header, "Cy One,cy@import.test,Distance,Marathon,,,,", "Dee Two,dee@import.test,Distance,Marathon,,,,"].join("\n");
      expect(await codeOf(callerFor(handle, club.coach).roster.import({ csv }))).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      await handle.db.execute(sql`drop trigger refuse_dee on users`);
      await handle.db.execute(sql`drop function refuse_dee`);
    }
    expect(await profiles()).toBe(before);
    expect(await handle.db.select().from(users).where(eq(users.email, "cy@import.test"))).toEqual([]);
  });

  it("refuses physios, athletes and anonymous callers", async () => {
    const csv = `${header}\nX Y,xy@import.test,Distance,Marathon,,,,`;
    expect(await codeOf(callerFor(handle, club.physio).roster.importPreview({ csv }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).roster.import({ csv }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, null).roster.import({ csv }))).toBe("UNAUTHORIZED");
  });
});
