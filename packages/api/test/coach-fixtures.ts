import type { PGlite } from "@electric-sql/pglite";
import { TRPCError } from "@trpc/server";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import type { Database, DatabaseHandle } from "@loadline/db";
import * as schema from "@loadline/db/schema";
import { athleteProfiles, morningCheckIns, planVersions, sessionLogs, squadMemberships, users } from "@loadline/db/schema";
import type { PlanContent } from "@loadline/db/schema";
import type { RedFlagId } from "@loadline/domain";
import type { Club } from "./fixtures";

const DAY_MS = 86_400_000;
let serial = 0;

/** Add `count` athletes to one of the club's squads (two inserts whatever the count). */
export async function addAthletes(handle: DatabaseHandle, club: Club, squadId: string, count: number, prefix = "Runner"): Promise<string[]> {
  const { db } = handle;
  const batch = ++serial;
  const created = await db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        organisationId: club.organisationId,
        role: "athlete" as const,
        name: `${prefix} ${batch}-${String(i).padStart(3, "0")}`,
        email: `${prefix.toLowerCase()}-${batch}-${i}-${club.organisationId.slice(0, 8)}@example.test`,
        passwordHash: "x",
      })),
    )
    .returning({ id: users.id });
  await db.insert(squadMemberships).values(created.map((u) => ({ organisationId: club.organisationId, squadId, userId: u.id })));
  const profiles = await db
    .insert(athleteProfiles)
    .values(created.map((u) => ({ organisationId: club.organisationId, userId: u.id, eventOrSport: "5,000 m" })))
    .returning({ id: athleteProfiles.id });
  return profiles.map((p) => p.id);
}

const emptyPlan: PlanContent = {
  prescriptions: [],
  allowedActivities: [],
  forbiddenActivities: [],
  thresholds: {},
  returnToSportElements: [],
  notes: "CLINICAL-NOTE: suspected partial tear on MRI",
};

/** Give an athlete a rehab plan in `phase`, started `daysAgo` days before `now`. */
export async function givePlan(handle: DatabaseHandle, club: Club, athleteId: string, phase: 1 | 2 | 3 | 4, now: Date, daysAgo = 10) {
  await handle.db.insert(planVersions).values({
    organisationId: club.organisationId,
    athleteId,
    version: 1,
    phase,
    phaseStartedAt: new Date(now.getTime() - daysAgo * DAY_MS),
    content: emptyPlan,
    authorId: club.physio.userId,
    changeSummary: "Initial plan",
  });
}

/** A morning check-in, optionally with red-flag answers (R20). */
export async function addCheckIn(handle: DatabaseHandle, club: Club, athleteId: string, at: Date, morningPain: number, redFlags: RedFlagId[] = []) {
  await handle.db.insert(morningCheckIns).values({
    organisationId: club.organisationId,
    athleteId,
    at,
    morningPain,
    redFlags,
    idempotencyKey: `ci-${++serial}`,
  });
}

/** A run log with a cadence (as an imported run carries). */
export async function addRun(
  handle: DatabaseHandle,
  club: Club,
  athleteId: string,
  at: Date,
  fields: { minutes: number; distanceKm?: number; painDuring?: number; cadenceSpm?: number; notes?: string },
) {
  await handle.db.insert(sessionLogs).values({
    organisationId: club.organisationId,
    athleteId,
    at,
    type: "run",
    minutes: fields.minutes,
    distanceKm: fields.distanceKm ?? null,
    painDuring: fields.painDuring ?? 0,
    cadenceSpm: fields.cadenceSpm ?? null,
    importedFrom: fields.cadenceSpm ? "gpx" : null,
    notes: fields.notes ?? "",
    rpe: 4,
    idempotencyKey: `run-${++serial}`,
    loggedById: club.athlete.userId,
  });
}

/**
 * The same database seen through a Drizzle instance that counts every SQL statement it sends
 * (Drizzle's logger is called once per statement).
 */
export function countingDatabase(handle: DatabaseHandle): { db: Database; statements: string[]; reset: () => void } {
  const statements: string[] = [];
  const logger: Logger = { logQuery: (query) => void statements.push(query) };
  // Drizzle keeps its driver client on `$client`; the Database type does not expose it.
  const client = (handle.db as unknown as { $client: unknown }).$client;
  const db: Database =
    handle.kind === "pglite"
      ? drizzlePglite({ client: client as PGlite, schema, logger })
      : drizzlePostgres({ client: client as Sql, schema, logger });
  return { db, statements, reset: () => void statements.splice(0) };
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return "OK";
}

export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (!(error instanceof TRPCError)) throw error;
  const cause = error.cause as { issues?: { path: PropertyKey[]; message: string }[]; fieldErrors?: Record<string, string[]> };
  if (cause.fieldErrors) return cause.fieldErrors;
  const out: Record<string, string[]> = {};
  for (const issue of cause.issues ?? []) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

export async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

/** Words that must never reach a coach (clinical detail from the records above). */
export const clinicalSecrets = ["CLINICAL-NOTE", "saddle", "night_pain", "painkillers", "evidence", "visaH", "exitCriteria", "conditions", "prp", "PRIVATE-LOG-NOTE"];
