import { z } from "zod";
import { dateTimeInput, GAIT_CUES_MAX, TEXT_LIMITS, URL_MAX_LENGTH, gaitLabels as L, rangedNumber, gaitAssessmentSchema, gaitCatalogue, gaitFaultSchema, noteText, plainText, positiveNumber, type GaitFaultCode } from "@loadline/domain";
import { latestGaitAssessments, listBoardAthletes } from "@loadline/db";
import { correctGaitAssessment, recordGaitAssessment, removeGaitAssessment } from "../services/gait";
import { lowCadenceHints } from "../services/coach-board";
import { procedureFor, router } from "../trpc";

/** A new gait assessment: the domain's schema, minus what the server sets (id, assessor). */
export const newGaitAssessmentSchema = z.object({
  athleteId: z.uuid(`${L.athleteId}: choose an athlete`),
  at: dateTimeInput(L.at).optional(),
  surface: gaitAssessmentSchema.shape.surface,
  speedKmh: positiveNumber(L.speedKmh).refine((v) => v <= 40, `${L.speedKmh} must be at most 40`).nullable(),
  cadenceSpm: rangedNumber(L.cadenceSpm, 60, 260).nullable(),
  faults: z
    .array(gaitFaultSchema)
    .min(1, "Record at least one fault")
    .refine((faults) => new Set(faults.map((f) => f.code)).size === faults.length, "Each fault once"),
  cues: z
    .array(plainText("A cue", { max: TEXT_LIMITS.title, min: 1 }))
    .min(1, "Choose or write at least one cue")
    .max(GAIT_CUES_MAX, `At most ${GAIT_CUES_MAX} cues`),
  notes: noteText(L.notes).default(""),
  videoUrl: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: `${L.videoUrl} must be a web link (https://...)` }).max(URL_MAX_LENGTH, `${L.videoUrl} must be at most ${URL_MAX_LENGTH.toLocaleString("en-GB")} characters`)])
    .nullable()
    .default(null),
});

export const gaitRouter = router({
  create: procedureFor("gait.write")
    .input(newGaitAssessmentSchema)
    .mutation(({ ctx, input }) => recordGaitAssessment(ctx.db, ctx.actor, ctx.now, input)),

  /** The coach's own assessment, within 7 days of saving it; the earlier version stays in the history. */
  correct: procedureFor("gait.write")
    .input(newGaitAssessmentSchema.omit({ athleteId: true }).extend({ assessmentId: z.uuid("Unknown gait assessment") }))
    .mutation(({ ctx, input }) => correctGaitAssessment(ctx.db, ctx.actor, ctx.now, input)),

  remove: procedureFor("gait.write")
    .input(z.object({ assessmentId: z.uuid("Unknown gait assessment") }))
    .mutation(({ ctx, input }) => removeGaitAssessment(ctx.db, ctx.actor, ctx.now, input)),

  /** Which athletes carry which faults (latest assessment each), and low-cadence hints from runs. */
  squadFaults: procedureFor("board.read")
    .input(z.object({ squadId: z.uuid("Unknown squad").optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const { organisationId } = ctx.actor;
      const athletes = await listBoardAthletes(ctx.db, organisationId, input.squadId ? [input.squadId] : undefined);
      const ids = athletes.map((a) => a.id);
      const [latest, hints] = await Promise.all([
        latestGaitAssessments(ctx.db, organisationId, ids),
        lowCadenceHints(ctx.db, organisationId, ids, ctx.now),
      ]);
      const names = new Map(athletes.map((a) => [a.id, a]));
      const byFault = new Map<GaitFaultCode, { athleteId: string; athleteName: string; severity: number; side: string | null; assessedAt: Date; cues: string[] }[]>();
      for (const assessment of latest) {
        const athlete = names.get(assessment.athleteId);
        if (!athlete) continue;
        for (const fault of assessment.faults) {
          const list = byFault.get(fault.code) ?? [];
          list.push({ athleteId: athlete.id, athleteName: athlete.name, severity: fault.severity, side: fault.side ?? null, assessedAt: assessment.at, cues: assessment.cues });
          byFault.set(fault.code, list);
        }
      }
      return {
        faults: Object.values(gaitCatalogue).map((info) => ({
          code: info.code,
          label: info.label,
          athletes: (byFault.get(info.code) ?? []).sort((a, b) => b.severity - a.severity || a.athleteName.localeCompare(b.athleteName)),
        })),
        cadenceHints: hints.map((h) => ({ ...h, athleteName: names.get(h.athleteId)?.name ?? "" })),
        athletes: athletes.map((a) => ({ id: a.id, name: a.name, squadIds: a.squads.map((sq) => sq.id) })),
      };
    }),
});
