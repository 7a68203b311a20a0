import { z } from "zod";
import { listSubscriptions, revoke, subscribe } from "../services/calendar-feeds";
import { procedureFor, router } from "../trpc";

/** Private calendar feeds: an athlete's own days, a squad's sessions for a coach. */
export const calendarRouter = router({
  subscriptions: procedureFor("calendar.subscribe").query(({ ctx }) => listSubscriptions(ctx.db, ctx.actor)),

  /** A new subscription URL (shown once: only its hash is kept). Coaches name the squad. */
  subscribe: procedureFor("calendar.subscribe")
    .input(z.object({ squadId: z.uuid("Choose a squad").optional() }).default({}))
    .mutation(({ ctx, input }) => subscribe(ctx.db, ctx.actor, ctx.now, input)),

  /** The URL stops answering at once. */
  revoke: procedureFor("calendar.subscribe")
    .input(z.object({ id: z.uuid("Unknown subscription") }))
    .mutation(({ ctx, input }) => revoke(ctx.db, ctx.actor, ctx.now, input.id)),
});
