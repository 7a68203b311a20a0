import { z } from "zod";
import { can, clubSettingsSchema, clubThresholdFields, DomainError } from "@loadline/domain";
import { getClubSettings } from "@loadline/db";
import { exportClub } from "../services/club-export";
import { transferOwnership, updateSettings } from "../services/clubs";
import { procedureFor, router } from "../trpc";

/** The club's own settings: staff read them, the owner changes them. */
export const clubRouter = router({
  settings: procedureFor("club.read").query(async ({ ctx }) => {
    const settings = await getClubSettings(ctx.db, ctx.actor.organisationId);
    if (!settings) throw new DomainError("not_found", "No such club.");
    const { engineThresholds, ...rest } = settings;
    return { ...rest, ...clubThresholdFields(engineThresholds), canEdit: can(ctx.actor, "club.write"), isOwner: ctx.actor.isOwner === true };
  }),

  update: procedureFor("club.write")
    .input(clubSettingsSchema)
    .mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.actor, ctx.now, input)),

  transferOwnership: procedureFor("club.write")
    .input(z.object({ userId: z.uuid("Choose a coach") }))
    .mutation(({ ctx, input }) => transferOwnership(ctx.db, ctx.actor, ctx.now, input.userId)),

  /** The owner downloads the whole club: a ZIP of one CSV per table and a manifest (README, "A club's data"). */
  export: procedureFor("club.write").mutation(({ ctx }) => exportClub(ctx.db, ctx.actor, ctx.now)),
});
