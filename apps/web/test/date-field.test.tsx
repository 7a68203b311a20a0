import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ClubCalendarProvider } from "../src/components/club-calendar";
import { DateField, TimeField, dayOfValue, valueOfDay } from "../src/components/date-field";

function render(calendar: { timeZone: string; locale: string }, node: React.ReactNode) {
  return renderToString(<ClubCalendarProvider calendar={calendar}>{node}</ClubCalendarProvider>);
}

/** The selected option of each select, in the order they are drawn. */
const selected = (html: string) => [...html.matchAll(/<option[^>]*selected=""[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
const noop = () => undefined;

describe("DateField", () => {
  it("shows the day in the club's locale and the locale's order, never a browser date input", () => {
    const field = <DateField id="onset" label="Onset date" value="2026-11-04" onChange={noop} />;
    expect(selected(render({ timeZone: "Europe/London", locale: "en-GB" }, field))).toEqual(["4", "November", "2026"]);
    expect(selected(render({ timeZone: "America/New_York", locale: "en-US" }, field))).toEqual(["November", "4", "2026"]);
    expect(selected(render({ timeZone: "Europe/Paris", locale: "fr-FR" }, field))).toEqual(["4", "novembre", "2026"]);
    const html = render({ timeZone: "Europe/London", locale: "en-GB" }, field);
    expect(html).not.toContain('type="date"');
    expect(html).toContain('role="group" aria-label="Onset date"');
    expect(html).toMatch(/<select[^>]*id="onset"[^>]*aria-label="Day"/);
  });

  it("offers a blank choice when optional and shows an empty value as blank", () => {
    const html = render({ timeZone: "Europe/London", locale: "en-GB" }, <DateField id="from" label="Raised from" optional value="" onChange={noop} />);
    expect(selected(html)).toEqual(["—", "—", "—"]);
  });

  it("keeps an impossible day as chosen so the schema reports it at the field", () => {
    expect(valueOfDay({ year: 2026, month: 2, day: 31 })).toBe("2026-02-31");
    expect(dayOfValue("2026-02-31")).toEqual({ year: 2026, month: 2, day: 31 });
    expect(dayOfValue("")).toBeNull();
    const html = render({ timeZone: "Europe/London", locale: "en-GB" }, <DateField id="d" label="Date" value="2026-02-31" onChange={noop} />);
    expect(selected(html)).toEqual(["31", "February", "2026"]);
  });

  it("offers next year by default, so a day past New Year can be chosen (and refused by the form's schema)", () => {
    vi.useFakeTimers({ now: Date.parse("2026-12-31T12:00:00Z") });
    try {
      const html = render({ timeZone: "Europe/London", locale: "en-GB" }, <DateField id="d" label="Date" value="2026-12-31" onChange={noop} />);
      expect(html).toContain(">2027</option>");
      expect(html).not.toContain(">2028</option>");
    } finally {
      vi.useRealTimers();
    }
  });

  it("offers the years asked for", () => {
    const html = render({ timeZone: "Europe/London", locale: "en-GB" }, <DateField id="d" label="Date" value="2026-02-03" firstYear={2024} lastYear={2028} onChange={noop} />);
    for (const year of [2024, 2028]) expect(html).toContain(`>${year}</option>`);
    expect(html).not.toContain(">2023</option>");
  });
});

describe("TimeField", () => {
  it("writes the time on 24 hours, whatever the browser's locale", () => {
    const html = render({ timeZone: "America/New_York", locale: "en-US" }, <TimeField id="t" label="Start time" value="17:05" onChange={noop} />);
    expect(selected(html)).toEqual(["17", "05"]);
    expect(html).not.toContain('type="time"');
  });
});
