import type { Database, Transaction } from "../client";
import { atomically } from "../job-sql";
import { recordLogRevision } from "./log-revisions";

/*
 * Records with a revision history (session logs and morning check-ins use this): every create, update and
 * delete writes the changed row to log_revisions in the same transaction, so no version is ever
 * lost, and a repeated idempotency key returns the first record instead of creating a second.
 * The tables' own queries (which row, which columns) stay with each table; the order of the
 * change, its revision and the idempotent fallback lives here once.
 */

/** Whose record, which kind, who changed it and when (and why, for a physio's correction). */
export interface RevisionOf {
  organisationId: string;
  athleteId: string;
  logKind: Parameters<typeof recordLogRevision>[1]["logKind"];
  changedById: string;
  now: Date;
  reason?: string | null;
}

/**
 * Insert a record (`insert` returns the inserted row, or none when its idempotency key was used
 * already) and keep its first revision; on a repeated key, the stored record (`existing`).
 */
export async function createWithRevision<Row extends { id: string }>(
  db: Database,
  revision: RevisionOf,
  insert: (tx: Transaction) => PromiseLike<Row[]>,
  existing: (tx: Transaction) => PromiseLike<Row[]>,
): Promise<{ row: Row; created: boolean }> {
  return atomically(db, async (tx) => {
    const [inserted] = await insert(tx);
    if (inserted) {
      await recordLogRevision(tx, { ...revision, logId: inserted.id, action: "create", row: inserted });
      return { row: inserted, created: true };
    }
    const [stored] = await existing(tx);
    if (!stored) throw new Error(`Idempotency conflict without a stored ${revision.logKind} record`);
    return { row: stored, created: false };
  });
}

/**
 * Change or soft-delete a record (`change` returns the row after it, or none when there was no
 * such record to change) and keep that version; null when nothing was changed.
 */
export async function changeWithRevision<Row extends { id: string }>(
  db: Database,
  revision: RevisionOf,
  action: "update" | "delete",
  change: (tx: Transaction) => PromiseLike<Row[]>,
): Promise<Row | null> {
  return atomically(db, async (tx) => {
    const [changed] = await change(tx);
    if (!changed) return null;
    await recordLogRevision(tx, { ...revision, logId: changed.id, action, row: changed });
    return changed;
  });
}
