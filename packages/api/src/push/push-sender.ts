import type { Agent } from "node:https";
import webpush from "web-push";
import { deletePushSubscriptionById, listPushSubscriptionsForUsers, withOrganisation, type Database } from "@loadline/db";
import { readPushEnv, type VapidSettings } from "../env";
import type { Context } from "../context";
import { describeError, jsonLogger, type Logger } from "../logger";

/**
 * Web Push to the browsers of users who turned it on. A message carries only a title and the
 * path to open, never clinical detail: it passes through the browser vendor's push service.
 */
export interface PushSender {
  /** The VAPID public key the browser subscribes with. */
  publicKey: string;
  vapid: VapidSettings;
  /** Tests trust their local HTTPS endpoint through this agent; production uses Node's default. */
  agent?: Agent;
}

export interface PushMessage {
  title: string;
  body: string;
  /** A path inside the app, opened when the notification is clicked. */
  path: string;
}

/** One user's message. */
export interface UserPush {
  userId: string;
  message: PushMessage;
}

let configured: PushSender | null | undefined;

/** The process's push settings, read once from the environment; null when push is off. */
export function pushSender(): PushSender | null {
  if (configured === undefined) {
    const vapid = readPushEnv();
    configured = vapid ? { publicKey: vapid.publicKey, vapid } : null;
  }
  return configured;
}

/** How long the push service keeps an undelivered message (a mention is still worth a day later). */
const TTL_SECONDS = 86_400;

/**
 * Send one message to every subscription of these users. Runs after the write that raised it
 * has committed, outside any request transaction; each club's rows are read and deleted under
 * its own row-level security. A 404 or 410 answer means the browser dropped the subscription,
 * so its row is deleted; other failures are logged and the message is lost (push is a nudge,
 * the in-app notification stays).
 */
export async function deliverPush(
  db: Database,
  sender: PushSender,
  organisationId: string,
  messages: UserPush[],
  log: Logger = jsonLogger,
): Promise<void> {
  if (messages.length === 0) return;
  const byUser = new Map(messages.map((m) => [m.userId, JSON.stringify(m.message)]));
  const subscriptions = await withOrganisation(db, organisationId, (tx) => listPushSubscriptionsForUsers(tx, organisationId, [...byUser.keys()]));
  await Promise.all(
    subscriptions.map(async (s) => {
      const payload = byUser.get(s.userId);
      if (payload === undefined) return;
      try {
        await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
          vapidDetails: sender.vapid,
          TTL: TTL_SECONDS,
          timeout: 10_000,
          ...(sender.agent ? { agent: sender.agent } : {}),
        });
      } catch (error) {
        if (error instanceof webpush.WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
          await withOrganisation(db, organisationId, (tx) => deletePushSubscriptionById(tx, organisationId, s.id));
          log({ level: "info", event: "push.subscription_gone", organisationId, subscriptionId: s.id, status: error.statusCode });
          return;
        }
        log({ level: "warn", event: "push.failed", organisationId, subscriptionId: s.id, error: describeError(error) });
      }
    }),
  );
}

/** Queues a push to these users of the caller's club, sent once the procedure has committed. */
export type PushAfterCommit = (messages: UserPush[]) => void;

/**
 * The procedure's way to push after its write commits, or null when push is off (or the context
 * has no commit hook, outside a tenant procedure). Sending is fire-and-forget: the answer to the
 * request does not wait for push services.
 */
export function pushAfterCommit(ctx: { actor: { organisationId: string }; push?: PushSender | null; afterCommit?: Context["afterCommit"]; log?: Logger }): PushAfterCommit | null {
  const sender = ctx.push === undefined ? pushSender() : ctx.push;
  const afterCommit = ctx.afterCommit;
  if (!sender || !afterCommit) return null;
  const organisationId = ctx.actor.organisationId;
  return (messages) => {
    if (messages.length > 0) afterCommit((db) => deliverPush(db, sender, organisationId, messages, ctx.log));
  };
}
