import { z } from "zod";
import { coachSafeMessage, toCoachAssessment, DomainError, alertStatus, withinGaitCorrectionWindow } from "@loadline/domain";
import {
  getAthlete,
  listAthleteAlertHistory,
  listCoachSessions,
  listGaitAssessments,
  morningPainSeries,
  phaseHistory,
} from "@loadline/db";
import { getAssessment } from "../services/assessments";
import { loadBoard, lowCadenceHints } from "../services/coach-board";
import { plainJson, procedureFor, router } from "../trpc";

const DAY_MS = 86_400_000;
/** How much history the athlete overview charts (pain, volume, sessions). */
export const OVERVIEW_DAYS = 84;

const boardInput = z
  .object({ squadIds: z.array(z.uuid("Unknown squad")).max(50, "Choose at most 50 squads").optional() })
  .default({});

export const boardRouter = router({
  /** The squad board: one coach-safe row per active athlete of the chosen squads (all when none). */
  rows: procedureFor("board.read")
    .input(boardInput)
    // Board rows are plain JSON by design (epoch times): no superjson type walk.
    .query(async ({ ctx, input }) => plainJson(await loadBoard(ctx.db, ctx.actor.organisationId, input.squadIds, ctx.now))),

  /** The coach-safe athlete overview: only the domain's coach-safe projection (`toCoachAssessment`). */
  athlete: procedureFor("board.read")
    .input(z.object({ athleteId: z.uuid("Unknown athlete") }))
    .query(async ({ ctx, input }) => {
      const { organisationId } = ctx.actor;
      const athlete = await getAthlete(ctx.db, organisationId, input.athleteId);
      if (!athlete) throw new DomainError("not_found", "No such athlete in your club.");
      const since = new Date(ctx.now.getTime() - OVERVIEW_DAYS * DAY_MS);
      const [assessment, phases, pain, sessions, gait, alerts, cadence] = await Promise.all([
        getAssessment(ctx.db, organisationId, athlete.id, ctx.now),
        phaseHistory(ctx.db, organisationId, athlete.id),
        morningPainSeries(ctx.db, organisationId, [athlete.id], since),
        listCoachSessions(ctx.db, organisationId, athlete.id, since),
        listGaitAssessments(ctx.db, organisationId, athlete.id),
        listAthleteAlertHistory(ctx.db, organisationId, athlete.id),
        lowCadenceHints(ctx.db, organisationId, [athlete.id], ctx.now),
      ]);
      if (!assessment) throw new DomainError("not_found", "No such athlete in your club.");
      return {
        // Profile facts a coach manages on the roster; conditions and notes stay with the physio.
        athlete: { id: athlete.id, name: athlete.name, eventOrSport: athlete.eventOrSport, squads: athlete.squads, archived: athlete.archived },
        assessment: toCoachAssessment(assessment),
        phaseHistory: phases.map((p) => ({ phase: p.phase, startedAt: p.phaseStartedAt })).filter(
          (p, i, all) => i === 0 || all[i - 1]?.phase !== p.phase || all[i - 1]?.startedAt.getTime() !== p.startedAt.getTime(),
        ),
        pain: pain.get(athlete.id) ?? [],
        sessions,
        gaitAssessments: gait.map((g) => ({
          id: g.id,
          at: g.at,
          assessorName: g.assessorName,
          surface: g.surface,
          speedKmh: g.speedKmh,
          cadenceSpm: g.cadenceSpm,
          faults: g.faults,
          cues: g.cues,
          notes: g.notes,
          videoUrl: g.videoUrl,
          createdAt: g.createdAt,
          corrected: g.updatedAt.getTime() !== g.createdAt.getTime(),
          /** The coach who recorded it may correct or delete it within the correction window. */
          mayCorrect: g.assessorId === ctx.actor.userId && withinGaitCorrectionWindow(g.createdAt, ctx.now),
        })),
        flagHistory: alerts.flatMap((a) => {
          const safe = coachSafeMessage(a);
          return safe
            ? [{ id: a.id, ruleId: a.ruleId, severity: a.severity, message: safe.message, medicalReview: safe.medicalReview, raisedAt: a.raisedAt, status: alertStatus(a) }]
            : [];
        }),
        cadenceHint: cadence[0] ?? null,
        overviewDays: OVERVIEW_DAYS,
      };
    }),
});
