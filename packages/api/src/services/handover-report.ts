import {
  diffPlans,
  effectiveForbiddenActivities,
  localDateKey,
  phaseInfo,
  provocationTestInfo,
  toCoachAssessment,
  weeklyVolumeSeries,
  DomainError,
  type Actor,
  type CoachFlag,
  type CriterionStatus,
  type Phase,
  type PlanChange,
  type Severity,
  type WeeklyVolumePoint,
} from "@loadline/domain";
import {
  getAthlete,
  getUserWithOrganisation,
  listAdjuncts,
  listCheckIns,
  listEpisodes,
  listEscalations,
  listPlanVersions,
  listSessionLogs,
  listVisaHResponses,
  readClubCalendar,
  type Database,
} from "@loadline/db";
import { getAssessment } from "./assessments";
import { recordAudit } from "./audit";
import { phasedBody } from "./plan-versioning";
import { assertCan } from "../trpc";

const DAY_MS = 86_400_000;
/** How far back the report's pain and volume charts reach. */
export const HANDOVER_WEEKS = 8;

export interface DailyPain {
  /** The local day (YYYY-MM-DD) in the athlete's zone. */
  date: string;
  morning: number | null;
  /** Worst pain during / after a session that day (physio version only). */
  during: number | null;
  after: number | null;
}

interface ReportCommon {
  club: { name: string };
  athlete: { id: string; name: string; eventOrSport: string; squads: string[] };
  generatedAt: Date;
  generatedBy: string;
  calendar: { timeZone: string; locale: string };
  phase: { phase: Phase; name: string; startedAt: Date; daysInPhase: number } | null;
  availability: string;
  nextHighLoadAt: Date | null;
  pain: DailyPain[];
  painBands: { greenMax: number; amberMax: number };
  weeklyVolume: WeeklyVolumePoint[];
}

/** What a coach's handover holds: the coach-safe projection, nothing clinical. */
export interface CoachHandover extends ReportCommon {
  audience: "coach";
  phaseHistory: { phase: number; startedAt: Date }[];
  flags: CoachFlag[];
  medicalReviewNeeded: boolean;
}

export interface PhysioHandover extends ReportCommon {
  audience: "physio";
  episode: {
    side: string;
    onsetDate: string;
    onsetType: string;
    diagnosisMethod: string;
    differentialsExcluded: string[];
    owningClinicianName: string;
    clinicalNotes: string;
    provocationTests: {
      label: string;
      side: string;
      at: Date;
      familiarPainReproduced: boolean;
      pain: number;
      accuracy: { sensitivityPct: number; specificityPct: number } | null;
    }[];
  } | null;
  /** Every plan version that changed the phase (or the first), with who signed it off. */
  phaseHistory: { version: number; phase: number; startedAt: Date; signedOffBy: string; change: string | null; reason: string | null }[];
  plan: {
    version: number;
    authorName: string;
    createdAt: Date;
    changeSummary: string;
    prescriptions: { exercise: string; sets: number; reps: number | null; holdSeconds: number | null; sessionsPerWeek: number }[];
    lastChanges: PlanChange[];
    notes: string | null;
  } | null;
  exitCriteria: { id: string; description: string; status: CriterionStatus; dataNeeded: string | null }[];
  visaH: { points: { date: string; total: number }[]; baseline: number | null; change: number | null; dueAt: Date | null };
  flags: { ruleId: string; severity: Severity; message: string; at: Date }[];
  escalations: { ruleId: string; severity: Severity; message: string; raisedAt: Date; acknowledged: boolean }[];
  adjuncts: { kind: string; at: Date; side: string | null; provider: string; parameters: string; restrictions: string | null }[];
  /** Activities the current phase and plan forbid (R16/R17). */
  restrictions: string[];
}

export type HandoverReport = CoachHandover | PhysioHandover;

/** One point per local day: that morning's pain and the worst during/after pain of the day's sessions. */
function dailyPain(
  sessions: readonly { at: Date; painDuring: number; painAfter: number | null }[],
  checkIns: readonly { at: Date; morningPain: number }[],
  timeZone: string,
): DailyPain[] {
  const days = new Map<string, DailyPain>();
  const point = (at: Date) => {
    const date = localDateKey(at.getTime(), timeZone);
    let p = days.get(date);
    if (!p) days.set(date, (p = { date, morning: null, during: null, after: null }));
    return p;
  };
  for (const s of sessions) {
    const p = point(s.at);
    p.during = Math.max(p.during ?? 0, s.painDuring);
    if (s.painAfter !== null) p.after = Math.max(p.after ?? 0, s.painAfter);
  }
  for (const c of checkIns) point(c.at).morning = c.morningPain;
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The handover report of one athlete, as the caller may see it: the clinical record for a
 * physio, the coach-safe projection for a coach (the same one the board uses). The download is
 * audited here, so every way of producing the PDF leaves a line in the audit log.
 */
export async function buildHandoverReport(db: Database, actor: Actor, athleteId: string, now: Date): Promise<HandoverReport> {
  const { organisationId } = actor;
  assertCan(actor, "report.handover", { organisationId, athleteId });
  const athlete = await getAthlete(db, organisationId, athleteId);
  if (!athlete) throw new DomainError("not_found", "No such athlete in your club.");
  const since = new Date(now.getTime() - HANDOVER_WEEKS * 7 * DAY_MS);
  const [assessment, viewer, club, sessions, checkIns, versions] = await Promise.all([
    getAssessment(db, organisationId, athlete.id, now),
    getUserWithOrganisation(db, organisationId, actor.userId),
    readClubCalendar(db, organisationId),
    listSessionLogs(db, organisationId, athlete.id, since),
    listCheckIns(db, organisationId, athlete.id, since),
    listPlanVersions(db, organisationId, athlete.id),
  ]);
  if (!assessment || !viewer) throw new DomainError("not_found", "No such athlete in your club.");
  const calendar = { timeZone: assessment.calendar.timeZone, locale: club.locale };
  const latest = versions.at(-1) ?? null;
  const phase: ReportCommon["phase"] =
    latest && assessment.inRehab
      ? {
          phase: latest.phase,
          name: phaseInfo[latest.phase].name,
          startedAt: latest.phaseStartedAt,
          daysInPhase: Math.floor((now.getTime() - latest.phaseStartedAt.getTime()) / DAY_MS),
        }
      : null;
  const runs = sessions.filter((s) => s.type === "run").map((s) => ({ at: s.at, distanceKm: s.distanceKm, minutes: s.minutes }));
  const pain = dailyPain(sessions, checkIns, calendar.timeZone);
  const coachView = toCoachAssessment(assessment);
  const common: ReportCommon = {
    club: { name: viewer.organisationName },
    athlete: { id: athlete.id, name: athlete.name, eventOrSport: athlete.eventOrSport, squads: athlete.squads.map((s) => s.name) },
    generatedAt: now,
    generatedBy: viewer.name,
    calendar,
    phase,
    availability: coachView.availability,
    nextHighLoadAt: coachView.nextHighLoadAt,
    pain,
    painBands: coachView.painBands,
    weeklyVolume: weeklyVolumeSeries(runs, now, HANDOVER_WEEKS, assessment.thresholds.volume.weeklyGreenMaxPct, assessment.calendar),
  };
  const phaseStarts = versions.filter((v, i) => i === 0 || versions[i - 1]?.phase !== v.phase || v.phaseChange !== null);

  if (actor.role !== "physio") {
    await recordAudit(db, actor, now, [
      { athleteId: athlete.id, action: "read", entity: "handover_report", detail: "Downloaded the coach's handover report" },
    ]);
    return {
      ...common,
      audience: "coach",
      // Morning pain only, as on the board; session pain sits with the clinical record.
      pain: pain.map((p) => ({ date: p.date, morning: p.morning, during: null, after: null })).filter((p) => p.morning !== null),
      phaseHistory: phaseStarts.map((v) => ({ phase: v.phase, startedAt: v.phaseStartedAt })),
      flags: coachView.flags,
      medicalReviewNeeded: coachView.medicalReviewNeeded,
    };
  }

  const [episodes, visaH, escalations, adjuncts] = await Promise.all([
    listEpisodes(db, organisationId, athlete.id),
    listVisaHResponses(db, organisationId, athlete.id),
    listEscalations(db, organisationId, { athleteId: athlete.id }),
    listAdjuncts(db, organisationId, athlete.id),
  ]);
  const episode = episodes.find((e) => e.status === "active") ?? null;
  const previous = versions.at(-2) ?? null;
  const body = latest ? phasedBody(latest) : null;
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "read", entity: "handover_report", detail: "Downloaded the physio's handover report" },
  ]);
  return {
    ...common,
    audience: "physio",
    episode: episode
      ? {
          side: episode.side,
          onsetDate: episode.onsetDate,
          onsetType: episode.onsetType,
          diagnosisMethod: episode.diagnosisMethod,
          differentialsExcluded: episode.differentialsExcluded,
          owningClinicianName: episode.owningClinicianName,
          clinicalNotes: episode.clinicalNotes,
          provocationTests: episode.provocationTests.map((t) => ({
            label: provocationTestInfo[t.test].label,
            side: t.side,
            at: t.at,
            familiarPainReproduced: t.familiarPainReproduced,
            pain: t.pain,
            accuracy: provocationTestInfo[t.test].accuracy,
          })),
        }
      : null,
    phaseHistory: phaseStarts.map((v) => ({
      version: v.version,
      phase: v.phase,
      startedAt: v.phaseStartedAt,
      signedOffBy: v.authorName,
      change: v.phaseChange,
      reason: v.phaseChangeReason,
    })),
    plan:
      latest && body
        ? {
            version: latest.version,
            authorName: latest.authorName,
            createdAt: latest.createdAt,
            changeSummary: latest.changeSummary,
            prescriptions: body.prescriptions.map((p) => ({
              exercise: p.exercise,
              sets: p.sets,
              reps: p.reps ?? null,
              holdSeconds: p.holdSeconds ?? null,
              sessionsPerWeek: p.sessionsPerWeek,
            })),
            lastChanges: previous ? diffPlans(phasedBody(previous), body) : [],
            notes: latest.content.notes ?? null,
          }
        : null,
    exitCriteria: assessment.exitCriteria.map((c) => ({ id: c.id, description: c.description, status: c.status, dataNeeded: c.dataNeeded })),
    visaH: {
      points: visaH.map((v) => ({ date: localDateKey(v.at.getTime(), calendar.timeZone), total: v.total })),
      baseline: assessment.visaH?.baseline ?? null,
      change: assessment.visaH?.change ?? null,
      dueAt: assessment.visaH?.dueAt ?? null,
    },
    flags: assessment.flags.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, at: f.at })),
    escalations: escalations.map((e) => ({
      ruleId: e.ruleId,
      severity: e.severity,
      message: e.message,
      raisedAt: e.raisedAt,
      acknowledged: e.acknowledgedAt !== null,
    })),
    adjuncts: adjuncts.map((a) => ({
      kind: a.kind,
      at: a.at,
      side: a.side,
      provider: a.provider,
      parameters: a.parameters,
      restrictions: a.restrictions,
    })),
    restrictions: body && assessment.inRehab ? effectiveForbiddenActivities(body).map((a) => a.replaceAll("_", " ")) : [],
  };
}
