import { confirmedGreen } from "./rules/pain";
import type { AssessmentContext, PreparedSession } from "./context";
import { checkInsBetween, runsBetween, sessionsBetween } from "./context";
import type { MorningTrend } from "./rules/pain";
import { singleRunSpike, weeklyVolume } from "./rules/volume";
import type { CapacityTest } from "./schemas/records";
import { DAY_MS, latestRecord, stable } from "./time";
import type { CriterionStatus, Evidence, EvidenceValue, ExitCriterionResult, Flag, SessionOutcome, VisaHSummary } from "./types";
import type { ExitCriterionId } from "./vocabulary";
import { phaseInfo } from "./phases";
import { formatInClubTime, localDateKey, startOfLocalDay } from "./calendar";

/** Each exit criterion of clinical-model.md, "Phases" in plain words. */
export const exitCriterionDescriptions: Readonly<Record<ExitCriterionId, string>> = {
  "E1.1": "Bridge load-test pain 3/10 or less on at least 5 of the last 7 days",
  "E1.2": "At least 6 full-dose isometric sessions with no red outcome",
  "E1.3": "Morning pain not rising",
  "E1.4": "No open red flag",
  "E2.1": "No pain at rest",
  "E2.2": "Drop lunge on the affected leg 1/10 or less",
  "E2.3": "Affected side at least 90 % of the other side, and at least 25 controlled single-leg bridges each side",
  "E2.4": "Brisk walk of 30-45 minutes without pain",
  "E2.5": "Heavy (~8RM) loading tolerated for at least 2 weeks with no red outcome",
  "E2.6": "VISA-H at least 13 points above baseline",
  "E3.1": "Target easy run done twice with green outcomes",
  "E3.2": "Strides and hills each tolerated on at least 2 runs",
  "E3.3": "Weekly running at least 80 % of pre-injury, with no red volume or spike flag for 14 days",
  "E3.4": "Strength symmetry (E2.3) still holds",
  "E4.1": "Every sport element done at full intensity with a green next morning",
  "E4.2": "At least 2 weeks of full training",
  "E4.3": "VISA-H 80 or more",
  "E4.4": "A maintenance plan is recorded",
};

/**
 * For an exit criterion the engine marks "unknown": which record would settle it, in words an
 * athlete can act on (or ask their physio about).
 */
export const exitCriterionDataNeeded: Readonly<Record<ExitCriterionId, string>> = {
  "E1.1": "Log the bridge load test (3 single-leg bridges) in your morning check-in every day.",
  "E1.2": "Log your isometric sessions, ticking 'done as prescribed' when you did the full dose.",
  "E1.3": "Log your morning pain every day for two weeks.",
  "E1.4": "Answer the red-flag questions in your morning check-in.",
  "E2.1": "Record your pain at rest in your morning check-in.",
  "E2.2": "Your physio records a drop-lunge test on the affected leg.",
  "E2.3": "Your physio records single-leg bridge reps or a prone-curl 10RM on both sides.",
  "E2.4": "Log a brisk walk of 30-45 minutes with your pain during and after.",
  "E2.5": "Log your heavy strength sessions done as prescribed (with the load as a repetition maximum).",
  "E2.6": "Complete the VISA-H questionnaire.",
  "E3.1": "Your physio sets a target easy run; then log your runs with pain and next-morning check-ins.",
  "E3.2": "Log runs with strides and gentle hills, each with next-morning check-ins.",
  "E3.3": "Your physio records your weekly running before the injury; log every run with its distance.",
  "E3.4": "Your physio repeats the bridge or prone-curl strength test.",
  "E4.1": "Your physio lists your sport elements; log sessions at full intensity with next-morning check-ins.",
  "E4.2": "Log your full training sessions for two weeks.",
  "E4.3": "Complete the VISA-H questionnaire.",
  "E4.4": "Your physio records your maintenance plan.",
};

/** Inputs the criteria share with the rules, computed once by `assessAthlete`. */
export interface ExitCriteriaInputs {
  outcomes: readonly SessionOutcome[];
  trend: MorningTrend;
  flags: readonly Flag[];
  visaH: VisaHSummary | null;
}

type Check = {
  status: CriterionStatus;
  recordIds?: string[];
  values: Record<string, EvidenceValue | undefined>;
  /** Overrides the default "what would settle it" sentence of an unknown criterion. */
  dataNeeded?: string;
};

/** No record to judge: the criterion is unknown, never "not met". */
const noData = (values: Record<string, EvidenceValue | undefined>, recordIds: string[] = []): Check => ({ status: "unknown", recordIds, values });

const statusOf = (ok: boolean): CriterionStatus => (ok ? "met" : "not_met");

/**
 * The exit checklist of the current phase: each criterion met, not met, or unknown, with its
 * evidence. `unknown` means there is nothing to judge (no record of the kind the criterion
 * reads, or a VISA-H older than its validity) and carries the record that would settle it;
 * `not_met` is only ever given on evidence. Empty for an athlete without a plan.
 */
export function evaluateExitCriteria(ctx: AssessmentContext, inputs: ExitCriteriaInputs): ExitCriterionResult[] {
  const { plan, phase } = ctx;
  if (plan === null || phase === null) return [];
  const zoneById = new Map(inputs.outcomes.map((o) => [o.sessionId, o]));
  const greenDone = (s: PreparedSession) => {
    const o = zoneById.get(s.id);
    return o !== undefined && confirmedGreen(o) && !o.pending;
  };
  const notRed = (s: PreparedSession) => zoneById.get(s.id)?.zone !== "red";
  // A session whose outcome could still turn out green: next morning pending or not logged.
  const undecided = (s: PreparedSession) => {
    const o = zoneById.get(s.id);
    return o !== undefined && o.zone === "green" && (o.pending || o.incomplete);
  };
  /**
   * "Done N times with green outcomes": met with N confirmed; unknown while no attempt was logged
   * or undecided attempts could still make up N; not met only when they cannot.
   */
  const exposures = (attempts: readonly PreparedSession[], values: Record<string, EvidenceValue>): Check => {
    const required = e.e3Exposures;
    const done = attempts.filter(greenDone);
    const open = attempts.filter(undecided);
    const recordIds = done.map((s) => s.id);
    if (done.length >= required) return { status: "met", recordIds, values };
    if (attempts.length === 0 || done.length + open.length >= required) return { status: "unknown", recordIds, values };
    return { status: "not_met", recordIds, values };
  };
  const sincePhase = sessionsBetween(ctx, ctx.phaseStart - 1, ctx.now);
  const e = ctx.thresholds.exit;

  const checks: Record<ExitCriterionId, () => Check> = {
    "E1.1": () => {
      const windowDays = e.e1LoadTestWindowDays;
      const byDay = new Map<string, { id: string; pain: number }>();
      // "The last 7 days" are calendar days in the club's zone: today and the 6 before it.
      const { timeZone } = ctx.calendar;
      const firstDay = startOfLocalDay(ctx.now - (windowDays - 1) * DAY_MS, timeZone);
      for (const c of checkInsBetween(ctx, firstDay - 1, ctx.now)) {
        if (c.checkIn.loadTestPain === undefined) continue;
        // Later check-ins overwrite earlier ones: the day's last test counts.
        byDay.set(localDateKey(c.t, timeZone), { id: c.id, pain: c.checkIn.loadTestPain });
      }
      const good = [...byDay.values()].filter((d) => d.pain <= ctx.thresholds.loadTest.toleratingMax).length;
      const missing = windowDays - byDay.size;
      const status: CriterionStatus = good >= e.e1LoadTestGoodDays ? "met" : good + missing < e.e1LoadTestGoodDays ? "not_met" : "unknown";
      return { status, recordIds: [...byDay.values()].map((d) => d.id).sort(), values: { goodDays: good, daysWithData: byDay.size, required: e.e1LoadTestGoodDays } };
    },
    "E1.2": () => {
      const isometric = sincePhase.filter((s) => s.log.categories.includes("isometric"));
      const sessions = isometric.filter((s) => s.log.asPrescribed && notRed(s));
      const values = { sessions: sessions.length, required: e.e1IsometricSessions };
      if (isometric.length === 0) return noData(values);
      return { status: statusOf(sessions.length >= e.e1IsometricSessions), recordIds: sessions.map((s) => s.id), values };
    },
    "E1.3": () => {
      const { rise } = inputs.trend;
      if (rise === null) return { status: "unknown", values: { rise: null } };
      return { status: statusOf(rise < ctx.thresholds.trend.amberRise), values: { rise } };
    },
    "E1.4": () => {
      const open = inputs.flags.filter((f) => f.ruleId === "R20");
      if (open.length > 0) return { status: "not_met", values: { openRedFlags: open.length } };
      // "No open red flag" needs the questions answered recently, not merely no answers at all.
      const answered = checkInsBetween(ctx, ctx.now - e.e1LoadTestWindowDays * DAY_MS, ctx.now);
      if (answered.length === 0) return noData({ openRedFlags: 0, recentCheckIns: 0 });
      return { status: "met", recordIds: [answered[answered.length - 1]!.id], values: { openRedFlags: 0, recentCheckIns: answered.length } };
    },
    "E2.1": () => {
      const withRest = checkInsBetween(ctx, ctx.now - 7 * DAY_MS, ctx.now).filter((c) => c.checkIn.restPain !== undefined);
      const latest = withRest[withRest.length - 1];
      if (!latest) return { status: "unknown", values: { restPain: null } };
      const restPain = latest.checkIn.restPain as number;
      return { status: statusOf(restPain === 0), recordIds: [latest.id], values: { restPain } };
    },
    "E2.2": () => {
      const test = latestTest(ctx, "drop_lunge");
      if (!test) return { status: "unknown", values: { pain: null } };
      return { status: statusOf(test.pain <= e.e2DropLungeMaxPain), recordIds: [test.id], values: { pain: test.pain, maxPain: e.e2DropLungeMaxPain } };
    },
    "E2.3": () => strengthSymmetry(ctx),
    "E2.4": () => {
      const walks = sincePhase.filter((s) => s.activities.has("walking"));
      if (walks.length === 0) return { status: "unknown", values: { walks: 0 } };
      const painFree = walks.filter((s) => (s.minutes ?? 0) >= e.e2BriskWalkMinutes && s.log.painDuring === 0 && (s.log.painAfter ?? 0) === 0);
      return { status: statusOf(painFree.length > 0), recordIds: painFree.map((s) => s.id), values: { walks: walks.length, painFreeWalks: painFree.length, minutes: e.e2BriskWalkMinutes } };
    },
    "E2.5": () => {
      const withRm = sincePhase.filter((s) => s.log.heaviestRm !== undefined);
      if (withRm.length === 0) return { status: "unknown", values: { heavySessions: 0 } };
      let lastRed = Number.NEGATIVE_INFINITY;
      for (const s of sincePhase) if (!notRed(s)) lastRed = s.t;
      const heavy = withRm.filter((s) => (s.log.heaviestRm as number) <= e.e2HeavyLoadMaxRm && s.t > lastRed);
      const first = heavy[0];
      const days = first ? stable((ctx.now - first.t) / DAY_MS) : 0;
      return { status: statusOf(first !== undefined && days >= e.e2HeavyLoadWeeks * 7), recordIds: heavy.map((s) => s.id), values: { daysTolerated: days, requiredDays: e.e2HeavyLoadWeeks * 7 } };
    },
    "E2.6": () => {
      const v = inputs.visaH;
      if (!v) return { status: "unknown", values: { change: null } };
      if (!v.current) return visaHDue(v);
      return { status: statusOf(v.change >= e.e2VisaHGain), values: { baseline: v.baseline, latest: v.latestTotal, change: v.change, required: e.e2VisaHGain } };
    },
    "E3.1": () => {
      const target = plan.targetEasyRun;
      if (!target) return { status: "unknown", values: { target: null } };
      const targetRuns = ctx.runs.filter(
        (r) =>
          r.t >= ctx.phaseStart &&
          (target.distanceKm === undefined || (r.distanceKm ?? 0) >= target.distanceKm) &&
          (target.minutes === undefined || (r.minutes ?? 0) >= target.minutes),
      );
      const values = { greenTargetRuns: targetRuns.filter(greenDone).length, required: e.e3Exposures };
      if (!ctx.runs.some((r) => r.t >= ctx.phaseStart)) return noData(values);
      // Runs were logged but none reached the target: that is evidence, not missing data.
      if (targetRuns.length === 0) return { status: "not_met", values };
      return exposures(targetRuns, values);
    },
    "E3.2": () => {
      const isHill = (r: PreparedSession) => r.activities.has("gentle_hills") || r.activities.has("hills");
      const phaseRuns = ctx.runs.filter((r) => r.t >= ctx.phaseStart);
      const strideRuns = phaseRuns.filter((r) => r.activities.has("strides"));
      const hillRuns = phaseRuns.filter(isHill);
      const values = { greenStrideRuns: strideRuns.filter(greenDone).length, greenHillRuns: hillRuns.filter(greenDone).length, required: e.e3Exposures };
      const strides = exposures(strideRuns, values);
      const hills = exposures(hillRuns, values);
      const recordIds = [...strideRuns, ...hillRuns].filter(greenDone).map((r) => r.id);
      // Both parts are needed: one not met settles it; otherwise one unknown leaves it unknown.
      const status: CriterionStatus =
        strides.status === "not_met" || hills.status === "not_met" ? "not_met" : strides.status === "met" && hills.status === "met" ? "met" : "unknown";
      return { status, recordIds, values };
    },
    "E3.3": () => {
      const preInjury = ctx.timeline.athlete.preInjuryWeeklyKm;
      if (preInjury == null) return { status: "unknown", values: { preInjuryWeeklyKm: null } };
      if (runsBetween(ctx, ctx.now - e.e3CleanDays * DAY_MS, ctx.now).length === 0) return noData({ weeklyKm: null, required: e.e3VolumePctOfPreInjury });
      const recent = runsBetween(ctx, ctx.now - 7 * DAY_MS, ctx.now);
      const km = stable(recent.reduce((sum, r) => sum + (r.distanceKm ?? 0), 0));
      const pct = preInjury > 0 ? stable((km / preInjury) * 100) : 100;
      const cleanFrom = ctx.now - e.e3CleanDays * DAY_MS;
      const weeklyReds = [ctx.now, ctx.now - 7 * DAY_MS].filter((end) => end >= cleanFrom && weeklyVolume(ctx, end).zone === "red").length;
      const spikeReds = runsBetween(ctx, cleanFrom, ctx.now).filter((r) => singleRunSpike(ctx, r).zone === "red").length;
      return {
        status: statusOf(pct >= e.e3VolumePctOfPreInjury && weeklyReds === 0 && spikeReds === 0),
        recordIds: recent.map((r) => r.id),
        values: { weeklyKm: km, pctOfPreInjury: pct, required: e.e3VolumePctOfPreInjury, redWeeklyChanges: weeklyReds, redSpikes: spikeReds },
      };
    },
    "E3.4": () => strengthSymmetry(ctx),
    "E4.1": () => {
      const elements = plan.returnToSportElements;
      if (elements.length === 0) return { status: "unknown", values: { elements: 0 } };
      if (!sincePhase.some((s) => s.log.fullIntensity)) return noData({ elements: elements.join(","), missing: elements.join(",") });
      const evidence: string[] = [];
      const missing = elements.filter((element) => {
        const done = sincePhase.find((s) => s.activities.has(element) && s.log.fullIntensity && zoneById.get(s.id)?.nextMorning === "green" && greenDone(s));
        if (done) evidence.push(done.id);
        return !done;
      });
      return { status: statusOf(missing.length === 0), recordIds: evidence, values: { elements: elements.join(","), missing: missing.join(",") } };
    },
    "E4.2": () => {
      const weeks = e.e4FullTrainingWeeks;
      const full = sessionsBetween(ctx, ctx.now - weeks * 7 * DAY_MS, ctx.now);
      if (full.length === 0) return noData({ weeksWithFullTraining: 0, required: weeks, redOutcomes: 0 });
      let coveredWeeks = 0;
      for (let w = 0; w < weeks; w += 1) {
        const end = ctx.now - w * 7 * DAY_MS;
        if (full.some((s) => s.log.fullTraining && s.t > end - 7 * DAY_MS && s.t <= end)) coveredWeeks += 1;
      }
      const reds = full.filter((s) => !notRed(s)).length;
      return {
        status: statusOf(coveredWeeks >= Math.ceil(weeks) && reds === 0),
        recordIds: full.filter((s) => s.log.fullTraining).map((s) => s.id),
        values: { weeksWithFullTraining: coveredWeeks, required: weeks, redOutcomes: reds },
      };
    },
    "E4.3": () => {
      const v = inputs.visaH;
      if (!v) return { status: "unknown", values: { latest: null } };
      if (!v.current) return visaHDue(v);
      return { status: statusOf(v.latestTotal >= e.e4VisaHMin), values: { latest: v.latestTotal, required: e.e4VisaHMin } };
    },
    "E4.4": () => {
      // The criterion is the record itself: until it is written there is nothing to judge.
      const recorded = (plan.maintenancePlan ?? "").trim().length > 0;
      return recorded ? { status: "met", recordIds: [plan.id], values: { recorded } } : noData({ recorded });
    },
  };

  /** A VISA-H older than its validity settles nothing: the criterion waits for a new one. */
  const visaHDue = (v: VisaHSummary): Check => ({
    status: "unknown",
    values: { latestAt: v.latestAt.toISOString(), validityDays: ctx.thresholds.visaH.validityDays },
    dataNeeded: `VISA-H due: the last questionnaire (${formatInClubTime(v.latestAt, ctx.calendar, "date")}) is more than ${ctx.thresholds.visaH.validityDays} days old. Complete a new one.`,
  });

  return phaseInfo[phase].exitCriteria.map((id) => {
    const result = checks[id]();
    // Every check returns defined values; `| undefined` above only absorbs TS's union inference.
    const evidence: Evidence = { recordIds: result.recordIds ?? [], values: result.values as Record<string, EvidenceValue> };
    const dataNeeded = result.status === "unknown" ? (result.dataNeeded ?? exitCriterionDataNeeded[id]) : null;
    return { id, description: exitCriterionDescriptions[id], status: result.status, evidence, dataNeeded };
  });
}

function latestTest<K extends CapacityTest["kind"]>(ctx: AssessmentContext, kind: K): Extract<CapacityTest, { kind: K }> | undefined {
  const ofKind = ctx.timeline.capacityTests.filter((test): test is Extract<CapacityTest, { kind: K }> => test.kind === kind);
  return latestRecord(ofKind, ctx.now);
}

/** Affected side as a % of the other; an other side of 0 counts as symmetric only if affected >= 0. */
function symmetryPct(affected: number, other: number): number {
  return other > 0 ? stable((affected / other) * 100) : 100;
}

/** E2.3 (and E3.4): >= 90 % on bridge reps or prone-curl 10RM, and >= 25 bridges each side. */
function strengthSymmetry(ctx: AssessmentContext): Check {
  const e = ctx.thresholds.exit;
  const bridge = latestTest(ctx, "single_leg_bridge_reps");
  const curl = latestTest(ctx, "prone_curl_10rm");
  if (!bridge) return { status: "unknown", recordIds: curl ? [curl.id] : [], values: { bridgeSymmetryPct: null } };
  const bridgePct = symmetryPct(bridge.affected, bridge.other);
  const curlPct = curl ? symmetryPct(curl.affected, curl.other) : null;
  const symmetric = bridgePct >= e.e2SymmetryPct || (curlPct !== null && curlPct >= e.e2SymmetryPct);
  const enoughReps = bridge.affected >= e.e2MinBridgeReps && bridge.other >= e.e2MinBridgeReps;
  return {
    status: statusOf(symmetric && enoughReps),
    recordIds: curl ? [bridge.id, curl.id] : [bridge.id],
    values: { bridgeSymmetryPct: bridgePct, curlSymmetryPct: curlPct, affectedReps: bridge.affected, otherReps: bridge.other, requiredPct: e.e2SymmetryPct, requiredReps: e.e2MinBridgeReps },
  };
}
