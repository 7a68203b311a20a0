import { localDateKey, localParts, zonedTimeToInstant } from "./calendar";
import type { Plan } from "./schemas/plan";
import type { AthleteTimeline } from "./schemas/timeline";

/**
 * Logging compliance: what an athlete was expected to log over the last 7 and 28 days, and how
 * much of it they did. See docs/clinical-model.md, "Compliance".
 *
 * What is expected, per counted day (a whole local day of the club's or athlete's zone):
 * - in rehab (a plan): a morning check-in every day; sessions as the plan prescribes them (its
 *   most frequent exercise's sessions per week, pro rata over the counted days); a VISA-H
 *   questionnaire every reminder interval (the club's VISA-H interval, a plan may override it);
 * - not in rehab: the squad sessions planned for the athlete's squads, each settled by a session
 *   logged on the same local day. Healthy squad members are not asked for a daily check-in or a
 *   questionnaire, so none is counted.
 *
 * Today is not counted (it is not over, and a morning check-in at 10:00 is not late), nor is any
 * day before the day after the athlete joined (the joining day is rarely a full day).
 */

/** The periods the board and the caseload show, in days. */
export const COMPLIANCE_PERIOD_DAYS = [7, 28] as const;

/** The longest period: the engine's read window covers it (planned sessions and VISA-H). */
export const COMPLIANCE_MAX_DAYS = 28;

/** One kind of expected logging over a period. */
export interface ComplianceCount {
  expected: number;
  done: number;
}

/** Compliance over one period. */
export interface CompliancePeriod {
  /** The period's length in days (7 or 28). */
  days: number;
  /** Days of the period that count (after joining): at most `days`. */
  countedDays: number;
  checkIns: ComplianceCount;
  sessions: ComplianceCount;
  /** VISA-H questionnaires (named neutrally: it says whether one was done, never its answers). */
  questionnaires: ComplianceCount;
  expected: number;
  done: number;
  /** Whole percent of the expected logging done; null when nothing was expected. */
  percent: number | null;
}

export interface Compliance {
  last7: CompliancePeriod;
  last28: CompliancePeriod;
}

/** The sentence the board and the caseload show beside the column. */
export const COMPLIANCE_EXPLANATION =
  "Compliance: the share of expected logging done over the last 7 and 28 full days (today is not counted, nor days before the athlete joined). In rehab: a morning check-in every day, the plan's sessions per week and VISA-H at the club's interval. Not in rehab: the squad sessions planned for their squads.";

export interface ComplianceInput {
  timeline: Pick<AthleteTimeline, "athlete" | "sessions" | "checkIns" | "visaH" | "squadSessions"> & { plan: Pick<Plan, "prescriptions"> | null };
  /** The evaluation time (ms). */
  now: number;
  /** The zone whose local days are counted. */
  timeZone: string;
  /** The VISA-H reminder interval in days. */
  visaHIntervalDays: number;
}

/** Local midnight `days` calendar days after the local day containing `t` (negative: before). */
function localDayStart(t: number, days: number, timeZone: string): number {
  const p = localParts(t, timeZone);
  // Noon UTC of the target date never falls into the wrong calendar date.
  const target = new Date(Date.UTC(p.year, p.month - 1, p.day + days, 12));
  return zonedTimeToInstant(target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate(), 0, 0, timeZone);
}

/** Whole calendar days from one local midnight to another (a 23- or 25-hour day counts as one). */
function calendarDaysBetween(from: number, to: number, timeZone: string): number {
  const a = localParts(from, timeZone);
  const b = localParts(to, timeZone);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

const count = (expected: number, done: number): ComplianceCount => ({ expected, done: Math.min(done, expected) });

/** A record's time and local date, worked out once for both periods. */
interface Dated {
  t: number;
  day: string;
}

interface Prepared {
  sessions: Dated[];
  checkIns: Dated[];
  planned: (Dated & { squadId: string })[];
}

function prepare(input: ComplianceInput): Prepared {
  const { timeline, now, timeZone } = input;
  const since = localDayStart(now, -COMPLIANCE_MAX_DAYS, timeZone);
  const dated = (at: Date): Dated | null => {
    const t = at.getTime();
    return t >= since && t < now ? { t, day: localDateKey(t, timeZone) } : null;
  };
  return {
    sessions: timeline.sessions.map((s) => dated(s.at)).filter((d) => d !== null),
    checkIns: timeline.checkIns.map((c) => dated(c.at)).filter((d) => d !== null),
    planned: timeline.squadSessions.flatMap((s) => {
      const d = dated(s.at);
      return d ? [{ ...d, squadId: s.squadId }] : [];
    }),
  };
}

function periodOf(input: ComplianceInput, prepared: Prepared, days: number): CompliancePeriod {
  const { timeline, now, timeZone } = input;
  const to = localDayStart(now, 0, timeZone);
  let from = localDayStart(now, -days, timeZone);
  const joinedAt = timeline.athlete.joinedAt?.getTime();
  if (joinedAt !== undefined) from = Math.max(from, localDayStart(joinedAt, 1, timeZone));
  const inWindow = (d: Dated) => d.t >= from && d.t < to;
  const countedDays = from < to ? calendarDaysBetween(from, to, timeZone) : 0;

  let checkIns = count(0, 0);
  let sessions = count(0, 0);
  let questionnaires = count(0, 0);
  const sessionDays = prepared.sessions.filter(inWindow).map((s) => s.day);

  if (countedDays > 0 && timeline.plan !== null) {
    const checkInDays = new Set(prepared.checkIns.filter(inWindow).map((c) => c.day));
    checkIns = count(countedDays, checkInDays.size);
    const perWeek = Math.max(0, ...timeline.plan.prescriptions.map((p) => p.sessionsPerWeek));
    sessions = count(Math.round((perWeek * countedDays) / 7), sessionDays.length);
    questionnaires = visaHCount(input, from, to);
  } else if (countedDays > 0) {
    const squads = new Set(timeline.athlete.squadIds);
    const plannedDays = prepared.planned.filter((s) => inWindow(s) && (squads.size === 0 || squads.has(s.squadId))).map((s) => s.day);
    // Each logged session settles at most one planned session of its day.
    const logsByDay = new Map<string, number>();
    for (const day of sessionDays) logsByDay.set(day, (logsByDay.get(day) ?? 0) + 1);
    let done = 0;
    for (const day of plannedDays) {
      const left = logsByDay.get(day) ?? 0;
      if (left > 0) {
        done += 1;
        logsByDay.set(day, left - 1);
      }
    }
    sessions = count(plannedDays.length, done);
  }

  const expected = checkIns.expected + sessions.expected + questionnaires.expected;
  const done = checkIns.done + sessions.done + questionnaires.done;
  return {
    days,
    countedDays,
    checkIns,
    sessions,
    questionnaires,
    expected,
    done,
    percent: expected === 0 ? null : Math.round((100 * done) / expected),
  };
}

/**
 * VISA-H questionnaires due in [from, to) and how many of them were answered (early or late,
 * before `to`). Due dates follow the last answer before the period when it is at most one
 * interval old; otherwise (never answered, or already overdue) one is due as the period starts,
 * and every interval after an unanswered one. Only answers from one interval before the period
 * matter, so a bounded read gives the same result as the whole history.
 */
function visaHCount(input: ComplianceInput, from: number, to: number): ComplianceCount {
  const interval = input.visaHIntervalDays * 86_400_000;
  const answers = input.timeline.visaH
    .map((v) => v.at.getTime())
    .filter((t) => t < to)
    .sort((a, b) => a - b);
  const before = answers.filter((t) => t < from && t >= from - interval);
  const last = before[before.length - 1];
  let due = last === undefined ? from : last + interval;
  let i = answers.findIndex((t) => t >= from);
  if (i === -1) i = answers.length;
  let expected = 0;
  let done = 0;
  while (due < to) {
    expected += 1;
    const answer = answers[i];
    // An answer settles the due date when it comes before the next one would be due (early or
    // late); the next is then due one interval after it. Otherwise this one was missed.
    if (answer !== undefined && answer < due + interval) {
      done += 1;
      due = answer + interval;
      i += 1;
      // Several answers at one time settle one due date.
      while (answers[i] === answer) i += 1;
    } else {
      due += interval;
    }
  }
  return count(expected, done);
}

/** Compliance over the last 7 and 28 full local days at `now`. */
export function computeCompliance(input: ComplianceInput): Compliance {
  const prepared = prepare(input);
  return { last7: periodOf(input, prepared, 7), last28: periodOf(input, prepared, COMPLIANCE_MAX_DAYS) };
}
