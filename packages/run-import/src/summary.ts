import { z } from "zod";
import { recordedSports, sessionForRecordedSport } from "@loadline/domain";
import type { RecordedActivity } from "./activity";
import { cadenceSummary } from "./cadence";
import { elevationSummary } from "./elevation";
import { runPlausibility } from "./plausibility";
import { distanceAlong, elapsedSeconds, MIN_TIMED_SHARE, movingSeconds, timedPoints, timestampsUsable, trackDistanceM } from "./track";

export const importedActivitySchema = z.object({
  sport: z.enum(recordedSports),
  /** The sport as the file names it, in plain words ("trail running"); "" when it does not say. */
  sportName: z.string(),
  startedAt: z.date().nullable(),
  distanceKm: z.number().positive().nullable(),
  /** What the form's duration is filled with: the moving time when known, else the elapsed. */
  minutes: z.number().positive().nullable(),
  movingMinutes: z.number().positive().nullable(),
  elapsedMinutes: z.number().positive().nullable(),
  elevationGainM: z.number().min(0).nullable(),
  /** "device": the watch's own ascent; "smoothed": from the file's elevations, smoothed. */
  elevationSource: z.enum(["device", "smoothed"]).nullable(),
  steepestGradientPct: z.number().min(-50).max(50).nullable(),
  /** Where the steepest stretch is, in km along the activity. */
  steepestClimb: z.object({ fromKm: z.number().min(0), toKm: z.number().min(0) }).nullable(),
  cadenceSpm: z.number().min(60).max(260).nullable(),
  /** "device": the watch's session average; "moving": the mean of the readings while moving. */
  cadenceSource: z.enum(["device", "moving"]).nullable(),
  /** Number of samples read (for "read 1,204 points" feedback). */
  points: z.number().int().min(0),
  /** Things the athlete should know about how the figures were read. */
  notes: z.array(z.string()),
  /** Figures that look implausible for a run: the athlete confirms them or corrects them. */
  warnings: z.array(z.string()),
});
export type ImportedActivity = z.infer<typeof importedActivitySchema>;

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
const positive = (value: number | null) => (value !== null && Number.isFinite(value) && value > 0 ? value : null);

/**
 * Seconds of the activity: the file's own totals first (the device timed it), else the
 * timestamps when at least MIN_TIMED_SHARE of the points carry one, else nothing and a note
 * asking the athlete to enter it.
 */
function durations(activity: RecordedActivity, along: readonly (number | null)[]) {
  const { points, totals } = activity;
  const usable = timestampsUsable(points);
  const elapsedS = positive(totals.elapsedS) ?? (usable ? elapsedSeconds(points) : null);
  let movingS = positive(totals.movingS) ?? (usable ? positive(movingSeconds(points, along)) : null) ?? positive(totals.timerS);
  if (movingS !== null && elapsedS !== null) movingS = Math.min(movingS, elapsedS);
  let note: string | null = null;
  if (elapsedS === null && movingS === null) {
    const timed = timedPoints(points);
    note =
      timed === 0
        ? "This file has no times in it, so enter the duration yourself."
        : `Only ${timed} of ${points.length} points in this file carry a time, too few to tell how long it took (Loadline needs a time on at least ${MIN_TIMED_SHARE * 100} % of them). Enter the duration yourself.`;
  }
  return { elapsedS, movingS, note };
}

/** One recorded activity as the fields of the log, or null when it has neither distance nor time. */
export function summarise(activity: RecordedActivity): ImportedActivity | null {
  const { points, totals, sport } = activity;
  const along = distanceAlong(points);
  const distanceM = positive(totals.distanceM) ?? positive(trackDistanceM(along));
  const { elapsedS, movingS, note } = durations(activity, along);
  if (distanceM === null && elapsedS === null && movingS === null) return null;
  const elevation = elevationSummary(points, along);
  const deviceAscent = totals.ascentM !== null && totals.ascentM >= 0 ? totals.ascentM : null;
  const cadence = cadenceSummary(totals.cadence, points.map((p) => p.cadence), sport.sport);
  const distanceKm = round(distanceM === null ? null : distanceM / 1000, 2);
  const movingMinutes = round(movingS === null ? null : movingS / 60, 1);
  const elapsedMinutes = round(elapsedS === null ? null : elapsedS / 60, 1);
  const minutes = positive(movingMinutes) ?? positive(elapsedMinutes);
  const isRun = sessionForRecordedSport(sport.sport, sport.name).form === "run";
  const notes = [...activity.notes];
  if (note) notes.push(note);
  if (sport.sport === "unknown") notes.push("The file does not say which sport this was, so Loadline took it for a run. Check that it was.");
  return importedActivitySchema.parse({
    sport: sport.sport,
    sportName: sport.name,
    startedAt: totals.startedAt ?? points.find((p) => p.time !== null)?.time ?? null,
    distanceKm: positive(distanceKm),
    minutes,
    movingMinutes: positive(movingMinutes),
    elapsedMinutes: positive(elapsedMinutes),
    elevationGainM: deviceAscent ?? elevation.gainM,
    elevationSource: deviceAscent !== null ? "device" : elevation.gainM !== null ? "smoothed" : null,
    steepestGradientPct: elevation.steepest?.pct ?? null,
    steepestClimb: elevation.steepest ? { fromKm: elevation.steepest.fromKm, toKm: elevation.steepest.toKm } : null,
    cadenceSpm: cadence.spm,
    cadenceSource: cadence.source,
    points: points.length,
    notes,
    warnings: isRun ? runPlausibility({ distanceKm, minutes }) : [],
  });
}

/** The activity offered first: the longest run, else the longest activity of any sport. */
export function suggestedActivity(activities: readonly ImportedActivity[]): number {
  const length = (a: ImportedActivity) => (a.distanceKm ?? 0) * 1000 + (a.minutes ?? 0);
  let best = 0;
  let bestIsRun = false;
  activities.forEach((a, i) => {
    const isRun = sessionForRecordedSport(a.sport, a.sportName).form === "run";
    if ((isRun && !bestIsRun) || (isRun === bestIsRun && length(a) > length(activities[best]!))) {
      best = i;
      bestIsRun = isRun;
    }
  });
  return best;
}
