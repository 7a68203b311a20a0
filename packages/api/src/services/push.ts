import { DomainError, type Actor } from "@loadline/domain";
import { countPushSubscriptions, deletePushSubscription, upsertPushSubscription, type Database } from "@loadline/db";
import type { PushSender } from "../push/push-sender";
import { recordAudit } from "./audit";
import { assertCan } from "../trpc";

export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

function requirePush(sender: PushSender | null): PushSender {
  if (!sender) throw new DomainError("precondition_failed", "Push notifications are not set up on this server.");
  return sender;
}

/** Whether this server sends push (and with which key the browser subscribes), and whether the caller has a subscription. */
export async function pushStatus(db: Database, actor: Actor, sender: PushSender | null) {
  assertCan(actor, "push.manage", { organisationId: actor.organisationId });
  if (!sender) return { available: false as const, publicKey: null, subscriptions: 0 };
  return { available: true as const, publicKey: sender.publicKey, subscriptions: await countPushSubscriptions(db, actor.organisationId, actor.userId) };
}

/** Store this browser's subscription for the caller (the same endpoint again replaces the old row). */
export async function subscribePush(db: Database, actor: Actor, now: Date, sender: PushSender | null, input: PushSubscriptionInput) {
  assertCan(actor, "push.manage", { organisationId: actor.organisationId });
  requirePush(sender);
  const row = await upsertPushSubscription(db, actor.organisationId, {
    userId: actor.userId,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    createdAt: now,
  });
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "push_subscription", entityId: row.id, detail: "Turned on push notifications" }]);
  return { message: "Push notifications are on for this browser." };
}

/** Remove the caller's subscription for this browser; another user's endpoint is not found. */
export async function unsubscribePush(db: Database, actor: Actor, now: Date, input: { endpoint: string }) {
  assertCan(actor, "push.manage", { organisationId: actor.organisationId });
  if (!(await deletePushSubscription(db, actor.organisationId, actor.userId, input.endpoint))) {
    throw new DomainError("not_found", "This browser has no push subscription of yours.");
  }
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "push_subscription", detail: "Turned off push notifications" }]);
  return { message: "Push notifications are off for this browser." };
}
