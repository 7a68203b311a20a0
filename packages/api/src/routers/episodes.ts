import { z } from "zod";
import {
  closeEpisode,
  getEpisode,
  getOpenEpisode,
  insertEpisode,
  listEpisodes,
  listStaff,
  readClubCalendar,
  updateEpisode,
  type Database,
} from "@loadline/db";
import { athleteClinicalProfileSchema, closingNoteSchema, episodeInputSchema, noteText, onsetDateInFutureMessage, onsetDateIsInFuture, provocationTestInfo, provocationTestInputSchema, type EpisodeInput, DomainError } from "@loadline/domain";
import { fieldError } from "../errors";
import { afterClinicalWrite } from "../services/assessments";
import { readClinicalProfile, updateClinicalProfile } from "../services/athlete-facts";
import { addProvocationTest, removeProvocationTest, reopenClosedEpisode } from "../services/episodes";
import { clinicalSubject, recordAudit } from "../services/audit";
import { procedureFor, router } from "../trpc";

const athleteInput = z.object({ athleteId: z.uuid({ error: "athleteId must be an id" }) });
const episodeId = z.uuid({ error: "episodeId must be an id" });

/** The owning clinician must be a physio of the same organisation. */
async function assertClinician(db: Database, organisationId: string, input: EpisodeInput) {
  const staff = await listStaff(db, organisationId);
  if (!staff.some((s) => s.id === input.owningClinicianId && s.role === "physio")) {
    throw fieldError("owningClinicianId", "Choose a physio of your club");
  }
}

/** The onset date may be the club's today, not a later day (the club's date, not UTC's). */
async function assertOnsetNotInFuture(db: Database, organisationId: string, input: EpisodeInput, now: Date) {
  const { timeZone } = await readClubCalendar(db, organisationId);
  if (onsetDateIsInFuture(input.onsetDate, now, timeZone)) throw fieldError("episode.onsetDate", onsetDateInFutureMessage);
}

async function episodeInOrg(db: Database, organisationId: string, id: string) {
  const episode = await getEpisode(db, organisationId, id);
  if (!episode) throw new DomainError("not_found", "No such episode in your club.");
  return episode;
}

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
    .mutation(async ({ ctx, input }) => {
      const athlete = await clinicalSubject(ctx.db, ctx.actor, "episode.write", input.athleteId);
      await assertClinician(ctx.db, ctx.actor.organisationId, input.episode);
      await assertOnsetNotInFuture(ctx.db, ctx.actor.organisationId, input.episode, ctx.now);
      if (await getOpenEpisode(ctx.db, ctx.actor.organisationId, athlete.id)) {
        throw new DomainError("conflict", `${athlete.name} already has an open episode: close it before opening another.`);
      }
      const episode = await insertEpisode(ctx.db, ctx.actor.organisationId, athlete.id, input.episode, ctx.now);
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: athlete.id, action: "write", entity: "injury_episode", entityId: episode.id, detail: `Opened ${episode.side}-side episode` },
      ]);
      return episode;
    }),

  update: procedureFor("episode.write")
    .input(z.object({ episodeId, episode: episodeInputSchema }))
    .mutation(async ({ ctx, input }) => {
      const existing = await episodeInOrg(ctx.db, ctx.actor.organisationId, input.episodeId);
      await assertClinician(ctx.db, ctx.actor.organisationId, input.episode);
      await assertOnsetNotInFuture(ctx.db, ctx.actor.organisationId, input.episode, ctx.now);
      const episode = await updateEpisode(ctx.db, ctx.actor.organisationId, existing.id, input.episode, ctx.now);
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: existing.athleteId, action: "write", entity: "injury_episode", entityId: existing.id, detail: "Edited episode" },
      ]);
      return episode;
    }),

  close: procedureFor("episode.write")
    .input(z.object({ episodeId, closingNote: closingNoteSchema }))
    .mutation(async ({ ctx, input }) => {
      const existing = await episodeInOrg(ctx.db, ctx.actor.organisationId, input.episodeId);
      const episode = await closeEpisode(ctx.db, ctx.actor.organisationId, existing.id, input.closingNote, ctx.now);
      if (!episode) throw new DomainError("conflict", "This episode is already closed.");
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: existing.athleteId, action: "write", entity: "injury_episode", entityId: existing.id, detail: "Closed episode" },
      ]);
      // A closed episode ends the rehab plan: the athlete is assessed as not in rehab from now on.
      await afterClinicalWrite(ctx.db, ctx.actor.organisationId, [existing.athleteId], ctx.now);
      return episode;
    }),

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
