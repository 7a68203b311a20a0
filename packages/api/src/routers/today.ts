import {
  decisionMeaning,
  isActionable,
  gaitCatalogue,
  isSameLocalDay,
  phaseInfo,
  visaHDueForAssessment,
  zoneMeaning,
  DomainError,
  outcomeFlagDisagreement,
  videoHost,
} from "@loadline/domain";
import { getAthleteByUser, listCheckIns, listVisaHResponses, prescribedExerciseVersions } from "@loadline/db";
import { getAssessment } from "../services/assessments";
import { currentPlan, ownAthleteId } from "../services/athlete-logging";
import { procedureFor, router } from "../trpc";

const DAY_MS = 86_400_000;

/** An exercise's how-to, video link and image address (served to club members only), when the library has them. */
function mediaOf(version: { exerciseId: string; version: number; howTo: string; videoUrl: string | null; imageKey: string | null } | undefined) {
  return {
    howTo: version?.howTo ? version.howTo : null,
    video: version?.videoUrl ? { url: version.videoUrl, host: videoHost(version.videoUrl) } : null,
    imageUrl: version?.imageKey ? `/api/exercise-media/${version.exerciseId}/${version.version}` : null,
  };
}

/** The athlete's home page: phase, today's plan, what to avoid, cues, the next hard day and open flags. */
export const todayRouter = router({
  get: procedureFor("athleteLog.readOwn").query(async ({ ctx }) => {
    const athleteId = ownAthleteId(ctx.actor);
    const { organisationId } = ctx.actor;
    const [profile, plan, assessment, checkIns, visaH] = await Promise.all([
      getAthleteByUser(ctx.db, organisationId, ctx.actor.userId),
      currentPlan(ctx.db, organisationId, athleteId),
      getAssessment(ctx.db, organisationId, athleteId, ctx.now),
      // Two days back covers "today" in any zone, even on a 25-hour day; filtered by local date below.
      listCheckIns(ctx.db, organisationId, athleteId, new Date(ctx.now.getTime() - 2 * DAY_MS)),
      listVisaHResponses(ctx.db, organisationId, athleteId),
    ]);
    if (!profile || !assessment) throw new DomainError("not_found", "No athlete profile for this account.");
    // The how-to and media of the library version each prescription was written from.
    const library = await prescribedExerciseVersions(ctx.db, organisationId, plan?.prescriptions ?? []);
    const info = assessment.phase === null ? null : phaseInfo[assessment.phase];
    const latest = assessment.latestOutcome;
    const { timeZone, locale } = assessment.calendar;
    return {
      /** The zone and locale every date on the page is written in. */
      calendar: { timeZone, locale },
      name: profile.name,
      eventOrSport: profile.eventOrSport,
      squads: profile.squads.map((squad) => squad.name),
      inRehab: assessment.inRehab,
      availability: assessment.availability,
      phase: info
        ? {
            number: info.phase,
            name: info.name,
            goals: info.goals,
            allowed: info.allowed,
            avoid: info.forbidden,
            startedAt: plan?.phaseStartedAt ?? null,
          }
        : null,
      prescriptions: (plan?.prescriptions ?? []).map((p) => ({
        id: p.id,
        exercise: p.exercise,
        category: p.category,
        sets: p.sets,
        reps: p.reps ?? null,
        holdSeconds: p.holdSeconds ?? null,
        intensityPct: p.intensityPct ?? null,
        repetitionMaximum: p.repetitionMaximum ?? null,
        tempo: p.tempo ?? null,
        sessionsPerWeek: p.sessionsPerWeek,
        heavy: p.heavy,
        ...mediaOf(library.get(p.id)),
      })),
      planNotes: plan?.notes ?? null,
      gait: assessment.gait
        ? {
            at: assessment.gait.at,
            /** What the coach chose for this athlete: the cues the athlete should focus on. */
            prescribedCues: assessment.gait.prescribedCues,
            faults: assessment.gait.faults.map((f) => ({ code: f.code, label: gaitCatalogue[f.code].label, severity: f.severity, cues: f.cues })),
            cadenceHint: assessment.gait.cadenceHint,
          }
        : null,
      nextHighLoadAt: assessment.nextHighLoadAt,
      highLoadAllowed: assessment.preflight.highLoadAllowed,
      /** The R7 spacing in force, in hours (the plan's, relaxed or not); null when no spacing applies. */
      spacingHours: assessment.preflight.spacingHours,
      flags: assessment.flags
        .filter((f) => isActionable(f))
        .map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          at: f.at,
          // The same session's outcome may be another colour (a phase gate is not a pain response): say why both hold.
          outcomeNote: latest && f.at.getTime() === latest.at.getTime() ? outcomeFlagDisagreement(latest.zone, f) : null,
        })),
      progressionBlocked: assessment.progression.blocked,
      latestOutcome: latest
        ? {
            at: latest.at,
            zone: latest.zone,
            zoneLabel: zoneMeaning[latest.zone].label,
            zoneMeaning: zoneMeaning[latest.zone].meaning,
            decision: latest.decision,
            decisionMeaning: decisionMeaning[latest.decision].meaning,
            pending: latest.pending,
            incomplete: latest.incomplete,
            missingData: latest.missingData,
          }
        : null,
      checkedInToday: checkIns.some((c) => isSameLocalDay(c.at, ctx.now, timeZone)),
      visaHDue: visaHDueForAssessment(visaH.at(-1)?.at ?? null, assessment, ctx.now),
    };
  }),
});
