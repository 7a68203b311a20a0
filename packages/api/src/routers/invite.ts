import { z } from "zod";
import { acceptInviteSchema, plainText } from "@loadline/domain";
import { acceptInviteByToken, lookUpInvite } from "../services/invites";
import { throttledTokenAttempt } from "../services/throttle";
import { publicProcedure, router } from "../trpc";

/** Opening an invite link: public, the token is the credential. */
export const inviteRouter = router({
  lookup: publicProcedure.input(z.object({ token: plainText("token", { max: 200 }) })).query(({ ctx, input }) => lookUpInvite(ctx.db, ctx.now, input.token)),

  accept: publicProcedure.input(acceptInviteSchema).mutation(({ ctx, input }) => throttledTokenAttempt(ctx, () => acceptInviteByToken(ctx.db, ctx.now, input))),
});
