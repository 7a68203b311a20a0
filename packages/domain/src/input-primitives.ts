import { z } from "zod";
import { DomainError } from "./errors";
import { allFieldLabels, fieldLabel } from "./field-labels";

/**
 * A date-time a form sends that must not lie after `now` (the browser's clock), checked at the
 * field so it is reported together with every other error of the form. The server checks again
 * with its own clock (`assertDateInRange`).
 */
export function pastDateTimeInput(label: string, now: Date) {
  return dateTimeInput(label).refine((date) => date.getTime() <= now.getTime() + 60_000, `${label} cannot be in the future`);
}

/*
 * The building blocks of every procedure input: text, numbers and dates, each refusing what a
 * form could never send (control characters, 1e308, "0" as a date) with a plain sentence that
 * names the field. The database repeats the length limits as CHECK constraints.
 */

/** Maximum lengths, in characters, by kind of text. */
export const TEXT_LIMITS = { name: 100, title: 200, note: 5000 } as const;

/** A web link (a gait video). */
export const URL_MAX_LENGTH = 2000;
/** Cues on one gait assessment. */
export const GAIT_CUES_MAX = 12;
/** A whole plan body as stored (JSON text): 40 prescriptions and two notes fit many times over. */
export const PLAN_CONTENT_MAX_CHARS = 100_000;

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Whether `value` holds a C0 or C1 control character (NUL included). Multi-line text (notes)
 * may hold tabs and line breaks, nothing else of the kind.
 */
export function hasControlCharacters(value: string, multiline = false): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 && (code < 0x7f || code > 0x9f)) continue;
    if (multiline && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) continue;
    return true;
  }
  return false;
}
/** Half of a surrogate pair: not valid Unicode, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface TextOptions {
  max: number;
  /** At least this many characters after trimming (1 makes the field required). */
  min?: number;
  /** Tabs and line breaks allowed. */
  multiline?: boolean;
}

/** Plain text: trimmed, without control characters, within a length. */
export function plainText(label: string, { max, min = 0, multiline = false }: TextOptions) {
  const base = z
    .string({ error: `${label} must be text` })
    .refine((value) => !hasControlCharacters(value, multiline), `${label} must not contain control characters`)
    .refine((value) => !LONE_SURROGATE.test(value), `${label} contains a character that is not valid text`)
    .trim()
    .max(max, `${label} must be at most ${max.toLocaleString("en-GB")} characters`);
  return min > 0 ? base.min(min, min === 1 ? `${label} is required` : `${label} must be at least ${min} characters`) : base;
}

/** A person's, squad's or exercise's name: required, one line, at most 100 characters. */
export const nameText = (label: string, min = 1) => plainText(label, { max: TEXT_LIMITS.name, min });
/** A title or short label: one line, at most 200 characters. */
export const titleText = (label: string, min = 0) => plainText(label, { max: TEXT_LIMITS.title, min });
/** Free-text notes: line breaks allowed, at most 5,000 characters. */
export const noteText = (label: string, min = 0) => plainText(label, { max: TEXT_LIMITS.note, min, multiline: true });

/** A finite number within a physical range (inclusive). */
export function finiteNumber(label: string, min: number, max: number) {
  const range = `between ${min.toLocaleString("en-GB")} and ${max.toLocaleString("en-GB")}`;
  return z
    .number({ error: `${label} must be a number ${range}` })
    .min(min, `${label} must be ${range}`)
    .max(max, `${label} must be ${range}`);
}

/** A whole number within a range (inclusive). */
export const wholeNumber = (label: string, min: number, max: number) =>
  finiteNumber(label, min, max).int(`${label} must be a whole number`);

export const EARLIEST_YEAR = 1900;

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year-month-day names a real day (2026-02-30 does not; JavaScript would roll it to March). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validYear(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= EARLIEST_YEAR && year <= 9999;
}

/**
 * A point in time from a form or the API: a Date (what superjson hands over) or an ISO 8601
 * date-time string such as "2026-11-21T09:00Z" (a datetime-local value without offset is read
 * as UTC on the server and as local time in the browser). Numbers, bare dates and strings like
 * "0" are refused, as are impossible days and years before 1900. Bounds relative to now are
 * the procedure's job (`assertDateInRange`): a schema has no clock.
 */
export function dateTimeInput(label: string) {
  const message = `${label} must be a date and time such as 2026-11-21T09:00Z`;
  return z.union([z.date({ error: message }), z.string({ error: message })], { error: message }).transform((value, ctx) => {
    let date: Date;
    if (typeof value === "string") {
      const match = ISO_DATE_TIME.exec(value);
      if (!match) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
      if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || (s ?? 0) > 59) {
        ctx.addIssue({ code: "custom", message: `${label} is not a real date and time` });
        return z.NEVER;
      }
      date = new Date(value);
    } else {
      date = value;
    }
    if (!validYear(date)) {
      ctx.addIssue({ code: "custom", message: `${label} must be a date from ${EARLIEST_YEAR} on` });
      return z.NEVER;
    }
    return date;
  });
}

/** A calendar day as "YYYY-MM-DD" (an onset date); stays a string, as the database stores it. */
export function calendarDateInput(label: string) {
  return z
    .string({ error: `${label} must be a date such as 2026-11-21` })
    .regex(ISO_DATE, `${label} must be a date such as 2026-11-21`)
    .refine((value) => {
      const [y, m, d] = value.split("-").map(Number) as [number, number, number];
      return isCalendarDate(y, m, d);
    }, `${label} is not a real date`)
    .refine((value) => Number(value.slice(0, 4)) >= EARLIEST_YEAR, `${label} must be a date from ${EARLIEST_YEAR} on`);
}

/** How far ahead a date may lie where the future is allowed (planned sessions). */
export const FUTURE_HORIZON_YEARS = 2;

/**
 * A date checked against the request's clock: never after `now` (plus a minute of clock skew)
 * for things that happened, at most two years ahead for things planned.
 * @throws DomainError("invalid") naming the field
 */
export function assertDateInRange(
  date: Date,
  now: Date,
  field: string,
  allow: "past" | "planned",
  label: string = fieldLabel(field, allFieldLabels),
): void {
  const latest =
    allow === "past"
      ? now.getTime() + 60_000
      : Date.UTC(now.getUTCFullYear() + FUTURE_HORIZON_YEARS, now.getUTCMonth(), now.getUTCDate(), 23, 59, 59);
  if (date.getTime() <= latest) return;
  const message = allow === "past" ? `${label} cannot be in the future` : `${label} must be within ${FUTURE_HORIZON_YEARS} years from today`;
  throw new DomainError("invalid", message, { [field]: [message] });
}
