import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClubCalendarProvider } from "../src/components/club-calendar";
import { DateTimeField, instantOfValue, valueOfWallClock, wallClockOfValue } from "../src/components/date-time-field";

// 2026-12-01 23:30 UTC: the 1st in London and New York, already the 2nd in Auckland.
const AT = "2026-12-01T23:30:00.000Z";
const NOW = Date.parse("2026-12-02T08:00:00Z");

function render(calendar: { timeZone: string; locale: string }, value: string) {
  return renderToString(
    <ClubCalendarProvider calendar={calendar}>
      <DateTimeField id="at" label="When" value={value} onChange={() => undefined} />
    </ClubCalendarProvider>,
  );
}

/** The selected option of each select, in the order they are drawn. */
const selected = (html: string) => [...html.matchAll(/<option[^>]*selected=""[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);

describe("DateTimeField", () => {
  it("shows the instant in the club's zone and locale, in the locale's order", () => {
    expect(selected(render({ timeZone: "Europe/London", locale: "en-GB" }, AT))).toEqual(["1", "December", "2026", "23", "30"]);
    expect(selected(render({ timeZone: "America/New_York", locale: "en-US" }, AT))).toEqual(["December", "1", "2026", "18", "30"]);
    expect(selected(render({ timeZone: "Pacific/Auckland", locale: "fr-FR" }, AT))).toEqual(["2", "décembre", "2026", "12", "30"]);
  });

  it("is no browser date-time input (those follow the browser's locale), and names its parts", () => {
    const html = render({ timeZone: "Europe/London", locale: "en-GB" }, AT);
    expect(html).not.toContain("datetime-local");
    expect(html).not.toContain('type="date"');
    expect(html).toContain('role="group" aria-label="When"');
    for (const part of ["Day", "Month", "Year", "Hour", "Minute"]) expect(html).toContain(`aria-label="${part}"`);
    // The field's label points at the first part.
    expect(html).toMatch(/<select[^>]*id="at"[^>]*aria-label="Day"/);
  });

  it("keeps an impossible day as chosen (31 February) and sends it as no instant", () => {
    const value = valueOfWallClock({ year: 2026, month: 2, day: 31, hour: 9, minute: 5 }, "Europe/London");
    expect(value).toBe("2026-02-31T09:05");
    expect(instantOfValue(value)).toBeNull();
    expect(selected(render({ timeZone: "Europe/London", locale: "en-GB" }, value))).toEqual(["31", "February", "2026", "09", "05"]);
    expect(wallClockOfValue(value, "Europe/London", NOW)).toEqual({ year: 2026, month: 2, day: 31, hour: 9, minute: 5 });
  });

  it("sends the chosen wall clock as the instant it names in the club's zone", () => {
    const value = valueOfWallClock({ year: 2026, month: 12, day: 2, hour: 12, minute: 30 }, "Pacific/Auckland");
    expect(value).toBe(AT);
    expect(instantOfValue(value)?.toISOString()).toBe(AT);
  });
});
