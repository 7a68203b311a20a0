import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog, users } from "../schema";

export interface AuditEntry {
  actorId: string;
  athleteId: string | null;
  action: "read" | "write";
  /** The kind of clinical record, e.g. `injury_episode`, `plan_version`. */
  entity: string;
  entityId?: string | null;
  /** What was done, in a few words ("opened episode", "advanced to phase 2 (override)"). */
  detail: string;
  at: Date;
  /** The page view a read belongs to; a second identical read of the same page view is not recorded. */
  pageViewId?: string | null;
}

/**
 * Append audit entries (one statement). A read already recorded for the same page view (same
 * actor, athlete, record kind and detail) is skipped by the partial unique index: a refetch is
 * not a new look at the record.
 */
export async function insertAuditEntries(db: Pick<Database, "insert">, organisationId: string, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insert(auditLog)
    .values(entries.map((e) => ({ ...e, entityId: e.entityId ?? null, pageViewId: e.action === "read" ? (e.pageViewId ?? null) : null, organisationId })))
    .onConflictDoNothing();
}

export interface AuditLogRow {
  id: string;
  at: Date;
  actorId: string;
  /** Null for an entry the system wrote, or whose author was deleted. */
  actorName: string | null;
  actorRole: string | null;
  action: "read" | "write";
  entity: string;
  entityId: string | null;
  detail: string;
}

/** The audit trail of one athlete's clinical records, newest first, entries without a user included. */
export function listAuditLog(db: Database, organisationId: string, athleteId: string, limit = 200): Promise<AuditLogRow[]> {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorRole: users.role,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.athleteId, athleteId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
