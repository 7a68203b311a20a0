"use client";
import { dateFieldOrder, localParts, monthNames } from "@loadline/domain";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { useClubCalendar } from "./club-calendar";

const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_TEXT = /^(\d{2}):(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

interface Day {
  year: number;
  month: number;
  day: number;
}

/** The day a "YYYY-MM-DD" value names (an impossible day such as 2026-02-31 included), or null. */
export function dayOfValue(value: string): Day | null {
  const m = DAY_TEXT.exec(value);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The value a date field sends: "YYYY-MM-DD", unchecked, so the form's schema reports an impossible day at the field. */
export function valueOfDay(day: Day): string {
  return `${day.year}-${pad(day.month)}-${pad(day.day)}`;
}

/** What every field drawn as selects takes (date, time, date and time). */
export interface SelectsFieldProps {
  /** Goes on the first select, so the field's label focuses it. */
  id: string;
  /** The group's name ("Onset date"); each select is named by its part. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  className?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

/**
 * A calendar date in the club's locale: day, month (by name) and year in the order the locale
 * writes them. A browser's own date input shows the browser's locale instead. The value is the
 * "YYYY-MM-DD" the API takes. An optional field offers a blank choice in each part; choosing
 * one part of a blank field fills the others with the club's today.
 */
export function DateField({
  id,
  label,
  value,
  onChange,
  onBlur,
  className,
  optional = false,
  firstYear,
  lastYear,
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
}: SelectsFieldProps & {
  /** Whether "no date" is a valid answer (a filter's "from"). */
  optional?: boolean;
  /**
   * The year range offered; by default the club's year minus 5 to next year, so a day just past
   * New Year can be chosen and a day that is too late is named by the form's schema, at the field.
   */
  firstYear?: number;
  lastYear?: number;
}) {
  const calendar = useClubCalendar();
  const { year, month, day } = localParts(Date.now(), calendar.timeZone);
  const today: Day = { year, month, day };
  const chosen = dayOfValue(value);
  const shown = chosen ?? (optional ? null : today);
  const set = (part: keyof Day, n: number | null) => {
    if (n === null) return onChange("");
    onChange(valueOfDay({ ...(shown ?? today), [part]: n }));
  };
  const years = range(Math.min(shown?.year ?? today.year, firstYear ?? today.year - 5), Math.max(shown?.year ?? today.year, lastYear ?? today.year + 1));
  const months = monthNames(calendar.locale);
  const parts = {
    day: { label: "Day", options: range(1, 31).map((d) => [d, String(d)] as const) },
    month: { label: "Month", options: months.map((name, i) => [i + 1, name] as const) },
    year: { label: "Year", options: years.map((y) => [y, String(y)] as const) },
  };
  return (
    <div role="group" aria-label={label} aria-describedby={describedBy} className="flex flex-wrap items-center gap-2">
      {dateFieldOrder(calendar.locale).map((part, index) => (
        <NativeSelect
          key={part}
          id={index === 0 ? id : `${id}-${part}`}
          aria-label={parts[part].label}
          aria-invalid={invalid || undefined}
          className={className}
          value={shown ? shown[part] : ""}
          onChange={(e) => set(part, e.target.value === "" ? null : Number(e.target.value))}
          onBlur={onBlur}
        >
          {optional ? <NativeSelectOption value="">—</NativeSelectOption> : null}
          {parts[part].options.map(([n, text]) => (
            <NativeSelectOption key={n} value={n}>
              {text}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      ))}
    </div>
  );
}

/**
 * A time of day as every screen writes it (24-hour), hour and minute. A browser's time input
 * follows the browser's locale (AM/PM in some). The value is "HH:MM".
 */
export function TimeField({ id, label, value, onChange, onBlur, className, "aria-describedby": describedBy, "aria-invalid": invalid }: SelectsFieldProps) {
  const m = TIME_TEXT.exec(value);
  const hour = m ? Number(m[1]) : 0;
  const minute = m ? Number(m[2]) : 0;
  const parts = [
    { key: "hour", label: "Hour", value: hour, options: range(0, 23), set: (n: number) => onChange(`${pad(n)}:${pad(minute)}`) },
    { key: "minute", label: "Minute", value: minute, options: range(0, 59), set: (n: number) => onChange(`${pad(hour)}:${pad(n)}`) },
  ];
  return (
    <div role="group" aria-label={label} aria-describedby={describedBy} className="flex items-center gap-2">
      {parts.map((part, index) => (
        <NativeSelect
          key={part.key}
          id={index === 0 ? id : `${id}-${part.key}`}
          aria-label={part.label}
          aria-invalid={invalid || undefined}
          className={className}
          value={part.value}
          onChange={(e) => part.set(Number(e.target.value))}
          onBlur={onBlur}
        >
          {part.options.map((n) => (
            <NativeSelectOption key={n} value={n}>
              {pad(n)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      ))}
    </div>
  );
}
