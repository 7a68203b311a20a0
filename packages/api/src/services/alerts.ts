import { acknowledgeAlerts, getAlertForAction, listBoardAthletes, listNewAlertsForAction, resolveAlert, type Database } from "@loadline/db";
import { coachMayAcknowledge, coachMayResolve, DomainError, type Actor } from "@loadline/domain";
import { assertCan } from "../trpc";
import { recordAudit } from "./audit";

/**
 * A coach's actions on the alerts inbox. Each runs inside the procedure's transaction (the
 * tenant scope), writes, and audits; who may clear what is the domain's call: medical reviews
 * and clinical detail are the physio's, and clinical rules are resolved only by the physio.
 */

/** Acknowledge one alert with a note. */
export async function acknowledgeOneAlert(db: Database, actor: Actor, now: Date, input: { alertId: string; note: string }): Promise<{ id: string }> {
  assertCan(actor, "alerts.acknowledge", { organisationId: actor.organisationId });
  const alert = await getAlertForAction(db, actor.organisationId, input.alertId);
  if (!alert) throw new DomainError("not_found", "No such alert in your club.");
  if (!coachMayAcknowledge(alert)) throw new DomainError("forbidden", "Medical reviews are handled by the physio; this alert clears when they act on it.");
  const [done] = await acknowledgeAlerts(db, actor.organisationId, [alert.id], { userId: actor.userId, note: input.note, at: now });
  if (!done) throw new DomainError("conflict", "This alert has already been acknowledged, resolved or retired.");
  await recordAudit(db, actor, now, [{ athleteId: alert.athleteId, action: "write", entity: "alert", entityId: alert.id, detail: `Acknowledged ${alert.ruleId}` }]);
  return { id: alert.id };
}

export interface BulkAcknowledgeInput {
  note: string;
  /** Only this athlete's alerts. */
  athleteId?: string;
  /** Only this rule's alerts. */
  ruleId?: string;
  /** Only athletes of these squads. */
  squadIds?: string[];
}

/**
 * Acknowledge every new alert of an athlete, of a rule, or all of them (within a squad when
 * given), with one note. Medical reviews and clinical detail are left for the physio and counted.
 */
export async function acknowledgeAlertsInBulk(
  db: Database,
  actor: Actor,
  now: Date,
  input: BulkAcknowledgeInput,
): Promise<{ acknowledged: number; leftForPhysio: number }> {
  assertCan(actor, "alerts.acknowledge", { organisationId: actor.organisationId });
  const athletes = await listBoardAthletes(db, actor.organisationId, input.squadIds);
  const candidates = await listNewAlertsForAction(
    db,
    actor.organisationId,
    athletes.map((a) => a.id),
    { ...(input.athleteId ? { athleteId: input.athleteId } : {}), ...(input.ruleId ? { ruleId: input.ruleId } : {}) },
  );
  const mine = candidates.filter(coachMayAcknowledge);
  const done = new Set(await acknowledgeAlerts(db, actor.organisationId, mine.map((a) => a.id), { userId: actor.userId, note: input.note, at: now }));
  const acknowledged = mine.filter((a) => done.has(a.id));
  await recordAudit(
    db,
    actor,
    now,
    acknowledged.map((a) => ({ athleteId: a.athleteId, action: "write" as const, entity: "alert", entityId: a.id, detail: `Acknowledged ${a.ruleId} (bulk)` })),
  );
  return { acknowledged: acknowledged.length, leftForPhysio: candidates.length - mine.length };
}

/** A coach resolves a non-clinical alert with a note on what was done. */
export async function resolveAlertAsCoach(db: Database, actor: Actor, now: Date, input: { alertId: string; note: string }): Promise<{ id: string }> {
  assertCan(actor, "alerts.resolve", { organisationId: actor.organisationId });
  const alert = await getAlertForAction(db, actor.organisationId, input.alertId);
  if (!alert) throw new DomainError("not_found", "No such alert in your club.");
  if (!coachMayResolve(alert)) {
    throw new DomainError("forbidden", "This is a clinical alert: the physio resolves it. You can acknowledge it with a note.");
  }
  const resolved = await resolveAlert(db, actor.organisationId, alert, { userId: actor.userId, note: input.note, at: now });
  if (!resolved) throw new DomainError("conflict", "This alert is already resolved or retired.");
  await recordAudit(db, actor, now, [
    { athleteId: alert.athleteId, action: "write", entity: "alert", entityId: alert.id, detail: `Resolved ${alert.ruleId}: ${input.note.slice(0, 200)}` },
  ]);
  return { id: alert.id };
}
