import { z } from "zod";
import { hashPassword } from "@loadline/auth/password";
import { hashInviteToken } from "@loadline/auth/tokens";
import { DomainError, resetLinkState, resetPasswordSchema } from "@loadline/domain";
import { completePasswordReset, findPasswordResetByTokenHash } from "@loadline/db";
import { issueResetLink } from "../services/password-resets";
import { throttledTokenAttempt } from "../services/throttle";
import { procedureFor, publicProcedure, router } from "../trpc";

const refusal = {
  used: "This reset link has already been used.",
  expired: "This reset link has expired. Ask your coach or physio for a new one.",
  unknown: "This reset link is not valid.",
} as const;

export const passwordResetRouter = router({
  /**
   * A one-time reset link for a member of the club, shown to copy (and emailed when SMTP is set up).
   * Coaches: athletes and staff; physios: athletes; never the owner or oneself.
   */
  issue: procedureFor("passwordReset.issue")
    .input(z.object({ userId: z.uuid("Unknown person") }))
    .mutation(({ ctx, input }) => issueResetLink(ctx.db, ctx.actor, ctx.now, input.userId, ctx)),

  /** Opening a reset link: public, the token is the credential. */
  lookup: publicProcedure.input(z.object({ token: z.string().max(200) })).query(async ({ ctx, input }) => {
    const reset = await findPasswordResetByTokenHash(ctx.db, hashInviteToken(input.token));
    const state = resetLinkState(reset, ctx.now);
    if (state !== "valid" || !reset) return { state: state === "valid" ? ("unknown" as const) : state };
    return { state, name: reset.name, email: reset.email, organisationName: reset.organisationName };
  }),

  /** Choose a new password: once, throttled by address; every session of the user ends. */
  complete: publicProcedure.input(resetPasswordSchema).mutation(({ ctx, input }) =>
    throttledTokenAttempt(ctx, async () => {
      const reset = await findPasswordResetByTokenHash(ctx.db, hashInviteToken(input.token));
      const state = resetLinkState(reset, ctx.now);
      if (state !== "valid" || !reset) throw new DomainError("gone", refusal[state === "valid" ? "unknown" : state]);
      if (!(await completePasswordReset(ctx.db, reset, await hashPassword(input.password), ctx.now))) {
        throw new DomainError("gone", refusal.used);
      }
      return { email: reset.email };
    }),
  ),
});
