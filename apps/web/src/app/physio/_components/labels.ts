import { formatCalendarDate, formatInClubTime, type Calendar, type Severity } from "@loadline/domain";

export const severityLabel: Record<Severity, string> = { info: "Info", amber: "Amber", red: "Red", escalate: "Escalation" };

export const humanize = (value: string) => value.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

type ClubCalendar = Pick<Calendar, "timeZone" | "locale">;

// The domain's one formatter, in the club's zone and locale (`useClubCalendar()`): no default, so no
// screen can fall back to London time for a club elsewhere.
export const formatDate = (value: Date, calendar: ClubCalendar) => formatInClubTime(value, calendar, "date");

export const formatDateTime = (value: Date, calendar: ClubCalendar) => formatInClubTime(value, calendar, "dateTime");

/** A date-only value (YYYY-MM-DD, e.g. an onset date): that day, never shifted by the zone. */
export const formatDay = (day: string, calendar: ClubCalendar) => formatCalendarDate(day, calendar, "date");
