import { z } from "zod";
import { addAthleteSchema, athleteErasureSchema, changeEmailSchema, rosterProfileSchema } from "@loadline/domain";
import { getAthlete, listRoster, listSquads, pendingEmailChange } from "@loadline/db";
import { cancelAthleteEmailChange, correctAthleteEmail, resendAthleteEmailChange } from "../services/athlete-email";
import { eraseAthlete } from "../services/athlete-erasure";
import { exportRecordForAthlete } from "../services/club-export";
import { addAthlete, moveAthlete, noAthlete as notFound, reissueAthleteInvite, setAthleteArchived, updateAthleteProfile } from "../services/club-people";
import { importRoster, previewRosterImport } from "../services/roster-import";
import { procedureFor, router } from "../trpc";

const athleteIdSchema = z.object({ athleteId: z.uuid("Unknown athlete") });
const squadIdsSchema = rosterProfileSchema.shape.squadIds;
/** A roster file as text; 500 athletes fit well inside this. */
const rosterCsv = z.object({ csv: z.string({ error: "csv must be text" }).min(1, "Choose a CSV file").max(500_000, "The file must be at most 500 KB") });

export const rosterRouter = router({
  squads: procedureFor("roster.read").query(({ ctx }) => listSquads(ctx.db, ctx.actor.organisationId)),

  list: procedureFor("roster.read")
    .input(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }))
    .query(({ ctx, input }) => listRoster(ctx.db, ctx.actor.organisationId, input)),

  get: procedureFor("roster.read")
    .input(athleteIdSchema)
    .query(async ({ ctx, input }) => {
      const athlete = (await getAthlete(ctx.db, ctx.actor.organisationId, input.athleteId)) ?? notFound();
      const pending = athlete.account === "active" ? await pendingEmailChange(ctx.db, ctx.actor.organisationId, athlete.userId, ctx.now) : null;
      return { ...athlete, pendingEmail: pending ? { email: pending.newEmail, expiresAt: pending.expiresAt } : null };
    }),

  add: procedureFor("roster.write")
    .input(addAthleteSchema)
    .mutation(({ ctx, input }) => addAthlete(ctx.db, ctx.actor, ctx.now, input, ctx)),

  update: procedureFor("roster.write")
    .input(rosterProfileSchema.extend(athleteIdSchema.shape))
    .mutation(({ ctx, input }) => updateAthleteProfile(ctx.db, ctx.actor, ctx.now, input)),

  move: procedureFor("roster.write")
    .input(athleteIdSchema.extend({ squadIds: squadIdsSchema }))
    .mutation(({ ctx, input }) => moveAthlete(ctx.db, ctx.actor, ctx.now, input.athleteId, input.squadIds)),

  /** The athlete's record as a ZIP, for them (physio or owner; audited). */
  exportRecord: procedureFor("athlete.exportRecord")
    .input(athleteIdSchema)
    .mutation(({ ctx, input }) => exportRecordForAthlete(ctx.db, ctx.actor, ctx.now, input.athleteId)),

  /** Erase an athlete at their request (the owner, typing their name): docs/data-protection.md. */
  erase: procedureFor("athlete.erase")
    .input(athleteErasureSchema)
    .mutation(({ ctx, input }) => eraseAthlete(ctx.db, ctx.actor, ctx.now, input)),

  setArchived: procedureFor("roster.write")
    .input(athleteIdSchema.extend({ archived: z.boolean() }))
    .mutation(({ ctx, input }) => setAthleteArchived(ctx.db, ctx.actor, ctx.now, input.athleteId, input.archived)),

  /** Check a roster CSV row by row (the form's messages), writing nothing. A mutation so the file travels in the body. */
  importPreview: procedureFor("roster.write")
    .input(rosterCsv)
    .mutation(({ ctx, input }) => previewRosterImport(ctx.db, ctx.actor, input.csv)),

  /** Add the valid rows of a roster CSV with invites, all in one transaction. */
  import: procedureFor("roster.write")
    .input(rosterCsv)
    .mutation(({ ctx, input }) => importRoster(ctx.db, ctx.actor, ctx.now, input.csv)),

  /** A new invite link for an athlete who has not set a password yet; older links stop working. */
  reissueInvite: procedureFor("invite.create")
    .input(athleteIdSchema)
    .mutation(({ ctx, input }) => reissueAthleteInvite(ctx.db, ctx.actor, ctx.now, input.athleteId, ctx)),

  /**
   * Correct an athlete's email (coaches, like the rest of the roster): the invite moves to it, or
   * a signed-up athlete confirms it from a link sent there. The answer never says whether the
   * address has an account in another club.
   */
  correctEmail: procedureFor("roster.write")
    .input(athleteIdSchema.extend(changeEmailSchema.shape))
    .mutation(({ ctx, input }) => correctAthleteEmail(ctx.db, ctx.actor, ctx.now, input, ctx)),

  /** Send the confirmation link again to the address waiting for confirmation. */
  resendEmailChange: procedureFor("roster.write")
    .input(athleteIdSchema)
    .mutation(({ ctx, input }) => resendAthleteEmailChange(ctx.db, ctx.actor, ctx.now, input.athleteId, ctx)),

  /** Withdraw the email change waiting for confirmation; the athlete keeps their address. */
  cancelEmailChange: procedureFor("roster.write")
    .input(athleteIdSchema)
    .mutation(({ ctx, input }) => cancelAthleteEmailChange(ctx.db, ctx.actor, ctx.now, input.athleteId)),
});
