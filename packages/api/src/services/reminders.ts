import { isSameLocalDay, visaHDueForAssessment, type Actor } from "@loadline/domain";
import { listCheckIns, listVisaHResponses, type Database } from "@loadline/db";
import { getAssessment } from "./assessments";

const DAY_MS = 86_400_000;

export interface Reminder {
  kind: "morning_check_in" | "visa_h_due";
  message: string;
  /** The page that settles it. */
  href: string;
  /** The athlete's zone, whose local day the reminder is for. */
  timeZone: string;
}

/**
 * What an athlete still has to log, worked out from their records at the request's time (not
 * stored, so it disappears the moment the log is made): this morning's check-in while in rehab,
 * and a VISA-H questionnaire once it is due. Staff have none.
 */
export async function remindersFor(db: Database, actor: Actor, now: Date): Promise<Reminder[]> {
  if (actor.role !== "athlete" || !actor.athleteId) return [];
  return athleteReminders(db, actor.organisationId, actor.athleteId, now);
}

/** One athlete's open reminders at `now` (the notification centre and the reminder emails). */
export async function athleteReminders(db: Database, organisationId: string, athleteId: string, now: Date): Promise<Reminder[]> {
  const [assessment, checkIns, visaH] = await Promise.all([
    getAssessment(db, organisationId, athleteId, now),
    // Two days back covers "today" in any zone; filtered by the local date below.
    listCheckIns(db, organisationId, athleteId, new Date(now.getTime() - 2 * DAY_MS)),
    listVisaHResponses(db, organisationId, athleteId),
  ]);
  if (!assessment?.inRehab) return [];
  const reminders: Reminder[] = [];
  if (!checkIns.some((c) => isSameLocalDay(c.at, now, assessment.calendar.timeZone))) {
    reminders.push({ kind: "morning_check_in", message: "Morning check-in not done yet today", href: "/me/log/check-in", timeZone: assessment.calendar.timeZone });
  }
  const due = visaHDueForAssessment(visaH.at(-1)?.at ?? null, assessment);
  if (due.due) reminders.push({ kind: "visa_h_due", message: due.message ?? "VISA-H questionnaire due", href: "/me/visa-h", timeZone: assessment.calendar.timeZone });
  return reminders;
}
