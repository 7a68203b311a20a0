import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { listReminderEmails, type DatabaseHandle } from "@loadline/db";
import { organisations } from "@loadline/db/schema";
import type { Mailer } from "../src/email";
import { REMINDER_CRON, REMINDER_QUEUE, sendDueReminders, startWorker } from "../src/jobs";
import { callerFor, createTestDatabase, makeClub, NOW, settle, type Club } from "./fixtures";
import { decodedMail, MAIL_PUBLIC_URL, readableMail, startSmtpSink, type Received, type SmtpSink } from "./smtp-sink";
import { startRehab } from "./physio-helpers";

/**
 * Reminder emails: the scheduled job emails an athlete in rehab when their VISA-H is due and,
 * when the club turns it on, when the morning check-in is not done; at most one per kind and
 * local day, recorded; plain text and HTML without health data. A local SMTP sink receives
 * them; the clock is fixed (NOW is 09:00 in London, the clubs' zone).
 */

const HOUR = 3_600_000;
const PUBLIC_URL = MAIL_PUBLIC_URL;
let handle: DatabaseHandle;
let club: Club;
let other: Club;
let sink: SmtpSink;
let mailer: Mailer;
const inbox: Received[] = [];
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

beforeAll(async () => {
  sink = await startSmtpSink(inbox);
  ({ mailer } = sink);
  handle = await createTestDatabase();
  club = await makeClub(handle, "Reminder Club");
  // Not in rehab: no reminder at all.
  other = await makeClub(handle, "Quiet Club");
  await startRehab(handle, club, at(-72));
  await settle(handle, [club, other]);
}, 120_000);
afterAll(async () => {
  await handle.close();
  await sink.close();
});

const mailsTo = (address: string) => inbox.filter((m) => m.to.includes(address));
const decoded = decodedMail;

async function addressOf(c: Club): Promise<string> {
  const staff = await handle.db.execute(sql`select email from users where id = ${c.athlete.userId}`);
  const rows = Array.isArray(staff) ? staff : (staff as { rows: { email: string }[] }).rows;
  return (rows[0] as { email: string }).email;
}

describe("reminder emails", () => {
  it("emails a due VISA-H once a day from 09:00 club time, text and HTML with only a link", async () => {
    const address = await addressOf(club);
    expect(await sendDueReminders(handle.db, { mailer, publicUrl: PUBLIC_URL }, at(-2))).toEqual({ sent: 0, failed: 0 });
    expect(await sendDueReminders(handle.db, { mailer, publicUrl: PUBLIC_URL }, NOW)).toEqual({ sent: 1, failed: 0 });
    const [mail] = mailsTo(address);
    const body = decoded(mail!.raw);
    expect(body).toContain("Subject: Your VISA-H questionnaire is due");
    expect(body).toContain("Content-Type: text/plain");
    expect(body).toContain("Content-Type: text/html");
    expect(body).toContain(`${PUBLIC_URL}/me/visa-h`);
    // No health data: no score, pain, phase, plan, exercise or injury.
    expect(readableMail(mail!.raw)).not.toMatch(/pain|phase|score|tendin|hamstring|isometric|bridge|injur|\/10\b/i);
    // Again later the same day: nothing more (the day's email is recorded).
    expect(await sendDueReminders(handle.db, { mailer, publicUrl: PUBLIC_URL }, at(3))).toEqual({ sent: 0, failed: 0 });
    expect(mailsTo(address)).toHaveLength(1);
    expect((await listReminderEmails(handle.db, club.organisationId, club.athlete.athleteId!)).map((r) => [r.kind, r.day])).toEqual([["visa_h_due", "2026-11-21"]]);
    // The next day it is due again: one more.
    expect(await sendDueReminders(handle.db, { mailer, publicUrl: PUBLIC_URL }, at(24))).toEqual({ sent: 1, failed: 0 });
    expect(mailsTo(address)).toHaveLength(2);
    expect(mailsTo(await addressOf(other))).toEqual([]);
  });

  it("sends the morning check-in reminder only when the club turns it on, from 10:00, and not once checked in", async () => {
    const address = await addressOf(club);
    const checkInMails = () => mailsTo(address).filter((m) => m.raw.includes("Subject: Your morning check-in")).length;
    await sendDueReminders(handle.db, { mailer, publicUrl: PUBLIC_URL }, at(49.5));
    expect(checkInMails()).toBe(0);
    await handle.db.update(organisations).set({ checkInReminderEmails: true }).where(eq(organisations.id, club.organisationId));
    await sendDueReminders(handle.db, { mailer, publicUrl: PUBLIC_URL }, at(48.5));
    expect(checkInMails()).toBe(0); // 09:30: too early for a check-in reminder
    await sendDueReminders(handle.db, { mailer, publicUrl: PUBLIC_URL }, at(49.5));
    await sendDueReminders(handle.db, { mailer, publicUrl: PUBLIC_URL }, at(50));
    expect(checkInMails()).toBe(1);
    // Checked in the next morning: no check-in reminder that day.
    await callerFor(handle, club.athlete, at(72)).checkIns.create({ idempotencyKey: "reminder-check-in-1", at: at(72), morningPain: 1, stiffnessMinutes: 5, loadTestPain: 1, longestSitMinutes: 30, redFlags: [] });
    await sendDueReminders(handle.db, { mailer, publicUrl: PUBLIC_URL }, at(73.5));
    expect(checkInMails()).toBe(1);
  });

  it("a failed send is not recorded, so the next run sends it", async () => {
    const failing: Mailer = { send: async () => Promise.reject(new Error("550 mailbox unavailable")) };
    expect(await sendDueReminders(handle.db, { mailer: failing, publicUrl: PUBLIC_URL }, at(96))).toEqual({ sent: 0, failed: 1 });
    expect(await sendDueReminders(handle.db, { mailer, publicUrl: PUBLIC_URL }, at(96.5))).toEqual({ sent: 1, failed: 0 });
  });

  it("a worker with SMTP registers the cron schedule with pg-boss", async () => {
    const worker = await startWorker(handle.db, { clock: () => NOW, reminders: { mailer, publicUrl: PUBLIC_URL } });
    try {
      const result = await handle.db.execute(sql`select name, cron from pgboss.schedule where name = ${REMINDER_QUEUE}`);
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { name: string; cron: string }[];
      expect(rows).toEqual([{ name: REMINDER_QUEUE, cron: REMINDER_CRON }]);
    } finally {
      await worker.stop(5_000);
    }
  });
});
