import type { Thresholds } from "../config";
import type { AssessmentContext, PreparedSession } from "../context";
import { checkInsBetween, flagWindowStart } from "../context";
import { flag, worseZone } from "../flags";
import { DAY_MS, HOUR_MS, stable, upperBound } from "../time";
import type { Flag, OutcomeDecision, SessionOutcome } from "../types";
import type { Zone } from "../vocabulary";

/**
 * R1/R2: zone of a during- or after-activity pain score under the plan's pain profile.
 * PHT (default): green 0-2, amber 3, red >= 4. Silbernagel: green 0-3, amber 4-5, red >= 6.
 */
export function painZone(pain: number, thresholds: Thresholds): Zone {
  const bands = thresholds.pain[thresholds.pain.profile];
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

/** R4: green lets the next session change one variable, amber repeats the load, red goes back. */
export function outcomeDecision(zone: Zone): OutcomeDecision {
  return zone === "green" ? "progress" : zone === "amber" ? "repeat" : "regress";
}

/**
 * R1-R4 for every session, oldest first. The morning before is the latest check-in at or before
 * the session start within `baselineWindowHours`; the next morning is the first check-in after
 * the start within `nextMorningWindowHours`; the second morning is the check-in after that.
 */
export function computeOutcomes(ctx: AssessmentContext): SessionOutcome[] {
  const { thresholds, checkIns, checkInTimes, now } = ctx;
  const baselineWindow = thresholds.nextMorning.baselineWindowHours * HOUR_MS;
  const nextWindow = thresholds.nextMorning.nextMorningWindowHours * HOUR_MS;
  return ctx.sessions.map((session) => {
    const during = painZone(session.log.painDuring, thresholds);
    const after = session.log.painAfter === undefined ? null : painZone(session.log.painAfter, thresholds);
    const beforeIndex = upperBound(checkInTimes, session.t) - 1;
    const before = beforeIndex >= 0 ? checkIns[beforeIndex] : undefined;
    const usableBefore = before && session.t - before.t <= baselineWindow ? before : undefined;
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
    }
    // Still waiting for the next morning (or for the second morning after a rise of 1).
    const waitingForNext = !usableNext && now - session.t <= nextWindow;
    const waitingForSecond =
      nextMorning === "amber" && usableNext !== undefined && !usableSecond && now - usableNext.t <= nextWindow;
    const zone = worstOfZones([during, after, nextMorning]);
    return {
      sessionId: session.id,
      at: session.log.at,
      zone,
      decision: outcomeDecision(zone),
      pending: waitingForNext || waitingForSecond,
      during,
      after,
      nextMorning,
      nextMorningDelta: delta,
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
    if (outcome.nextMorning !== null && outcome.nextMorning !== "green") {
      const delta = outcome.nextMorningDelta as number;
      const persisted = delta < ctx.thresholds.nextMorning.redDelta && outcome.nextMorning === "red";
      flags.push(
        flag(
          "R3",
          outcome.nextMorning,
          session.t,
          persisted
            ? "Morning pain was still higher on a second morning after this session."
            : `Morning pain rose by ${delta} point${delta === 1 ? "" : "s"} the morning after this session.`,
          [session.id],
          { delta, secondMorning: persisted },
        ),
      );
    }
  });
  return flags;
}

/**
 * R4 flags: the latest session's outcome (amber: repeat; red: go back to the last green load and
 * alert the physio) and two reds within the window that block progression until a physio review.
 */
export function outcomeFlags(ctx: AssessmentContext, outcomes: readonly SessionOutcome[]): Flag[] {
  const flags: Flag[] = [];
  const latest = outcomes[outcomes.length - 1];
  const latestSession = ctx.sessions[ctx.sessions.length - 1];
  if (latest && latestSession && latest.zone !== "green" && latestSession.t > flagWindowStart(ctx)) {
    flags.push(
      flag(
        "R4",
        latest.zone,
        latestSession.t,
        latest.zone === "amber"
          ? "Last session was amber: repeat the same load next time, do not step up."
          : "Last session was red: go back to the last green load; the physio has been alerted.",
        [latest.sessionId],
        { zone: latest.zone, decision: latest.decision },
        { blocksProgression: true },
      ),
    );
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
        { blocksProgression: true },
      ),
    );
  }
  return flags;
}

/**
 * The latest run of `redsBeforeReview` red sessions inside `redWindowDays`, counted since the
 * later of the phase start and the last R4 review (both are physio decisions that clear it).
 */
function findDoubleRed(ctx: AssessmentContext, outcomes: readonly SessionOutcome[]): PreparedSession[] | null {
  const { redsBeforeReview, redWindowDays } = ctx.thresholds.outcome;
  const since = Math.max(ctx.phaseStart, ctx.lastReviewAt.R4 ?? Number.NEGATIVE_INFINITY);
  const window = redWindowDays * DAY_MS;
  const reds: PreparedSession[] = [];
  let found: PreparedSession[] | null = null;
  ctx.sessions.forEach((session, index) => {
    if (session.t < since || (outcomes[index] as SessionOutcome).zone !== "red") return;
    reds.push(session);
    const group = reds.slice(-redsBeforeReview);
    const first = group[0] as PreparedSession;
    if (group.length === redsBeforeReview && session.t - first.t <= window) found = group;
  });
  return found;
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
      { blocksProgression: true },
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
    }),
  ];
}
