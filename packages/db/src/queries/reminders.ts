import { and, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { alertReads, alerts, athleteProfiles, organisations, reminderDeliveries, squadMemberships, users, type reminderKinds } from "../schema";
import { alertSummaryColumns, newAlertsOf } from "./alerts";

export type ReminderKind = (typeof reminderKinds)[number];

/** The athlete's reminders of one local day that they have marked read. */
export async function readReminderKinds(db: Database, organisationId: string, athleteId: string, day: string): Promise<ReminderKind[]> {
  const rows = await db
    .select({ kind: reminderDeliveries.kind })
    .from(reminderDeliveries)
    .where(
      and(
        eq(reminderDeliveries.organisationId, organisationId),
        eq(reminderDeliveries.athleteId, athleteId),
        eq(reminderDeliveries.day, day),
        sql`${reminderDeliveries.readAt} is not null`,
      ),
    );
  return rows.map((r) => r.kind);
}

/** Mark these reminders of the day read (creating their day's row when the job has not). */
export async function markRemindersRead(db: Database, organisationId: string, athleteId: string, kinds: ReminderKind[], day: string, now: Date): Promise<number> {
  if (kinds.length === 0) return 0;
  const rows = await db
    .insert(reminderDeliveries)
    .values(kinds.map((kind) => ({ organisationId, athleteId, kind, day, readAt: now })))
    .onConflictDoUpdate({
      target: [reminderDeliveries.organisationId, reminderDeliveries.athleteId, reminderDeliveries.kind, reminderDeliveries.day],
      set: { readAt: now },
      setWhere: isNull(reminderDeliveries.readAt),
    })
    .returning({ id: reminderDeliveries.id });
  return rows.length;
}

/**
 * Claim the one email of this kind for this athlete and day: true only for the first caller
 * (the row's `emailed_at` is set once), so a job that runs every hour, or twice at once, sends
 * one email per kind and day.
 */
export async function claimReminderEmail(db: Database, organisationId: string, athleteId: string, kind: ReminderKind, day: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(reminderDeliveries)
    .values({ organisationId, athleteId, kind, day, emailedAt: now })
    .onConflictDoUpdate({
      target: [reminderDeliveries.organisationId, reminderDeliveries.athleteId, reminderDeliveries.kind, reminderDeliveries.day],
      set: { emailedAt: now },
      setWhere: isNull(reminderDeliveries.emailedAt),
    })
    .returning({ id: reminderDeliveries.id });
  return rows.length > 0;
}

/** The emails recorded for an athlete (newest first): what the job sent. */
export async function listReminderEmails(db: Database, organisationId: string, athleteId: string) {
  return db
    .select({ kind: reminderDeliveries.kind, day: reminderDeliveries.day, emailedAt: reminderDeliveries.emailedAt })
    .from(reminderDeliveries)
    .where(and(eq(reminderDeliveries.organisationId, organisationId), eq(reminderDeliveries.athleteId, athleteId), sql`${reminderDeliveries.emailedAt} is not null`))
    .orderBy(desc(reminderDeliveries.emailedAt));
}

/** Every club of the instance (ids and whether morning reminder emails are on), for the reminder job. */
export async function listClubsForReminders(db: Database): Promise<{ id: string; checkInReminderEmails: boolean }[]> {
  return db.select({ id: organisations.id, checkInReminderEmails: organisations.checkInReminderEmails }).from(organisations);
}

/** The club's active athletes who can sign in (an email and a password set), for the reminder job. */
export async function listReminderRecipients(db: Database, organisationId: string) {
  return db
    .select({ athleteId: athleteProfiles.id, userId: users.id, name: users.name, email: users.email, timeZone: athleteProfiles.timeZone })
    .from(athleteProfiles)
    .innerJoin(users, eq(users.id, athleteProfiles.userId))
    .where(
      and(
        eq(athleteProfiles.organisationId, organisationId),
        isNull(athleteProfiles.archivedAt),
        isNull(users.archivedAt),
        sql`${users.passwordHash} is not null`,
      ),
    );
}

export interface AlertNotificationRow {
  id: string;
  athleteId: string;
  athleteName: string;
  ruleId: string;
  severity: "info" | "amber" | "red" | "escalate";
  message: string;
  sensitive: boolean;
  raisedAt: Date;
  readAt: Date | null;
}

/**
 * Open alerts (amber and above, not acknowledged, resolved or retired) raised since `since`, of
 * the athletes of these squads (every athlete when none), newest first, with this user's read
 * mark. One statement.
 */
export async function listAlertNotifications(
  db: Database,
  organisationId: string,
  userId: string,
  squadIds: string[] | null,
  since: Date,
  limit = 20,
): Promise<AlertNotificationRow[]> {
  const inSquads =
    squadIds && squadIds.length > 0
      ? inArray(
          alerts.athleteId,
          db
            .select({ id: athleteProfiles.id })
            .from(athleteProfiles)
            .innerJoin(squadMemberships, and(eq(squadMemberships.userId, athleteProfiles.userId), eq(squadMemberships.organisationId, organisationId)))
            .where(and(eq(athleteProfiles.organisationId, organisationId), inArray(squadMemberships.squadId, squadIds))),
        )
      : undefined;
  return db
    .select({
      ...alertSummaryColumns,
      readAt: alertReads.readAt,
    })
    .from(alerts)
    .innerJoin(athleteProfiles, eq(athleteProfiles.id, alerts.athleteId))
    .innerJoin(users, eq(users.id, athleteProfiles.userId))
    .leftJoin(alertReads, and(eq(alertReads.alertId, alerts.id), eq(alertReads.userId, userId), eq(alertReads.organisationId, organisationId)))
    .where(
      and(
        newAlertsOf(organisationId),
        isNull(athleteProfiles.archivedAt),
        gte(alerts.raisedAt, since),
        inSquads,
      ),
    )
    .orderBy(desc(alerts.raisedAt))
    .limit(limit);
}

/** Record that this user has read these alerts' notifications; returns how many were new. */
export async function markAlertsRead(db: Database, organisationId: string, userId: string, alertIds: string[], now: Date): Promise<number> {
  if (alertIds.length === 0) return 0;
  const rows = await db
    .insert(alertReads)
    .values(alertIds.map((alertId) => ({ organisationId, userId, alertId, readAt: now })))
    .onConflictDoNothing()
    .returning({ alertId: alertReads.alertId });
  return rows.length;
}

