import { and, eq, inArray, sql } from "drizzle-orm";
import { flagFingerprint, type Flag } from "@loadline/domain";
import type { Database, Transaction } from "../client";
import { alerts, assessmentSnapshots, type SerialisedAssessment } from "../schema";

export interface SnapshotRow {
  athleteId: string;
  computedAt: Date;
  staleAfter: Date;
  /** The engine version that computed it (`ENGINE_VERSION`); "" for snapshots from before versioning. */
  engineVersion: string;
  /** Null: the athlete's stored records could not be assessed ("record needs attention"). */
  assessment: SerialisedAssessment | null;
}

/**
 * Rows per INSERT. PostgreSQL's wire protocol allows 65,535 parameters per statement; an alert
 * row binds 9 and a snapshot row 6, so 1,000 rows stay far below it whatever the batch size.
 */
export const WRITE_CHUNK_ROWS = 1_000;

function chunks<T>(rows: T[], size = WRITE_CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
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

/**
 * Store fresh assessments (replacing older ones) and record their newly raised alerts, in one
 * transaction and in chunks: either every snapshot and every alert of the batch is written, or
 * none is and the error reaches the caller. A snapshot is never saved without its alerts.
 * `inTransaction` runs last inside the same transaction (the caller schedules the snapshots'
 * next re-assessment there, so a saved snapshot always has one).
 */
export async function saveAssessments(
  db: Database,
  organisationId: string,
  snapshots: SnapshotRow[],
  newAlerts: NewAlert[],
  inTransaction?: (tx: Transaction) => Promise<void>,
): Promise<void> {
  if (snapshots.length === 0 && newAlerts.length === 0) return;
  await db.transaction(async (tx) => {
    for (const chunk of chunks(snapshots)) {
      await tx
        .insert(assessmentSnapshots)
        .values(chunk.map((r) => ({ ...r, organisationId })))
        .onConflictDoUpdate({
          target: assessmentSnapshots.athleteId,
          set: {
            computedAt: sql`excluded.computed_at`,
            staleAfter: sql`excluded.stale_after`,
            engineVersion: sql`excluded.engine_version`,
            assessment: sql`excluded.assessment`,
          },
          // A slower refresh that read older records never overwrites a newer snapshot.
          setWhere: sql`${assessmentSnapshots.computedAt} <= excluded.computed_at`,
        });
    }
    for (const chunk of chunks(newAlerts)) {
      await tx
        .insert(alerts)
        .values(chunk.map((r) => ({ ...r, organisationId })))
        .onConflictDoNothing({ target: [alerts.athleteId, alerts.fingerprint] });
    }
    if (inTransaction) await inTransaction(tx);
  });
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
