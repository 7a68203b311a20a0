import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat, importRunFile, RunImportError } from "../src";
import { elevationGain, meanCadenceSpm, steepestGradient } from "../src/track";

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, "fixtures", name)));

async function failure(name: string, bytes = fixture(name)): Promise<RunImportError> {
  try {
    await importRunFile(name, bytes);
  } catch (error) {
    if (error instanceof RunImportError) return error;
    throw error;
  }
  throw new Error(`${name} imported without an error`);
}

// The same recorded run in three formats: 3 km, 20 min, a 50 m climb at 10 %, 86 strides/min.
describe.each(["easy-run.gpx", "easy-run.tcx", "easy-run.fit"])("importing %s", (name) => {
  it("fills distance, duration, elevation gain, steepest gradient and cadence", async () => {
    const run = await importRunFile(name, fixture(name));
    expect(run.format).toBe(name.split(".")[1]);
    expect(run.distanceKm).toBeCloseTo(3, 1);
    expect(run.minutes).toBe(20);
    expect(run.elevationGainM).toBeGreaterThanOrEqual(48);
    expect(run.elevationGainM).toBeLessThanOrEqual(52);
    expect(run.steepestGradientPct).toBeCloseTo(10, 0);
    expect(run.cadenceSpm).toBe(172);
    expect(run.startedAt?.toISOString()).toBe("2026-11-14T07:30:00.000Z");
    expect(run.points).toBe(61);
  });
});

describe("files that cannot be imported", () => {
  it("explains a damaged FIT file", async () => {
    const error = await failure("corrupt.fit");
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/FIT file is damaged/);
  });
  it("explains a damaged GPX file", async () => {
    const error = await failure("corrupt.gpx");
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/GPX file is damaged/);
  });
  it("explains a GPX without a track", async () => {
    expect((await failure("empty-track.gpx")).code).toBe("no_track");
  });
  it("refuses other kinds of file", async () => {
    const error = await failure("notes.txt");
    expect(error.code).toBe("unsupported_format");
    expect(error.message).toMatch(/GPX, TCX or FIT/);
  });
  it("refuses empty and oversized files", async () => {
    expect((await failure("empty.gpx", new Uint8Array())).code).toBe("corrupt");
    expect((await failure("huge.gpx", new Uint8Array(26 * 1024 * 1024))).code).toBe("too_large");
  });
  it("refuses XML that is neither GPX nor TCX", async () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0"?><kml><Document/></kml>');
    expect((await failure("route.gpx", bytes)).code).toBe("unsupported_format");
    expect((await failure("route.tcx", bytes)).code).toBe("unsupported_format");
  });
});

describe("format detection and track maths", () => {
  it("trusts the content over the file name", () => {
    expect(detectFormat("run.gpx", fixture("easy-run.fit"))).toBe("fit");
    expect(detectFormat("run.fit", fixture("easy-run.tcx"))).toBe("tcx");
    expect(detectFormat("export", fixture("easy-run.gpx"))).toBe("gpx");
  });
  it("ignores GPS elevation jitter and short steep blips", () => {
    const p = (d: number, e: number) => ({ time: null, lat: null, lon: null, elevationM: e, distanceM: d, cadence: null });
    const jitter = [p(0, 10), p(10, 11), p(20, 10), p(30, 11.5), p(40, 10), p(50, 11)];
    expect(elevationGain(jitter)).toBe(0);
    // A 3 m jump over 5 m is GPS noise, not a 60 % wall: gradients are read over >= 50 m.
    const blip = [p(0, 10), p(5, 13), p(60, 13), p(120, 13)];
    expect(steepestGradient(blip, blip.map((x) => x.distanceM))).toBe(0);
    expect(steepestGradient([p(0, 10)], [0])).toBeNull();
    expect(elevationGain([p(0, 10)])).toBeNull();
  });
  it("doubles one-leg cadence and keeps steps per minute as they are", () => {
    expect(meanCadenceSpm([0, 85, 87])).toBe(172);
    expect(meanCadenceSpm([170, 174])).toBe(172);
    expect(meanCadenceSpm([0, null])).toBeNull();
  });
});
