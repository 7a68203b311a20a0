import type PgBoss from "pg-boss";
import { localDateKey, localParts } from "@loadline/domain";
import { claimReminderEmail, listClubsForReminders, listReminderRecipients, withOrganisation, type Database } from "@loadline/db";
import { reminderEmail, smtpMailer, type Mailer } from "../email";
import { readMailEnv, type EnvSource } from "../env";
import { jsonLogger } from "../logger";
import { athleteReminders } from "../services/reminders";

/** The queue pg-boss's cron schedule feeds: one job per run, which goes through every club. */
export const REMINDER_QUEUE = "send-reminders";

/** Every 30 minutes (UTC): each club's reminders go out at the first run after their local hour. */
export const REMINDER_CRON = "*/30 * * * *";

/** The local hour from which each reminder is emailed: a morning check-in is not late at 07:00. */
export const REMINDER_LOCAL_HOUR = { visa_h_due: 9, morning_check_in: 10 } as const;

export interface ReminderMail {
  mailer: Mailer;
  /** The instance's public address, the base of the link in the email. */
  publicUrl: string;
}

/** The mail settings of the environment (SMTP_URL, SMTP_FROM and LOADLINE_PUBLIC_URL or AUTH_URL), or null without them. */
export function reminderMailFromEnv(source?: EnvSource): ReminderMail | null {
  const env = readMailEnv(source);
  const url = env.SMTP_URL;
  const from = env.SMTP_FROM;
  const publicUrl = env.LOADLINE_PUBLIC_URL ?? env.AUTH_URL;
  if (!url || !from || !publicUrl) return null;
  return { mailer: smtpMailer({ url, from }), publicUrl };
}

/**
 * Email every athlete the reminders due now: a VISA-H questionnaire when one is due, and, when
 * the club has turned them on, the morning check-in not done yet. At most one email per athlete,
 * kind and local day: the day's row is claimed before sending, in the same transaction, so a
 * failed send is retried on the next run and a run repeated (or two at once) sends nothing more.
 * Each club runs inside its tenant scope. Returns how many emails went.
 */
export async function sendDueReminders(db: Database, mail: ReminderMail, now: Date): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const club of await listClubsForReminders(db)) {
    const recipients = await withOrganisation(db, club.id, (tx) => listReminderRecipients(tx, club.id));
    for (const recipient of recipients) {
      const reminders = await withOrganisation(db, club.id, (tx) => athleteReminders(tx, club.id, recipient.athleteId, now));
      for (const reminder of reminders) {
        if (reminder.kind === "morning_check_in" && !club.checkInReminderEmails) continue;
        if (localParts(now.getTime(), reminder.timeZone).hour < REMINDER_LOCAL_HOUR[reminder.kind]) continue;
        const day = localDateKey(now.getTime(), reminder.timeZone);
        try {
          const went = await withOrganisation(db, club.id, async (tx) => {
            if (!(await claimReminderEmail(tx, club.id, recipient.athleteId, reminder.kind, day, now))) return false;
            // A failure throws, which undoes the claim: the next run tries again.
            await mail.mailer.send(reminderEmail({ to: recipient.email, name: recipient.name, kind: reminder.kind, url: `${mail.publicUrl.replace(/\/$/, "")}${reminder.href}` }));
            return true;
          });
          if (went) sent += 1;
        } catch (error) {
          failed += 1;
          jsonLogger({ level: "warn", event: "reminder_email_failed", kind: reminder.kind, error: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }
  return { sent, failed };
}

/**
 * Register the cron schedule and the handler on a worker's pg-boss (its clock monitor must be on).
 * pg-boss keeps one schedule per queue name, so every worker registering it changes nothing.
 */
export async function startReminderJob(boss: PgBoss, db: Database, mail: ReminderMail, clock: () => Date): Promise<void> {
  await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, policy: "singleton", retryLimit: 0, expireInSeconds: 900 });
  await boss.schedule(REMINDER_QUEUE, REMINDER_CRON, {}, { tz: "UTC" });
  await boss.work(REMINDER_QUEUE, async () => {
    await sendDueReminders(db, mail, clock());
  });
}
