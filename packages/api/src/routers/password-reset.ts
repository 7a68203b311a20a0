import { z } from "zod";
import { hashPassword } from "@loadline/auth/password";
import { hashInviteToken } from "@loadline/auth/tokens";
import { canIssuePasswordReset, DomainError, resetLinkState, resetPasswordSchema } from "@loadline/domain";
import { completePasswordReset, createPasswordReset, findPasswordResetByTokenHash, findResetTarget } from "@loadline/db";
import { emailPasswordReset, issuePasswordReset } from "../services/password-resets";
import { throttledTokenAttempt } from "../services/throttle";
import { procedureFor, publicProcedure, router } from "../trpc";

const refusal = {
  used: "This reset link has already been used.",
  expired: "This reset link has expired. Ask your coach or physio for a new one.",
  unknown: "This reset link is not valid.",
} as const;

export const passwordResetRouter = router({
  /**
   * A one-time reset link for a member of the club, shown to copy (Loadline sends no email).
   * Coaches: athletes and staff; physios: athletes; never the owner or oneself.
   */
  issue: procedureFor("passwordReset.issue")
    .input(z.object({ userId: z.uuid("Unknown person") }))
    .mutation(async ({ ctx, input }) => {
      const target = await findResetTarget(ctx.db, ctx.actor.organisationId, input.userId);
      if (!target) throw new DomainError("not_found", "No such person in your club.");
      if (!canIssuePasswordReset(ctx.actor, { ...target, organisationId: ctx.actor.organisationId })) {
        throw new DomainError("forbidden", "You cannot issue a reset link for this account.");
      }
      if (!target.hasPassword) throw new DomainError("invalid", `${target.name} has not set a password yet: send a new invite link instead.`);
      const { reset, resetPath } = issuePasswordReset(ctx.actor.userId, ctx.now);
      await createPasswordReset(ctx.db, ctx.actor.organisationId, target.userId, reset, ctx.now);
      await emailPasswordReset(ctx.db, ctx, ctx.actor.organisationId, target, resetPath);
      return { resetPath, expiresAt: reset.expiresAt, name: target.name };
    }),

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
