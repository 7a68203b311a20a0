import { and, desc, eq, gte, inArray, isNotNull, isNull } from "drizzle-orm";
import type { GaitAssessment } from "@loadline/domain";
import type { Database } from "../client";
import { gaitAssessments, sessionLogs, users } from "../schema";
import { recordLogRevision } from "./log-revisions";

export interface GaitAssessmentValues {
  athleteId: string;
  at: Date;
  surface: "treadmill" | "overground";
  speedKmh: number | null;
  cadenceSpm: number | null;
  faults: GaitAssessment["faults"];
  cues: string[];
  notes: string;
  videoUrl: string | null;
}

export interface GaitAssessmentRow extends GaitAssessmentValues {
  id: string;
  assessorId: string;
  assessorName: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function createGaitAssessment(
  db: Database,
  organisationId: string,
  assessorId: string,
  values: GaitAssessmentValues,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    // Saved at the request's time: the 7-day correction window counts from it.
    const [row] = await tx.insert(gaitAssessments).values({ ...values, organisationId, assessorId, createdAt: now, updatedAt: now }).returning();
    if (!row) throw new Error("insert returned no row");
    // Every version of an assessment stays readable, as with the athletes' logs.
    await recordLogRevision(tx, { organisationId, athleteId: row.athleteId, logKind: "gait", logId: row.id, action: "create", row, changedById: assessorId, now: row.createdAt });
    return { id: row.id };
  });
}

export type GaitAssessmentRecord = typeof gaitAssessments.$inferSelect;

/** One assessment as stored (deleted ones too, so the caller can say so). */
export async function getGaitAssessment(db: Database, organisationId: string, id: string): Promise<GaitAssessmentRecord | null> {
  const [row] = await db
    .select()
    .from(gaitAssessments)
    .where(and(eq(gaitAssessments.organisationId, organisationId), eq(gaitAssessments.id, id)))
    .limit(1);
  return row ?? null;
}

/** Replace an assessment's values and keep the new version in its history. */
export async function updateGaitAssessment(
  db: Database,
  organisationId: string,
  id: string,
  values: Omit<GaitAssessmentValues, "athleteId">,
  changedById: string,
  now: Date,
): Promise<GaitAssessmentRecord | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(gaitAssessments)
      .set({ ...values, updatedAt: now })
      .where(and(eq(gaitAssessments.organisationId, organisationId), eq(gaitAssessments.id, id), isNull(gaitAssessments.deletedAt)))
      .returning();
    if (!row) return null;
    await recordLogRevision(tx, { organisationId, athleteId: row.athleteId, logKind: "gait", logId: row.id, action: "update", row, changedById, now });
    return row;
  });
}

/** Soft-delete an assessment (nothing reads it any more) and record the deletion in its history. */
export async function deleteGaitAssessment(db: Database, organisationId: string, id: string, changedById: string, now: Date): Promise<GaitAssessmentRecord | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(gaitAssessments)
      .set({ deletedAt: now, updatedAt: now })
      .where(and(eq(gaitAssessments.organisationId, organisationId), eq(gaitAssessments.id, id), isNull(gaitAssessments.deletedAt)))
      .returning();
    if (!row) return null;
    await recordLogRevision(tx, { organisationId, athleteId: row.athleteId, logKind: "gait", logId: row.id, action: "delete", row, changedById, now });
    return row;
  });
}

const columns = {
  id: gaitAssessments.id,
  athleteId: gaitAssessments.athleteId,
  at: gaitAssessments.at,
  surface: gaitAssessments.surface,
  speedKmh: gaitAssessments.speedKmh,
  cadenceSpm: gaitAssessments.cadenceSpm,
  faults: gaitAssessments.faults,
  cues: gaitAssessments.cues,
  notes: gaitAssessments.notes,
  videoUrl: gaitAssessments.videoUrl,
  assessorId: gaitAssessments.assessorId,
  assessorName: users.name,
  createdAt: gaitAssessments.createdAt,
  updatedAt: gaitAssessments.updatedAt,
};

/** Gait assessments of one athlete, newest first. */
export async function listGaitAssessments(db: Database, organisationId: string, athleteId: string): Promise<GaitAssessmentRow[]> {
  return db
    .select(columns)
    .from(gaitAssessments)
    .innerJoin(users, eq(users.id, gaitAssessments.assessorId))
    .where(and(eq(gaitAssessments.organisationId, organisationId), eq(gaitAssessments.athleteId, athleteId), isNull(gaitAssessments.deletedAt)))
    .orderBy(desc(gaitAssessments.at));
}

/** The latest gait assessment of each of these athletes (one query). */
export async function latestGaitAssessments(db: Database, organisationId: string, athleteIds: string[]): Promise<GaitAssessmentRow[]> {
  if (athleteIds.length === 0) return [];
  return db
    .selectDistinctOn([gaitAssessments.athleteId], columns)
    .from(gaitAssessments)
    .innerJoin(users, eq(users.id, gaitAssessments.assessorId))
    .where(and(eq(gaitAssessments.organisationId, organisationId), inArray(gaitAssessments.athleteId, athleteIds), isNull(gaitAssessments.deletedAt)))
    .orderBy(gaitAssessments.athleteId, desc(gaitAssessments.at));
}

export interface RunCadenceRow {
  athleteId: string;
  sessionId: string;
  at: Date;
  cadenceSpm: number;
  importedFrom: "gpx" | "tcx" | "fit" | null;
}

/** Runs with a recorded cadence (imported runs carry one) since `since`, newest first (one query). */
export async function recentRunCadences(db: Database, organisationId: string, athleteIds: string[], since: Date): Promise<RunCadenceRow[]> {
  if (athleteIds.length === 0) return [];
  const rows = await db
    .select({ athleteId: sessionLogs.athleteId, sessionId: sessionLogs.id, at: sessionLogs.at, cadenceSpm: sessionLogs.cadenceSpm, importedFrom: sessionLogs.importedFrom })
    .from(sessionLogs)
    .where(
      and(
        eq(sessionLogs.organisationId, organisationId),
        inArray(sessionLogs.athleteId, athleteIds),
        eq(sessionLogs.type, "run"),
        isNull(sessionLogs.deletedAt),
        isNotNull(sessionLogs.cadenceSpm),
        gte(sessionLogs.at, since),
      ),
    )
    .orderBy(desc(sessionLogs.at));
  return rows.flatMap((r) => (r.cadenceSpm === null ? [] : [{ ...r, cadenceSpm: r.cadenceSpm }]));
}
