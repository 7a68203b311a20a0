import { z } from "zod";
import { listEpisodes, listStaff } from "@loadline/db";
import { athleteClinicalProfileSchema, closingNoteSchema, episodeInputSchema, noteText, provocationTestInfo, provocationTestInputSchema } from "@loadline/domain";
import { readClinicalProfile, updateClinicalProfile } from "../services/athlete-facts";
import { addProvocationTest, closeActiveEpisode, editEpisode, openEpisode, removeProvocationTest, reopenClosedEpisode } from "../services/episodes";
import { clinicalSubject, recordAudit } from "../services/audit";
import { procedureFor, router } from "../trpc";

const athleteInput = z.object({ athleteId: z.uuid({ error: "athleteId must be an id" }) });
const episodeId = z.uuid({ error: "episodeId must be an id" });

export const episodesRouter = router({
  /** The athlete's episodes with provocation tests (and each test's reported accuracy, information only). */
  list: procedureFor("episode.read")
    .input(athleteInput)
    .query(async ({ ctx, input }) => {
      const athlete = await clinicalSubject(ctx.db, ctx.actor, "episode.read", input.athleteId);
      const episodes = await listEpisodes(ctx.db, ctx.actor.organisationId, athlete.id);
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: athlete.id, action: "read", entity: "injury_episode", detail: `Viewed ${episodes.length} injury episode(s)` },
      ], ctx.pageViewId ?? null);
      return {
        athlete: { id: athlete.id, name: athlete.name, eventOrSport: athlete.eventOrSport, squads: athlete.squads },
        episodes: episodes.map((e) => ({
          ...e,
          provocationTests: e.provocationTests.map((t) => ({ ...t, info: provocationTestInfo[t.test] })),
        })),
      };
    }),

  /**
   * The athlete's relevant conditions (R21) and free-text notes. Clinical, so physio-only and
   * audited; coaches never see them, the athlete sees their own on me.profile.
   */
  clinicalProfile: procedureFor("episode.read")
    .input(athleteInput)
    .query(({ ctx, input }) => readClinicalProfile(ctx.db, ctx.actor, ctx.now, input.athleteId, ctx.pageViewId ?? null)),

  updateClinicalProfile: procedureFor("episode.write")
    .input(athleteInput.extend({ profile: athleteClinicalProfileSchema }))
    .mutation(({ ctx, input }) => updateClinicalProfile(ctx.db, ctx.actor, ctx.now, input.athleteId, input.profile)),

  /** Physios of the club, for the owning-clinician select. */
  clinicians: procedureFor("episode.write").query(async ({ ctx }) =>
    (await listStaff(ctx.db, ctx.actor.organisationId)).filter((s) => s.role === "physio").map((s) => ({ id: s.id, name: s.name })),
  ),

  open: procedureFor("episode.write")
    .input(athleteInput.extend({ episode: episodeInputSchema }))
    .mutation(({ ctx, input }) => openEpisode(ctx.db, ctx.actor, ctx.now, input.athleteId, input.episode)),

  update: procedureFor("episode.write")
    .input(z.object({ episodeId, episode: episodeInputSchema }))
    .mutation(({ ctx, input }) => editEpisode(ctx.db, ctx.actor, ctx.now, input.episodeId, input.episode)),

  close: procedureFor("episode.write")
    .input(z.object({ episodeId, closingNote: closingNoteSchema }))
    .mutation(({ ctx, input }) => closeActiveEpisode(ctx.db, ctx.actor, ctx.now, input.episodeId, input.closingNote)),

  /** Reopen a closed episode with a reason (recurrence, or a discharge by mistake). */
  reopen: procedureFor("episode.write")
    .input(z.object({ episodeId, reason: noteText("reason").pipe(z.string().min(1, "reason is required: why is the episode reopened?")) }))
    .mutation(({ ctx, input }) => reopenClosedEpisode(ctx.db, ctx.actor, ctx.now, input.episodeId, input.reason)),

  addTest: procedureFor("episode.write")
    .input(z.object({ episodeId, test: provocationTestInputSchema }))
    .mutation(({ ctx, input }) => addProvocationTest(ctx.db, ctx.actor, ctx.now, input.episodeId, input.test)),

  removeTest: procedureFor("episode.write")
    .input(z.object({ testId: z.uuid({ error: "testId must be an id" }) }))
    .mutation(({ ctx, input }) => removeProvocationTest(ctx.db, ctx.actor, ctx.now, input.testId)),
});
