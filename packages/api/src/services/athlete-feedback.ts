import {
  decisionMeaning,
  isActionable,
  newFlagsSince,
  outcomeDecision,
  painZone,
  worstOfZones,
  zoneMeaning,
  type Assessment,
  type Flag,
  type OutcomeDecision,
  type Severity,
  type Zone,
} from "@loadline/domain";
import type { Database } from "@loadline/db";
import { afterClinicalWrite, assessNow } from "./assessments";

/** What the athlete sees at once after saving a log: the engine's verdict in plain words. */
export interface LogFeedback {
  /** The outcome of the logged session (absent for check-ins and VISA-H). */
  outcome: {
    zone: Zone;
    zoneLabel: string;
    zoneMeaning: string;
    decision: OutcomeDecision;
    decisionLabel: string;
    decisionMeaning: string;
    /** True while the next-morning check-in can still change the zone (R3). */
    pending: boolean;
  } | null;
  /** Flags this write raised (amber, red, escalate), worst first, with their plain sentences. */
  newFlags: { ruleId: string; severity: Severity; message: string }[];
  /** Flags concerning this record, even if they were already open. */
  recordFlags: { ruleId: string; severity: Severity; message: string }[];
  nextHighLoadAt: Date | null;
  progressionBlocked: boolean;
}

const plainFlag = (f: Flag) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message });

/**
 * The assessment before a write, so the feedback can say which flags are new. Computed, not
 * read: the stored snapshot may predate a queued re-assessment, whose flags are not this write's.
 */
export async function assessmentBefore(db: Database, organisationId: string, athleteId: string, now: Date): Promise<Assessment | null> {
  return assessNow(db, organisationId, athleteId, now);
}

/**
 * Re-assess after a write, inline (the athlete waits for this verdict; snapshot and alerts are
 * stored for staff at the same time) and word the result
 * for the athlete. For a session log the outcome is the engine's R4 outcome of that session
 * when it is the latest, else the same-day R1/R2 zones from the domain's helpers.
 */
export async function feedbackAfterWrite(
  db: Database,
  organisationId: string,
  athleteId: string,
  now: Date,
  before: Assessment | null,
  record: { id: string; painDuring?: number; painAfter?: number | null } | null,
): Promise<LogFeedback> {
  const assessment = (await afterClinicalWrite(db, organisationId, [athleteId], now, { feedbackFor: athleteId })).get(athleteId);
  if (!assessment) throw new Error("The athlete could not be assessed");
  let outcome: LogFeedback["outcome"] = null;
  if (record && record.painDuring !== undefined) {
    const latest = assessment.latestOutcome;
    let zone: Zone;
    let pending = true;
    if (latest && latest.sessionId === record.id) {
      zone = latest.zone;
      pending = latest.pending;
    } else {
      const after = record.painAfter ?? null;
      zone = worstOfZones([painZone(record.painDuring, assessment.thresholds), after === null ? null : painZone(after, assessment.thresholds)]);
    }
    const decision = outcomeDecision(zone);
    outcome = {
      zone,
      zoneLabel: zoneMeaning[zone].label,
      zoneMeaning: zoneMeaning[zone].meaning,
      decision,
      decisionLabel: decisionMeaning[decision].label,
      decisionMeaning: decisionMeaning[decision].meaning,
      pending,
    };
  }
  const recordFlags = record
    ? assessment.flags.filter((f) => isActionable(f) && f.evidence.recordIds.includes(record.id)).map(plainFlag)
    : [];
  return {
    outcome,
    newFlags: newFlagsSince(before?.flags ?? [], assessment.flags).map(plainFlag),
    recordFlags,
    nextHighLoadAt: assessment.nextHighLoadAt,
    progressionBlocked: assessment.progression.blocked,
  };
}
