import { defaultCalendar, formatInClubTime, type Calendar } from "@loadline/domain";
import type { Availability, BadgeVariantName, PreflightVerdict, Severity, SquadSessionKind, Zone } from "./types";

type ClubCalendar = Pick<Calendar, "timeZone" | "locale">;

export const availabilityLabels: Record<Availability, string> = {
  available: "Available",
  modified: "Modified",
  rehab: "Rehab",
  unavailable: "Unavailable",
};

export const severityLabels: Record<Severity, string> = { info: "Info", amber: "Amber", red: "Red", escalate: "Medical review" };

export const zoneLabels: Record<Zone, string> = { green: "Green", amber: "Amber", red: "Red" };

export const zoneVariant = (zone: Zone): BadgeVariantName => `zone-${zone}`;

export const kindLabels: Record<SquadSessionKind, string> = {
  easy_run: "Easy run",
  long_run: "Long run",
  hills: "Hills",
  intervals: "Intervals / speed",
  strides: "Strides",
  sprint: "Sprint",
  plyometrics: "Plyometrics",
  heavy_gym: "Heavy gym",
  field_drills: "Field drills",
  recovery: "Recovery",
};

export const verdictLabels: Record<PreflightVerdict, string> = { ok: "ok", modify: "modify", skip: "skip" };
export const verdictVariant: Record<PreflightVerdict, BadgeVariantName> = { ok: "zone-green", modify: "zone-amber", skip: "zone-red" };

export const DAY_MS = 86_400_000;

/**
 * Dates show in the club's zone and locale through the domain's one formatter, so the server
 * render and the browser agree and no screen shows UTC. Pass the assessment's (or the planner's)
 * calendar; without one the club default (Europe/London, en-GB) applies.
 */
export const formatDate = (date: Date, calendar: ClubCalendar = defaultCalendar) => formatInClubTime(date, calendar, "day");
export const formatDateTime = (date: Date, calendar: ClubCalendar = defaultCalendar) => formatInClubTime(date, calendar, "dateTime");
export const formatTime = (date: Date, calendar: ClubCalendar = defaultCalendar) => formatInClubTime(date, calendar, "time");

/** A session outcome's badge: tone and words come from the domain. */
export const outcomeVariant = (tone: Zone | "incomplete"): BadgeVariantName => (tone === "incomplete" ? "outline" : zoneVariant(tone));
