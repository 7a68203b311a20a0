import { z } from "zod";
import { squadInputSchema } from "@loadline/domain";
import { coachSquadIds, listSquadsForManagement } from "@loadline/db";
import { archiveSquad, assignCoaches, createSquad, renameSquad } from "../services/club-people";
import { procedureFor, router } from "../trpc";

const squadIdSchema = z.object({ squadId: z.uuid("Unknown squad") });

/** Squads: coaches create, rename, archive and staff them; every staff member reads them. */
export const squadsRouter = router({
  /** Every squad (archived too) with its coaches; `mine` marks the caller's own squads. */
  list: procedureFor("roster.read").query(async ({ ctx }) => {
    const [squads, mine] = await Promise.all([
      listSquadsForManagement(ctx.db, ctx.actor.organisationId),
      coachSquadIds(ctx.db, ctx.actor.organisationId, ctx.actor.userId),
    ]);
    return squads.map((s) => ({ ...s, mine: mine.includes(s.id) }));
  }),

  /** The active squads the signed-in coach looks after: where the board, planner and alerts open. */
  mine: procedureFor("board.read").query(({ ctx }) => coachSquadIds(ctx.db, ctx.actor.organisationId, ctx.actor.userId)),

  create: procedureFor("squad.manage")
    .input(squadInputSchema)
    .mutation(({ ctx, input }) => createSquad(ctx.db, ctx.actor, ctx.now, input)),

  update: procedureFor("squad.manage")
    .input(squadInputSchema.extend(squadIdSchema.shape))
    .mutation(({ ctx, input }) => {
      const { squadId, ...squad } = input;
      return renameSquad(ctx.db, ctx.actor, ctx.now, squadId, squad);
    }),

  setArchived: procedureFor("squad.manage")
    .input(squadIdSchema.extend({ archived: z.boolean() }))
    .mutation(({ ctx, input }) => archiveSquad(ctx.db, ctx.actor, ctx.now, input.squadId, input.archived)),

  setCoaches: procedureFor("squad.manage")
    .input(squadIdSchema.extend({ coachIds: z.array(z.uuid("Choose a coach")).max(50) }))
    .mutation(({ ctx, input }) => assignCoaches(ctx.db, ctx.actor, ctx.now, input.squadId, input.coachIds)),
});
