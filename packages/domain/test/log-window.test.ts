import { describe, expect, it } from "vitest";
import { DomainError, LOG_RANGE_MAX_DAYS, logWindowSchema, resolveLogWindow } from "../src";

const NOW = new Date("2026-11-21T09:00:00Z");

const issuesOf = (input: unknown) => {
  const parsed = logWindowSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("log windows", () => {
  it("a quick window counts days back from now; the default applies when nothing is chosen", () => {
    expect(resolveLogWindow({ days: 14 }, NOW, "Europe/London", 28)).toMatchObject({ since: new Date("2026-11-07T09:00:00Z"), until: null, days: 14, description: "the last 14 days" });
    expect(resolveLogWindow({}, NOW, "Europe/London", 28).days).toBe(28);
  });

  it("a range is of the club's calendar days, both included, across a daylight-saving change", () => {
    // London springs forward on 29 March 2026: that day is 23 hours long.
    expect(resolveLogWindow({ from: "2026-03-29", to: "2026-03-29" }, NOW, "Europe/London", 28)).toMatchObject({
      since: new Date("2026-03-29T00:00:00Z"),
      until: new Date("2026-03-29T23:00:00Z"),
      from: "2026-03-29",
      to: "2026-03-29",
      days: null,
    });
    // A club in New York: 1 November starts at 04:00 UTC (still summer time), 2 November ends at 05:00 UTC.
    expect(resolveLogWindow({ from: "2026-11-01", to: "2026-11-02" }, NOW, "America/New_York", 28)).toMatchObject({
      since: new Date("2026-11-01T04:00:00Z"),
      until: new Date("2026-11-03T05:00:00Z"),
    });
  });

  it("refuses a bad range naming the field", () => {
    expect(issuesOf({ from: "2026-10-05", to: "2026-10-01" })).toHaveProperty("to", "To must be on or after From");
    expect(issuesOf({ from: "2026-10-05" })).toHaveProperty("to");
    expect(issuesOf({ to: "2026-10-05" })).toHaveProperty("from");
    expect(issuesOf({ from: "2026-02-30", to: "2026-03-01" })).toHaveProperty("from");
    expect(issuesOf({ days: 0 })).toHaveProperty("days");
    expect(issuesOf({ from: "2024-11-19", to: "2026-11-20" })).toHaveProperty("from");
    expect(issuesOf({ from: "2024-11-20", to: "2026-11-20" })).toEqual({});
    expect(issuesOf({ from: "2024-11-21", to: "2026-11-20" })).toEqual({});
    expect(LOG_RANGE_MAX_DAYS).toBe(731);
  });

  it("refuses a range that ends after the club's today, naming `to`", () => {
    const error = (() => {
      try {
        resolveLogWindow({ from: "2026-11-20", to: "2026-11-22" }, NOW, "Europe/London", 28);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors).toEqual({ to: ["To cannot be after today"] });
    // In Auckland it is already 21 November evening: the 21st is allowed, the 22nd not.
    expect(resolveLogWindow({ from: "2026-11-21", to: "2026-11-21" }, NOW, "Pacific/Auckland", 28).to).toBe("2026-11-21");
  });
});
