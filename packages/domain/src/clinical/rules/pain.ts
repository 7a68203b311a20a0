import { defaultThresholds, type Thresholds } from "../config";
import { ENGINE_READ } from "../read-window";
import type { AssessmentContext, PreparedSession } from "../context";
import { checkInsBetween, flagWindowStart } from "../context";
import { flag, reviewEpoch, worseZone } from "../flags";
import { formatInClubTime } from "../calendar";
import { DAY_MS, HOUR_MS, stable, upperBound } from "../time";
import type { Flag, OutcomeDecision, RedOutcomeHold, SessionOutcome } from "../types";
import type { Zone } from "../vocabulary";

/**
 * R1/R2: zone of a during- or after-activity pain score under the plan's pain profile.
 * PHT (default): green 0-2, amber 3, red >= 4. Silbernagel: green 0-3, amber 4-5, red >= 6.
 */
export function painZone(pain: number, thresholds: Thresholds): Zone {
  return painZoneInBands(pain, painBandsOf(thresholds));
}

/** The green and amber upper bounds of during/after pain under a plan's pain profile. */
export interface PainBands {
  greenMax: number;
  amberMax: number;
}

/** The bands R1/R2 apply for these thresholds (the plan's profile), or the defaults without a plan. */
export function painBandsOf(thresholds: Thresholds = defaultThresholds): PainBands {
  const { greenMax, amberMax } = thresholds.pain[thresholds.pain.profile];
  return { greenMax, amberMax };
}

/** The zone of a during/after pain score in these bands: what the athlete's pain scale colours while they tap. */
export function painZoneInBands(pain: number, bands: PainBands): Zone {
  if (pain <= bands.greenMax) return "green";
  if (pain <= bands.amberMax) return "amber";
  return "red";
}

/**
 * R3: zone of the next-morning response.
 * @param delta next-morning pain minus the morning pain before the session
 * @param secondMorningDelta the same delta on the following morning, when known
 * @returns green when delta <= 0; amber when delta = 1; red when delta >= 2, or when a rise of
 *   >= 1 is still present on a second morning
 */
export function nextMorningZone(delta: number, secondMorningDelta: number | null, thresholds: Thresholds): Zone {
  const { amberDelta, redDelta } = thresholds.nextMorning;
  if (delta >= redDelta) return "red";
  if (delta >= amberDelta) {
    return secondMorningDelta !== null && secondMorningDelta >= amberDelta ? "red" : "amber";
  }
  return "green";
}

/** R4: the outcome zone is the worst of its known components (R1-R3). */
export function worstOfZones(components: readonly (Zone | null)[]): Zone {
  let worst: Zone = "green";
  for (const zone of components) if (zone !== null) worst = worseZone(worst, zone);
  return worst;
}

/** A green outcome with its R3 comparison complete: what counts as "tolerated" for R7, R14, R15 and the exit criteria. */
export function confirmedGreen(outcome: SessionOutcome): boolean {
  return outcome.zone === "green" && !outcome.incomplete;
}

/** R4: green lets the next session change one variable, amber repeats the load, red goes back. */
export function outcomeDecision(zone: Zone): Exclude<OutcomeDecision, "incomplete"> {
  return zone === "green" ? "progress" : zone === "amber" ? "repeat" : "regress";
}

/** What an athlete logs to complete an outcome whose R3 comparison is missing a morning. */
export const MISSING_MORNING_BEFORE = "Log your morning pain: there was no morning check-in to compare the next morning with.";
export const MISSING_NEXT_MORNING = "Log your morning pain: the morning after this session was not logged.";

/**
 * R3 without a baseline: no morning in the look-back before the session, so no rise can be
 * computed. Missing data must never read as good news, so the absolute next-morning pain is
 * judged instead: above the plan's acceptable level (the green upper bound of its pain
 * profile) it is at least amber; otherwise the comparison stays unknown (null).
 */
export function nextMorningZoneWithoutBaseline(nextMorningPain: number, thresholds: Thresholds): Zone | null {
  return nextMorningPain > thresholds.pain[thresholds.pain.profile].greenMax ? "amber" : null;
}

/**
 * R1-R4 for every session, oldest first. The morning before is the most recent check-in at or
 * before the session start within `baselineLookbackDays` (the morning before when it was
 * logged, else the latest known morning); the next morning is the first check-in after the
 * start within `nextMorningWindowHours`; the second morning is the check-in after that.
 *
 * An outcome whose R3 comparison lacks a morning (no baseline in the look-back, or no next
 * morning once its window has passed) is `incomplete`: its decision is never "progress" (a
 * green one becomes "incomplete") and the athlete is asked to log their morning pain.
 */
export function computeOutcomes(ctx: AssessmentContext): SessionOutcome[] {
  const { thresholds, checkIns, checkInTimes, now } = ctx;
  const lookback = thresholds.nextMorning.baselineLookbackDays * DAY_MS;
  const nextWindow = thresholds.nextMorning.nextMorningWindowHours * HOUR_MS;
  return ctx.sessions.map((session) => {
    const during = painZone(session.log.painDuring, thresholds);
    const after = session.log.painAfter === undefined ? null : painZone(session.log.painAfter, thresholds);
    const beforeIndex = upperBound(checkInTimes, session.t) - 1;
    const before = beforeIndex >= 0 ? checkIns[beforeIndex] : undefined;
    const usableBefore = before && session.t - before.t <= lookback ? before : undefined;
    const next = checkIns[beforeIndex + 1];
    const usableNext = next && next.t - session.t <= nextWindow ? next : undefined;
    const second = usableNext ? checkIns[beforeIndex + 2] : undefined;
    const usableSecond = second && usableNext && second.t - usableNext.t <= nextWindow ? second : undefined;

    let nextMorning: Zone | null = null;
    let delta: number | null = null;
    if (usableBefore && usableNext) {
      delta = usableNext.checkIn.morningPain - usableBefore.checkIn.morningPain;
      const secondDelta = usableSecond ? usableSecond.checkIn.morningPain - usableBefore.checkIn.morningPain : null;
      nextMorning = nextMorningZone(delta, secondDelta, thresholds);
    } else if (usableNext) {
      nextMorning = nextMorningZoneWithoutBaseline(usableNext.checkIn.morningPain, thresholds);
    }
    // Still waiting for the next morning (or for the second morning after a rise of 1).
    const waitingForNext = !usableNext && now - session.t <= nextWindow;
    const waitingForSecond =
      nextMorning === "amber" && delta !== null && usableNext !== undefined && !usableSecond && now - usableNext.t <= nextWindow;
    const missingData = !usableBefore ? MISSING_MORNING_BEFORE : !usableNext && !waitingForNext ? MISSING_NEXT_MORNING : null;
    const zone = worstOfZones([during, after, nextMorning]);
    const incomplete = missingData !== null;
    return {
      sessionId: session.id,
      at: session.log.at,
      zone,
      decision: incomplete && zone === "green" ? "incomplete" : outcomeDecision(zone),
      pending: waitingForNext || waitingForSecond,
      incomplete,
      missingData,
      during,
      after,
      nextMorning,
      nextMorningDelta: delta,
      nextMorningPain: usableNext ? usableNext.checkIn.morningPain : null,
      baselineAt: usableBefore ? new Date(usableBefore.t) : null,
    };
  });
}

/** R1, R2, R3 flags for sessions in the look-back window. */
export function painResponseFlags(ctx: AssessmentContext, outcomes: readonly SessionOutcome[]): Flag[] {
  const flags: Flag[] = [];
  const from = flagWindowStart(ctx);
  const profile = ctx.thresholds.pain.profile;
  ctx.sessions.forEach((session, index) => {
    if (session.t <= from) return;
    const outcome = outcomes[index] as SessionOutcome;
    const log = session.log;
    if (outcome.during !== "green") {
      flags.push(
        flag("R1", outcome.during, session.t, `Pain during the session was ${log.painDuring}/10 (${outcome.during} zone).`, [session.id], {
          painDuring: log.painDuring,
          profile,
        }),
      );
    }
    if (outcome.after !== null && outcome.after !== "green") {
      flags.push(
        flag("R2", outcome.after, session.t, `Pain later that day was ${log.painAfter as number}/10 (${outcome.after} zone).`, [session.id], {
          painAfter: log.painAfter as number,
          profile,
        }),
      );
    }
    if (outcome.nextMorning !== null && outcome.nextMorning !== "green") flags.push(nextMorningFlag(ctx, session, outcome));
  });
  return flags;
}

/** The R3 flag of one session whose next-morning response was amber or red. */
function nextMorningFlag(ctx: AssessmentContext, session: PreparedSession, outcome: SessionOutcome): Flag {
  // Callers pass only amber or red next mornings.
  const zone = outcome.nextMorning as Exclude<Zone, "green">;
  if (outcome.nextMorningDelta === null) {
    const pain = outcome.nextMorningPain as number;
    const lookbackDays = ctx.thresholds.nextMorning.baselineLookbackDays;
    return flag(
      "R3",
      zone,
      session.t,
      `Morning pain was ${pain}/10 the morning after this session, with no morning logged in the ${lookbackDays} days before it to compare with: treated as amber. Log your morning pain every day.`,
      [session.id],
      { nextMorningPain: pain, baselineMissing: true, lookbackDays },
    );
  }
  const delta = outcome.nextMorningDelta;
  const persisted = delta < ctx.thresholds.nextMorning.redDelta && zone === "red";
  const baselineAt = outcome.baselineAt as Date;
  const olderBaseline = session.t - baselineAt.getTime() > ctx.thresholds.nextMorning.baselineWindowHours * HOUR_MS;
  const comparedWith = olderBaseline ? ` (compared with ${formatInClubTime(baselineAt, ctx.calendar, "day")}, the last morning logged before it)` : "";
  return flag(
    "R3",
    zone,
    session.t,
    persisted
      ? `Morning pain was still higher on a second morning after this session${comparedWith}.`
      : `Morning pain rose by ${delta} point${delta === 1 ? "" : "s"} the morning after this session${comparedWith}.`,
    [session.id],
    { delta, secondMorning: persisted, olderBaseline },
  );
}

/**
 * R4 flags: the latest session's outcome (amber: repeat; red: go back to the last green load;
 * incomplete: log the missing morning, no step up meanwhile) and two reds within the window that
 * block progression until a physio review. A red outcome becomes an alert for the physio's
 * caseload only when the athlete has a plan (an injury episode); without one, the alert reaches
 * the coach's inbox, and the sentence says so.
 */
export function outcomeFlags(ctx: AssessmentContext, outcomes: readonly SessionOutcome[]): Flag[] {
  const flags: Flag[] = [];
  const latest = outcomes[outcomes.length - 1];
  const latestSession = ctx.sessions[ctx.sessions.length - 1];
  if (latest && latestSession && latestSession.t > flagWindowStart(ctx)) {
    const alerted = ctx.plan !== null ? "the physio has been alerted" : "the coach has been alerted";
    if (latest.zone !== "green") {
      flags.push(
        flag(
          "R4",
          latest.zone,
          latestSession.t,
          latest.zone === "amber"
            ? "Last session was amber: repeat the same load next time, do not step up."
            : `Last session was red: go back to the last green load; ${alerted}.`,
          [latest.sessionId],
          { zone: latest.zone, decision: latest.decision },
          { blocksProgression: true, cause: `outcome:${latest.sessionId}` },
        ),
      );
    } else if (latest.incomplete) {
      // Information, not an alert: a forgotten check-in is not an injury, but it is not a green light either.
      flags.push(
        flag(
          "R4",
          "info",
          latestSession.t,
          `${latest.missingData as string} Until then, repeat the same load: no step up.`,
          [latest.sessionId],
          { zone: latest.zone, decision: latest.decision, incomplete: true },
          { blocksProgression: true, cause: `outcome:${latest.sessionId}` },
        ),
      );
    }
  }
  const doubleRed = findDoubleRed(ctx, outcomes);
  if (doubleRed) {
    flags.push(
      flag(
        "R4",
        "red",
        (doubleRed[doubleRed.length - 1] as PreparedSession).t,
        `Two red sessions within ${ctx.thresholds.outcome.redWindowDays} days: no progression until the physio reviews.`,
        doubleRed.map((s) => s.id),
        { reds: doubleRed.length, windowDays: ctx.thresholds.outcome.redWindowDays },
        // One block per review period: reds after a review are a new occurrence, never the reviewed one.
        { blocksProgression: true, cause: `two_reds:${reviewEpoch(ctx.lastReviewAt.R4)}` },
      ),
    );
  }
  return flags;
}

/**
 * The latest run of `redsBeforeReview` red sessions inside `redWindowDays` of each other, counted
 * after the last R4 review, the only thing that clears it, within the last
 * `ENGINE_READ.twoRedsHoldDays`. R4 looks only at its own window: a
 * phase change does not clear it, so an athlete with and without a plan is held the same way.
 */
function findDoubleRed(ctx: AssessmentContext, outcomes: readonly SessionOutcome[]): PreparedSession[] | null {
  const { redsBeforeReview, redWindowDays } = ctx.thresholds.outcome;
  // Held until an R4 review; two reds older than the hold period no longer hold (their alert
  // stays with staff until resolved), so a refresh never needs more than that much history.
  const since = Math.max(ctx.lastReviewAt.R4 ?? Number.NEGATIVE_INFINITY, ctx.now - ENGINE_READ.twoRedsHoldDays * DAY_MS);
  const window = redWindowDays * DAY_MS;
  const reds: PreparedSession[] = [];
  let found: PreparedSession[] | null = null;
  // Sessions are in time order: the search starts at the review, never earlier.
  for (let index = lowerBound(ctx.sessionTimes, since); index < ctx.sessions.length; index += 1) {
    const session = ctx.sessions[index] as PreparedSession;
    if ((outcomes[index] as SessionOutcome).zone !== "red") continue;
    reds.push(session);
    const group = reds.slice(-redsBeforeReview);
    const first = group[0] as PreparedSession;
    if (group.length === redsBeforeReview && session.t - first.t <= window) found = group;
  }
  return found;
}

/** The first index whose time is at or after `t` (sorted times). */
function lowerBound(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The protection a red outcome gives in the planner (with or without a plan): the latest red
 * session within the look-back holds the athlete to easy work until a later session has a
 * complete green outcome or the physio reviews (R4 review); R4's "two reds" holds until a
 * review, whatever follows.
 */
export function redOutcomeHold(ctx: AssessmentContext, outcomes: readonly SessionOutcome[], flags: readonly Flag[]): RedOutcomeHold | null {
  const reviewedAt = ctx.lastReviewAt.R4 ?? Number.NEGATIVE_INFINITY;
  const twoReds = flags.find((f) => f.ruleId === "R4" && f.evidence.values.reds !== undefined);
  if (twoReds) return { reason: "two_reds", sessionId: twoReds.evidence.recordIds[twoReds.evidence.recordIds.length - 1] as string, at: twoReds.at };
  const from = Math.max(flagWindowStart(ctx), reviewedAt);
  for (let i = ctx.sessions.length - 1; i >= 0; i -= 1) {
    const session = ctx.sessions[i] as PreparedSession;
    if (session.t <= from) break;
    const outcome = outcomes[i] as SessionOutcome;
    if (outcome.zone === "green" && !outcome.incomplete && !outcome.pending) return null;
    if (outcome.zone === "red") return { reason: "red_outcome", sessionId: session.id, at: session.log.at };
  }
  return null;
}

/** The R5 trend: mean morning pain of the last window against the window before it. */
export interface MorningTrend {
  currentMean: number | null;
  previousMean: number | null;
  rise: number | null;
}

/** R5: 7-day mean morning pain against the previous 7-day mean. */
export function morningTrend(ctx: AssessmentContext, end: number = ctx.now): MorningTrend {
  const window = ctx.thresholds.trend.windowDays * DAY_MS;
  const mean = (from: number, to: number) => {
    const list = checkInsBetween(ctx, from, to);
    if (list.length === 0) return null;
    return list.reduce((sum, c) => sum + c.checkIn.morningPain, 0) / list.length;
  };
  const currentMean = mean(end - window, end);
  const previousMean = mean(end - 2 * window, end - window);
  const rise = currentMean !== null && previousMean !== null ? stable(currentMean - previousMean) : null;
  return { currentMean, previousMean, rise };
}

/** R5 flag: a rise of the mean by >= 1 is amber and blocks progression. */
export function trendFlags(ctx: AssessmentContext, trend: MorningTrend): Flag[] {
  if (trend.rise === null || trend.rise < ctx.thresholds.trend.amberRise) return [];
  const recent = checkInsBetween(ctx, ctx.now - ctx.thresholds.trend.windowDays * DAY_MS, ctx.now);
  return [
    flag(
      "R5",
      "amber",
      ctx.now,
      `Average morning pain this week is ${trend.rise.toFixed(1)} points higher than the week before: hold the load, no progression.`,
      recent.map((c) => c.id),
      { currentMean: stable(trend.currentMean as number), previousMean: stable(trend.previousMean as number), rise: trend.rise },
      { blocksProgression: true, cause: "rising" },
    ),
  ];
}

/** R6: the latest daily load test (3 single-leg bridges) within the baseline window; >= 4 is not coping. */
export function loadTestFlags(ctx: AssessmentContext): Flag[] {
  const from = ctx.now - ctx.thresholds.nextMorning.baselineWindowHours * HOUR_MS;
  const recent = checkInsBetween(ctx, from, ctx.now).filter((c) => c.checkIn.loadTestPain !== undefined);
  const latest = recent[recent.length - 1];
  if (!latest) return [];
  const pain = latest.checkIn.loadTestPain as number;
  if (pain <= ctx.thresholds.loadTest.toleratingMax) return [];
  return [
    flag("R6", "amber", latest.t, `The daily bridge test hurt ${pain}/10: the tendon is not coping with the current load.`, [latest.id], {
      loadTestPain: pain,
    }, { cause: "not_coping" }),
  ];
}
