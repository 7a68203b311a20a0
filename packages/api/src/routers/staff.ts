import { inviteStaffSchema } from "@loadline/domain";
import { listStaff } from "@loadline/db";
import { inviteStaff } from "../services/invites";
import { procedureFor, router } from "../trpc";

export const staffRouter = router({
  list: procedureFor("roster.read").query(({ ctx }) => listStaff(ctx.db, ctx.actor.organisationId)),

  /** The same answer whether or not the email has an account in another club (see inviteStaff). */
  invite: procedureFor("invite.create")
    .input(inviteStaffSchema)
    .mutation(({ ctx, input }) => inviteStaff(ctx.db, ctx.actor, ctx.now, input)),
});
