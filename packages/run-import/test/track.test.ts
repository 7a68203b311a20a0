import { describe, expect, it } from "vitest";
import { distanceAlong, elapsedSeconds, movingSeconds, timestampsUsable, type TrackPoint } from "../src/track";

const at = (s: number) => new Date(Date.UTC(2026, 10, 14, 7, 30, s));
const pt = (over: Partial<TrackPoint>): TrackPoint => ({ time: null, lat: null, lon: null, elevationM: null, distanceM: null, cadence: null, segment: 0, ...over });

describe("geometry within segments", () => {
  it("uses the device's distance, skipping the odd point without one", () => {
    const points = [pt({ distanceM: null }), pt({ distanceM: 100 }), pt({ distanceM: 150 }), pt({ distanceM: 400 })];
    expect(distanceAlong(points)).toEqual([null, 0, 50, 300]);
  });
  it("carries distance on across segments without adding the gap", () => {
    const points = [pt({ distanceM: 0 }), pt({ distanceM: 100 }), pt({ distanceM: 5000, segment: 1 }), pt({ distanceM: 5200, segment: 1 })];
    expect(distanceAlong(points)).toEqual([0, 100, 100, 300]);
  });
  it("falls back to positions when most points have no device distance", () => {
    const points = [pt({ lat: 51.5, lon: 0 }), pt({ lat: 51.501, lon: 0 }), pt({ lat: 51.502, lon: 0, distanceM: 3 })];
    const along = distanceAlong(points);
    expect(along[2]).toBeCloseTo(222.4, 0);
  });
});

describe("time", () => {
  it("trusts timestamps only when at least 80 % of points carry one", () => {
    const timed = (n: number, of: number) => Array.from({ length: of }, (_, i) => pt({ time: i < n ? at(i) : null }));
    expect(timestampsUsable(timed(8, 10))).toBe(true);
    expect(timestampsUsable(timed(7, 10))).toBe(false);
    expect(timestampsUsable(timed(1, 1))).toBe(false);
  });
  it("counts pauses and gaps in elapsed time but not in moving time", () => {
    const points = [
      pt({ time: at(0), distanceM: 0 }),
      pt({ time: at(10), distanceM: 30 }),
      pt({ time: at(40), distanceM: 32 }), // 30 s standing at a crossing
      pt({ time: at(50), distanceM: 60 }),
      pt({ time: at(59), distanceM: 5000, segment: 1 }), // a new segment after a lost signal
      pt({ time: at(60), distanceM: 5003, segment: 1 }),
    ];
    expect(elapsedSeconds(points)).toBe(60);
    expect(movingSeconds(points, distanceAlong(points))).toBe(21);
  });
});
