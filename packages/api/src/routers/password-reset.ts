import { z } from "zod";
import { resetPasswordSchema } from "@loadline/domain";
import { completeResetByToken, issueResetLink, lookUpResetLink } from "../services/password-resets";
import { throttledTokenAttempt } from "../services/throttle";
import { procedureFor, publicProcedure, router } from "../trpc";

export const passwordResetRouter = router({
  /**
   * A one-time reset link for a member of the club, shown to copy (and emailed when SMTP is set up).
   * Coaches: athletes and staff; physios: athletes; never the owner or oneself.
   */
  issue: procedureFor("passwordReset.issue")
    .input(z.object({ userId: z.uuid("Unknown person") }))
    .mutation(({ ctx, input }) => issueResetLink(ctx.db, ctx.actor, ctx.now, input.userId, ctx)),

  /** Opening a reset link: public, the token is the credential. */
  lookup: publicProcedure.input(z.object({ token: z.string().max(200) })).query(({ ctx, input }) => lookUpResetLink(ctx.db, ctx.now, input.token)),

  /** Choose a new password: once, throttled by address; every session of the user ends. */
  complete: publicProcedure.input(resetPasswordSchema).mutation(({ ctx, input }) => throttledTokenAttempt(ctx, () => completeResetByToken(ctx.db, ctx.now, input))),
});
