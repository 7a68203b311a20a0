import FitParser from "fit-file-parser";
import { RunImportError } from "./errors";
import { num } from "./xml";
import type { TrackPoint } from "./track";

export interface FitSummary {
  points: TrackPoint[];
  distanceM: number | null;
  timerSeconds: number | null;
  ascentM: number | null;
  cadenceSpm: number | null;
  sport: string | null;
  startedAt: Date | null;
}

type Row = Record<string, unknown>;
const asDate = (value: unknown) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value : null);

/** A FIT activity file (Garmin, Coros, Polar, Suunto...), read with fit-file-parser. */
export async function readFit(bytes: Uint8Array): Promise<FitSummary> {
  // Distances in metres, so nothing depends on the parser's unit conversion.
  const parser = new FitParser({ force: false, mode: "list", lengthUnit: "m", speedUnit: "m/s", elapsedRecordField: true });
  let data: Awaited<ReturnType<FitParser["parseAsync"]>>;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    data = await parser.parseAsync(buffer);
  } catch {
    throw new RunImportError("corrupt", "This FIT file is damaged and could not be read. Export it again from your watch app.");
  }
  const records = (data.records ?? []) as unknown as Row[];
  const session = ((data.sessions ?? []) as unknown as Row[])[0];
  const points: TrackPoint[] = records.map((r) => ({
    time: asDate(r.timestamp),
    lat: num(r.position_lat),
    lon: num(r.position_long),
    elevationM: num(r.enhanced_altitude) ?? num(r.altitude),
    distanceM: num(r.distance),
    cadence: num(r.cadence),
  }));
  const sessionCadence = num(session?.avg_running_cadence) ?? num(session?.avg_cadence);
  return {
    points,
    distanceM: num(session?.total_distance),
    timerSeconds: num(session?.total_timer_time) ?? num(session?.total_elapsed_time),
    ascentM: num(session?.total_ascent),
    cadenceSpm: sessionCadence === null ? null : sessionCadence < 130 ? sessionCadence * 2 : sessionCadence,
    sport: typeof session?.sport === "string" ? session.sport : null,
    startedAt: asDate(session?.start_time) ?? points[0]?.time ?? null,
  };
}
