import type { Thresholds } from "../config";
import type { AssessmentContext, PreparedSession } from "../context";
import { flagWindowStart, runsBetween, sessionsBetween } from "../context";
import { flag } from "../flags";
import { DAY_MS, percentChange, stable } from "../time";
import type { Flag, SessionLoad, SingleRunSpike, WeeklyVolume, Workload } from "../types";
import type { Zone } from "../vocabulary";

/** R10: <= 10 % green, above 10 % up to 30 % amber, above 30 % red. Decreases are green. */
export function weeklyVolumeZone(changePct: number, thresholds: Thresholds): Zone {
  if (changePct <= thresholds.volume.weeklyGreenMaxPct) return "green";
  if (changePct <= thresholds.volume.weeklyAmberMaxPct) return "amber";
  return "red";
}

/**
 * R10: running volume of the 7 days ending at `end` against a reference week. The reference is
 * the previous 7 days when they had running. A break (illness, holiday) must not make the
 * return look like no change, so when the previous week is empty the reference is the last
 * week that had running if that was the week before it, and otherwise (two or more empty weeks)
 * the mean of the `breakMeanWeeks` weeks before the current one. With no running at all in
 * those weeks there is nothing to compare with (zone null). Distance (km) is used when every
 * run of the period has one; otherwise minutes, so units are never mixed.
 */
export function weeklyVolume(ctx: AssessmentContext, end: number = ctx.now): WeeklyVolume {
  const weeks = Math.max(2, ctx.thresholds.volume.breakMeanWeeks);
  const period = runsBetween(ctx, end - (weeks + 1) * 7 * DAY_MS, end);
  const unit = period.every((run) => run.distanceKm !== undefined) ? "km" : "minutes";
  // totals[0] is the current week, totals[k] the k-th week before it.
  const totals = Array.from({ length: weeks + 1 }, () => 0);
  const ran = Array.from({ length: weeks + 1 }, () => false);
  for (const run of period) {
    const index = Math.min(weeks, Math.floor((end - run.t) / (7 * DAY_MS)));
    totals[index] = (totals[index] as number) + ((unit === "km" ? run.distanceKm : run.minutes) ?? 0);
    ran[index] = true;
  }
  const current = totals[0] as number;
  const previous = totals[1] as number;
  let comparedWith: WeeklyVolume["comparedWith"] = null;
  let reference = 0;
  if (ran[1] && previous > 0) {
    comparedWith = "previous_week";
    reference = previous;
  } else if (ran[2] && (totals[2] as number) > 0) {
    comparedWith = "last_week_with_running";
    reference = totals[2] as number;
  } else {
    const mean = totals.slice(1).reduce((sum, v) => sum + v, 0) / weeks;
    if (mean > 0) {
      comparedWith = "four_week_mean";
      reference = mean;
    }
  }
  const changePct = comparedWith === null ? null : percentChange(reference, current);
  return {
    unit,
    current: stable(current),
    previous: stable(previous),
    reference: stable(reference),
    comparedWith,
    changePct,
    zone: changePct === null ? null : weeklyVolumeZone(changePct, ctx.thresholds),
  };
}

/** What R10 compared this week with, in words ("last week (20 km)"). */
export function weeklyReferenceText(weekly: WeeklyVolume, meanWeeks: number): string {
  const amount = `${formatAmount(weekly.reference)} ${weekly.unit}`;
  switch (weekly.comparedWith) {
    case "previous_week":
      return `last week (${amount})`;
    case "last_week_with_running":
      return `the last week with running, two weeks ago (${amount}), because last week had none`;
    case "four_week_mean":
      return `the average week of the last ${meanWeeks} weeks (${amount}), because the recent weeks had no running`;
    default:
      return "nothing: no running in the weeks before";
  }
}

/** A distance or duration as people write it: whole numbers plain, else one decimal. */
function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * R11: a run > 10 % longer than the longest run of the past 30 days is amber; more than double
 * it is red. Exactly 10 % longer is green and exactly double is amber.
 */
export function singleRunZone(value: number, longestRecent: number, thresholds: Thresholds): Zone {
  const ratio = stable(value / longestRecent);
  if (ratio > thresholds.volume.spikeRedMultiple) return "red";
  if (stable((ratio - 1) * 100) > thresholds.volume.spikeAmberPct) return "amber";
  return "green";
}

/** R11 for one run: compares like with like (km with km, else minutes). */
export function singleRunSpike(ctx: AssessmentContext, run: PreparedSession): SingleRunSpike {
  const unit = run.distanceKm !== undefined ? "km" : "minutes";
  const measure = (r: PreparedSession) => (unit === "km" ? r.distanceKm : r.minutes);
  // The schema guarantees a run has a distance or a duration.
  const value = measure(run) as number;
  let longestRecent: number | null = null;
  for (const earlier of runsBetween(ctx, run.t - ctx.thresholds.volume.spikeLookbackDays * DAY_MS, run.t)) {
    if (earlier === run || earlier.t === run.t) continue;
    const amount = measure(earlier);
    if (amount !== undefined && (longestRecent === null || amount > longestRecent)) longestRecent = amount;
  }
  const increasePct = longestRecent === null ? null : percentChange(longestRecent, value);
  return {
    sessionId: run.id,
    unit,
    value,
    longestRecent,
    increasePct,
    zone: longestRecent === null ? null : singleRunZone(value, longestRecent, ctx.thresholds),
  };
}

/** R12: Foster's session-RPE load = RPE (0-10) x minutes. */
export function sessionLoad(rpe: number, minutes: number): number {
  return rpe * minutes;
}

/** R13: 0.8-1.3 green; above 1.3 up to 1.5, or below 0.8, amber; above 1.5 red. */
export function acwrZone(ratio: number, thresholds: Thresholds): Zone {
  const { greenMin, greenMax, amberMax } = thresholds.workload;
  if (ratio > amberMax) return "red";
  if (ratio > greenMax || ratio < greenMin) return "amber";
  return "green";
}

/**
 * R10-R13 summary: weekly volume, latest-run spike, session loads and ACWR. The ratio needs
 * history: with the first session logged less than `minHistoryDays` before now, the chronic
 * mean is mostly empty weeks and every new athlete would read "red", so it is not reported.
 */
export function workloadSummary(ctx: AssessmentContext): Workload {
  const { acuteDays, chronicDays, minHistoryDays } = ctx.thresholds.workload;
  const chronicSessions = sessionsBetween(ctx, ctx.now - chronicDays * DAY_MS, ctx.now);
  let acuteLoad = 0;
  let chronicLoad = 0;
  const sessionLoads: SessionLoad[] = chronicSessions.map((s) => {
    if (s.load !== null) {
      chronicLoad += s.load;
      if (s.t > ctx.now - acuteDays * DAY_MS) acuteLoad += s.load;
    }
    return { sessionId: s.id, at: s.log.at, load: s.load };
  });
  const chronicWeeklyLoad = stable(chronicLoad / (chronicDays / 7));
  const first = ctx.sessions[0];
  const enoughHistory = first !== undefined && ctx.now - first.t >= minHistoryDays * DAY_MS;
  const acwr = enoughHistory && chronicWeeklyLoad > 0 ? stable(acuteLoad / chronicWeeklyLoad) : null;
  const zone = acwr === null ? null : acwrZone(acwr, ctx.thresholds);
  const latestRun = ctx.runs[ctx.runs.length - 1];
  return {
    weeklyVolume: weeklyVolume(ctx),
    singleRun: latestRun && latestRun.t > flagWindowStart(ctx) ? singleRunSpike(ctx, latestRun) : null,
    sessionLoads,
    acuteLoad: stable(acuteLoad),
    chronicWeeklyLoad,
    acwr,
    acwrZone: zone,
    acwrSummary: acwrSentence(acwr, zone, enoughHistory, minHistoryDays),
  };
}

/** R13 in words a coach reads without knowing what a workload ratio is. */
function acwrSentence(acwr: number | null, zone: Zone | null, enoughHistory: boolean, minHistoryDays: number): string {
  if (!enoughHistory) return `Not enough history yet to compare this week's training load with the usual (needs ${Math.round(minHistoryDays / 7)} weeks of logs).`;
  if (acwr === null || zone === null) return "No training load (effort x minutes) logged in the last 4 weeks to compare with.";
  const times = acwr.toFixed(1);
  if (zone === "green") return `This week's training load is about ${times} times an average week of the last 4 weeks: in the usual range.`;
  const direction = acwr < 1 ? "well below" : zone === "red" ? "far above" : "above";
  return `This week's training load is about ${times} times an average week of the last 4 weeks, ${direction} the usual range. For information only: it does not hold back progression.`;
}

/**
 * Flags for R10, R11 and R13. A red weekly jump or a red single-run spike blocks progression
 * (product choice: "go back to the last green load" applies to volume too). R13 carries its
 * zone as severity but is information only: its validity is disputed, so it never blocks or
 * changes availability.
 */
export function volumeFlags(ctx: AssessmentContext, workload: Workload): Flag[] {
  const flags: Flag[] = [];
  const weekly = workload.weeklyVolume;
  if (weekly.zone === "amber" || weekly.zone === "red") {
    const recent = runsBetween(ctx, ctx.now - 7 * DAY_MS, ctx.now);
    const { weeklyGreenMaxPct, breakMeanWeeks } = ctx.thresholds.volume;
    flags.push(
      flag(
        "R10",
        weekly.zone,
        ctx.now,
        `Running this week (${formatAmount(weekly.current)} ${weekly.unit}) is ${Math.round(weekly.changePct as number)} % more than ${weeklyReferenceText(weekly, breakMeanWeeks)}; keep weekly increases to ${weeklyGreenMaxPct} % or less.`,
        recent.map((r) => r.id),
        {
          previous: weekly.previous,
          reference: weekly.reference,
          comparedWith: weekly.comparedWith,
          current: weekly.current,
          unit: weekly.unit,
          changePct: weekly.changePct,
        },
        { blocksProgression: weekly.zone === "red", cause: "weekly" },
      ),
    );
  }
  const from = flagWindowStart(ctx);
  for (const run of ctx.runs) {
    if (run.t <= from) continue;
    const spike = singleRunSpike(ctx, run);
    if (spike.zone === "amber" || spike.zone === "red") {
      flags.push(
        flag(
          "R11",
          spike.zone,
          run.t,
          spike.zone === "red"
            ? `This run was more than double the longest run of the past ${ctx.thresholds.volume.spikeLookbackDays} days.`
            : `This run was ${Math.round(spike.increasePct as number)} % longer than the longest run of the past ${ctx.thresholds.volume.spikeLookbackDays} days.`,
          [run.id],
          { value: spike.value, longestRecent: spike.longestRecent, unit: spike.unit, increasePct: spike.increasePct },
          { blocksProgression: spike.zone === "red" },
        ),
      );
    }
  }
  if (workload.acwr !== null && workload.acwrZone !== null && workload.acwrZone !== "green") {
    // Severity shows the zone; it never blocks (information only, validity disputed).
    flags.push(
      flag("R13", workload.acwrZone, ctx.now, workload.acwrSummary, [], {
        acwr: workload.acwr,
        zone: workload.acwrZone,
        acuteLoad: workload.acuteLoad,
        chronicWeeklyLoad: workload.chronicWeeklyLoad,
      }),
    );
  }
  return flags;
}
