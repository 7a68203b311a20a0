import { clubSetupSchema } from "@loadline/domain";
import { countOrganisations } from "@loadline/db";
import { setUpClub } from "../services/clubs";
import { throttledTokenAttempt } from "../services/throttle";
import { publicProcedure, router } from "../trpc";

/** "Set up your club": public, because on an empty instance nobody exists yet to sign in. */
export const setupRouter = router({
  /** Whether this instance still needs its first club, and whether anyone may start one. */
  status: publicProcedure.query(async ({ ctx }) => {
    const clubs = await countOrganisations(ctx.db);
    const openSignup = ctx.instance?.openSignup === true;
    return { needsSetup: clubs === 0, canCreateClub: clubs === 0 || openSignup };
  }),

  /** Create the club and its owner; throttled by address like a sign-in. */
  createClub: publicProcedure
    .input(clubSetupSchema)
    .mutation(({ ctx, input }) => throttledTokenAttempt(ctx, () => setUpClub(ctx.db, { openSignup: ctx.instance?.openSignup === true }, input))),
});
