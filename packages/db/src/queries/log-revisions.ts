import type { Transaction } from "../client";
import { logRevisions } from "../schema";

/** Rows are stored as plain JSON (dates as ISO strings) so the history reads the same on both databases. */
function snapshotOf(row: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
}

/**
 * Keep a copy of a log as it is after a create, update or delete, in the same transaction as
 * the change: every version of an athlete's log stays readable (never lose a log).
 */
export async function recordLogRevision(
  tx: Transaction,
  change: {
    organisationId: string;
    athleteId: string;
    logKind: "session" | "check_in" | "visa_h" | "gait";
    logId: string;
    action: "create" | "update" | "delete";
    row: object;
    changedById: string;
    now: Date;
    /** Why a physio corrected the log; absent for the athlete's own changes. */
    reason?: string | null;
  },
): Promise<void> {
  const { row, now, ...rest } = change;
  await tx
    .insert(logRevisions)
    .values({ ...rest, data: snapshotOf(row), changedAt: now });
}
