import { describe, expect, it } from "vitest";
import { importRunFile } from "../src";
import { largeRunGpx, LARGE_RUN } from "./large-run";

// Correctness only on a file the size of a marathon at 1 point a second; its parse time is
// measured by bench/parse.bench.ts, never asserted here.
describe("a large file", () => {
  it(`reads ${LARGE_RUN.points} points with the right totals`, () => {
    const file = importRunFile("long-run.gpx", new TextEncoder().encode(largeRunGpx()));
    const run = file.activities[0]!;
    expect(run.points).toBe(LARGE_RUN.points);
    expect(run.distanceKm).toBeCloseTo(LARGE_RUN.distanceKm, 1);
    expect(run.minutes).toBeCloseTo(LARGE_RUN.minutes, 0);
    expect(run.cadenceSpm).toBe(176);
    expect(run.steepestGradientPct).toBeCloseTo(4, 0);
    expect(run.warnings).toEqual([]);
  });
});
