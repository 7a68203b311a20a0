import { coachSafeMessage, localDateKey, type Actor, type Severity } from "@loadline/domain";
import { coachSquadIds, listAlertNotifications, listNotifications, markAlertsRead, markNotificationsRead, markRemindersRead, readReminderKinds, type Database } from "@loadline/db";
import { remindersFor, type Reminder } from "./reminders";

const DAY_MS = 86_400_000;
/** New alerts stay in the notification centre this long (the alerts inbox keeps them all). */
export const ALERT_NOTIFICATION_DAYS = 14;

export interface ReminderNotification extends Reminder {
  read: boolean;
}

export interface AlertNotification {
  alertId: string;
  athleteId: string;
  severity: Severity;
  /** The athlete's name and the sentence the reader may see (coach-safe for coaches). */
  message: string;
  raisedAt: Date;
  read: boolean;
}

/** Whose alerts a staff member is told about: a coach's own squads (every squad without one), a physio every athlete. */
async function alertScope(db: Database, actor: Actor): Promise<string[] | null> {
  if (actor.role !== "coach") return null;
  const mine = await coachSquadIds(db, actor.organisationId, actor.userId);
  return mine.length > 0 ? mine : null;
}

/**
 * New open alerts for staff, as the reader may see them: a coach gets the coach-safe sentence
 * ("medical review needed" for an escalation) and nothing of an alert meant for the physio only.
 */
async function alertNotificationsFor(db: Database, actor: Actor, now: Date): Promise<AlertNotification[]> {
  if (actor.role === "athlete") return [];
  const rows = await listAlertNotifications(db, actor.organisationId, actor.userId, await alertScope(db, actor), new Date(now.getTime() - ALERT_NOTIFICATION_DAYS * DAY_MS));
  return rows.flatMap((row) => {
    const safe = actor.role === "coach" ? coachSafeMessage(row) : { message: row.message };
    if (!safe) return [];
    return [{ alertId: row.id, athleteId: row.athleteId, severity: row.severity, message: `${row.athleteName}: ${safe.message}`, raisedAt: row.raisedAt, read: row.readAt !== null }];
  });
}

/** The day a reminder belongs to: the athlete's local date (the one their check-in counts in). */
function reminderDay(reminders: Reminder[], now: Date): string | null {
  const zone = reminders[0]?.timeZone;
  return zone ? localDateKey(now.getTime(), zone) : null;
}

/**
 * The signed-in user's notification centre: mentions (stored, read or not), an athlete's open
 * reminders (morning check-in, VISA-H due: worked out now, marked read per day), and for staff
 * the new alerts of the athletes they look after (read per user).
 */
export async function notificationCentre(db: Database, actor: Actor, now: Date) {
  const [stored, reminders, alerts] = await Promise.all([listNotifications(db, actor.organisationId, actor.userId), remindersFor(db, actor, now), alertNotificationsFor(db, actor, now)]);
  const day = reminderDay(reminders, now);
  const read = day && actor.athleteId ? new Set(await readReminderKinds(db, actor.organisationId, actor.athleteId, day)) : new Set<string>();
  const withRead: ReminderNotification[] = reminders.map((r) => ({ ...r, read: read.has(r.kind) }));
  return {
    ...stored,
    reminders: withRead,
    alerts,
    /** Everything unread: mentions, reminders and alerts. */
    unreadTotal: stored.unread + withRead.filter((r) => !r.read).length + alerts.filter((a) => !a.read).length,
  };
}

export interface MarkReadInput {
  ids?: string[];
  alertIds?: string[];
  reminderKinds?: Reminder["kind"][];
}

/**
 * Mark notifications read: the ones named, or everything the centre shows when nothing is named
 * ("mark all read"). Only ever the caller's own; an alert stays open in the inbox until acted on.
 */
export async function markRead(db: Database, actor: Actor, now: Date, input: MarkReadInput): Promise<{ marked: number }> {
  const all = !input.ids && !input.alertIds && !input.reminderKinds;
  let marked = 0;
  if (all || input.ids) marked += await markNotificationsRead(db, actor.organisationId, actor.userId, all ? null : (input.ids ?? []), now);
  if (actor.role === "athlete" && actor.athleteId && (all || input.reminderKinds)) {
    const reminders = await remindersFor(db, actor, now);
    const day = reminderDay(reminders, now);
    const kinds = reminders.map((r) => r.kind).filter((k) => all || input.reminderKinds?.includes(k));
    if (day) marked += await markRemindersRead(db, actor.organisationId, actor.athleteId, kinds, day, now);
  }
  if (actor.role !== "athlete" && (all || input.alertIds)) {
    const visible = await alertNotificationsFor(db, actor, now);
    // Only alerts the caller is shown can be marked: an id of another club or squad is ignored.
    const ids = visible.filter((a) => all || input.alertIds?.includes(a.alertId)).map((a) => a.alertId);
    marked += await markAlertsRead(db, actor.organisationId, actor.userId, ids, now);
  }
  return { marked };
}
