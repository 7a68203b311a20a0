import type { Availability, BadgeVariantName, PreflightVerdict, Severity, SquadSessionKind, Zone } from "./types";

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

const dateFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** Dates show in UTC so the server render and the browser agree (the domain has no time zones). */
export const formatDate = (date: Date) => dateFormat.format(date);
export const formatDateTime = (date: Date) => dateTimeFormat.format(date);
