import { and, eq, inArray, sql } from "drizzle-orm";
import { flagFingerprint, type Flag } from "@loadline/domain";
import type { Database } from "../client";
import { alerts, assessmentSnapshots, type SerialisedAssessment } from "../schema";

export interface SnapshotRow {
  athleteId: string;
  computedAt: Date;
  staleAfter: Date;
  /** The engine version that computed it (`ENGINE_VERSION`); "" for snapshots from before versioning. */
  engineVersion: string;
  assessment: SerialisedAssessment;
}

/** Stored assessments of these athletes (one query). */
export async function readSnapshots(db: Database, organisationId: string, athleteIds: string[]): Promise<SnapshotRow[]> {
  if (athleteIds.length === 0) return [];
  return db
    .select({
      athleteId: assessmentSnapshots.athleteId,
      computedAt: assessmentSnapshots.computedAt,
      staleAfter: assessmentSnapshots.staleAfter,
      engineVersion: assessmentSnapshots.engineVersion,
      assessment: assessmentSnapshots.assessment,
    })
    .from(assessmentSnapshots)
    .where(and(eq(assessmentSnapshots.organisationId, organisationId), inArray(assessmentSnapshots.athleteId, athleteIds)));
}

/** Store fresh assessments, replacing older ones (one statement). */
export async function saveSnapshots(db: Database, organisationId: string, rows: SnapshotRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(assessmentSnapshots)
    .values(rows.map((r) => ({ ...r, organisationId })))
    .onConflictDoUpdate({
      target: assessmentSnapshots.athleteId,
      set: {
        computedAt: sql`excluded.computed_at`,
        staleAfter: sql`excluded.stale_after`,
        engineVersion: sql`excluded.engine_version`,
        assessment: sql`excluded.assessment`,
      },
    });
}

/** Mark assessments stale so the next read recomputes them (after a log, plan or record changes). */
export async function invalidateSnapshots(db: Database, organisationId: string, athleteIds: string[]): Promise<void> {
  if (athleteIds.length === 0) return;
  await db
    .delete(assessmentSnapshots)
    .where(and(eq(assessmentSnapshots.organisationId, organisationId), inArray(assessmentSnapshots.athleteId, athleteIds)));
}

export interface NewAlert {
  athleteId: string;
  ruleId: string;
  severity: "info" | "amber" | "red" | "escalate";
  message: string;
  evidence: Record<string, unknown>;
  sensitive: boolean;
  fingerprint: string;
  raisedAt: Date;
}

/** Record newly raised flags as alerts; a flag already recorded (same fingerprint) is left as it is. */
export async function recordAlerts(db: Database, organisationId: string, rows: NewAlert[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(alerts)
    .values(rows.map((r) => ({ ...r, organisationId })))
    .onConflictDoNothing({ target: [alerts.athleteId, alerts.fingerprint] });
}

/** The alert row for a flag the engine raised. */
export function alertFromFlag(athleteId: string, flag: Flag): NewAlert {
  return {
    athleteId,
    ruleId: flag.ruleId,
    severity: flag.severity,
    message: flag.message,
    evidence: { recordIds: flag.evidence.recordIds, values: flag.evidence.values },
    sensitive: flag.sensitive,
    fingerprint: flagFingerprint(flag),
    raisedAt: flag.at,
  };
}
