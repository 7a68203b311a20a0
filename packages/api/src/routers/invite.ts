import { z } from "zod";
import { hashPassword } from "@loadline/auth/password";
import { hashInviteToken } from "@loadline/auth/tokens";
import { acceptInviteSchema, DomainError, inviteState, plainText } from "@loadline/domain";
import { acceptInvite, emailInUse, findInviteByTokenHash } from "@loadline/db";
import { throttledTokenAttempt } from "../services/throttle";
import { publicProcedure, router } from "../trpc";

/** Opening an invite link: public, the token is the credential. */
export const inviteRouter = router({
  lookup: publicProcedure.input(z.object({ token: plainText("token", { max: 200 }) })).query(async ({ ctx, input }) => {
    const invite = await findInviteByTokenHash(ctx.db, hashInviteToken(input.token));
    if (!invite) return { state: "unknown" as const };
    const state = inviteState(invite, ctx.now);
    if (state !== "valid") return { state };
    return {
      state,
      name: invite.name,
      email: invite.email,
      role: invite.role,
      organisationName: invite.organisationName,
    };
  }),

  accept: publicProcedure.input(acceptInviteSchema).mutation(({ ctx, input }) =>
    throttledTokenAttempt(ctx, async () => {
      const invite = await findInviteByTokenHash(ctx.db, hashInviteToken(input.token));
      const state = invite ? inviteState(invite, ctx.now) : "unknown";
      if (!invite || state !== "valid") {
        throw new DomainError(
          "gone",
          state === "used"
            ? "This invite link has already been used."
            : state === "withdrawn"
              ? "This invite was withdrawn: you are no longer on this club's list. Ask the club if you think this is a mistake."
              : "This invite link is not valid or has expired.",
        );
      }
      // Staff corrected the address to one that signs in elsewhere: one address, one account.
      if (invite.movesTo && (await emailInUse(ctx.db, invite.movesTo))) {
        throw new DomainError("conflict", "This email already signs in to a Loadline account. Ask the club to send the invite to another address.");
      }
      const accepted = await acceptInvite(ctx.db, invite, await hashPassword(input.password), ctx.now);
      if (!accepted) throw new DomainError("gone", "This invite link has already been used.");
      return { email: invite.email, role: invite.role };
    }),
  ),
});
