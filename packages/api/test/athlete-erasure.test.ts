import { strFromU8, unzipSync } from "fflate";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@loadline/auth/credentials";
import { hashPassword } from "@loadline/auth/password";
import { actorForSession } from "@loadline/auth/session-check";
import { ERASURE_DECISIONS, clubTablesInOrder, rowsOf, type DatabaseHandle } from "@loadline/db";
import { athleteProfiles, auditLog, authThrottles, injuryEpisodes, organisations, planVersions, users } from "@loadline/db/schema";
import { SYSTEM_ACTOR_ID, type Actor } from "@loadline/domain";
import { RETENTION_CRON, RETENTION_QUEUE, runRetention, scheduleRetention, startWorker } from "../src/jobs";
import { producerFor } from "../src/jobs/reassess-queue";
import { addAthlete, codeOf, fieldErrorsOf } from "./athlete-helpers";
import { callerFor, createTestDatabase, makeClub, NOW, TEST_SECOND_FACTOR_KEY, type Club } from "./fixtures";
import { buildWorld, type World } from "./matrix-helpers";

/**
 * Erasing an athlete at their request (the owner, with the name typed), the staff export of
 * their record before it, and the retention job that erases long-archived athletes.
 */

const NAME = "Zelda Quistorp";
const EMAIL = "zelda.quistorp@erasure.test";
const PASSWORD = "correct horse battery staple";
const DAY_MS = 86_400_000;

let handle: DatabaseHandle;
let world: World;
let club: Club;
let other: World;
let owner: Actor;

/** Every text-like column of every table in every schema the app owns (public and the job queue's), from the catalog. */
async function textColumns(): Promise<{ schema: string; table: string; column: string }[]> {
  return rowsOf<{ schema: string; table: string; column: string }>(
    await handle.db.execute(sql`select c.table_schema as "schema", c.table_name as "table", c.column_name as "column"
      from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
        and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
      order by 1, 2, 3`),
  );
}

/** Where (schema.table.column) any of these strings occurs, case-insensitively. */
async function whereFound(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { schema, table, column } of await textColumns()) {
    for (const needle of needles) {
      const rows = rowsOf(
        await handle.db.execute(
          sql`select count(*)::int as n from ${sql.identifier(schema)}.${sql.identifier(table)} where ${sql.identifier(column)}::text ilike ${`%${needle}%`}`,
        ),
      );
      if (Number(rows[0]?.n) > 0) found.push(`${schema}.${table}.${column}: ${needle}`);
    }
  }
  return found;
}

async function countRowsOf(organisationId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of clubTablesInOrder()) {
    const key = t.byOrganisation ? "organisation_id" : "id";
    const rows = rowsOf(await handle.db.execute(sql`select count(*)::int as n from ${sql.identifier(t.name)} where ${sql.identifier(key)} = ${organisationId}`));
    counts[t.name] = Number(rows[0]?.n);
  }
  return counts;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  world = await buildWorld(handle, "Erasure Club");
  other = await buildWorld(handle, "Bystander Club");
  club = world.club;
  owner = { ...club.coach, isOwner: true };
  await handle.db.update(users).set({ isOwner: true }).where(eq(users.id, club.coach.userId));
  // The subject gets a real name, email and password, so both can be searched for and signed in with.
  await handle.db.update(users).set({ name: NAME, email: EMAIL, passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, club.athlete.userId));
  await handle.db.update(athleteProfiles).set({ notes: `${NAME} prefers morning sessions`, birthYear: 1994, sex: "female" }).where(eq(athleteProfiles.id, world.athleteId));
  // Their name typed into records that are kept (a clinical note, the episode) and ones that go.
  const physio = callerFor(handle, club.physio);
  await physio.notes.add({ athleteId: world.athleteId, visibility: "clinical", body: `Spoke with ${NAME} about the plan; contact ${EMAIL}` });
  await physio.notes.add({ athleteId: world.athleteId, visibility: "shared", body: `Well done ${NAME}` });
  await callerFor(handle, club.coach).notes.add({ athleteId: world.athleteId, visibility: "staff", body: `@physio of Erasure Club please look at ${NAME}` });
  await handle.db.update(injuryEpisodes).set({ clinicalNotes: `Referred ${NAME} for imaging` }).where(eq(injuryEpisodes.athleteId, world.athleteId));
  await callerFor(handle, club.coach).passwordReset.issue({ userId: club.athlete.userId });
  await handle.db.insert(authThrottles).values({ key: `account:${EMAIL}`, failures: 2, lastFailureAt: NOW });
}, 240_000);
afterAll(() => handle.close());

describe("athlete erasure", () => {
  it("every table of the schema has an erasure decision", () => {
    expect(Object.keys(ERASURE_DECISIONS).sort()).toEqual([...clubTablesInOrder().map((t) => t.name), "auth_throttles", "operators"].sort());
  });

  it("the physio or the owner exports the athlete's record for them, audited; a plain coach or athlete cannot", async () => {
    for (const who of [club.physio, owner]) {
      const result = await callerFor(handle, who).roster.exportRecord({ athleteId: world.athleteId });
      expect(result.fileName).toMatch(/^loadline-athlete-record-/);
      const files = unzipSync(Buffer.from(result.zipBase64, "base64"));
      const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as { scope: string; athleteId: string };
      expect(manifest).toMatchObject({ scope: "athlete", athleteId: world.athleteId });
      const everything = Object.values(files).map((f) => strFromU8(f)).join("\n");
      expect(everything).toContain(NAME);
      expect(everything).not.toContain(other.club.organisationId);
    }
    const audited = await handle.db.select().from(auditLog).where(and(eq(auditLog.entity, "athlete_export"), eq(auditLog.athleteId, world.athleteId)));
    expect(audited.map((a) => a.actorId).sort()).toEqual([club.physio.userId, club.coach.userId].sort());
    expect(await codeOf(callerFor(handle, club.coach).roster.exportRecord({ athleteId: world.athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).roster.exportRecord({ athleteId: world.athleteId }))).toBe("FORBIDDEN");
    const strangerOwner = { ...other.club.coach, isOwner: true };
    expect(await codeOf(callerFor(handle, strangerOwner).roster.exportRecord({ athleteId: world.athleteId }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, other.club.physio).roster.exportRecord({ athleteId: world.athleteId }))).toBe("NOT_FOUND");
  });

  it("only the owner erases: coach, physio, athlete and another club's owner are refused", async () => {
    const input = { athleteId: world.athleteId, confirmName: NAME };
    expect(await codeOf(callerFor(handle, club.coach).roster.erase(input))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.physio).roster.erase(input))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).roster.erase(input))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, { ...other.club.coach, isOwner: true }).roster.erase(input))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, null).roster.erase(input))).toBe("UNAUTHORIZED");
    expect((await callerFor(handle, owner).roster.get({ athleteId: world.athleteId })).name).toBe(NAME);
  });

  it("a wrongly typed name is refused at the field and erases nothing", async () => {
    const attempt = callerFor(handle, owner).roster.erase({ athleteId: world.athleteId, confirmName: "Zelda Quist" });
    expect(await codeOf(attempt)).toBe("BAD_REQUEST");
    expect(Object.keys((await fieldErrorsOf(callerFor(handle, owner).roster.erase({ athleteId: world.athleteId, confirmName: "" }))) ?? {})).toEqual(["confirmName"]);
    expect((await callerFor(handle, owner).roster.get({ athleteId: world.athleteId })).name).toBe(NAME);
  });

  it("erases the athlete: no table holds their name or email, sign-in and sessions fail, clinical records stay pseudonymised", async () => {
    expect((await whereFound([NAME, EMAIL])).length).toBeGreaterThan(5);
    const bystander = await countRowsOf(other.club.organisationId);
    const episodesBefore = await handle.db.select().from(injuryEpisodes).where(eq(injuryEpisodes.athleteId, world.athleteId));
    const plansBefore = await handle.db.select().from(planVersions).where(eq(planVersions.athleteId, world.athleteId));
    expect(episodesBefore.length).toBeGreaterThan(0);
    expect(await authenticate(handle.db, { email: EMAIL, password: PASSWORD }, { now: NOW, key: TEST_SECOND_FACTOR_KEY })).not.toBeNull();
    const [before] = await handle.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, club.athlete.userId));
    const session = {
      user: { id: club.athlete.userId, role: "athlete", organisationId: club.organisationId, athleteId: world.athleteId, sessionVersion: before!.v, signedInAt: Math.floor(NOW.getTime() / 1000) - 60 },
    };
    expect(await actorForSession(handle.db, session, NOW)).not.toBeNull();

    // Letter case and spacing aside, the typed name confirms.
    const answer = await callerFor(handle, owner).roster.erase({ athleteId: world.athleteId, confirmName: "  zelda   quistorp " });
    expect(answer).toEqual({ athleteId: world.athleteId, erased: true });

    expect(await whereFound([NAME, EMAIL])).toEqual([]);
    expect(await authenticate(handle.db, { email: EMAIL, password: PASSWORD }, { now: NOW, key: TEST_SECOND_FACTOR_KEY })).toBeNull();
    expect(await actorForSession(handle.db, session, NOW)).toBeNull();
    const [user] = await handle.db.select().from(users).where(eq(users.id, club.athlete.userId));
    expect(user).toMatchObject({ passwordHash: null, totpSecret: null, recoveryCodeHashes: [] });
    expect(user!.email).toMatch(/@erased\.invalid$/);
    const [profile] = await handle.db.select().from(athleteProfiles).where(eq(athleteProfiles.id, world.athleteId));
    expect(profile).toMatchObject({ birthYear: null, sex: "unspecified", conditions: [], notes: "", eventOrSport: "", erasedAt: NOW });
    // Kept: episodes and plan versions (pseudonymised), the audit trail.
    expect(await handle.db.select().from(injuryEpisodes).where(eq(injuryEpisodes.athleteId, world.athleteId))).toHaveLength(episodesBefore.length);
    expect(await handle.db.select().from(planVersions).where(eq(planVersions.athleteId, world.athleteId))).toHaveLength(plansBefore.length);
    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.entity, "athlete_erasure"), eq(auditLog.athleteId, world.athleteId)));
    expect(audit.map((a) => [a.actorId, a.detail])).toEqual([[club.coach.userId, "erased at the athlete's request"]]);

    // Gone from the roster, board, caseload and exports; the club export names nobody.
    const coach = callerFor(handle, club.coach);
    expect((await coach.roster.list({ includeArchived: true })).map((a) => a.id)).not.toContain(world.athleteId);
    expect(await codeOf(coach.roster.get({ athleteId: world.athleteId }))).toBe("NOT_FOUND");
    expect(JSON.stringify(await coach.board.rows({}))).not.toContain(world.athleteId);
    expect(JSON.stringify(await callerFor(handle, club.physio).caseload.list())).not.toContain(world.athleteId);
    expect(JSON.stringify(await coach.exports.roster())).not.toContain(world.athleteId);
    const clubZip = unzipSync(Buffer.from((await callerFor(handle, owner).club.export()).zipBase64, "base64"));
    const clubText = Object.values(clubZip).map((f) => strFromU8(f)).join("\n");
    expect(clubText).not.toContain(NAME);
    expect(clubText).not.toContain(EMAIL);
    // An erased athlete cannot be restored, edited or erased twice.
    expect(await codeOf(coach.roster.setArchived({ athleteId: world.athleteId, archived: false }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, owner).roster.erase({ athleteId: world.athleteId, confirmName: NAME }))).toBe("NOT_FOUND");
    // Row-level security held: the other club lost nothing.
    expect(await countRowsOf(other.club.organisationId)).toEqual(bystander);
  });
});

describe("retention of archived athletes", () => {
  let retained: Club;

  beforeAll(async () => {
    retained = await makeClub(handle, "Retention Club");
  }, 120_000);

  const ownerOf = (c: Club): Actor => ({ ...c.coach, isOwner: true });
  const settingsInput = async (c: Club) => {
    const s = await callerFor(handle, ownerOf(c)).club.settings();
    return {
      name: s.name,
      timeZone: s.timeZone,
      locale: s.locale,
      weekStartsOn: s.weekStartsOn,
      physioSecondFactorRequired: s.physioSecondFactorRequired,
      checkInReminderEmails: s.checkInReminderEmails,
      physioGaitNotes: s.physioGaitNotes,
      visaHIntervalDays: s.visaHIntervalDays,
      painGreenMax: s.painGreenMax,
      painAmberMax: s.painAmberMax,
      weeklyGreenMaxPct: s.weeklyGreenMaxPct,
    };
  };

  it("is off by default; the owner sets it within bounds (a BAD_REQUEST names the field), others cannot", async () => {
    await handle.db.update(users).set({ isOwner: true }).where(eq(users.id, retained.coach.userId));
    expect((await callerFor(handle, ownerOf(retained)).club.settings()).archivedAthleteRetentionMonths).toBeNull();
    const base = await settingsInput(retained);
    for (const bad of [0, 121, 2.5]) {
      const errors = await fieldErrorsOf(callerFor(handle, ownerOf(retained)).club.update({ ...base, archivedAthleteRetentionMonths: bad }));
      expect(Object.keys(errors ?? {})).toEqual(["archivedAthleteRetentionMonths"]);
    }
    expect(await codeOf(callerFor(handle, retained.coach).club.update({ ...base, archivedAthleteRetentionMonths: 12 }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, retained.physio).club.update({ ...base, archivedAthleteRetentionMonths: 12 }))).toBe("FORBIDDEN");
    await callerFor(handle, ownerOf(retained)).club.update({ ...base, archivedAthleteRetentionMonths: 12 });
    expect((await callerFor(handle, retained.physio).club.settings()).archivedAthleteRetentionMonths).toBe(12);
    // Saving the form without the field keeps the setting.
    await callerFor(handle, ownerOf(retained)).club.update(base);
    expect((await callerFor(handle, ownerOf(retained)).club.settings()).archivedAthleteRetentionMonths).toBe(12);
    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.organisationId, retained.organisationId), eq(auditLog.entity, "club_retention")));
    expect(audit.map((a) => a.detail)).toEqual(["retention of archived athletes: 12 months"]);
  });

  it("the job erases athletes archived longer than the setting, as the system, once; nothing in clubs without it", async () => {
    const longAgo = await addAthlete(handle, retained, "Archived Long Ago");
    const recently = await addAthlete(handle, retained, "Archived Recently");
    const active = await addAthlete(handle, retained, "Still Active");
    const elsewhere = await addAthlete(handle, other.club, "Archived Elsewhere");
    const archive = (a: Actor, daysAgo: number) =>
      handle.db.update(athleteProfiles).set({ archivedAt: new Date(NOW.getTime() - daysAgo * DAY_MS) }).where(eq(athleteProfiles.id, a.athleteId!));
    await archive(longAgo, 400);
    await archive(recently, 200);
    // The other club has no retention setting: its long-archived athlete stays.
    await archive(elsewhere, 4_000);

    expect(await runRetention(handle.db, NOW)).toEqual({ erased: 1 });
    const erasedAt = async (a: Actor) => (await handle.db.select({ at: athleteProfiles.erasedAt }).from(athleteProfiles).where(eq(athleteProfiles.id, a.athleteId!)))[0]?.at ?? null;
    expect(await erasedAt(longAgo)).toEqual(NOW);
    expect(await erasedAt(recently)).toBeNull();
    expect(await erasedAt(active)).toBeNull();
    expect(await erasedAt(elsewhere)).toBeNull();
    expect(await whereFound(["Archived Long Ago"])).toEqual([]);
    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.entity, "athlete_erasure"), eq(auditLog.athleteId, longAgo.athleteId!)));
    expect(audit.map((a) => [a.actorId, a.detail])).toEqual([[SYSTEM_ACTOR_ID, "erased by the club's retention setting (archived over 12 months)"]]);

    // Idempotent: a second run (or a run delivered twice) erases nobody more.
    expect(await runRetention(handle.db, NOW)).toEqual({ erased: 0 });
    // Later, the recently archived athlete's time has come.
    const later = new Date(NOW.getTime() + 200 * DAY_MS);
    expect(await runRetention(handle.db, later)).toEqual({ erased: 1 });
    expect(await erasedAt(recently)).toEqual(later);
    expect(await handle.db.select().from(auditLog).where(and(eq(auditLog.entity, "athlete_erasure"), eq(auditLog.athleteId, longAgo.athleteId!)))).toHaveLength(1);
    const [org] = await handle.db.select().from(organisations).where(eq(organisations.id, retained.organisationId));
    expect(org?.archivedAthleteRetentionMonths).toBe(12);
  });

  it("the worker puts the job on pg-boss's daily schedule and runs it at its clock", async () => {
    const due = await addAthlete(handle, retained, "Archived By Worker");
    await handle.db.update(athleteProfiles).set({ archivedAt: new Date(NOW.getTime() - 800 * DAY_MS) }).where(eq(athleteProfiles.id, due.athleteId!));
    // A run already waiting when the worker starts (as the schedule would have queued it).
    const boss = await producerFor(handle.db);
    await scheduleRetention(boss);
    await boss.send(RETENTION_QUEUE, {});
    const worker = await startWorker(handle.db, { clock: () => NOW });
    try {
      await expect
        .poll(async () => (await handle.db.select({ at: athleteProfiles.erasedAt }).from(athleteProfiles).where(eq(athleteProfiles.id, due.athleteId!)))[0]?.at ?? null, {
          timeout: 60_000,
        })
        .toEqual(NOW);
      const schedules = await boss.getSchedules();
      expect(schedules.filter((s) => s.name === RETENTION_QUEUE).map((s) => s.cron)).toEqual([RETENTION_CRON]);
    } finally {
      await worker.stop();
    }
  }, 120_000);
});
