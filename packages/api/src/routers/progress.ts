import { DEFAULT_TIME_ZONE, defaultThresholds, localDateKey, painBandsOf, weeklyVolumeSeries } from "@loadline/domain";
import { listCheckIns, listPhaseHistory, listSessionLogs, listVisaHResponses } from "@loadline/db";
import { getAssessment } from "../services/assessments";
import { ownAthleteId } from "../services/athlete-logging";
import { procedureFor, router } from "../trpc";
import { z } from "zod";

const DAY_MS = 86_400_000;

/**
 * The athlete's progress: chart series (plain data arrays the shared chart components draw),
 * the exit checklist with what would settle unknown criteria, and the phase history.
 */
export const progressRouter = router({
  /** The during/after pain bands of the athlete's current plan, which colour the pain scale on the log forms. */
  painBands: procedureFor("athleteLog.readOwn").query(async ({ ctx }) => {
    const assessment = await getAssessment(ctx.db, ctx.actor.organisationId, ownAthleteId(ctx.actor), ctx.now);
    return painBandsOf(assessment?.thresholds);
  }),
  get: procedureFor("athleteLog.readOwn")
    .input(z.object({ weeks: z.number().int().min(2).max(26).default(8) }).default({ weeks: 8 }))
    .query(async ({ ctx, input }) => {
      const athleteId = ownAthleteId(ctx.actor);
      const { organisationId } = ctx.actor;
      const since = new Date(ctx.now.getTime() - input.weeks * 7 * DAY_MS);
      const [sessions, checkIns, visaH, phases, assessment] = await Promise.all([
        listSessionLogs(ctx.db, organisationId, athleteId, since),
        listCheckIns(ctx.db, organisationId, athleteId, since),
        listVisaHResponses(ctx.db, organisationId, athleteId),
        listPhaseHistory(ctx.db, organisationId, athleteId),
        getAssessment(ctx.db, organisationId, athleteId, ctx.now),
      ]);
      // One point per local day (the athlete's zone): the worst during/after pain that day and that morning's pain.
      const timeZone = assessment?.calendar.timeZone ?? DEFAULT_TIME_ZONE;
      const dayKey = (d: Date) => localDateKey(d.getTime(), timeZone);
      const days = new Map<string, { date: string; during: number | null; after: number | null; morning: number | null }>();
      const point = (date: string) => {
        let p = days.get(date);
        if (!p) days.set(date, (p = { date, during: null, after: null, morning: null }));
        return p;
      };
      for (const s of sessions) {
        const p = point(dayKey(s.at));
        p.during = Math.max(p.during ?? 0, s.painDuring);
        if (s.painAfter !== null) p.after = Math.max(p.after ?? 0, s.painAfter);
      }
      for (const c of checkIns) point(dayKey(c.at)).morning = c.morningPain;
      const thresholds = assessment?.thresholds;
      const bands = painBandsOf(thresholds);
      return {
        pain: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
        painBands: bands,
        /** R10's weekly growth limit in force (per cent), which the weekly chart's line is drawn at. */
        weeklyGreenMaxPct: thresholds?.volume.weeklyGreenMaxPct ?? defaultThresholds.volume.weeklyGreenMaxPct,
        /** The meaningful VISA-H change in force (points), the chart's target above baseline. */
        visaHMeaningfulChange: thresholds?.visaH.meaningfulChange ?? defaultThresholds.visaH.meaningfulChange,
        weeklyVolume: weeklyVolumeSeries(
          sessions.filter((s) => s.type === "run").map((s) => ({ at: s.at, distanceKm: s.distanceKm, minutes: s.minutes })),
          ctx.now,
          input.weeks,
          thresholds?.volume.weeklyGreenMaxPct,
          assessment?.calendar,
        ),
        visaH: visaH.map((v) => ({ date: dayKey(v.at), total: v.total })),
        visaHSummary: assessment?.visaH ?? null,
        phase: assessment?.phase ?? null,
        exitCriteria: (assessment?.exitCriteria ?? []).map((c) => ({
          id: c.id,
          description: c.description,
          status: c.status,
          dataNeeded: c.dataNeeded,
        })),
        phaseHistory: phases.map((p) => ({ ...p, phase: p.phase })),
        workload: assessment
          ? {
              acwr: assessment.workload.acwr,
              acwrZone: assessment.workload.acwrZone,
              acwrSummary: assessment.workload.acwrSummary,
              weeklyVolume: assessment.workload.weeklyVolume,
            }
          : null,
      };
    }),
});
