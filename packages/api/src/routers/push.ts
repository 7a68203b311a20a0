import { z } from "zod";
import { pushSender } from "../push/push-sender";
import { pushStatus, subscribePush, unsubscribePush } from "../services/push";
import { procedureFor, router } from "../trpc";

/** The push service URL the browser gave: https only, since the server POSTs to it. */
const endpoint = z
  .url({ protocol: /^https$/, error: "endpoint must be an https:// URL" })
  .max(2048, "endpoint must be at most 2048 characters");
const key = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .min(1, `${name} is required`)
    .max(256, `${name} must be at most 256 characters`)
    .regex(/^[A-Za-z0-9_-]+=*$/, `${name} must be URL-safe base64`);

/** Web Push for the caller's own browsers (every role). */
export const pushRouter = router({
  status: procedureFor("push.manage").query(({ ctx }) => pushStatus(ctx.db, ctx.actor, ctx.push === undefined ? pushSender() : ctx.push)),

  /** The browser's PushSubscription JSON (`subscription.toJSON()`). */
  subscribe: procedureFor("push.manage")
    .input(z.object({ endpoint, keys: z.object({ p256dh: key("keys.p256dh"), auth: key("keys.auth") }) }))
    .mutation(({ ctx, input }) => subscribePush(ctx.db, ctx.actor, ctx.now, ctx.push === undefined ? pushSender() : ctx.push, input)),

  unsubscribe: procedureFor("push.manage")
    .input(z.object({ endpoint }))
    .mutation(({ ctx, input }) => unsubscribePush(ctx.db, ctx.actor, ctx.now, input)),
});
