import { and, asc, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { athleteNotes, calendarSubscriptions, notifications, squads, users } from "../schema";

export type CalendarSubscriptionRow = typeof calendarSubscriptions.$inferSelect;
export type NoteVisibility = (typeof athleteNotes.$inferSelect)["visibility"];

// ---------------------------------------------------------------------------------------------
// Calendar subscriptions

export async function insertCalendarSubscription(
  db: Database,
  organisationId: string,
  values: { userId: string; kind: "athlete" | "squad"; athleteId: string | null; squadId: string | null; tokenHash: string; createdAt: Date },
): Promise<CalendarSubscriptionRow> {
  const [row] = await db.insert(calendarSubscriptions).values({ organisationId, ...values }).returning();
  return row!;
}

/** A user's live subscriptions, newest first, with the squad's name for squad feeds. */
export async function listCalendarSubscriptions(db: Database, organisationId: string, userId: string) {
  return db
    .select({
      id: calendarSubscriptions.id,
      kind: calendarSubscriptions.kind,
      athleteId: calendarSubscriptions.athleteId,
      squadId: calendarSubscriptions.squadId,
      squadName: squads.name,
      createdAt: calendarSubscriptions.createdAt,
    })
    .from(calendarSubscriptions)
    .leftJoin(squads, eq(squads.id, calendarSubscriptions.squadId))
    .where(
      and(eq(calendarSubscriptions.organisationId, organisationId), eq(calendarSubscriptions.userId, userId), isNull(calendarSubscriptions.revokedAt)),
    )
    .orderBy(desc(calendarSubscriptions.createdAt));
}

/** Revoke one of the user's subscriptions; false when it is not theirs or already revoked. */
export async function revokeCalendarSubscription(db: Database, organisationId: string, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(calendarSubscriptions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(calendarSubscriptions.organisationId, organisationId),
        eq(calendarSubscriptions.userId, userId),
        eq(calendarSubscriptions.id, id),
        isNull(calendarSubscriptions.revokedAt),
      ),
    )
    .returning({ id: calendarSubscriptions.id });
  return rows.length > 0;
}

/**
 * The live subscription a feed URL's token stands for, across organisations: the feed request
 * carries no session, so this runs as the tables' owner, like invite links. Its user must still
 * be an active member.
 */
export async function findCalendarSubscriptionByTokenHash(db: Database, tokenHash: string) {
  const [row] = await db
    .select({ subscription: calendarSubscriptions, userRole: users.role })
    .from(calendarSubscriptions)
    .innerJoin(users, and(eq(users.organisationId, calendarSubscriptions.organisationId), eq(users.id, calendarSubscriptions.userId)))
    .where(and(eq(calendarSubscriptions.tokenHash, tokenHash), isNull(calendarSubscriptions.revokedAt), isNull(users.archivedAt)))
    .limit(1);
  return row ? { ...row.subscription, userRole: row.userRole } : null;
}

// ---------------------------------------------------------------------------------------------
// Notes

export interface NoteRow {
  id: string;
  athleteId: string;
  authorId: string;
  authorName: string;
  authorRole: string;
  visibility: NoteVisibility;
  body: string;
  createdAt: Date;
}

export async function insertAthleteNote(
  db: Database,
  organisationId: string,
  values: { athleteId: string; authorId: string; visibility: NoteVisibility; body: string; createdAt: Date },
) {
  const [row] = await db.insert(athleteNotes).values({ organisationId, ...values }).returning();
  return row!;
}

/**
 * The thread about one athlete, oldest first, with only the visibilities asked for: the filter
 * is in SQL so a note the reader may not see never leaves the database.
 */
export async function listAthleteNotes(db: Database, organisationId: string, athleteId: string, visibilities: readonly NoteVisibility[]): Promise<NoteRow[]> {
  if (visibilities.length === 0) return [];
  return db
    .select({
      id: athleteNotes.id,
      athleteId: athleteNotes.athleteId,
      authorId: athleteNotes.authorId,
      authorName: users.name,
      authorRole: users.role,
      visibility: athleteNotes.visibility,
      body: athleteNotes.body,
      createdAt: athleteNotes.createdAt,
    })
    .from(athleteNotes)
    .innerJoin(users, and(eq(users.organisationId, athleteNotes.organisationId), eq(users.id, athleteNotes.authorId)))
    .where(and(eq(athleteNotes.organisationId, organisationId), eq(athleteNotes.athleteId, athleteId), inArray(athleteNotes.visibility, [...visibilities])))
    .orderBy(asc(athleteNotes.createdAt), asc(athleteNotes.id));
}

// ---------------------------------------------------------------------------------------------
// Notifications

export async function insertNotifications(
  db: Database,
  organisationId: string,
  rows: { userId: string; kind: "mention"; athleteId: string | null; noteId: string | null; message: string; createdAt: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(notifications).values(rows.map((r) => ({ organisationId, ...r })));
}

/** A user's latest notifications (newest first) and how many are unread. */
export async function listNotifications(db: Database, organisationId: string, userId: string, limit = 50) {
  const mine = and(eq(notifications.organisationId, organisationId), eq(notifications.userId, userId));
  const [rows, [unread]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        athleteId: notifications.athleteId,
        noteId: notifications.noteId,
        message: notifications.message,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(mine)
      .orderBy(desc(notifications.createdAt))
      .limit(limit),
    db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
  ]);
  return { rows, unread: unread?.n ?? 0 };
}

/** Mark the user's notifications read (these ids, or all when none given); returns how many changed. */
export async function markNotificationsRead(db: Database, organisationId: string, userId: string, ids: string[] | null, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.organisationId, organisationId),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ...(ids ? [inArray(notifications.id, ids)] : []),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
