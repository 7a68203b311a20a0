import { getAthlete, insertAuditEntries, type Database } from "@loadline/db";
import { DomainError } from "@loadline/domain";
import type { Action, Actor } from "@loadline/domain";
import { assertCan } from "../trpc";

export interface AuditEvent {
  athleteId: string | null;
  action: "read" | "write";
  entity: string;
  entityId?: string | null;
  detail: string;
}

/**
 * Record reads and writes of clinical records by staff (privacy). An athlete reading
 * their own record is not audited: the log answers "which staff member looked at what".
 * Any procedure that touches clinical records calls this.
 */
export async function recordAudit(db: Database, actor: Actor, now: Date, events: AuditEvent[], pageViewId: string | null = null): Promise<void> {
  if (actor.role === "athlete") return;
  await insertAuditEntries(
    db,
    actor.organisationId,
    events.map((e) => ({ ...e, actorId: actor.userId, at: now, pageViewId })),
  );
}

/**
 * The athlete a clinical procedure is about, after asking the policy. An athlete of another
 * organisation is indistinguishable from a missing one (NOT_FOUND), so ids leak nothing.
 */
export async function clinicalSubject(db: Database, actor: Actor, action: Action, athleteId: string) {
  assertCan(actor, action, { organisationId: actor.organisationId, athleteId });
  const athlete = await getAthlete(db, actor.organisationId, athleteId);
  if (!athlete) throw new DomainError("not_found", "No such athlete in your club.");
  return athlete;
}
