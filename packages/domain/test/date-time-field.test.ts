import { describe, expect, it } from "vitest";
import { dateFieldOrder, monthNames, wallClockOf, wallClockToIso } from "../src";

// Fixed instants; the club zones differ from UTC (and from each other) at them.
const WINTER = Date.parse("2026-12-01T23:30:00Z");

describe("a date-and-time field in the club's zone and locale", () => {
  it("reads an instant as the club's wall clock, not the machine's", () => {
    expect(wallClockOf(WINTER, "Europe/London")).toEqual({ year: 2026, month: 12, day: 1, hour: 23, minute: 30 });
    // Auckland is already on the 2nd (UTC+13 in summer).
    expect(wallClockOf(WINTER, "Pacific/Auckland")).toEqual({ year: 2026, month: 12, day: 2, hour: 12, minute: 30 });
    expect(wallClockOf(WINTER, "America/New_York")).toEqual({ year: 2026, month: 12, day: 1, hour: 18, minute: 30 });
  });

  it("writes the wall clock back as the instant it names in the club's zone", () => {
    expect(wallClockToIso({ year: 2026, month: 12, day: 2, hour: 12, minute: 30 }, "Pacific/Auckland")).toBe("2026-12-01T23:30:00.000Z");
    expect(wallClockToIso({ year: 2026, month: 7, day: 2, hour: 3, minute: 0 }, "America/New_York")).toBe("2026-07-02T07:00:00.000Z");
    for (const zone of ["Europe/London", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata"]) {
      expect(wallClockToIso(wallClockOf(WINTER, zone), zone)).toBe(new Date(WINTER).toISOString());
    }
  });

  it("refuses a day that does not exist instead of rolling it into the next month", () => {
    expect(wallClockToIso({ year: 2026, month: 2, day: 31, hour: 9, minute: 0 }, "Europe/London")).toBeNull();
    expect(wallClockToIso({ year: 2027, month: 2, day: 29, hour: 9, minute: 0 }, "Europe/London")).toBeNull();
    expect(wallClockToIso({ year: 2028, month: 2, day: 29, hour: 9, minute: 0 }, "Europe/London")).toBe("2028-02-29T09:00:00.000Z");
  });

  it("orders the parts and names the months as the club's locale writes them", () => {
    expect(dateFieldOrder("en-GB")).toEqual(["day", "month", "year"]);
    expect(dateFieldOrder("en-US")).toEqual(["month", "day", "year"]);
    expect(dateFieldOrder("ja-JP")).toEqual(["year", "month", "day"]);
    expect(monthNames("en-GB")[11]).toBe("December");
    expect(monthNames("fr-FR")[0]).toBe("janvier");
    expect(monthNames("de-DE")).toHaveLength(12);
  });
});
