import { hashPassword, verifyPassword } from "@loadline/auth/password";
import { realSleep, throttledAttempt } from "@loadline/auth/throttle";
import { changePasswordSchema, DomainError } from "@loadline/domain";
import { changePassword, getPasswordHash } from "@loadline/db";
import { protectedProcedure, router } from "../trpc";

export const accountRouter = router({
  /**
   * Change one's own password. The current password is required (and throttled like a sign-in);
   * every session of the user ends, this one included: the web action signs in again with the
   * new password, so only other devices are signed out.
   */
  changePassword: protectedProcedure.input(changePasswordSchema).mutation(async ({ ctx, input }) => {
    const { organisationId, userId } = ctx.actor;
    const key = `password-change:${userId}`;
    return throttledAttempt(ctx.db, { all: [key], clearOnSuccess: [key] }, { now: ctx.now, sleep: ctx.sleep ?? realSleep }, async () => {
      const user = await getPasswordHash(ctx.db, organisationId, userId);
      if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
        const message = "That is not your current password.";
        throw new DomainError("invalid", message, { currentPassword: [message] });
      }
      await changePassword(ctx.db, organisationId, userId, await hashPassword(input.newPassword));
      return { email: user.email };
    });
  }),
});
