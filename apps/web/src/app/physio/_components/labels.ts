import { defaultCalendar, formatInClubTime, type Calendar, type Severity } from "@loadline/domain";

/** Field errors a tRPC call failed with, keyed by the input path (e.g. `episode.side`). */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const data = (error as { data?: { fieldErrors?: Record<string, string[]> | null } | null } | null)?.data;
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(data?.fieldErrors ?? {})) if (messages[0]) out[key] = messages[0];
  return out;
}

export const severityLabel: Record<Severity, string> = { info: "Info", amber: "Amber", red: "Red", escalate: "Escalation" };

export const humanize = (value: string) => value.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

// One formatter for every screen (the domain's), in the club's zone and locale: the club default
// until the physio pages receive the club's calendar with their data.
export const formatDate = (value: Date | string, calendar: Pick<Calendar, "timeZone" | "locale"> = defaultCalendar) => formatInClubTime(value, calendar, "date");

export const formatDateTime = (value: Date | string, calendar: Pick<Calendar, "timeZone" | "locale"> = defaultCalendar) => formatInClubTime(value, calendar, "dateTime");
