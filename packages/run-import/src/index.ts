import { z } from "zod";
import type { RecordedActivity } from "./activity";
import { RunImportError } from "./errors";
import { readFit } from "./fit";
import { importedActivitySchema, summarise, suggestedActivity } from "./summary";
import { gpxActivity, parseXml, tcxActivities } from "./xml";

export { RunImportError, type RunImportErrorCode } from "./errors";
export { importedActivitySchema, type ImportedActivity } from "./summary";
export { runPlausibility, formatPace, PLAUSIBLE_PACE_MIN_PER_KM, PLAUSIBLE_RUN_MAX_MINUTES } from "./plausibility";
export { MIN_TIMED_SHARE, MOVING_SPEED_MS } from "./track";
export { ELEVATION_SMOOTHING_M, GRADIENT_MIN_DISTANCE_M } from "./elevation";

/**
 * Reads an activity recorded by a watch or phone (GPX, TCX or FIT) into the fields of the log:
 * sport, distance, moving and elapsed time, climb, steepest stretch and cadence, one entry per
 * activity in the file (a multisport file holds several). Pure: no I/O, so it runs in the
 * browser (the file never leaves the phone) and on the server.
 */

export const runFormats = ["gpx", "tcx", "fit"] as const;
export type RunFormat = (typeof runFormats)[number];

/** Watch files of a few hours are well under this; anything larger is not a single run. */
export const MAX_RUN_FILE_BYTES = 25 * 1024 * 1024;

export const importedFileSchema = z.object({
  format: z.enum(runFormats),
  /** Each activity in the file, in the order recorded (multisport transitions left out). */
  activities: z.array(importedActivitySchema).min(1),
  /** Index of the activity to offer first: the longest run. */
  suggested: z.number().int().min(0),
});
export type ImportedFile = z.infer<typeof importedFileSchema>;

/** Which format a file is, from its first bytes (FIT's ".FIT" signature, XML roots), then its name. */
export function detectFormat(fileName: string, bytes: Uint8Array): RunFormat {
  if (bytes.length >= 12 && String.fromCharCode(...bytes.slice(8, 12)) === ".FIT") return "fit";
  const head = new TextDecoder().decode(bytes.slice(0, 2048)).toLowerCase();
  if (head.includes("<gpx")) return "gpx";
  if (head.includes("<trainingcenterdatabase")) return "tcx";
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if ((runFormats as readonly string[]).includes(extension)) return extension as RunFormat;
  throw new RunImportError("unsupported_format", "Loadline can import GPX, TCX or FIT files. Export the run in one of these formats from your watch app.");
}

function recordedActivities(format: RunFormat, bytes: Uint8Array): RecordedActivity[] {
  if (format === "fit") return readFit(bytes);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  return format === "gpx" ? [gpxActivity(parseXml(text, "GPX"))] : tcxActivities(parseXml(text, "TCX"));
}

/**
 * Read an activity file. Throws `RunImportError` with a message for the athlete when the file
 * is not GPX/TCX/FIT, is damaged, or holds no track.
 */
export function importRunFile(fileName: string, bytes: Uint8Array): ImportedFile {
  if (bytes.byteLength === 0) throw new RunImportError("corrupt", "This file is empty.");
  if (bytes.byteLength > MAX_RUN_FILE_BYTES) throw new RunImportError("too_large", "This file is too large to be a single run (over 25 MB).");
  const format = detectFormat(fileName, bytes);
  const recorded = recordedActivities(format, bytes);
  if (recorded.every((a) => a.points.length === 0 && a.totals.distanceM === null && a.totals.elapsedS === null && a.totals.timerS === null)) {
    throw new RunImportError("no_track", "This file has no recorded track (no points with time or position). Choose the file of a recorded run.");
  }
  const activities = recorded.map(summarise).filter((a) => a !== null);
  if (activities.length === 0) throw new RunImportError("no_track", "This file has neither a distance nor a duration that Loadline could read.");
  return importedFileSchema.parse({ format, activities, suggested: suggestedActivity(activities) });
}
