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
 * R10: running volume of the 7 days ending at `end` against the 7 days before. Distance (km) is
 * used when every run in the fortnight has one; otherwise minutes, so runs are never mixed units.
 */
export function weeklyVolume(ctx: AssessmentContext, end: number = ctx.now): WeeklyVolume {
  const fortnight = runsBetween(ctx, end - 14 * DAY_MS, end);
  const unit = fortnight.every((run) => run.distanceKm !== undefined) ? "km" : "minutes";
  let current = 0;
  let previous = 0;
  for (const run of fortnight) {
    const amount = (unit === "km" ? run.distanceKm : run.minutes) ?? 0;
    if (run.t > end - 7 * DAY_MS) current += amount;
    else previous += amount;
  }
  const changePct = percentChange(previous, current);
  return {
    unit,
    current: stable(current),
    previous: stable(previous),
    changePct,
    zone: changePct === null ? null : weeklyVolumeZone(changePct, ctx.thresholds),
  };
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

/** R10-R13 summary: weekly volume, latest-run spike, session loads and ACWR. */
export function workloadSummary(ctx: AssessmentContext): Workload {
  const { acuteDays, chronicDays } = ctx.thresholds.workload;
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
  const acwr = chronicWeeklyLoad > 0 ? stable(acuteLoad / chronicWeeklyLoad) : null;
  const latestRun = ctx.runs[ctx.runs.length - 1];
  return {
    weeklyVolume: weeklyVolume(ctx),
    singleRun: latestRun && latestRun.t > flagWindowStart(ctx) ? singleRunSpike(ctx, latestRun) : null,
    sessionLoads,
    acuteLoad: stable(acuteLoad),
    chronicWeeklyLoad,
    acwr,
    acwrZone: acwr === null ? null : acwrZone(acwr, ctx.thresholds),
  };
}

/**
 * Flags for R10, R11 and R13. A red weekly jump or a red single-run spike blocks progression
 * (product choice: "go back to the last green load" applies to volume too). R13 is reported as
 * information only: its validity is disputed, so it never blocks or changes availability.
 */
export function volumeFlags(ctx: AssessmentContext, workload: Workload): Flag[] {
  const flags: Flag[] = [];
  const weekly = workload.weeklyVolume;
  if (weekly.zone === "amber" || weekly.zone === "red") {
    const recent = runsBetween(ctx, ctx.now - 7 * DAY_MS, ctx.now);
    flags.push(
      flag(
        "R10",
        weekly.zone,
        ctx.now,
        `Weekly running went up ${Math.round(weekly.changePct as number)} % (${weekly.previous} to ${weekly.current} ${weekly.unit}); keep weekly increases to ${ctx.thresholds.volume.weeklyGreenMaxPct} % or less.`,
        recent.map((r) => r.id),
        { previous: weekly.previous, current: weekly.current, unit: weekly.unit, changePct: weekly.changePct },
        { blocksProgression: weekly.zone === "red" },
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
  if (workload.acwr !== null && workload.acwrZone !== "green") {
    flags.push(
      flag(
        "R13",
        "info",
        ctx.now,
        `Workload ratio is ${workload.acwr.toFixed(2)} (${workload.acwrZone} zone). This is for information only.`,
        [],
        { acwr: workload.acwr, zone: workload.acwrZone, acuteLoad: workload.acuteLoad, chronicWeeklyLoad: workload.chronicWeeklyLoad },
      ),
    );
  }
  return flags;
}
