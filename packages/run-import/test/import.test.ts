import { describe, expect, it } from "vitest";
import { detectFormat, importRunFile } from "../src";
import { cadenceSummary, stepsPerMinute } from "../src/cadence";
import { elevationSummary } from "../src/elevation";
import type { TrackPoint } from "../src/track";
import { failure, fixture, imported } from "./helpers";

// The same recorded run in three formats: 3 km, 20 min, a 50 m climb at 10 %, 86 strides/min.
describe.each(["easy-run.gpx", "easy-run.tcx", "easy-run.fit"])("importing %s", (name) => {
  it("fills sport, distance, duration, elevation gain, steepest gradient and cadence", () => {
    const file = importRunFile(name, fixture(name));
    expect(file.format).toBe(name.split(".")[1]);
    expect(file.activities).toHaveLength(1);
    const run = file.activities[0]!;
    expect(run.sport).toBe("running");
    expect(run.distanceKm).toBeCloseTo(3, 1);
    expect(run.minutes).toBe(20);
    expect(run.movingMinutes).toBe(20);
    expect(run.elapsedMinutes).toBe(20);
    expect(run.elevationGainM).toBeGreaterThanOrEqual(48);
    expect(run.elevationGainM).toBeLessThanOrEqual(52);
    expect(run.steepestGradientPct).toBeCloseTo(10, 0);
    // The climb runs from km 1.0 to km 1.5; its steepest 200 m lies within it.
    expect(run.steepestClimb?.fromKm).toBeGreaterThanOrEqual(1);
    expect(run.steepestClimb?.toKm).toBeLessThanOrEqual(1.5);
    expect(run.cadenceSpm).toBe(172);
    expect(run.startedAt?.toISOString()).toBe("2026-11-14T07:30:00.000Z");
    expect(run.points).toBe(61);
    expect(run.warnings).toEqual([]);
  });
});

describe("files that cannot be imported", () => {
  it("explains a FIT file cut short before its summary", () => {
    const error = failure("corrupt.fit");
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/FIT file is damaged: it stops part-way through/);
  });
  it("explains a FIT file whose header cannot be read", () => {
    const bytes = fixture("easy-run.fit").slice();
    bytes[0] = 99; // header size byte: no FIT header is 99 bytes long
    bytes.set(new TextEncoder().encode(".FIT"), 8);
    expect(failure("run.fit", bytes).message).toMatch(/header is missing or unreadable/);
  });
  it("imports a FIT file with bytes after its end, and says the end could not be read", () => {
    const fit = fixture("easy-run.fit");
    const bytes = new Uint8Array(fit.length + 5);
    bytes.set(fit);
    bytes.set([1, 2, 3, 4, 5], fit.length);
    const run = imported("run.fit", bytes);
    expect(run.distanceKm).toBe(3);
    expect(run.notes).toEqual(["The end of the file could not be read; everything before it was."]);
  });
  it("imports a FIT file whose checksum is wrong, and asks to check the figures", () => {
    const bytes = fixture("easy-run.fit").slice();
    bytes[bytes.length - 1]! ^= 0xff;
    expect(imported("run.fit", bytes).notes).toEqual([expect.stringMatching(/checksum does not match/) as unknown]);
  });
  it("explains a damaged GPX file", () => {
    const error = failure("corrupt.gpx");
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/GPX file is damaged/);
  });
  it("explains a GPX without a track", () => {
    expect(failure("empty-track.gpx").code).toBe("no_track");
  });
  it("refuses other kinds of file", () => {
    const error = failure("notes.txt");
    expect(error.code).toBe("unsupported_format");
    expect(error.message).toMatch(/GPX, TCX or FIT/);
  });
  it("refuses empty and oversized files", () => {
    expect(failure("empty.gpx", new Uint8Array()).code).toBe("corrupt");
    expect(failure("huge.gpx", new Uint8Array(26 * 1024 * 1024)).code).toBe("too_large");
  });
  it("refuses XML that is neither GPX nor TCX", () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0"?><kml><Document/></kml>');
    expect(failure("route.gpx", bytes).code).toBe("unsupported_format");
    expect(failure("route.tcx", bytes).code).toBe("unsupported_format");
  });
});

const p = (d: number, e: number | null, segment = 0): TrackPoint => ({ time: null, lat: null, lon: null, elevationM: e, distanceM: d, cadence: null, segment });
const along = (points: TrackPoint[]) => points.map((x) => x.distanceM);

describe("format detection and track maths", () => {
  it("trusts the content over the file name", () => {
    expect(detectFormat("run.gpx", fixture("easy-run.fit"))).toBe("fit");
    expect(detectFormat("run.fit", fixture("easy-run.tcx"))).toBe("tcx");
    expect(detectFormat("export", fixture("easy-run.gpx"))).toBe("gpx");
    expect(detectFormat("export.TCX", new TextEncoder().encode("<?xml version='1.0'?>"))).toBe("tcx");
  });
  it("ignores elevation jitter and short steep blips", () => {
    const jitter = [p(0, 10), p(10, 11), p(20, 10), p(30, 11.5), p(40, 10), p(50, 11)];
    expect(elevationSummary(jitter, along(jitter)).gainM).toBe(0);
    // A 3 m jump over 5 m is GPS noise, not a 60 % wall: gradients are read over >= 200 m.
    const blip = [p(0, 10), p(5, 13), p(60, 13), p(120, 13), p(250, 13)];
    expect(elevationSummary(blip, along(blip)).steepest?.pct).toBeLessThan(2);
    expect(elevationSummary([p(0, 10)], [0])).toEqual({ gainM: null, steepest: null });
  });
  it("counts a climb from the bottom of a dip and ignores dips inside a climb", () => {
    const climb = [p(0, 10), p(100, 20), p(200, 19), p(300, 30), p(400, 25), p(500, 35)];
    expect(elevationSummary(climb, along(climb)).gainM).toBe(30);
  });
  it("never measures a gradient across a gap between segments", () => {
    // Two flat segments at different heights: joined, they would read as a 20 % climb.
    const gap = [p(0, 10, 0), p(100, 10, 0), p(200, 10, 0), p(300, 50, 1), p(400, 50, 1), p(500, 50, 1)];
    expect(elevationSummary(gap, along(gap)).steepest).toBeNull();
    expect(elevationSummary(gap, along(gap)).gainM).toBe(0);
  });
  it("doubles one-leg running cadence and keeps steps per minute as they are", () => {
    expect(stepsPerMinute(86, "running")).toBe(172);
    expect(stepsPerMinute(172, "running")).toBe(172);
    expect(cadenceSummary(null, [0, 85, 87], "running")).toEqual({ spm: 172, source: "moving" });
    expect(cadenceSummary(80, [0, 85, 87], "running")).toEqual({ spm: 160, source: "device" });
    expect(cadenceSummary(null, [0, null], "running")).toEqual({ spm: null, source: null });
  });
  it("never doubles a ride's pedalling or a cadence whose sport is unknown", () => {
    expect(stepsPerMinute(68, "cycling")).toBeNull();
    expect(stepsPerMinute(68, "unknown")).toBeNull();
    expect(stepsPerMinute(170, "unknown")).toBe(170);
    expect(cadenceSummary(68, [68, 70], "cycling")).toEqual({ spm: null, source: null });
  });
  it("offers the longest run of a file first", () => {
    expect(imported("easy-run.gpx").distanceKm).toBe(3);
  });
});
