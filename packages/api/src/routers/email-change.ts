import { inviteTokenSchema } from "@loadline/domain";
import { z } from "zod";
import { confirmEmailChange, lookupEmailChange } from "../services/account";
import { throttledTokenAttempt } from "../services/throttle";
import { publicProcedure, router } from "../trpc";

/** Opening an email-change link: public (the token is the credential), like invites and resets. */
export const emailChangeRouter = router({
  lookup: publicProcedure.input(z.object({ token: z.string().max(200) })).query(({ ctx, input }) => lookupEmailChange(ctx.db, ctx.now, input.token)),

  confirm: publicProcedure
    .input(z.object({ token: inviteTokenSchema }))
    .mutation(({ ctx, input }) => throttledTokenAttempt(ctx, () => confirmEmailChange(ctx.db, ctx.now, input.token))),
});
