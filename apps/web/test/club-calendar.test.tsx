import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatInClubTime } from "@loadline/domain";
import { ClubCalendarProvider, useClubCalendar } from "../src/components/club-calendar";

// A summer instant (New York on EDT, UTC-4) and a date-only day, both fixed.
const AT = new Date("2026-07-02T07:00:00Z");
const DAY = "2026-11-21";

/** Writes the instant and the day the way the screens do: through the hook and the domain's formatters. */
function Dates() {
  const calendar = useClubCalendar();
  return <p>{`${formatInClubTime(AT, calendar, "dateTime")} | ${formatCalendarDate(DAY, calendar, "shortDate")}`}</p>;
}

describe("the club calendar context", () => {
  it("formats in the club's zone and locale inside the provider", () => {
    const html = renderToString(
      <ClubCalendarProvider calendar={{ timeZone: "America/New_York", locale: "en-US" }}>
        <Dates />
      </ClubCalendarProvider>,
    );
    // 07:00 UTC is 03:00 in New York; the day-only value stays the 21st (no zone shift).
    expect(html).toBe("<p>Thu, Jul 2, 03:00 | Nov 21</p>");
  });

  it("falls back to Europe/London and en-GB outside a signed-in layout (sign-in, invites)", () => {
    expect(renderToString(<Dates />)).toBe("<p>Thu 2 Jul, 08:00 | 21 Nov</p>");
  });
});
