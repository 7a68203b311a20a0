import { XMLParser, XMLValidator } from "fast-xml-parser";
import { RunImportError } from "./errors";
import type { TrackPoint } from "./track";

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: true,
  // Elements that may repeat are always arrays, so one-point tracks parse like long ones.
  isArray: (name) => ["trk", "trkseg", "trkpt", "Activity", "Lap", "Track", "Trackpoint"].includes(name),
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

/** GPX 1.1 track points, with Garmin's TrackPointExtension cadence when present. */
export function gpxPoints(doc: XmlNode): TrackPoint[] {
  const gpx = node(doc.gpx);
  if (!gpx) throw new RunImportError("unsupported_format", "This file is XML but not a GPX file.");
  return list(gpx.trk).flatMap((trk) =>
    list(trk.trkseg).flatMap((seg) =>
      list(seg.trkpt).map((pt) => ({
        time: date(pt.time),
        lat: num(pt["@lat"]),
        lon: num(pt["@lon"]),
        elevationM: num(pt.ele),
        distanceM: null,
        cadence: num(find(pt.extensions, "cad")),
      })),
    ),
  );
}

/** TCX (Garmin Training Center) track points and lap totals. */
export function tcxPoints(doc: XmlNode): { points: TrackPoint[]; lapDistanceM: number | null; lapSeconds: number | null; sport: string | null } {
  const db = node(doc.TrainingCenterDatabase);
  if (!db) throw new RunImportError("unsupported_format", "This file is XML but not a TCX file.");
  const activities = list(node(db.Activities)?.Activity);
  const laps = activities.flatMap((a) => list(a.Lap));
  const points = laps.flatMap((lap) =>
    list(lap.Track).flatMap((track) =>
      list(track.Trackpoint).map((tp) => {
        const position = node(tp.Position);
        return {
          time: date(tp.Time),
          lat: num(position?.LatitudeDegrees),
          lon: num(position?.LongitudeDegrees),
          elevationM: num(tp.AltitudeMeters),
          distanceM: num(tp.DistanceMeters),
          cadence: num(find(tp.Extensions, "RunCadence")) ?? num(tp.Cadence),
        };
      }),
    ),
  );
  const sum = (key: string) => {
    const values = laps.map((lap) => num(lap[key]));
    return values.length > 0 && values.every((v) => v !== null) ? values.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
  };
  const sport = activities[0]?.["@Sport"];
  return { points, lapDistanceM: sum("DistanceMeters"), lapSeconds: sum("TotalTimeSeconds"), sport: typeof sport === "string" ? sport : null };
}
