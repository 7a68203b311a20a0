import { Decoder, Stream, type RecordMesg, type SessionMesg } from "@garmin/fitsdk";
import { noTotals, type RecordedActivity } from "./activity";
import { RunImportError } from "./errors";
import { sportOf } from "./sport";
import type { TrackPoint } from "./track";

const SEMICIRCLE_TO_DEG = 180 / 2 ** 31;
const finite = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const asDate = (value: unknown): Date | null => (value instanceof Date && !Number.isNaN(value.getTime()) ? value : null);
const name = (value: unknown): string | null => (typeof value === "string" ? value : null);

function point(r: RecordMesg): TrackPoint {
  const lat = finite(r.positionLat);
  const lon = finite(r.positionLong);
  return {
    time: asDate(r.timestamp),
    lat: lat === null ? null : lat * SEMICIRCLE_TO_DEG,
    lon: lon === null ? null : lon * SEMICIRCLE_TO_DEG,
    elevationM: finite(r.enhancedAltitude) ?? finite(r.altitude),
    distanceM: finite(r.distance),
    cadence: finite(r.cadence),
    segment: 0,
  };
}

/** Why a FIT file could not be read, in words; the SDK's own errors name bytes, not causes. */
function damaged(recordsRead: number): RunImportError {
  return new RunImportError(
    "corrupt",
    recordsRead > 0
      ? "This FIT file is damaged: it stops part-way through, before the summary of the activity, so it was probably cut short while being copied. Export it again from your watch app."
      : "This FIT file is damaged: none of the activity in it could be read. Export it again from your watch app.",
  );
}

/** Whether the header claims more bytes (data and the 2-byte checksum) than the file holds. */
function shorterThanHeader(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes[0]! + view.getUint32(4, true) + 2 > bytes.byteLength;
}

/** What an error after the session summaries means for the figures, in words. */
function afterSummaryNote(bytes: Uint8Array, sdkMessage: string): string {
  if (shorterThanHeader(bytes)) return "The file ends earlier than its header says (some apps write it that way); everything in it was read.";
  if (/CRC/.test(sdkMessage)) return "The file's checksum does not match its contents, so a value may have been damaged in copying. Check the figures.";
  return "The end of the file could not be read; everything before it was.";
}

/** Session start, for ordering and for giving each record to its session. */
const startOf = (s: SessionMesg) => asDate(s.startTime)?.getTime() ?? asDate(s.timestamp)?.getTime() ?? 0;

function sessionActivity(session: SessionMesg, points: TrackPoint[], notes: string[]): RecordedActivity {
  const sport = sportOf(name(session.sport), name(session.subSport));
  return {
    sport,
    points,
    totals: {
      ...noTotals(),
      startedAt: asDate(session.startTime) ?? points[0]?.time ?? null,
      distanceM: finite(session.totalDistance),
      elapsedS: finite(session.totalElapsedTime),
      movingS: finite(session.totalMovingTime),
      timerS: finite(session.totalTimerTime),
      ascentM: finite(session.totalAscent),
      cadence: (sport.sport === "running" ? finite(session.avgRunningCadence) : null) ?? finite(session.avgCadence),
    },
    notes,
  };
}

/**
 * A FIT activity file (Garmin, Coros, Polar, Suunto, Wahoo, Strava...) read with Garmin's own
 * SDK, one activity per session: a multisport file (run, bike, run) gives each leg with its
 * sport and its own records, and transitions are left out.
 *
 * Some apps (Strava among them) write a header that claims a few bytes more than the file
 * holds. The SDK then stops at the end of the data with an error but keeps every message it
 * read, so a file whose session summaries were read is imported with a note; only a file cut
 * before its summaries is refused.
 */
export function readFit(bytes: Uint8Array): RecordedActivity[] {
  const stream = Stream.fromByteArray(bytes);
  if (!Decoder.isFIT(stream)) throw new RunImportError("corrupt", "This FIT file is damaged: its header is missing or unreadable. Export it again from your watch app.");
  const { messages, errors } = new Decoder(stream).read({ mergeHeartRates: false });
  const records = messages.recordMesgs ?? [];
  const sessions = [...(messages.sessionMesgs ?? [])].sort((a, b) => startOf(a) - startOf(b));
  const notes: string[] = [];
  if (errors.length > 0) {
    if (sessions.length === 0) throw damaged(records.length);
    notes.push(afterSummaryNote(bytes, errors[0]!.message));
  }
  const points = records.map(point);
  if (sessions.length === 0) {
    const sport = messages.sportMesgs?.[0];
    return [{ sport: sportOf(name(sport?.sport), name(sport?.subSport)), points, totals: noTotals(), notes }];
  }
  // Each record belongs to the last session that started at or before it.
  const starts = sessions.map(startOf);
  const bySession: TrackPoint[][] = sessions.map(() => []);
  let current = 0;
  for (const p of points) {
    const t = p.time?.getTime();
    if (t !== undefined) {
      while (current + 1 < starts.length && starts[current + 1]! <= t) current += 1;
      while (current > 0 && starts[current]! > t) current -= 1;
    }
    bySession[current]!.push(p);
  }
  return sessions.flatMap((session, i) => (name(session.sport) === "transition" ? [] : [sessionActivity(session, bySession[i]!, notes)]));
}
