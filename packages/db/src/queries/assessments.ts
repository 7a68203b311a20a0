import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { alertsFromFlags, type BoardView, type Flag } from "@loadline/domain";
import type { Database, Transaction } from "../client";
import { atomically, rowsOf } from "../job-sql";
import { alerts, assessmentSnapshots, athleteProfiles, type SerialisedAssessment } from "../schema";

export interface SnapshotRow {
  athleteId: string;
  computedAt: Date;
  staleAfter: Date;
  /** The engine version that computed it (`ENGINE_VERSION`); "" for snapshots from before versioning. */
  engineVersion: string;
  /** The athlete's records version read before the records it was computed from (`readRecordsVersions`). */
  recordsVersion: number;
  /** Null: the athlete's stored records could not be assessed ("record needs attention"). */
  assessment: SerialisedAssessment | null;
  /** The board's row of the assessment (`toBoardView`); null with a null assessment or before engine version 4. */
  board: BoardView | null;
}

/**
 * Rows per INSERT. PostgreSQL's wire protocol allows 65,535 parameters per statement; an alert
 * row binds 11 and a snapshot row 6, so 1,000 rows stay far below it whatever the batch size.
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
      recordsVersion: assessmentSnapshots.recordsVersion,
      assessment: assessmentSnapshots.assessment,
      board: assessmentSnapshots.board,
    })
    .from(assessmentSnapshots)
    .where(and(eq(assessmentSnapshots.organisationId, organisationId), inArray(assessmentSnapshots.athleteId, athleteIds)));
}

/**
 * Each athlete's records version (`athlete_profiles.records_version`). A batch reads it before
 * the records, so its snapshots carry a version no newer than what they saw.
 */
export async function readRecordsVersions(db: Database | Transaction, organisationId: string, athleteIds: string[]): Promise<Map<string, number>> {
  if (athleteIds.length === 0) return new Map();
  const rows = await db
    .select({ id: athleteProfiles.id, recordsVersion: athleteProfiles.recordsVersion })
    .from(athleteProfiles)
    .where(and(eq(athleteProfiles.organisationId, organisationId), inArray(athleteProfiles.id, athleteIds)));
  return new Map(rows.map((r) => [r.id, r.recordsVersion]));
}

/**
 * Count one more write of these athletes' engine input and return their new versions. In a
 * write's transaction: before an inline assessment reads the records, and for a write that only
 * queues its athletes, before its jobs can be seen. The row locks it takes until commit order
 * the writes of one athlete: a second write waits, so an inline assessment after it reads the
 * first one's records. One statement that locks the rows in id order, so two writes of
 * overlapping squads cannot deadlock on them. The lock is `for no key update`, what an UPDATE
 * of a non-key column takes: a full `for update` would also block the foreign-key checks of a
 * worker saving these athletes' snapshots and alerts, and deadlock with it. Athletes not in the
 * organisation are left out.
 */
export async function bumpRecordsVersions(db: Database | Transaction, organisationId: string, athleteIds: string[]): Promise<Map<string, number>> {
  if (athleteIds.length === 0) return new Map();
  const ids = sql.join(
    [...new Set(athleteIds)].map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute(sql`
    update ${athleteProfiles} set records_version = ${athleteProfiles}.records_version + 1
    from (
      select id from ${athleteProfiles}
      where organisation_id = ${organisationId} and id in (${ids})
      order by id for no key update
    ) as locked
    where ${athleteProfiles}.id = locked.id
    returning ${athleteProfiles}.id, ${athleteProfiles}.records_version`);
  return new Map(rowsOf<{ id: string; records_version: number }>(result).map((r) => [r.id, Number(r.records_version)]));
}

/**
 * Store fresh assessments (replacing older ones) and bring each assessed athlete's alerts in
 * line with the flags it raised, in one transaction and in chunks: either every snapshot and
 * every alert change of the batch is written, or none is and the error reaches the caller. A
 * snapshot is never saved without its alerts. `inTransaction` runs last inside the same
 * transaction (the caller schedules the snapshots' next re-assessment there, so a saved snapshot
 * always has one).
 *
 * `raised` holds every alert the assessments ask for (one per condition, see `alertIdentity`),
 * not only new ones. For an athlete whose snapshot was written with an assessment:
 * - a condition with a current row keeps it (its raising time, acknowledgement and resolution),
 *   with the latest sentence and evidence; a worse severity makes an acknowledged row new again;
 * - a condition without one gets a new row, raised now, even when a retired row of the same
 *   condition exists (a new occurrence);
 * - a current row whose condition is no longer raised is retired.
 * Athletes whose snapshot was not written (the stored one saw a later records version, or the
 * same one at a later clock; the snapshot's row lock orders the two) or whose records need
 * attention keep their alerts as they are.
 */
export async function saveAssessments(
  db: Database | Transaction,
  organisationId: string,
  snapshots: SnapshotRow[],
  raised: NewAlert[],
  inTransaction?: (tx: Transaction) => Promise<void>,
): Promise<void> {
  if (snapshots.length === 0 && raised.length === 0) return;
  await atomically(db, async (tx) => {
    // Statements that do not wait for each other's answers are sent together (on PostgreSQL one
    // round trip; the server still runs them in order): the snapshots with the current alerts
    // of their athletes, then every alert change with the caller's own statements.
    const candidates = snapshots.filter((s) => s.assessment !== null).map((s) => s.athleteId);
    const [written, current] = await Promise.all([writeSnapshots(tx, organisationId, snapshots), readCurrentAlerts(tx, organisationId, candidates)]);
    const assessedAt = new Map(snapshots.filter((s) => s.assessment !== null && written.has(s.athleteId)).map((s) => [s.athleteId, s.computedAt]));
    const currentOfWritten = current.filter((row) => assessedAt.has(row.athleteId));
    await Promise.all([
      syncAlerts(tx, organisationId, assessedAt, raised.filter((a) => assessedAt.has(a.athleteId)), currentOfWritten),
      inTransaction ? inTransaction(tx) : undefined,
    ]);
  });
}

/** Upsert snapshots (chunked); the athletes whose snapshot was written. */
async function writeSnapshots(tx: Transaction, organisationId: string, snapshots: SnapshotRow[]): Promise<Set<string>> {
  const written = new Set<string>();
  for (const chunk of chunks(snapshots)) {
    const rows = await tx
      .insert(assessmentSnapshots)
      .values(chunk.map((r) => ({ ...r, organisationId })))
      .onConflictDoUpdate({
        target: assessmentSnapshots.athleteId,
        set: {
          computedAt: sql`excluded.computed_at`,
          staleAfter: sql`excluded.stale_after`,
          engineVersion: sql`excluded.engine_version`,
          recordsVersion: sql`excluded.records_version`,
          assessment: sql`excluded.assessment`,
          board: sql`excluded.board`,
        },
        // A snapshot that read an older records version (a batch that loaded before an athlete's
        // own write committed) never replaces one that saw the write, whatever its clock; among
        // snapshots of the same version, the later clock wins.
        setWhere: sql`(${assessmentSnapshots.recordsVersion}, ${assessmentSnapshots.computedAt}) <= (excluded.records_version, excluded.computed_at)`,
      })
      .returning({ athleteId: assessmentSnapshots.athleteId });
    for (const row of rows) written.add(row.athleteId);
  }
  return written;
}

/** The current (not retired) alerts of these athletes, chunked. */
async function readCurrentAlerts(tx: Transaction, organisationId: string, athleteIds: string[]): Promise<CurrentAlertRow[]> {
  const current: CurrentAlertRow[] = [];
  for (const ids of chunks(athleteIds)) {
    current.push(
      ...(await tx
        .select({
          id: alerts.id,
          athleteId: alerts.athleteId,
          fingerprint: alerts.fingerprint,
          severity: alerts.severity,
          message: alerts.message,
          evidence: alerts.evidence,
          causeAt: alerts.causeAt,
          needsReview: alerts.needsReview,
          acknowledgedAt: alerts.acknowledgedAt,
          resolvedAt: alerts.resolvedAt,
        })
        .from(alerts)
        .where(and(eq(alerts.organisationId, organisationId), inArray(alerts.athleteId, ids), isNull(alerts.retiredAt)))),
    );
  }
  return current;
}

const severityOrder = { info: 0, amber: 1, red: 2, escalate: 3 } as const;
const keyOf = (athleteId: string, fingerprint: string) => `${athleteId}|${fingerprint}`;

async function syncAlerts(tx: Transaction, organisationId: string, assessedAt: Map<string, Date>, raised: NewAlert[], current: CurrentAlertRow[]): Promise<void> {
  if (assessedAt.size === 0) return;
  const wanted = new Map(raised.map((a) => [keyOf(a.athleteId, a.fingerprint), a]));
  const retire: { id: string; at: Date }[] = [];
  const update: { row: CurrentAlertRow; next: NewAlert; reopen: boolean }[] = [];
  const kept = new Set<string>();
  for (const row of current) {
    const key = keyOf(row.athleteId, row.fingerprint);
    const next = wanted.get(key);
    if (!next) {
      retire.push({ id: row.id, at: assessedAt.get(row.athleteId) as Date });
      continue;
    }
    kept.add(key);
    const worse = severityOrder[next.severity] > severityOrder[row.severity];
    const changed =
      worse ||
      next.severity !== row.severity ||
      next.message !== row.message ||
      next.needsReview !== row.needsReview ||
      next.causeAt.getTime() !== row.causeAt?.getTime() ||
      JSON.stringify(next.evidence) !== JSON.stringify(row.evidence);
    if (changed) update.push({ row, next, reopen: worse && row.acknowledgedAt !== null && row.resolvedAt === null });
  }
  // The changes touch different rows, so they are sent together (see `saveAssessments`).
  const writes: Promise<unknown>[] = [];
  for (const chunk of chunks(retire)) {
    const at = chunk[0]?.at as Date;
    // One batch is assessed at one time, so one timestamp per chunk is exact.
    writes.push(
      tx
        .update(alerts)
        .set({ retiredAt: at })
        .where(and(eq(alerts.organisationId, organisationId), inArray(alerts.id, chunk.map((r) => r.id)), isNull(alerts.retiredAt))),
    );
  }
  for (const chunk of chunks(update)) {
    const values = sql.join(
      chunk.map(
        ({ row, next, reopen }) =>
          sql`(${row.id}::uuid, ${next.severity}, ${next.message}, ${JSON.stringify(next.evidence)}::jsonb, ${next.causeAt.toISOString()}::timestamptz, ${next.needsReview}::boolean, ${reopen}::boolean)`,
      ),
      sql`, `,
    );
    writes.push(tx.execute(sql`
      update ${alerts} set
        severity = v.severity,
        message = v.message,
        evidence = v.evidence,
        cause_at = v.cause_at,
        needs_review = v.needs_review,
        acknowledged_at = case when v.reopen then null else ${alerts.acknowledgedAt} end,
        acknowledged_by_id = case when v.reopen then null else ${alerts.acknowledgedById} end,
        acknowledge_note = case when v.reopen then null else ${alerts.acknowledgeNote} end
      from (values ${values}) as v(id, severity, message, evidence, cause_at, needs_review, reopen)
      where ${alerts.id} = v.id and ${alerts.organisationId} = ${organisationId}`));
  }
  const inserts = raised.filter((a) => !kept.has(keyOf(a.athleteId, a.fingerprint)));
  for (const chunk of chunks(inserts)) {
    writes.push(
      tx
        .insert(alerts)
        .values(chunk.map((r) => ({ ...r, organisationId })))
        .onConflictDoNothing({ target: [alerts.athleteId, alerts.fingerprint], where: sql.raw(`"retired_at" is null`) }),
    );
  }
  await Promise.all(writes);
}

interface CurrentAlertRow {
  id: string;
  athleteId: string;
  fingerprint: string;
  severity: NewAlert["severity"];
  message: string;
  evidence: Record<string, unknown>;
  causeAt: Date | null;
  needsReview: boolean;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
}

export interface NewAlert {
  athleteId: string;
  ruleId: string;
  severity: "info" | "amber" | "red" | "escalate";
  message: string;
  evidence: Record<string, unknown>;
  sensitive: boolean;
  /** The domain's `alertIdentity` of the condition. */
  fingerprint: string;
  /** When the engine raised it: the assessment's time, for a row that does not exist yet. */
  raisedAt: Date;
  causeAt: Date;
  needsReview: boolean;
}

/** The alert rows an assessment asks for (one per condition), raised at `now` if new. */
export function alertsFromAssessment(athleteId: string, flags: readonly Flag[], now: Date): NewAlert[] {
  return alertsFromFlags(flags).map((a) => ({ athleteId, ...a, evidence: { recordIds: a.evidence.recordIds, values: a.evidence.values }, raisedAt: now }));
}

/**
 * Alerts recorded outside an assessment (the seed's first escalation): inserted when their
 * condition has no current row, never updating or retiring others.
 */
export async function recordRaisedAlerts(db: Database, organisationId: string, raised: NewAlert[]): Promise<void> {
  for (const chunk of chunks(raised)) {
    await db
      .insert(alerts)
      .values(chunk.map((r) => ({ ...r, organisationId })))
      .onConflictDoNothing({ target: [alerts.athleteId, alerts.fingerprint], where: sql.raw(`"retired_at" is null`) });
  }
}
