
/**
 * The club's calendar: which time zone its days start in, which day starts its week and how it
 * writes dates. Instants stay instants everywhere; only day boundaries, week boundaries and the
 * times written into sentences depend on this. Pure: `Intl.DateTimeFormat` with an explicit
 * `timeZone` reads no clock and no machine setting.
 */
export interface Calendar {
  /** IANA time zone, e.g. "Europe/London". */
  timeZone: string;
  /** BCP 47 locale the club writes dates in, e.g. "en-GB". */
  locale: string;
  /** ISO weekday the week starts on: 1 = Monday ... 7 = Sunday. */
  weekStartsOn: IsoWeekday;
}

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const DEFAULT_TIME_ZONE = "Europe/London";
export const DEFAULT_LOCALE = "en-GB";

export const defaultCalendar: Readonly<Calendar> = Object.freeze({
  timeZone: DEFAULT_TIME_ZONE,
  locale: DEFAULT_LOCALE,
  weekStartsOn: 1,
});

/** True when the runtime knows this IANA zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** True when the runtime can format dates in this locale. */
export function isValidLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}


/** Fills what the caller left out with the defaults (Europe/London, en-GB, Monday). */
export function resolveCalendar(partial?: Partial<Calendar> | null): Calendar {
  return {
    timeZone: partial?.timeZone ?? DEFAULT_TIME_ZONE,
    locale: partial?.locale ?? DEFAULT_LOCALE,
    weekStartsOn: partial?.weekStartsOn ?? 1,
  };
}

/**
 * The zone an athlete's days are counted in: their own override when set, else the club's.
 * @param clubTimeZone the organisation's zone (null/undefined: the default)
 * @param athleteTimeZone the athlete's override, or null
 */
export function effectiveTimeZone(clubTimeZone: string | null | undefined, athleteTimeZone: string | null | undefined): string {
  return athleteTimeZone ?? clubTimeZone ?? DEFAULT_TIME_ZONE;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const weekdayNumber: Readonly<Record<string, IsoWeekday>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock reading of an instant in a zone. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: IsoWeekday;
}

/** The wall-clock reading straight from `Intl` (the reference the fast path is checked against). */
export function localPartsFromIntl(t: number, timeZone: string): LocalParts {
  const values: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(t))) values[part.type] = part.value;
  return {
    year: Number(values.year),
    month: Number(values.month),
    day: Number(values.day),
    hour: Number(values.hour),
    minute: Number(values.minute),
    second: Number(values.second),
    weekday: weekdayNumber[values.weekday ?? "Mon"] ?? 1,
  };
}

/** Offset of the zone from UTC at instant `t` read through `Intl`, in ms (positive east of Greenwich). */
function offsetFromIntl(t: number, timeZone: string): number {
  const p = localPartsFromIntl(t, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(t / 1000) * 1000;
}

const HOUR_MS = 3_600_000;
/** Bounded so a long-running server does not grow it without end (about 5 years of hours per zone). */
const MAX_CACHED_HOURS = 50_000;
/** Years the fast path covers; outside them (eras, proleptic oddities) `Intl` answers directly. */
const FAST_FROM = Date.UTC(1900, 0, 1);
const FAST_TO = Date.UTC(2200, 0, 1);
/** Per zone: UTC hour number -> the zone's offset through that whole hour, or NaN when it changes within it. */
const hourOffsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset through the UTC hour holding `t`, or null when the offset changes inside it.
 * Formatting through `Intl` dominates the engine's cost (the compliance and window bounds read
 * dozens of local dates per athlete), and an offset is the same for every instant of an hour
 * unless a transition falls inside it: no zone changes its offset twice within one hour, so equal
 * offsets at the hour's first and last second mean one offset for the whole hour.
 */
function hourOffset(t: number, timeZone: string): number | null {
  let zone = hourOffsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    hourOffsets.set(timeZone, zone);
  }
  const hour = Math.floor(t / HOUR_MS);
  let offset = zone.get(hour);
  if (offset === undefined) {
    const first = offsetFromIntl(hour * HOUR_MS, timeZone);
    const last = offsetFromIntl(hour * HOUR_MS + HOUR_MS - 1000, timeZone);
    offset = first === last ? first : Number.NaN;
    if (zone.size >= MAX_CACHED_HOURS) zone.clear();
    zone.set(hour, offset);
  }
  return Number.isNaN(offset) ? null : offset;
}

const isoWeekdayOfUtcDay: readonly IsoWeekday[] = [7, 1, 2, 3, 4, 5, 6];

export function localParts(t: number, timeZone: string): LocalParts {
  const offset = t >= FAST_FROM && t < FAST_TO ? hourOffset(t, timeZone) : null;
  if (offset === null) return localPartsFromIntl(t, timeZone);
  // The wall clock is the UTC reading of the shifted instant; whole seconds, as Intl shows them.
  const wall = new Date(Math.floor(t / 1000) * 1000 + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: isoWeekdayOfUtcDay[wall.getUTCDay()] ?? 1,
  };
}

/** Offset of the zone from UTC at instant `t`, in ms (positive east of Greenwich). */
function offsetAt(t: number, timeZone: string): number {
  const p = localParts(t, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(t / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in a zone. Around a daylight-saving change a wall time may
 * exist twice (autumn: the earlier instant is used) or not at all (spring: it is read with the
 * offset before the change, so it lands just after the gap).
 */
export function zonedTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // No zone changes its offset twice within 28 hours, so the offsets 14 h either side cover both readings.
  const before = offsetAt(wall - 14 * 3_600_000, timeZone);
  const after = offsetAt(wall + 14 * 3_600_000, timeZone);
  const matches = [wall - before, wall - after].filter((t) => {
    const p = localParts(t, timeZone);
    return p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute;
  });
  return matches.length > 0 ? Math.min(...matches) : wall - before;
}

/**
 * Midday of a calendar day ("YYYY-MM-DD") in a zone: the instant a day picked on a form stands
 * for (a gait assessment, an injection, the planner's week). Noon UTC would not do: from UTC+12
 * on it is already the next local day.
 */
export function middayOfLocalDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(zonedTimeToInstant(year, month, date, 12, 0, timeZone));
}

/**
 * The instant a day picked for something that already happened is recorded at: the club's
 * midday, or now when that midday is still ahead (today, in the morning), so it is never in the
 * future.
 */
export function pastInstantOfDay(day: string, timeZone: string, now: Date): Date {
  return new Date(Math.min(middayOfLocalDay(day, timeZone).getTime(), now.getTime()));
}

/** Start (local midnight) of the day containing instant `t` in the zone. */
export function startOfLocalDay(t: number, timeZone: string): number {
  const p = localParts(t, timeZone);
  return zonedTimeToInstant(p.year, p.month, p.day, 0, 0, timeZone);
}

/** Start of the next local day after the one containing `t` (23, 24 or 25 hours later). */
export function startOfNextLocalDay(t: number, timeZone: string): number {
  const p = localParts(t, timeZone);
  // Noon UTC of the next calendar date never falls into the wrong local date for real zones.
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + 1, 12));
  return zonedTimeToInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, timeZone);
}

/** A key for the local calendar date of `t` ("2026-11-29"), for grouping by day. */
export function localDateKey(t: number, timeZone: string): string {
  const p = localParts(t, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** Start (local midnight) of the week containing `t`, the week starting on `weekStartsOn`. */
export function startOfLocalWeek(t: number, calendar: Pick<Calendar, "timeZone" | "weekStartsOn">): number {
  const p = localParts(t, calendar.timeZone);
  const back = (p.weekday - calendar.weekStartsOn + 7) % 7;
  const first = new Date(Date.UTC(p.year, p.month - 1, p.day - back, 12));
  return zonedTimeToInstant(first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate(), 0, 0, calendar.timeZone);
}

/** Start of the week `weeks` weeks after the one starting at `weekStart` (negative: before). */
export function addLocalWeeks(weekStart: number, weeks: number, timeZone: string): number {
  const p = localParts(weekStart, timeZone);
  const target = new Date(Date.UTC(p.year, p.month - 1, p.day + weeks * 7, 12));
  return zonedTimeToInstant(target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate(), 0, 0, timeZone);
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function displayFormatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    displayFormatters.set(key, formatter);
  }
  return formatter;
}

/** How much of a date to show. */
export type DateStyle =
  /** "Wed 2 Dec, 07:00" */
  | "dateTime"
  /** "Wed 2 Dec" */
  | "day"
  /** "Wednesday 2 December" */
  | "longDay"
  /** "2 Dec" */
  | "shortDate"
  /** "2 Dec 2026" */
  | "date"
  /** "07:00" */
  | "time";

const styleOptions: Readonly<Record<DateStyle, Intl.DateTimeFormatOptions>> = {
  dateTime: { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  day: { weekday: "short", day: "numeric", month: "short" },
  longDay: { weekday: "long", day: "numeric", month: "long" },
  shortDate: { day: "numeric", month: "short" },
  date: { day: "numeric", month: "short", year: "numeric" },
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
};

/**
 * The one date formatter of the product: every screen and every engine sentence writes dates
 * through it, in the club's zone and locale, so no screen shows UTC unless the club is in UTC.
 * @param date the instant (a Date, an ISO string or epoch ms)
 * @param calendar the club's zone and locale
 * @param style how much to show (default "dateTime": "Wed 2 Dec, 07:00")
 */
export function formatInClubTime(
  date: Date | string | number,
  calendar: Pick<Calendar, "timeZone" | "locale">,
  style: DateStyle = "dateTime",
): string {
  const instant = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(instant.getTime())) return "";
  const formatter = displayFormatter(calendar.locale, calendar.timeZone, styleOptions[style]);
  if (style !== "dateTime") return formatter.format(instant);
  // Locales join date and time differently ("Wed 2 Dec at 07:00", "Wed, Dec 2, 07:00"); the
  // product writes "<day>, <time>" everywhere so sentences read the same on every screen.
  const day = displayFormatter(calendar.locale, calendar.timeZone, styleOptions.day).format(instant);
  const time = displayFormatter(calendar.locale, calendar.timeZone, styleOptions.time).format(instant);
  return `${day}, ${time}`;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date-only value ("2026-11-21": an onset date, a chart's day) written in the club's locale.
 * It names a calendar day, not an instant, so no zone may shift it: noon UTC of that date read
 * in UTC is that same date, whereas `formatInClubTime` would show the day before west of UTC.
 * @param day the calendar date, YYYY-MM-DD ("" for anything else)
 * @param calendar only the locale is used
 * @param style a style without a time of day (default "date": "21 Nov 2026")
 */
export function formatCalendarDate(day: string, calendar: Pick<Calendar, "locale">, style: Exclude<DateStyle, "dateTime" | "time"> = "date"): string {
  if (!isoDate.test(day)) return "";
  return formatInClubTime(`${day}T12:00:00Z`, { timeZone: "UTC", locale: calendar.locale }, style);
}

/** True when both instants fall on the same local calendar date in the zone ("checked in today"). */
export function isSameLocalDay(a: Date, b: Date, timeZone: string): boolean {
  return localDateKey(a.getTime(), timeZone) === localDateKey(b.getTime(), timeZone);
}

/**
 * The club's week holding `date`: from local midnight of its week-start day to the next one
 * (167, 168 or 169 hours long across a daylight-saving change). The planner shows this week.
 */
export function clubWeek(date: Date, calendar: Partial<Calendar> = {}): { start: Date; end: Date } {
  const { timeZone, weekStartsOn } = resolveCalendar(calendar);
  const start = startOfLocalWeek(date.getTime(), { timeZone, weekStartsOn });
  return { start: new Date(start), end: new Date(addLocalWeeks(start, 1, timeZone)) };
}

/** A wall-clock reading entered in a form: calendar date and time of day, no zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall clock of an instant in the zone, for a date-and-time field (seconds dropped). */
export function wallClockOf(t: number, timeZone: string): WallClock {
  const { year, month, day, hour, minute } = localParts(t, timeZone);
  return { year, month, day, hour, minute };
}

/**
 * The instant a wall-clock reading names in the zone, as ISO text (what forms send), or null
 * when that day does not exist (31 February).
 */
export function wallClockToIso(wall: WallClock, timeZone: string): string | null {
  const probe = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  if (probe.getUTCFullYear() !== wall.year || probe.getUTCMonth() !== wall.month - 1 || probe.getUTCDate() !== wall.day) return null;
  if (wall.hour < 0 || wall.hour > 23 || wall.minute < 0 || wall.minute > 59) return null;
  return new Date(zonedTimeToInstant(wall.year, wall.month, wall.day, wall.hour, wall.minute, timeZone)).toISOString();
}

/** The order a locale writes the parts of a date in: en-GB day, month, year; en-US month, day, year. */
export function dateFieldOrder(locale: string): ("day" | "month" | "year")[] {
  const parts = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).formatToParts(Date.UTC(2026, 10, 21, 12));
  const order = parts.map((p) => p.type).filter((type): type is "day" | "month" | "year" => type === "day" || type === "month" || type === "year");
  return order.length === 3 ? order : ["day", "month", "year"];
}

/** The twelve month names in the locale, January first ("January" ... or "janvier" ...). */
export function monthNames(locale: string): string[] {
  const formatter = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, i) => formatter.format(Date.UTC(2026, i, 15, 12)));
}
