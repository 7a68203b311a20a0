import { z } from "zod";
import { DomainError } from "../errors";
import { calendarDateInput } from "../input-primitives";
import { localDateKey, zonedTimeToInstant } from "./calendar";

/*
 * Which logs a list shows: a quick window of recent days, or a from-to range of calendar days in
 * the club's time zone (both days included). One definition for the athlete's own logs and the
 * physio's "Logs and records" tab.
 */

/** The quick windows the lists offer (days back from now). */
export const logQuickWindows = [14, 30, 90, 365] as const;

/** The longest from-to range a list loads (two years, leap day included). */
export const LOG_RANGE_MAX_DAYS = 731;

const DAY_MS = 86_400_000;

const dayNumber = (day: string) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
};

const logWindowShape = {
  days: z.number({ error: "days must be a number of days" }).int("days must be a whole number").min(1, "days must be at least 1").max(365, "days must be at most 365").optional(),
  from: calendarDateInput("From").optional(),
  to: calendarDateInput("To").optional(),
};

function checkRange(v: { from?: string | undefined; to?: string | undefined }, ctx: { addIssue: (issue: { code: "custom"; path: string[]; message: string }) => void }) {
  if (v.from !== undefined && v.to === undefined) ctx.addIssue({ code: "custom", path: ["to"], message: "To: choose the last day of the range" });
  if (v.to !== undefined && v.from === undefined) ctx.addIssue({ code: "custom", path: ["from"], message: "From: choose the first day of the range" });
  if (v.from === undefined || v.to === undefined) return;
  if (v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "To must be on or after From" });
  else if (dayNumber(v.to) - dayNumber(v.from) + 1 > LOG_RANGE_MAX_DAYS) {
    ctx.addIssue({ code: "custom", path: ["from"], message: "The range can be at most 2 years: choose a later From" });
  }
}

/** An input with a log window beside its own fields: `days`, or `from` and `to` ("YYYY-MM-DD"); a range wins over days. */
export function withLogWindow<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ...shape, ...logWindowShape }).superRefine((v, ctx) => checkRange(v as { from?: string; to?: string }, ctx));
}

export const logWindowSchema = withLogWindow({});
export type LogWindowInput = z.infer<typeof logWindowSchema>;

export interface LogWindow {
  /** First instant shown. */
  since: Date;
  /** First instant no longer shown (the start of the day after `to`); null for a quick window. */
  until: Date | null;
  days: number | null;
  from: string | null;
  to: string | null;
  /** For the audit log and headings: "the last 28 days" or "2026-01-01 to 2026-03-31". */
  description: string;
}

/**
 * The instants a window covers, in the club's zone. A range ending after the club's today is
 * refused naming `to` (logs are things that happened).
 * @throws DomainError("invalid") naming the field
 */
export function resolveLogWindow(input: LogWindowInput, now: Date, timeZone: string, defaultDays: number): LogWindow {
  if (input.from !== undefined && input.to !== undefined) {
    const today = localDateKey(now.getTime(), timeZone);
    if (input.to > today) {
      const message = "To cannot be after today";
      throw new DomainError("invalid", message, { to: [message] });
    }
    const start = (day: string) => {
      const [y, m, d] = day.split("-").map(Number) as [number, number, number];
      return zonedTimeToInstant(y, m, d, 0, 0, timeZone);
    };
    const after = new Date((dayNumber(input.to) + 1) * DAY_MS);
    const until = zonedTimeToInstant(after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate(), 0, 0, timeZone);
    return { since: new Date(start(input.from)), until: new Date(until), days: null, from: input.from, to: input.to, description: `${input.from} to ${input.to}` };
  }
  const days = input.days ?? defaultDays;
  return { since: new Date(now.getTime() - days * DAY_MS), until: null, days, from: null, to: null, description: `the last ${days} days` };
}
