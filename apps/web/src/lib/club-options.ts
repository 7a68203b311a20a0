import { DEFAULT_TIME_ZONE } from "@loadline/domain";

/** Every IANA zone the browser knows, the club's default first if the runtime lists none. */
export function timeZoneOptions(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(DEFAULT_TIME_ZONE) ? zones : [DEFAULT_TIME_ZONE, ...zones];
}

/** Date formats a club can choose, named by how a date looks (the value is the locale). */
export const localeOptions = [
  { value: "en-GB", label: "English (UK): 21/11/2026" },
  { value: "en-IE", label: "English (Ireland): 21/11/2026" },
  { value: "en-US", label: "English (US): 11/21/2026" },
  { value: "en-AU", label: "English (Australia): 21/11/2026" },
  { value: "de-DE", label: "Deutsch: 21.11.2026" },
  { value: "fr-FR", label: "Français: 21/11/2026" },
  { value: "nl-NL", label: "Nederlands: 21-11-2026" },
  { value: "es-ES", label: "Español: 21/11/2026" },
  { value: "it-IT", label: "Italiano: 21/11/2026" },
  { value: "sv-SE", label: "Svenska: 2026-11-21" },
] as const;

export const weekdayOptions = [
  { value: 1, label: "Monday" },
  { value: 6, label: "Saturday" },
  { value: 7, label: "Sunday" },
] as const;
