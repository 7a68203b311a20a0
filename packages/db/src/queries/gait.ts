import { and, desc, eq, gte, inArray, isNotNull, isNull } from "drizzle-orm";
import type { GaitAssessment } from "@loadline/domain";
import type { Database } from "../client";
import { gaitAssessments, sessionLogs, users } from "../schema";

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
}

export async function createGaitAssessment(
  db: Database,
  organisationId: string,
  assessorId: string,
  values: GaitAssessmentValues,
): Promise<{ id: string }> {
  const [row] = await db
    .insert(gaitAssessments)
    .values({ ...values, organisationId, assessorId })
    .returning({ id: gaitAssessments.id });
  if (!row) throw new Error("insert returned no row");
  return row;
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
};

/** Gait assessments of one athlete, newest first. */
export async function listGaitAssessments(db: Database, organisationId: string, athleteId: string): Promise<GaitAssessmentRow[]> {
  return db
    .select(columns)
    .from(gaitAssessments)
    .innerJoin(users, eq(users.id, gaitAssessments.assessorId))
    .where(and(eq(gaitAssessments.organisationId, organisationId), eq(gaitAssessments.athleteId, athleteId)))
    .orderBy(desc(gaitAssessments.at));
}

/** The latest gait assessment of each of these athletes (one query). */
export async function latestGaitAssessments(db: Database, organisationId: string, athleteIds: string[]): Promise<GaitAssessmentRow[]> {
  if (athleteIds.length === 0) return [];
  return db
    .selectDistinctOn([gaitAssessments.athleteId], columns)
    .from(gaitAssessments)
    .innerJoin(users, eq(users.id, gaitAssessments.assessorId))
    .where(and(eq(gaitAssessments.organisationId, organisationId), inArray(gaitAssessments.athleteId, athleteIds)))
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
