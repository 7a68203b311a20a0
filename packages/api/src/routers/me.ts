import { getAthleteByUser, getAthleteClinicalProfile, getUserWithOrganisation, readAthleteTimeZones, readClubCalendar } from "@loadline/db";
import { effectiveTimeZone, DomainError, ownAthleteProfileSchema } from "@loadline/domain";
import { updateOwnProfile } from "../services/account";
import { exportOwnRecord } from "../services/club-export";
import { procedureFor, protectedProcedure, router } from "../trpc";

export const meRouter = router({
  /**
   * Who is signed in, for the app shell, with the calendar every screen writes dates in: the
   * club's zone and locale, and for an athlete their own zone when they set one (their days are
   * counted there, so their dates must read the same way).
   */
  viewer: protectedProcedure.query(async ({ ctx }) => {
    const { organisationId, userId, athleteId } = ctx.actor;
    const [viewer, club, ownZone] = await Promise.all([
      getUserWithOrganisation(ctx.db, organisationId, userId),
      readClubCalendar(ctx.db, organisationId),
      athleteId ? readAthleteTimeZones(ctx.db, organisationId, [athleteId]).then((zones) => zones.get(athleteId) ?? null) : null,
    ]);
    if (!viewer) throw new DomainError("unauthenticated", "Your account no longer exists.");
    return { ...viewer, calendar: { timeZone: effectiveTimeZone(club.timeZone, ownZone), locale: club.locale } };
  }),

  /** The signed-in athlete's own profile. */
  profile: procedureFor("athlete.readOwn").query(async ({ ctx }) => {
    const profile = await getAthleteByUser(ctx.db, ctx.actor.organisationId, ctx.actor.userId);
    if (!profile) throw new DomainError("not_found", "No athlete profile for this account.");
    // Their own conditions and notes: the athlete may see what the physio recorded about them.
    const clinical = await getAthleteClinicalProfile(ctx.db, ctx.actor.organisationId, profile.id);
    return {
      ...profile,
      conditions: clinical?.conditions ?? [],
      notes: clinical?.notes ?? "",
      bmi: clinical?.bmi ?? null,
      usualCadenceSpm: clinical?.usualCadenceSpm ?? null,
    };
  }),

  /** The athlete edits their own profile (sport, history, conditions); squads and notes stay with staff. */
  updateProfile: procedureFor("athlete.writeOwn")
    .input(ownAthleteProfileSchema)
    .mutation(({ ctx, input }) => updateOwnProfile(ctx.db, ctx.actor, ctx.now, input)),

  /** The athlete downloads their own record: a ZIP of CSVs and a manifest (README, "A club's data"). */
  exportMine: procedureFor("athlete.readOwn").mutation(({ ctx }) => exportOwnRecord(ctx.db, ctx.actor, ctx.now)),
});
