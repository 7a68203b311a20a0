"use client";
import { Fragment } from "react";
import { dateFieldOrder, monthNames, wallClockOf, wallClockToIso, type WallClock } from "@loadline/domain";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { useClubCalendar } from "./club-calendar";
import type { SelectsFieldProps } from "./date-field";

// An impossible day (31 February) is passed on as this wall-clock text, so the form's schema
// reports it at the field and the selects keep showing what was chosen.
const WALL_TEXT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");

/** The wall clock a field value shows: an instant read in the zone, or the echoed impossible day. */
export function wallClockOfValue(value: string, timeZone: string, now: number): WallClock {
  const wall = WALL_TEXT.exec(value);
  if (wall) {
    const [, year, month, day, hour, minute] = wall.map(Number) as [number, number, number, number, number, number];
    return { year, month, day, hour, minute };
  }
  const t = Date.parse(value);
  return wallClockOf(Number.isNaN(t) ? now : t, timeZone);
}

/** The value a field sends for a wall clock: the instant (ISO) in the zone, or the impossible day as text. */
export function valueOfWallClock(wall: WallClock, timeZone: string): string {
  return wallClockToIso(wall, timeZone) ?? `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The instant a field value names, or null for an impossible day (31 February). */
export function instantOfValue(value: string): Date | null {
  if (WALL_TEXT.test(value)) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

/** What a form says at the field when the chosen day does not exist. */
export const impossibleDayMessage = (label: string) => `${label} is not a real date and time`;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * A date and time of day in the club's locale and time zone: day, month (by name) and year in
 * the order the locale writes them, then hour and minute (24-hour, as every screen writes
 * times). A browser's own date-time input would show the browser's locale and zone instead.
 * The value is an ISO instant (what the API takes), read and written in the club's zone.
 */
export function DateTimeField({
  id,
  label,
  value,
  onChange,
  onBlur,
  className,
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
}: SelectsFieldProps) {
  const calendar = useClubCalendar();
  const now = Date.now();
  const wall = wallClockOfValue(value, calendar.timeZone, now);
  const thisYear = wallClockOf(now, calendar.timeZone).year;
  const set = (part: keyof WallClock, n: number) => onChange(valueOfWallClock({ ...wall, [part]: n }, calendar.timeZone));
  const months = monthNames(calendar.locale);
  const parts = {
    day: { label: "Day", options: range(1, 31).map((d) => [d, String(d)] as const) },
    month: { label: "Month", options: months.map((name, i) => [i + 1, name] as const) },
    year: { label: "Year", options: range(Math.min(wall.year, thisYear - 5), Math.max(wall.year, thisYear)).map((y) => [y, String(y)] as const) },
    hour: { label: "Hour", options: range(0, 23).map((h) => [h, pad(h)] as const) },
    minute: { label: "Minute", options: range(0, 59).map((m) => [m, pad(m)] as const) },
  };
  const order = [...dateFieldOrder(calendar.locale), "hour", "minute"] as const;
  return (
    <div role="group" aria-label={label} aria-describedby={describedBy} className="flex flex-wrap items-center gap-2">
      {order.map((part, index) => (
        <Fragment key={part}>
          {part === "minute" ? (
            <span aria-hidden="true" className="-mx-1">
              :
            </span>
          ) : null}
          <NativeSelect
            id={index === 0 ? id : `${id}-${part}`}
            aria-label={parts[part].label}
            aria-invalid={invalid || undefined}
            className={className}
            value={wall[part]}
            onChange={(e) => set(part, Number(e.target.value))}
            onBlur={onBlur}
          >
            {parts[part].options.map(([n, text]) => (
              <NativeSelectOption key={n} value={n}>
                {text}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Fragment>
      ))}
    </div>
  );
}
