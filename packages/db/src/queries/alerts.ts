import { and, count, desc, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { alerts, athleteProfiles, users } from "../schema";

/** Severities staff act on; information-only flags never reach the inbox. */
export const actionableSeverities = ["amber", "red", "escalate"] as const;

export type AlertStatus = "new" | "acknowledged" | "all";

/**
 * An alert row without its evidence: the API turns it into a coach-safe item, and evidence can
 * hold clinical detail (red-flag answers), so it is never selected for this list.
 */
export interface AlertListRow {
  id: string;
  athleteId: string;
  athleteName: string;
  ruleId: string;
  severity: "info" | "amber" | "red" | "escalate";
  message: string;
  sensitive: boolean;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  acknowledgeNote: string | null;
  resolvedAt: Date | null;
}

function statusFilter(status: AlertStatus): SQL | undefined {
  if (status === "new") return isNull(alerts.acknowledgedAt);
  if (status === "acknowledged") return isNotNull(alerts.acknowledgedAt);
  return undefined;
}

/** Unresolved amber/red/escalate alerts of these athletes, newest first (one query). */
export async function listAlerts(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  status: AlertStatus,
  limit = 200,
): Promise<AlertListRow[]> {
  if (athleteIds.length === 0) return [];
  const acknowledger = db.$with("acknowledger").as(db.select({ id: users.id, name: users.name }).from(users).where(eq(users.organisationId, organisationId)));
  return db
    .with(acknowledger)
    .select({
      id: alerts.id,
      athleteId: alerts.athleteId,
      athleteName: users.name,
      ruleId: alerts.ruleId,
      severity: alerts.severity,
      message: alerts.message,
      sensitive: alerts.sensitive,
      raisedAt: alerts.raisedAt,
      acknowledgedAt: alerts.acknowledgedAt,
      acknowledgedByName: acknowledger.name,
      acknowledgeNote: alerts.acknowledgeNote,
      resolvedAt: alerts.resolvedAt,
    })
    .from(alerts)
    .innerJoin(athleteProfiles, eq(athleteProfiles.id, alerts.athleteId))
    .innerJoin(users, eq(users.id, athleteProfiles.userId))
    .leftJoin(acknowledger, eq(acknowledger.id, alerts.acknowledgedById))
    .where(
      and(
        eq(alerts.organisationId, organisationId),
        inArray(alerts.athleteId, athleteIds),
        inArray(alerts.severity, [...actionableSeverities]),
        isNull(alerts.resolvedAt),
        statusFilter(status),
      ),
    )
    .orderBy(desc(alerts.raisedAt))
    .limit(limit);
}

/** How many unresolved, unacknowledged amber/red/escalate alerts these athletes have, by severity. */
export async function countNewAlerts(
  db: Database,
  organisationId: string,
  athleteIds: string[],
): Promise<Record<(typeof actionableSeverities)[number], number>> {
  const counts = { amber: 0, red: 0, escalate: 0 };
  if (athleteIds.length === 0) return counts;
  const rows = await db
    .select({ severity: alerts.severity, n: count() })
    .from(alerts)
    .where(
      and(
        eq(alerts.organisationId, organisationId),
        inArray(alerts.athleteId, athleteIds),
        inArray(alerts.severity, [...actionableSeverities]),
        isNull(alerts.resolvedAt),
        isNull(alerts.acknowledgedAt),
      ),
    )
    .groupBy(alerts.severity);
  for (const row of rows) if (row.severity !== "info") counts[row.severity] = row.n;
  return counts;
}

/** Acknowledge an alert with a note; false when it is not in the organisation. */
/**
 * A coach acknowledges an open alert with a note. Escalations and flags with clinical detail
 * belong to the physio (see escalations.ts), and an alert is acknowledged once.
 */
export async function acknowledgeAlert(
  db: Database,
  organisationId: string,
  alertId: string,
  userId: string,
  note: string,
  now: Date,
): Promise<"acknowledged" | "not_found" | "physio_owned" | "closed"> {
  const [alert] = await db
    .select({ severity: alerts.severity, sensitive: alerts.sensitive, acknowledgedAt: alerts.acknowledgedAt, resolvedAt: alerts.resolvedAt })
    .from(alerts)
    .where(and(eq(alerts.organisationId, organisationId), eq(alerts.id, alertId)));
  if (!alert) return "not_found";
  if (alert.severity === "escalate" || alert.sensitive) return "physio_owned";
  const rows = await db
    .update(alerts)
    .set({ acknowledgedById: userId, acknowledgedAt: now, acknowledgeNote: note })
    .where(and(eq(alerts.organisationId, organisationId), eq(alerts.id, alertId), isNull(alerts.acknowledgedAt), isNull(alerts.resolvedAt)))
    .returning({ id: alerts.id });
  return rows.length > 0 ? "acknowledged" : "closed";
}

/** Every alert of one athlete (resolved ones too) for the flags history, newest first, without evidence. */
export async function listAthleteAlertHistory(db: Database, organisationId: string, athleteId: string, limit = 100) {
  return db
    .select({
      id: alerts.id,
      ruleId: alerts.ruleId,
      severity: alerts.severity,
      message: alerts.message,
      sensitive: alerts.sensitive,
      raisedAt: alerts.raisedAt,
      acknowledgedAt: alerts.acknowledgedAt,
      resolvedAt: alerts.resolvedAt,
    })
    .from(alerts)
    .where(and(eq(alerts.organisationId, organisationId), eq(alerts.athleteId, athleteId)))
    .orderBy(desc(alerts.raisedAt))
    .limit(limit);
}
