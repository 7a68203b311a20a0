import { operatorClubSchema } from "@loadline/domain";
import { listClubsForOperator } from "@loadline/db";
import { DEMO_ORGANISATION_SLUG } from "@loadline/db/seed";
import { createClubWithOwnerLink, removeDemoClub } from "../services/clubs";
import { operatorProcedure, router } from "../trpc";

/** The instance operator's tools: clubs by name and head count, never a club's records. */
export const operatorRouter = router({
  clubs: operatorProcedure.query(async ({ ctx }) => {
    const clubs = await listClubsForOperator(ctx.db);
    return clubs.map((c) => ({ ...c, isDemo: c.slug === DEMO_ORGANISATION_SLUG }));
  }),

  /** A new club and its owner's one-time set-up link (an invite to choose their password). */
  createClub: operatorProcedure.input(operatorClubSchema).mutation(({ ctx, input }) => createClubWithOwnerLink(ctx.db, input, ctx.now, ctx)),

  /** Remove the demo club and everything in it, in one action; no other club is touched. */
  removeDemoClub: operatorProcedure.mutation(({ ctx }) => removeDemoClub(ctx.db)),
});
