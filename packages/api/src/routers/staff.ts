import { z } from "zod";
import { can, DomainError, inviteStaffSchema } from "@loadline/domain";
import { getSecurityPolicy, listStaff } from "@loadline/db";
import { setPhysioSecondFactor } from "../services/clubs";
import { inviteStaff } from "../services/invites";
import { changeStaffRole, reissueStaffInvite, removeStaff, revokeInvite } from "../services/club-people";
import { procedureFor, router } from "../trpc";

export const staffRouter = router({
  list: procedureFor("roster.read").query(({ ctx }) => listStaff(ctx.db, ctx.actor.organisationId)),

  /** The same answer whether or not the email has an account in another club (see inviteStaff). */
  invite: procedureFor("invite.create")
    .input(inviteStaffSchema)
    .mutation(({ ctx, input }) => inviteStaff(ctx.db, ctx.actor, ctx.now, input, ctx)),

  /**
   * Remove a staff member from the club: archived, and every session they have ends. Coaches
   * remove physios; only the owner removes another coach; nobody removes the owner.
   */
  remove: procedureFor("staff.remove")
    .input(z.object({ userId: z.uuid("Unknown staff member") }))
    .mutation(({ ctx, input }) => removeStaff(ctx.db, ctx.actor, ctx.now, input.userId)),

  /** The owner switches a staff member between coach and physio (never the owner's own role). */
  changeRole: procedureFor("staff.manage")
    .input(z.object({ userId: z.uuid("Unknown staff member"), role: z.enum(["coach", "physio"], { error: "Choose coach or physio" }) }))
    .mutation(({ ctx, input }) => changeStaffRole(ctx.db, ctx.actor, ctx.now, input.userId, input.role)),

  /** A new invite link for a staff member who has not signed up; older links stop working. */
  reissueInvite: procedureFor("invite.create")
    .input(z.object({ userId: z.uuid("Unknown staff member") }))
    .mutation(({ ctx, input }) => reissueStaffInvite(ctx.db, ctx.actor, ctx.now, input.userId, ctx)),

  /** Withdraw a pending staff invite (the person never signed up). */
  revokeInvite: procedureFor("invite.create")
    .input(z.object({ userId: z.uuid("Unknown staff member") }))
    .mutation(({ ctx, input }) => revokeInvite(ctx.db, ctx.actor, ctx.now, input.userId)),

  /** The club's security settings (shown on the staff page). */
  securityPolicy: procedureFor("roster.read").query(async ({ ctx }) => {
    const policy = await getSecurityPolicy(ctx.db, ctx.actor.organisationId);
    if (!policy) throw new DomainError("not_found", "No such club.");
    return { ...policy, canEdit: can(ctx.actor, "securityPolicy.write") };
  }),

  /** The owner requires (or stops requiring) a second factor for physios. */
  setSecurityPolicy: procedureFor("securityPolicy.write")
    .input(z.object({ physioSecondFactorRequired: z.boolean() }))
    .mutation(({ ctx, input }) => setPhysioSecondFactor(ctx.db, ctx.actor, ctx.now, input.physioSecondFactorRequired)),
});
