import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client";
import { alerts, athleteProfiles, users } from "../schema";

/** Severities staff act on; information-only flags never reach the inbox. */
export const actionableSeverities = ["amber", "red", "escalate"] as const;

/**
 * Which alerts a list shows: "new" (open and not acknowledged), "acknowledged" (open,
 * acknowledged within the archive period), "archived" (open, acknowledged before it), "closed"
 * (resolved or retired), "all" (everything).
 */
export type AlertListStatus = "new" | "acknowledged" | "archived" | "closed" | "all";

/**
 * An alert row without its evidence values: the API turns it into a coach-safe item, and
 * evidence can hold clinical detail (red-flag answers), so only its record ids are selected.
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
  causeAt: Date | null;
  recordIds: string[];
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  acknowledgeNote: string | null;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  resolutionNote: string | null;
  retiredAt: Date | null;
}

/** What every alert list shows of an alert; `athleteName` needs the join to the athlete's user. */
export const alertSummaryColumns = {
  id: alerts.id,
  athleteId: alerts.athleteId,
  athleteName: users.name,
  ruleId: alerts.ruleId,
  severity: alerts.severity,
  message: alerts.message,
  sensitive: alerts.sensitive,
  raisedAt: alerts.raisedAt,
};

/** Neither resolved nor retired. */
export const isOpenAlert = and(isNull(alerts.resolvedAt), isNull(alerts.retiredAt));

/** The organisation's new alerts: amber and above, open and not acknowledged (what staff still have to act on). */
export function newAlertsOf(organisationId: string): SQL | undefined {
  return and(eq(alerts.organisationId, organisationId), inArray(alerts.severity, [...actionableSeverities]), isOpenAlert, isNull(alerts.acknowledgedAt));
}

function statusFilter(status: AlertListStatus, archiveBefore: Date): SQL | undefined {
  if (status === "new") return and(isOpenAlert, isNull(alerts.acknowledgedAt));
  if (status === "acknowledged") return and(isOpenAlert, gte(alerts.acknowledgedAt, archiveBefore));
  if (status === "archived") return and(isOpenAlert, lt(alerts.acknowledgedAt, archiveBefore));
  if (status === "closed") return or(isNotNull(alerts.resolvedAt), isNotNull(alerts.retiredAt));
  return undefined;
}

export interface AlertListFilter {
  status: AlertListStatus;
  /** Acknowledged before this time: archived. */
  archiveBefore: Date;
  /** Raised in [from, to). */
  from?: Date;
  to?: Date;
}

/** Amber/red/escalate alerts of these athletes, newest raised first (one query). */
export async function listAlerts(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  filter: AlertListFilter,
  limit = 500,
): Promise<AlertListRow[]> {
  if (athleteIds.length === 0) return [];
  const acknowledger = alias(users, "acknowledger");
  const resolver = alias(users, "resolver");
  const rows = await db
    .select({
      ...alertSummaryColumns,
      causeAt: alerts.causeAt,
      recordIds: sql<string[] | null>`${alerts.evidence} -> 'recordIds'`,
      acknowledgedAt: alerts.acknowledgedAt,
      acknowledgedByName: acknowledger.name,
      acknowledgeNote: alerts.acknowledgeNote,
      resolvedAt: alerts.resolvedAt,
      resolvedByName: resolver.name,
      resolutionNote: alerts.resolutionNote,
      retiredAt: alerts.retiredAt,
    })
    .from(alerts)
    .innerJoin(athleteProfiles, eq(athleteProfiles.id, alerts.athleteId))
    .innerJoin(users, eq(users.id, athleteProfiles.userId))
    .leftJoin(acknowledger, and(eq(acknowledger.id, alerts.acknowledgedById), eq(acknowledger.organisationId, organisationId)))
    .leftJoin(resolver, and(eq(resolver.id, alerts.resolvedById), eq(resolver.organisationId, organisationId)))
    .where(
      and(
        eq(alerts.organisationId, organisationId),
        inArray(alerts.athleteId, athleteIds),
        inArray(alerts.severity, [...actionableSeverities]),
        statusFilter(filter.status, filter.archiveBefore),
        filter.from ? gte(alerts.raisedAt, filter.from) : undefined,
        filter.to ? lt(alerts.raisedAt, filter.to) : undefined,
      ),
    )
    .orderBy(desc(alerts.raisedAt), asc(alerts.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, recordIds: Array.isArray(r.recordIds) ? r.recordIds : [] }));
}

/** How many open (not acknowledged, resolved or retired) amber/red/escalate alerts these athletes have, by severity. */
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
    .where(and(newAlertsOf(organisationId), inArray(alerts.athleteId, athleteIds)))
    .groupBy(alerts.severity);
  for (const row of rows) if (row.severity !== "info") counts[row.severity] = row.n;
  return counts;
}

/** What a coach's action on alerts needs to know about each: who may clear it is the domain's call. */
export interface AlertActionRow {
  id: string;
  athleteId: string;
  ruleId: string;
  severity: "info" | "amber" | "red" | "escalate";
  sensitive: boolean;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  retiredAt: Date | null;
}

const actionColumns = {
  id: alerts.id,
  athleteId: alerts.athleteId,
  ruleId: alerts.ruleId,
  severity: alerts.severity,
  sensitive: alerts.sensitive,
  acknowledgedAt: alerts.acknowledgedAt,
  resolvedAt: alerts.resolvedAt,
  retiredAt: alerts.retiredAt,
};

/** One alert of the organisation, or null. */
export async function getAlertForAction(db: Database, organisationId: string, alertId: string): Promise<AlertActionRow | null> {
  const [row] = await db.select(actionColumns).from(alerts).where(and(eq(alerts.organisationId, organisationId), eq(alerts.id, alertId)));
  return row ?? null;
}

/** Open, unacknowledged amber/red/escalate alerts of these athletes, optionally of one athlete or rule (bulk acknowledge). */
export async function listNewAlertsForAction(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  filter: { athleteId?: string; ruleId?: string },
): Promise<AlertActionRow[]> {
  if (athleteIds.length === 0) return [];
  return db
    .select(actionColumns)
    .from(alerts)
    .where(
      and(
        newAlertsOf(organisationId),
        inArray(alerts.athleteId, athleteIds),
        filter.athleteId ? eq(alerts.athleteId, filter.athleteId) : undefined,
        filter.ruleId ? eq(alerts.ruleId, filter.ruleId) : undefined,
      ),
    );
}

/** Acknowledge open, unacknowledged alerts with one note; returns the ids acknowledged (chunked). */
export async function acknowledgeAlerts(
  db: Database,
  organisationId: string,
  alertIds: string[],
  by: { userId: string; note: string; at: Date },
): Promise<string[]> {
  const done: string[] = [];
  for (let i = 0; i < alertIds.length; i += 1_000) {
    const rows = await db
      .update(alerts)
      .set({ acknowledgedById: by.userId, acknowledgedAt: by.at, acknowledgeNote: by.note })
      .where(and(eq(alerts.organisationId, organisationId), inArray(alerts.id, alertIds.slice(i, i + 1_000)), isNull(alerts.acknowledgedAt), isOpenAlert))
      .returning({ id: alerts.id });
    done.push(...rows.map((r) => r.id));
  }
  return done;
}

/** Resolve an open alert with a note (acknowledging it too when it was not); false when it was not open. */
export async function resolveAlert(
  db: Database,
  organisationId: string,
  alert: AlertActionRow,
  by: { userId: string; note: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(alerts)
    .set({
      resolvedById: by.userId,
      resolvedAt: by.at,
      resolutionNote: by.note,
      acknowledgedById: sql`coalesce(${alerts.acknowledgedById}, ${by.userId}::uuid)`,
      acknowledgedAt: sql`coalesce(${alerts.acknowledgedAt}, ${by.at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(alerts.organisationId, organisationId), eq(alerts.id, alert.id), isOpenAlert))
    .returning({ id: alerts.id });
  return rows.length > 0;
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
      causeAt: alerts.causeAt,
      acknowledgedAt: alerts.acknowledgedAt,
      resolvedAt: alerts.resolvedAt,
      retiredAt: alerts.retiredAt,
    })
    .from(alerts)
    .where(and(eq(alerts.organisationId, organisationId), eq(alerts.athleteId, athleteId)))
    .orderBy(desc(alerts.raisedAt))
    .limit(limit);
}
