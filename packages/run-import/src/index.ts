import { z } from "zod";
import { RunImportError } from "./errors";
import { readFit } from "./fit";
import { cumulativeDistances, elapsedMinutes, elevationGain, meanCadenceSpm, steepestGradient, type TrackPoint } from "./track";
import { gpxPoints, parseXml, tcxPoints } from "./xml";

export { RunImportError, type RunImportErrorCode } from "./errors";

/**
 * Reads a run recorded by a watch or phone (GPX, TCX or FIT) into the fields of the run log:
 * distance, duration, elevation gain, steepest gradient and cadence when the file has them.
 * Pure: no I/O, so it runs in the browser (the file never leaves the phone) and on the server.
 */

export const runFormats = ["gpx", "tcx", "fit"] as const;
export type RunFormat = (typeof runFormats)[number];

/** Watch files of a few hours are well under this; anything larger is not a single run. */
export const MAX_RUN_FILE_BYTES = 25 * 1024 * 1024;

export const importedRunSchema = z.object({
  format: z.enum(runFormats),
  startedAt: z.date().nullable(),
  distanceKm: z.number().positive().nullable(),
  minutes: z.number().positive().nullable(),
  elevationGainM: z.number().min(0).nullable(),
  steepestGradientPct: z.number().min(-50).max(50).nullable(),
  cadenceSpm: z.number().min(60).max(260).nullable(),
  /** Number of samples read (for "read 1,204 points" feedback). */
  points: z.number().int().min(0),
});
export type ImportedRun = z.infer<typeof importedRunSchema>;

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
const positive = (value: number | null) => (value !== null && value > 0 ? value : null);

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

function summarise(format: RunFormat, points: TrackPoint[], totals: { distanceM?: number | null; seconds?: number | null; ascentM?: number | null; cadenceSpm?: number | null; startedAt?: Date | null } = {}): ImportedRun {
  if (points.length === 0 && !totals.distanceM && !totals.seconds) {
    throw new RunImportError("no_track", "This file has no recorded track (no points with time or position). Choose the file of a recorded run.");
  }
  const distances = cumulativeDistances(points);
  const lastDistance = [...distances].reverse().find((d): d is number => d !== null) ?? null;
  const distanceM = positive(totals.distanceM ?? null) ?? positive(lastDistance);
  const minutes = positive(totals.seconds ? totals.seconds / 60 : null) ?? elapsedMinutes(points);
  if (distanceM === null && minutes === null) {
    throw new RunImportError("no_track", "This file has neither a distance nor a duration that Loadline could read.");
  }
  const run = {
    format,
    startedAt: totals.startedAt ?? points.find((p) => p.time !== null)?.time ?? null,
    distanceKm: round(distanceM === null ? null : distanceM / 1000, 2),
    minutes: round(minutes, 1),
    elevationGainM: totals.ascentM ?? elevationGain(points),
    steepestGradientPct: steepestGradient(points, distances),
    cadenceSpm: meanCadenceSpm(points.map((p) => p.cadence)) ?? (totals.cadenceSpm ? Math.round(totals.cadenceSpm) : null),
    points: points.length,
  };
  return importedRunSchema.parse(run);
}

/**
 * Read a run file. Throws `RunImportError` with a message for the athlete when the file is not
 * GPX/TCX/FIT, is damaged, or holds no track.
 */
export async function importRunFile(fileName: string, bytes: Uint8Array): Promise<ImportedRun> {
  if (bytes.byteLength === 0) throw new RunImportError("corrupt", "This file is empty.");
  if (bytes.byteLength > MAX_RUN_FILE_BYTES) throw new RunImportError("too_large", "This file is too large to be a single run (over 25 MB).");
  const format = detectFormat(fileName, bytes);
  if (format === "fit") {
    const fit = await readFit(bytes);
    return summarise("fit", fit.points, {
      distanceM: fit.distanceM,
      seconds: fit.timerSeconds,
      ascentM: fit.ascentM,
      cadenceSpm: fit.cadenceSpm,
      startedAt: fit.startedAt,
    });
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (format === "gpx") return summarise("gpx", gpxPoints(parseXml(text, "GPX")));
  const tcx = tcxPoints(parseXml(text, "TCX"));
  return summarise("tcx", tcx.points, { distanceM: tcx.lapDistanceM, seconds: tcx.lapSeconds });
}
