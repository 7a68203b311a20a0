import { acknowledgeEscalation, getEscalationAlert, insertClinicianReview, resolveEscalation, type Database } from "@loadline/db";
import { DomainError, resolvingRecordsReview, type Actor } from "@loadline/domain";
import { afterClinicalWrite } from "./assessments";
import { recordAudit } from "./audit";

async function escalationOf(db: Database, actor: Actor, alertId: string) {
  const alert = await getEscalationAlert(db, actor.organisationId, alertId);
  if (!alert) throw new DomainError("not_found", "No such escalation in your club.");
  return alert;
}

/** A physio marks an escalation as seen, with an optional note; audited. The block stays until it is resolved. */
export async function acknowledgeEscalationAlert(db: Database, actor: Actor, now: Date, alertId: string, note: string) {
  const alert = await escalationOf(db, actor, alertId);
  const row = await acknowledgeEscalation(db, actor.organisationId, alert.id, { userId: actor.userId, note: note.trim(), at: now });
  if (!row) throw new DomainError("conflict", "This escalation is already resolved, or no longer raised.");
  await recordAudit(db, actor, now, [{ athleteId: alert.athleteId, action: "write", entity: "alert", entityId: alert.id, detail: `Acknowledged ${alert.ruleId}` }]);
  return row;
}

/**
 * A physio resolves an escalation with a note. For the rules that read the last review this also
 * records one, which lifts the engine's block; the athlete is re-assessed in the same transaction.
 */
export async function resolveEscalationAlert(db: Database, actor: Actor, now: Date, alertId: string, note: string) {
  const alert = await escalationOf(db, actor, alertId);
  const row = await resolveEscalation(db, actor.organisationId, alert, { userId: actor.userId, note, at: now });
  if (!row) throw new DomainError("conflict", "This escalation is already resolved, or no longer raised.");
  if (resolvingRecordsReview(alert.ruleId)) {
    await insertClinicianReview(db, actor.organisationId, { athleteId: alert.athleteId, ruleId: alert.ruleId, reviewerId: actor.userId, note, at: now });
  }
  await recordAudit(db, actor, now, [
    { athleteId: alert.athleteId, action: "write", entity: "alert", entityId: alert.id, detail: `Resolved ${alert.ruleId}: ${note.slice(0, 200)}` },
  ]);
  await afterClinicalWrite(db, actor.organisationId, [alert.athleteId], now);
  return row;
}
