/**
 * The shapes of real watch exports that used to fill the run form with numbers a runner would
 * not trust. Each fixture is written by test/fixtures/generate.ts.
 */
import { describe, expect, it } from "vitest";
import { sessionForRecordedSport } from "@loadline/domain";
import { importRunFile } from "../src";
import { fixture, imported } from "./helpers";

describe("a multisport FIT file", () => {
  const file = importRunFile("multisport.fit", fixture("multisport.fit"));
  it("lists each leg with its sport, distance, duration and start, transitions left out", () => {
    expect(file.activities.map((a) => [a.sport, a.distanceKm, a.elapsedMinutes, a.startedAt?.toISOString()])).toEqual([
      ["running", 2.25, 12, "2026-11-14T07:30:00.000Z"],
      ["cycling", 10, 30, "2026-11-14T07:44:00.000Z"],
      ["running", 12.74, 70, "2026-11-14T08:15:00.000Z"],
    ]);
  });
  it("offers the longest run first", () => {
    expect(file.suggested).toBe(2);
    expect(file.activities[file.suggested]!.minutes).toBe(70);
  });
  it("takes each run's cadence from its own leg, never from the ride", () => {
    expect(file.activities.map((a) => a.cadenceSpm)).toEqual([168, null, 174]);
  });
});

describe("GPX tracks and segments", () => {
  it("sums a 3-track file within each track, not across the 10 km between them", () => {
    const run = imported("multi-track.gpx");
    expect(run.distanceKm).toBeCloseTo(1.74, 1);
    // Two days between the tracks: moving time counts the tracks only.
    expect(run.movingMinutes).toBeCloseTo(10.2, 0);
    expect(run.minutes).toBe(run.movingMinutes);
  });
  it("sums an 8-segment file within each segment, not across the 1.3 km jumps", () => {
    const run = imported("multi-segment.gpx");
    expect(run.distanceKm).toBeCloseTo(4.58, 1);
    // Eight 4-minute segments with 5-minute pauses between them.
    expect(run.movingMinutes).toBe(32);
    expect(run.elapsedMinutes).toBe(67);
  });
});

describe("duration and plausibility", () => {
  it("does not time a run from 5 timed points out of 296, and says so", () => {
    const run = imported("sparse-times.gpx");
    expect(run.minutes).toBeNull();
    expect(run.distanceKm).toBeCloseTo(4.57, 1);
    expect(run.notes.join(" ")).toMatch(/Only 5 of 296 points .* carry a time.*Enter the duration yourself/);
  });
  it("warns about a 23 km run over 45 hours, without refusing it", () => {
    const run = imported("watch-left-on.gpx");
    expect(run.distanceKm).toBe(23);
    expect(run.elapsedMinutes).toBe(2700);
    expect(run.warnings).toHaveLength(2);
    expect(run.warnings[0]).toMatch(/lasts 45 hours/);
    expect(run.warnings[1]).toMatch(/pace of 117:23 min\/km, slower than 15:00/);
  });
  it("separates moving time from a stop, and shows the watch's own cadence average", () => {
    const run = imported("run-with-stops.fit");
    expect(run.movingMinutes).toBe(20);
    expect(run.elapsedMinutes).toBe(25);
    expect(run.minutes).toBe(20);
    // The watch averages over all 25 min (69 strides/min); the moving readings alone give 172.
    expect(run.cadenceSpm).toBe(138);
    expect(run.cadenceSource).toBe("device");
  });
});

describe("a FIT file whose header claims 3 more bytes than it holds (Strava app)", () => {
  it("imports the run and says the file ended early", () => {
    const run = imported("strava-header.fit");
    expect(run.distanceKm).toBe(3);
    expect(run.minutes).toBe(20);
    expect(run.cadenceSpm).toBe(172);
    expect(run.notes).toEqual([expect.stringMatching(/ends earlier than its header says/) as unknown]);
  });
});

describe("activities that are not runs", () => {
  it.each([
    ["cycling.fit", "cycling", "road cycling"],
    ["cycling.gpx", "cycling", "cycling"],
    ["cycling.tcx", "cycling", "biking"],
    ["mountain-bike.gpx", "cycling", "mountain biking"],
  ])("reads %s as a ride, offered as cross-training, with no doubled cadence", (name, sport, sportName) => {
    const ride = imported(name);
    expect(ride.sport).toBe(sport);
    expect(ride.sportName).toBe(sportName);
    // 68 rpm of pedalling is not 136 steps per minute.
    expect(ride.cadenceSpm).toBeNull();
    expect(ride.warnings).toEqual([]);
    expect(sessionForRecordedSport(ride.sport, ride.sportName)).toEqual({ form: "session", type: "cross_training", activities: ["cycling"] });
  });
  it("offers a hike as cross-training (walking) and gym work as strength", () => {
    const hike = imported("hike.fit");
    expect(sessionForRecordedSport(hike.sport, hike.sportName)).toMatchObject({ type: "cross_training", activities: ["walking"] });
    const gym = imported("strength.fit");
    expect(gym).toMatchObject({ sport: "strength", minutes: 45, distanceKm: null });
    expect(sessionForRecordedSport(gym.sport, gym.sportName)).toMatchObject({ form: "session", type: "strength" });
  });
  it("refuses a golf round with a sentence", () => {
    const golf = imported("golf.fit");
    expect(sessionForRecordedSport(golf.sport, golf.sportName)).toEqual({ form: "none", reason: expect.stringMatching(/^This file holds a golf activity/) as unknown });
  });
});

describe("elevation from noisy GPS altitude", () => {
  it("reads the real 6 % hill at km 2, not a 50 % wall of noise", () => {
    const run = imported("noisy-altitude.gpx");
    expect(run.steepestGradientPct).toBeGreaterThan(4);
    expect(run.steepestGradientPct).toBeLessThan(8);
    expect(run.steepestClimb?.fromKm).toBeGreaterThanOrEqual(1.9);
    expect(run.steepestClimb?.toKm).toBeLessThanOrEqual(2.4);
    // 18 m of real climb; the noise adds some but not the hundreds of metres raw points give.
    expect(run.elevationGainM).toBeLessThan(40);
    expect(run.elevationSource).toBe("smoothed");
  });
});
