import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client";
import { rowsOf } from "../job-sql";
import { athleteProfiles, organisations, users } from "../schema";

/**
 * What erasing an athlete does to each table (docs/data-protection.md says the same in prose).
 * - `deleted`: the athlete's rows go (their own records, derived data, links to them);
 * - `anonymised`: the row stays (others' records point at it), its personal fields are cleared;
 * - `kept`: clinical records and the audit trail, kept for the retention period health-record
 *   law expects; they point at the anonymised athlete only, and their free text has the
 *   athlete's name and email replaced;
 * - `unrelated`: holds nothing about an athlete.
 * A test checks every table of the schema is listed, so a new table forces a decision.
 */
export const ERASURE_DECISIONS = {
  users: "anonymised",
  athlete_profiles: "anonymised",
  session_logs: "deleted",
  morning_check_ins: "deleted",
  visa_h_responses: "deleted",
  log_revisions: "deleted",
  gait_assessments: "deleted",
  alerts: "deleted",
  assessment_snapshots: "deleted",
  athlete_notes: "deleted",
  notifications: "deleted",
  reminder_deliveries: "deleted",
  alert_reads: "deleted",
  push_subscriptions: "deleted",
  calendar_subscriptions: "deleted",
  squad_memberships: "deleted",
  invites: "deleted",
  password_resets: "deleted",
  email_changes: "deleted",
  membership_invites: "deleted",
  auth_throttles: "deleted",
  injury_episodes: "kept",
  provocation_tests: "kept",
  plan_versions: "kept",
  adjunct_treatments: "kept",
  capacity_tests: "kept",
  clinician_reviews: "kept",
  audit_log: "kept",
  organisations: "unrelated",
  squads: "unrelated",
  squad_sessions: "unrelated",
  exercises: "unrelated",
  exercise_versions: "unrelated",
  operators: "unrelated",
} as const;
export type ErasureDecision = (typeof ERASURE_DECISIONS)[keyof typeof ERASURE_DECISIONS];

/**
 * Tables whose text names other people or the club (team-mates, staff, squads): never rewritten
 * by the scrub, so a team-mate who shares the athlete's name keeps theirs.
 */
const NOT_SCRUBBED = new Set(["users", "membership_invites", "organisations", "squads", "exercises", "operators", "auth_throttles"]);

export interface ErasedAthlete {
  athleteId: string;
  userId: string;
  pseudonym: string;
}

/** The athlete (not yet erased) with their name, for the typed confirmation. */
export async function findErasableAthlete(db: Database | Transaction, organisationId: string, athleteId: string) {
  const [row] = await db
    .select({ athleteId: athleteProfiles.id, userId: users.id, name: users.name, email: users.email })
    .from(athleteProfiles)
    .innerJoin(users, eq(users.id, athleteProfiles.userId))
    .where(and(eq(athleteProfiles.organisationId, organisationId), eq(athleteProfiles.id, athleteId), isNull(athleteProfiles.erasedAt)))
    .limit(1);
  return row ?? null;
}

/** A PostgreSQL ARE matching any of the texts as a whole word, case-insensitively (`~*`). */
function wordPattern(texts: string[]): string {
  const escaped = texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return `\\m(?:${escaped.join("|")})\\M`;
}

/**
 * Erase one athlete's personal data in the caller's transaction (ERASURE_DECISIONS says what
 * happens to each table). Returns null when there is no such athlete or they were erased
 * already, so running it twice changes nothing.
 */
export async function eraseAthleteRecords(db: Database | Transaction, organisationId: string, athleteId: string, now: Date): Promise<ErasedAthlete | null> {
  const [subject] = rowsOf<{ athleteId: string; userId: string; name: string; email: string }>(
    await db.execute(sql`select p.id as "athleteId", u.id as "userId", u.name, u.email
      from athlete_profiles p join users u on u.id = p.user_id
      where p.organisation_id = ${organisationId} and p.id = ${athleteId} and p.erased_at is null
      for update of p, u`),
  );
  if (!subject) return null;
  const { userId, name, email } = subject;
  const org = organisationId;

  // Notifications first: they point at notes, which point at the athlete.
  await db.execute(sql`delete from notifications where organisation_id = ${org} and (athlete_id = ${athleteId} or user_id = ${userId})`);
  await db.execute(sql`delete from calendar_subscriptions where organisation_id = ${org} and (athlete_id = ${athleteId} or user_id = ${userId})`);
  // Clinical notes (physio-only) are part of the clinical record; staff and shared notes are not.
  await db.execute(sql`delete from athlete_notes where organisation_id = ${org} and athlete_id = ${athleteId} and visibility <> 'clinical'`);
  // Read marks on the athlete's alerts go with the alerts (cascade).
  for (const table of ["log_revisions", "session_logs", "morning_check_ins", "visa_h_responses", "gait_assessments", "alerts", "assessment_snapshots", "reminder_deliveries"]) {
    await db.execute(sql`delete from ${sql.identifier(table)} where organisation_id = ${org} and athlete_id = ${athleteId}`);
  }
  for (const table of ["squad_memberships", "invites", "password_resets", "email_changes", "alert_reads", "push_subscriptions"]) {
    await db.execute(sql`delete from ${sql.identifier(table)} where organisation_id = ${org} and user_id = ${userId}`);
  }
  await db.execute(sql`delete from membership_invites where organisation_id = ${org} and email = ${email}`);
  await db.execute(sql`delete from auth_throttles where key = ${`account:${email}`}`);

  const pseudonym = `Erased athlete ${userId.slice(0, 8)}`;
  await db
    .update(athleteProfiles)
    .set({
      eventOrSport: "",
      birthYear: null,
      sex: "unspecified",
      preInjuryWeeklyKm: null,
      previousHamstringInjury: false,
      bmi: null,
      usualCadenceSpm: null,
      conditions: [],
      notes: "",
      timeZone: null,
      archivedAt: sql`coalesce(${athleteProfiles.archivedAt}, ${now.toISOString()}::timestamptz)`,
      erasedAt: now,
      updatedAt: now,
    })
    .where(and(eq(athleteProfiles.organisationId, org), eq(athleteProfiles.id, athleteId)));
  await db
    .update(users)
    .set({
      name: pseudonym,
      // `.invalid` is reserved (RFC 2606): nothing can ever be delivered to or sign in as it.
      email: `erased-${userId}@erased.invalid`,
      passwordHash: null,
      totpSecret: null,
      totpPendingSecret: null,
      totpLastStep: null,
      totpEnabledAt: null,
      recoveryCodeHashes: [],
      sessionVersion: sql`${users.sessionVersion} + 1`,
      archivedAt: sql`coalesce(${users.archivedAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(and(eq(users.organisationId, org), eq(users.id, userId)));

  await scrubText(db, org, [name, email], pseudonym);
  return { athleteId, userId, pseudonym };
}

/**
 * Replace the athlete's name and email in every text, text array and jsonb column of the kept
 * records (a clinician may have typed the name into a note). The columns come from the catalog,
 * so a table added later is covered without a change here.
 */
async function scrubText(db: Database | Transaction, organisationId: string, needles: string[], pseudonym: string): Promise<void> {
  const columns = rowsOf<{ table: string; column: string; udt: string }>(
    await db.execute(sql`select c.table_name as "table", c.column_name as "column", c.udt_name as "udt"
      from information_schema.columns c
      where c.table_schema = 'public' and c.udt_name in ('text', 'varchar', 'jsonb', '_text')
        and exists (select 1 from information_schema.columns o
          where o.table_schema = 'public' and o.table_name = c.table_name and o.column_name = 'organisation_id')
      order by c.table_name, c.ordinal_position`),
  );
  // Inside JSON and array literals the replacement must not need quoting or escaping.
  const replacement = pseudonym.replace(/[^A-Za-z0-9 ]/g, "");
  // One pattern for all needles: one statement per column, whatever the number of needles.
  const kept = needles.filter((n) => n.trim().length >= 3);
  if (kept.length === 0) return;
  const pattern = wordPattern(kept);
  for (const { table, column, udt } of columns) {
    if (NOT_SCRUBBED.has(table)) continue;
    const col = sql.identifier(column);
    const type = sql.raw(udt === "_text" ? "text[]" : udt);
    await db.execute(sql`update ${sql.identifier(table)} set ${col} = regexp_replace(${col}::text, ${pattern}, ${replacement}, 'gi')::${type}
      where organisation_id = ${organisationId} and ${col}::text ~* ${pattern}`);
  }
}

/**
 * Athletes of every club whose retention setting has passed since they were archived, not yet
 * erased: the retention job's work list. Read as the database owner (it spans clubs).
 */
export async function athletesPastRetention(db: Database, now: Date): Promise<{ organisationId: string; athleteId: string; months: number }[]> {
  return db
    .select({ organisationId: athleteProfiles.organisationId, athleteId: athleteProfiles.id, months: sql<number>`${organisations.archivedAthleteRetentionMonths}`.mapWith(Number) })
    .from(athleteProfiles)
    .innerJoin(organisations, eq(organisations.id, athleteProfiles.organisationId))
    .where(
      and(
        isNull(athleteProfiles.erasedAt),
        isNotNull(athleteProfiles.archivedAt),
        isNotNull(organisations.archivedAthleteRetentionMonths),
        lt(athleteProfiles.archivedAt, sql`${now.toISOString()}::timestamptz - make_interval(months => ${organisations.archivedAthleteRetentionMonths})`),
      ),
    )
    .orderBy(athleteProfiles.organisationId, athleteProfiles.archivedAt);
}
