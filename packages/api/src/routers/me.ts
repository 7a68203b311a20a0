import { TRPCError } from "@trpc/server";
import { getAthleteByUser, getAthleteClinicalProfile, getUserWithOrganisation } from "@loadline/db";
import { procedureFor, protectedProcedure, router } from "../trpc";

export const meRouter = router({
  /** Who is signed in, for the app shell. */
  viewer: protectedProcedure.query(async ({ ctx }) => {
    const viewer = await getUserWithOrganisation(ctx.db, ctx.actor.organisationId, ctx.actor.userId);
    if (!viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your account no longer exists." });
    return viewer;
  }),

  /** The signed-in athlete's own profile. */
  profile: procedureFor("athlete.readOwn").query(async ({ ctx }) => {
    const profile = await getAthleteByUser(ctx.db, ctx.actor.organisationId, ctx.actor.userId);
    if (!profile) throw new TRPCError({ code: "NOT_FOUND", message: "No athlete profile for this account." });
    // Their own conditions and notes: the athlete may see what the physio recorded about them.
    const clinical = await getAthleteClinicalProfile(ctx.db, ctx.actor.organisationId, profile.id);
    return { ...profile, conditions: clinical?.conditions ?? [], notes: clinical?.notes ?? "" };
  }),
});
