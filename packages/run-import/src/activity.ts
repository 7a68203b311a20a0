import type { SportOfFile } from "./sport";
import type { TrackPoint } from "./track";

/** The figures a file states for a whole activity, each null when the file does not say. */
export interface FileTotals {
  startedAt: Date | null;
  distanceM: number | null;
  /** Clock time from start to finish, pauses included. */
  elapsedS: number | null;
  /** Time spent moving, as the device measured it. */
  movingS: number | null;
  /** The watch's timer: stopped by the athlete's pauses and auto-pause, not by a red light. */
  timerS: number | null;
  /** The device's own ascent, from its barometer or its own smoothing. */
  ascentM: number | null;
  /** The device's session average cadence as stored (one leg, for running). */
  cadence: number | null;
}

export const noTotals = (): FileTotals => ({ startedAt: null, distanceM: null, elapsedS: null, movingS: null, timerS: null, ascentM: null, cadence: null });

/** One activity read from a file (a multisport file holds several), before it is summarised. */
export interface RecordedActivity {
  sport: SportOfFile;
  points: TrackPoint[];
  totals: FileTotals;
  /** Sentences about the file the athlete should know ("the file ends early..."). */
  notes: string[];
}
