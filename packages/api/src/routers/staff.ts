import { inviteStaffSchema } from "@loadline/domain";
import { createStaffInvite, emailInUse, listStaff } from "@loadline/db";
import { fieldError } from "../errors";
import { issueInvite } from "../services/invites";
import { procedureFor, router } from "../trpc";

export const staffRouter = router({
  list: procedureFor("roster.read").query(({ ctx }) => listStaff(ctx.db, ctx.actor.organisationId)),

  invite: procedureFor("invite.create")
    .input(inviteStaffSchema)
    .mutation(async ({ ctx, input }) => {
      if (await emailInUse(ctx.db, input.email)) throw fieldError("email", "This email already has a Loadline account");
      const { invite, invitePath } = issueInvite(ctx.actor.userId, ctx.now);
      await createStaffInvite(ctx.db, ctx.actor.organisationId, input, invite);
      return { invitePath, expiresAt: invite.expiresAt };
    }),
});
