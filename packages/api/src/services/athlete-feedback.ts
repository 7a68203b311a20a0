import {
  decisionMeaning,
  isActionable,
  NOT_ASSESSED_FEEDBACK,
  newFlagsSince,
  outcomeDecision,
  painZone,
  worstOfZones,
  zoneMeaning,
  planSchema,
  withRecordWritten,
  type Assessment,
  type Flag,
  type Plan,
  type OutcomeDecision,
  type Severity,
  type Zone,
} from "@loadline/domain";
import { toCheckIn, toLoggedSession, type CheckInRow, type Database, type SessionLogRow } from "@loadline/db";
import { assessTimeline, loadAssessmentInputs, refreshAssessments, storeAssessment } from "./assessments";

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
  /**
   * Set when the write was saved but the rules could not judge it (a stored record of the athlete
   * cannot be read): what the athlete should do meanwhile. Null when the engine judged it.
   */
  notAssessed: string | null;
}

const plainFlag = (f: Flag) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message });

/** The record a log's feedback is about: a session (with its pains) or a check-in. */
export type FeedbackRecord = { id: string; painDuring?: number; painAfter?: number | null };

/**
 * What the athlete sees after a write, worded from the assessment after it: for a session log
 * the outcome is the engine's R4 outcome of that session when it is the latest, else the
 * same-day R1/R2 zones from the domain's helpers; the flags are those new since `before`.
 */
export function feedbackOf(assessment: Assessment, before: Assessment | null, record: FeedbackRecord | null): LogFeedback {
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
    notAssessed: null,
  };
}

/** The feedback of a write the rules could not judge: saved, no verdict guessed. */
const notAssessedFeedback: LogFeedback = {
  outcome: null,
  newFlags: [],
  recordFlags: [],
  nextHighLoadAt: null,
  progressionBlocked: true,
  notAssessed: NOT_ASSESSED_FEEDBACK,
};

/** What one of the athlete's own writes did to their engine input, as stored rows. */
export type OwnRecordChange =
  | { kind: "session"; id: string; row: SessionLogRow | null }
  | { kind: "check_in"; id: string; row: CheckInRow | null };

export interface OwnWriteResult<R> {
  result: R;
  /** The record the write changed (its stored row after the write, null when deleted); null when nothing changed (a repeated submit). */
  change: OwnRecordChange | null;
  /** The record the feedback is about. */
  record: FeedbackRecord | null;
  /** False for a repeated submit (the record existed already): every flag counts as shown before. */
  newRecord?: boolean;
}

/**
 * One of the athlete's own log writes (a session, run or check-in: create, edit or delete) with
 * the engine's verdict at once, in the procedure's one transaction. The engine's input is loaded
 * once, and the write is sent right behind its windowed reads (so they do not see it) with the
 * athlete's current plan from its first round (a strength session "as prescribed" takes its
 * content), saving a round trip; the engine then
 * runs twice on that input, without and with the written record (`withRecordWritten`): the
 * "before" that says which flags are new (computed, not read from the snapshot, which may lag a
 * queued re-assessment) and the "after" that is stored (snapshot, board row, alerts, next run)
 * and worded for the athlete. No second load, no second read of the plan.
 */
export async function ownWriteWithFeedback<R>(
  db: Database,
  organisationId: string,
  athleteId: string,
  now: Date,
  write: (plan: Plan | null) => Promise<OwnWriteResult<R>>,
): Promise<{ result: R; feedback: LogFeedback }> {
  let written: OwnWriteResult<R> | undefined;
  const inputs = await loadAssessmentInputs(db, organisationId, [athleteId], now, {
    inlineWriteOf: athleteId,
    alongsideWindowedReads: async (plans) => {
      const plan = plans.get(athleteId);
      const parsedPlan = plan ? planSchema.safeParse(plan) : null;
      written = await write(parsedPlan?.success ? parsedPlan.data : null);
    },
  });
  if (!written) throw new Error("The write did not run");
  const loaded = inputs.timelines.get(athleteId);
  const timeline = loaded?.ok ? loaded.timeline : null;
  const before = timeline ? assessTimeline(inputs, timeline, now) : null;
  const after = timeline && written.change ? withRecordWritten(timeline, now, recordOf(written.change)) : timeline;
  const assessment = after ? assessTimeline(inputs, after, now) : null;
  if (!assessment) {
    // A stored record of the athlete cannot be read: the write stands (never lost work), the
    // snapshot says "needs attention" for staff, as every re-assessment of them does.
    const reloaded = (await refreshAssessments(db, organisationId, [athleteId], now, { inlineWriteOf: athleteId })).get(athleteId);
    return { result: written.result, feedback: reloaded ? feedbackOf(reloaded, null, written.record) : notAssessedFeedback };
  }
  await storeAssessment(db, organisationId, athleteId, assessment, inputs, now);
  return { result: written.result, feedback: feedbackOf(assessment, written.newRecord === false ? null : before, written.record) };
}

/** The written row as the engine reads it (the loader's own row mappers). */
function recordOf(change: OwnRecordChange): Parameters<typeof withRecordWritten>[2] {
  if (change.kind === "session") {
    return { kind: "session", id: change.id, record: change.row && change.row.deletedAt === null ? toLoggedSession(change.row) : null };
  }
  return { kind: "check_in", id: change.id, record: change.row && change.row.deletedAt === null ? toCheckIn(change.row) : null };
}
