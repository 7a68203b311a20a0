import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Database } from "../client";
import { alerts, athleteProfiles, clinicianReviews, users } from "../schema";
import { isOpenAlert } from "./alerts";

/**
 * Alerts in the physio's review queue: escalations and the alerts a physio review clears (the
 * domain's `clearedByReview`, stored as `needs_review`: R4's two reds, R19, R20).
 */
const isEscalation = or(eq(alerts.severity, "escalate"), eq(alerts.needsReview, true));

export type AlertRow = typeof alerts.$inferSelect;

export interface EscalationRow extends AlertRow {
  athleteName: string;
  acknowledgedByName: string | null;
  resolvedByName: string | null;
}

/** Escalations of the organisation: open ones (oldest first), or also resolved and retired ones. */
export async function listEscalations(
  db: Database,
  organisationId: string,
  options: { includeResolved?: boolean; athleteId?: string } = {},
): Promise<EscalationRow[]> {
  const rows = await db
    .select({ alert: alerts, athleteName: users.name })
    .from(alerts)
    .innerJoin(athleteProfiles, eq(athleteProfiles.id, alerts.athleteId))
    .innerJoin(users, eq(users.id, athleteProfiles.userId))
    .where(
      and(
        eq(alerts.organisationId, organisationId),
        isEscalation,
        options.includeResolved ? undefined : isOpenAlert,
        options.athleteId ? eq(alerts.athleteId, options.athleteId) : undefined,
      ),
    )
    .orderBy(desc(alerts.severity), asc(alerts.raisedAt));
  const staffIds = [...new Set(rows.flatMap((r) => [r.alert.acknowledgedById, r.alert.resolvedById]).filter((id): id is string => id !== null))];
  const staff =
    staffIds.length === 0
      ? []
      : await db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.organisationId, organisationId), inArray(users.id, staffIds)));
  const nameOf = (id: string | null) => (id ? (staff.find((s) => s.id === id)?.name ?? null) : null);
  return rows.map((r) => ({
    ...r.alert,
    athleteName: r.athleteName,
    acknowledgedByName: nameOf(r.alert.acknowledgedById),
    resolvedByName: nameOf(r.alert.resolvedById),
  }));
}

export async function getEscalationAlert(db: Database, organisationId: string, alertId: string): Promise<AlertRow | null> {
  const [row] = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.organisationId, organisationId), eq(alerts.id, alertId)))
    .limit(1);
  return row ?? null;
}

export async function acknowledgeEscalation(
  db: Database,
  organisationId: string,
  alertId: string,
  by: { userId: string; note: string; at: Date },
): Promise<AlertRow | null> {
  const [row] = await db
    .update(alerts)
    .set({ acknowledgedById: by.userId, acknowledgedAt: by.at, acknowledgeNote: by.note || null })
    .where(and(eq(alerts.organisationId, organisationId), eq(alerts.id, alertId), isOpenAlert))
    .returning();
  return row ?? null;
}

/** Resolve an alert with a note; an unacknowledged one is acknowledged at the same time. */
export async function resolveEscalation(
  db: Database,
  organisationId: string,
  alert: AlertRow,
  by: { userId: string; note: string; at: Date },
): Promise<AlertRow | null> {
  const [row] = await db
    .update(alerts)
    .set({
      resolvedById: by.userId,
      resolvedAt: by.at,
      resolutionNote: by.note,
      acknowledgedById: alert.acknowledgedById ?? by.userId,
      acknowledgedAt: alert.acknowledgedAt ?? by.at,
    })
    .where(and(eq(alerts.organisationId, organisationId), eq(alerts.id, alert.id), isOpenAlert))
    .returning();
  return row ?? null;
}

/** A physio's review of one rule (R4, R19, R20): the engine clears that rule's block from here on. */
export async function insertClinicianReview(
  db: Database,
  organisationId: string,
  review: { athleteId: string; ruleId: string; reviewerId: string; note: string; at: Date },
): Promise<void> {
  await db.insert(clinicianReviews).values({ ...review, organisationId });
}

/** Open (not resolved, not retired) alerts per athlete (the caseload's severity and escalation columns), one query. */
export async function listOpenAlerts(db: Database, organisationId: string, athleteIds: string[]): Promise<AlertRow[]> {
  if (athleteIds.length === 0) return [];
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.organisationId, organisationId), inArray(alerts.athleteId, athleteIds), isOpenAlert));
}
