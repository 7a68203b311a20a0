import { and, count, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { pushSubscriptions } from "../schema";

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

/**
 * Store a browser's subscription for this user. The same endpoint registered again (the browser
 * re-subscribed, or another user of the club signed in on that browser) replaces the old row, so
 * one device never gets a message twice or someone else's.
 */
export async function upsertPushSubscription(
  db: Database,
  organisationId: string,
  values: { userId: string; endpoint: string; p256dh: string; auth: string; createdAt: Date },
): Promise<PushSubscriptionRow> {
  await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.organisationId, organisationId), eq(pushSubscriptions.endpoint, values.endpoint)));
  const [row] = await db.insert(pushSubscriptions).values({ organisationId, ...values }).returning();
  return row!;
}

/** Remove one of the user's subscriptions by endpoint; false when it is not theirs. */
export async function deletePushSubscription(db: Database, organisationId: string, userId: string, endpoint: string): Promise<boolean> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.organisationId, organisationId), eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return rows.length > 0;
}

/** Delete a subscription the push service says is gone (404/410). */
export async function deletePushSubscriptionById(db: Database, organisationId: string, id: string): Promise<void> {
  await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.organisationId, organisationId), eq(pushSubscriptions.id, id)));
}

export async function countPushSubscriptions(db: Database, organisationId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.organisationId, organisationId), eq(pushSubscriptions.userId, userId)));
  return row?.n ?? 0;
}

/** Every subscription of these users, to send them a push. */
export async function listPushSubscriptionsForUsers(db: Database, organisationId: string, userIds: string[]): Promise<PushSubscriptionRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.organisationId, organisationId), inArray(pushSubscriptions.userId, userIds)));
}
