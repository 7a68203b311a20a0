import { XMLParser, XMLValidator } from "fast-xml-parser";
import { noTotals, type RecordedActivity } from "./activity";
import { RunImportError } from "./errors";
import { sportOf } from "./sport";
import type { TrackPoint } from "./track";

type XmlNode = Record<string, unknown>;

/** Elements that may repeat are always arrays, so one-point tracks parse like long ones. */
const repeating = new Set(["trk", "trkseg", "trkpt", "Activity", "Lap", "Track", "Trackpoint"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  // Values stay text and are converted where they are read (`num`, `date`): converting every
  // tag up front costs a quarter of the parse of a large track.
  parseTagValue: false,
  isArray: (name) => repeating.has(name),
});

/** Parse XML text, or explain that the file is damaged. */
export function parseXml(text: string, format: "GPX" | "TCX"): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new RunImportError("corrupt", `This ${format} file is damaged and could not be read (line ${valid.err.line}). Export it again from your watch app.`);
  }
  return parser.parse(text) as XmlNode;
}

const node = (value: unknown): XmlNode | null => (value && typeof value === "object" && !Array.isArray(value) ? (value as XmlNode) : null);
const list = (value: unknown): XmlNode[] => (Array.isArray(value) ? value.map(node).filter((v): v is XmlNode => v !== null) : []);

/** A finite number from an XML value, or null. */
export function num(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function date(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : typeof value === "number" ? String(value) : null);

/** Find the first descendant element with this (namespace-less) name. */
function find(value: unknown, name: string): unknown {
  const n = node(value);
  if (!n) return undefined;
  if (name in n) return n[name];
  for (const child of Object.values(n)) {
    const found = Array.isArray(child) ? child.map((c) => find(c, name)).find((v) => v !== undefined) : find(child, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A GPX 1.1 file as one activity. Every track segment (and so every track) is its own segment:
 * MapSource and GPSBabel exports put days or pauses in separate tracks and segments, and the
 * line between the end of one and the start of the next was never run.
 */
export function gpxActivity(doc: XmlNode): RecordedActivity {
  const gpx = node(doc.gpx);
  if (!gpx) throw new RunImportError("unsupported_format", "This file is XML but not a GPX file.");
  const tracks = list(gpx.trk);
  let segment = 0;
  const points: TrackPoint[] = [];
  for (const trk of tracks) {
    for (const seg of list(trk.trkseg)) {
      for (const pt of list(seg.trkpt)) {
        points.push({
          time: date(pt.time),
          lat: num(pt["@lat"]),
          lon: num(pt["@lon"]),
          elevationM: num(pt.ele),
          distanceM: null,
          cadence: num(find(pt.extensions, "cad")),
          segment,
        });
      }
      segment += 1;
    }
  }
  const type = tracks.map((t) => text(t.type)).find((t) => t !== null) ?? null;
  return { sport: sportOf(type), points, totals: { ...noTotals(), startedAt: date(node(gpx.metadata)?.time) }, notes: [] };
}

/** Sum of a lap value over all laps, or null unless every lap has it. */
function lapSum(laps: readonly XmlNode[], read: (lap: XmlNode) => number | null): number | null {
  const values = laps.map(read);
  return values.length > 0 && values.every((v) => v !== null) ? values.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
}

/**
 * Each TCX Activity (Garmin Training Center) with its laps' totals. Laps hold the timer time
 * (pauses left out) and distance; each `Track` is its own segment because watches start a new
 * one after a pause.
 */
export function tcxActivities(doc: XmlNode): RecordedActivity[] {
  const db = node(doc.TrainingCenterDatabase);
  if (!db) throw new RunImportError("unsupported_format", "This file is XML but not a TCX file.");
  let segment = 0;
  return list(node(db.Activities)?.Activity).map((activity) => {
    const laps = list(activity.Lap);
    const points: TrackPoint[] = [];
    for (const lap of laps) {
      for (const track of list(lap.Track)) {
        for (const tp of list(track.Trackpoint)) {
          const position = node(tp.Position);
          points.push({
            time: date(tp.Time),
            lat: num(position?.LatitudeDegrees),
            lon: num(position?.LongitudeDegrees),
            elevationM: num(tp.AltitudeMeters),
            distanceM: num(tp.DistanceMeters),
            cadence: num(find(tp.Extensions, "RunCadence")) ?? num(tp.Cadence),
            segment,
          });
        }
        segment += 1;
      }
    }
    const timerS = lapSum(laps, (lap) => num(lap.TotalTimeSeconds));
    // Average run cadence per lap (ActivityExtension LX), weighted by the lap's time.
    const weighted = lapSum(laps, (lap) => {
      const cadence = num(find(lap.Extensions, "AvgRunCadence"));
      const seconds = num(lap.TotalTimeSeconds);
      return cadence === null || seconds === null ? null : cadence * seconds;
    });
    return {
      sport: sportOf(text(activity["@Sport"])),
      points,
      totals: {
        ...noTotals(),
        startedAt: date(activity.Id) ?? date(laps[0]?.["@StartTime"]),
        distanceM: lapSum(laps, (lap) => num(lap.DistanceMeters)),
        timerS,
        cadence: weighted !== null && timerS ? weighted / timerS : null,
      },
      notes: [],
    };
  });
}
