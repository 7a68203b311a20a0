import { describe, expect, it } from "vitest";
import { liveFailures, lockedMinutes, throttleDelayMs, throttleMessage } from "../src";

const NOW = new Date("2026-11-21T09:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

describe("throttle rules", () => {
  it("delays after 5 failures, doubling up to 8 s", () => {
    expect([0, 4, 5, 6, 7, 8, 9, 20].map(throttleDelayMs)).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });
  it("forgets failures 15 minutes after the last one", () => {
    expect(liveFailures({ failures: 7, lastFailureAt: minutesAgo(14), lockedUntil: null }, NOW)).toBe(7);
    expect(liveFailures({ failures: 7, lastFailureAt: minutesAgo(15), lockedUntil: null }, NOW)).toBe(0);
    expect(liveFailures(undefined, NOW)).toBe(0);
  });
  it("says how many whole minutes a lock has left", () => {
    const lockedUntil = new Date(NOW.getTime() + 14.5 * 60_000);
    expect(lockedMinutes({ failures: 10, lastFailureAt: NOW, lockedUntil }, NOW)).toBe(15);
    expect(lockedMinutes({ failures: 10, lastFailureAt: NOW, lockedUntil: minutesAgo(1) }, NOW)).toBeNull();
    expect(throttleMessage(15)).toBe("Too many attempts. Try again in 15 minutes.");
    expect(throttleMessage(1)).toBe("Too many attempts. Try again in 1 minute.");
  });
});
