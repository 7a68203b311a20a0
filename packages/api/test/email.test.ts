import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@loadline/auth/password";
import type { DatabaseHandle } from "@loadline/db";
import { users } from "@loadline/db/schema";
import { eq } from "drizzle-orm";
import type { Mailer } from "../src/email";
import { createCaller } from "../src/root";
import { createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { decodedMail, MAIL_PUBLIC_URL, mailingCaller, readableMail, startSmtpSink, type Received, type SmtpSink } from "./smtp-sink";

/**
 * Email with SMTP set up: a local SMTP sink started here receives invites, set-up links, reset
 * links and email confirmations; the test follows the links it finds. No email carries health
 * data, and without a mailer nothing is sent (the links are shown to copy).
 */

let handle: DatabaseHandle;
let club: Club;
let sink: SmtpSink;
let mailer: Mailer;
const inbox: Received[] = [];
const PUBLIC_URL = MAIL_PUBLIC_URL;

beforeAll(async () => {
  sink = await startSmtpSink(inbox);
  ({ mailer } = sink);
  handle = await createTestDatabase();
  club = await makeClub(handle, "Mail Club");
  await handle.db.update(users).set({ passwordHash: await hashPassword("mail-club-password") }).where(eq(users.organisationId, club.organisationId));
}, 120_000);
afterAll(async () => {
  await handle.close();
  await sink.close();
});

const withMail = (actor: Club["coach"] | null, withMailer = true) => mailingCaller(handle, withMailer ? mailer : null, actor);

const decoded = decodedMail;

function lastTo(address: string): { body: string; readable: string; path: string } {
  const message = [...inbox].reverse().find((m) => m.to.includes(address));
  if (!message) throw new Error(`no email to ${address}`);
  const body = decoded(message.raw);
  const readable = readableMail(message.raw);
  const match = body.match(new RegExp(`${PUBLIC_URL.replace(/\./g, "\\.")}(/[\\w/-]+)`));
  if (!match?.[1]) throw new Error(`no link in the email to ${address}`);
  return { body, readable, path: match[1] };
}

describe("emails over SMTP", () => {
  it("an invited physio gets the link by email (text and HTML) and signs up with it", async () => {
    const answer = await withMail(club.coach).staff.invite({ name: "Mo Physio", email: "mo@mail.test", role: "physio" });
    const { body, path } = lastTo("mo@mail.test");
    expect(path).toBe(answer.invitePath);
    expect(body).toContain("Content-Type: text/plain");
    expect(body).toContain("Content-Type: text/html");
    expect(body).toMatch(/Subject: Mail Club invited you to Loadline/);
    const token = path.replace("/invite/", "");
    const anonymous = withMail(null);
    expect(await anonymous.invite.lookup({ token })).toMatchObject({ state: "valid", name: "Mo Physio" });
    await anonymous.invite.accept({ token, password: "mo-physio-password", confirm: "mo-physio-password" });
    expect((await anonymous.invite.lookup({ token })).state).toBe("used");
  });

  it("an athlete's invite, a reset link and an email confirmation arrive; none carries health data", async () => {
    const coach = withMail(club.coach);
    await coach.roster.add({
      name: "Ana Runner",
      email: "ana@mail.test",
      squadIds: [club.squadIds.distance],
      eventOrSport: "Marathon",
      birthYear: null,
      sex: "female",
      preInjuryWeeklyKm: 50,
      previousHamstringInjury: true,
    });
    const invite = lastTo("ana@mail.test");
    expect(invite.path).toMatch(/^\/invite\//);
    expect(invite.readable).not.toMatch(/hamstring|marathon|pain|injur/i);

    await coach.passwordReset.issue({ userId: club.physio.userId });
    const reset = lastTo(await physioEmail());
    expect(reset.path).toMatch(/^\/reset\//);
    expect((await withMail(null).passwordReset.lookup({ token: reset.path.replace("/reset/", "") })).state).toBe("valid");

    await withMail(club.physio).account.requestEmailChange({ email: "physio-new@mail.test", currentPassword: "mail-club-password" });
    const confirm = lastTo("physio-new@mail.test");
    expect(confirm.path).toMatch(/^\/confirm-email\//);
    await withMail(null).emailChange.confirm({ token: confirm.path.replace("/confirm-email/", "") });
    expect(await physioEmail()).toBe("physio-new@mail.test");
    for (const message of inbox) expect(readableMail(message.raw)).not.toMatch(/VISA|episode|phase|pain|diagnos/i);
  });

  it("an operator's new club sends its owner the set-up link", async () => {
    const link = await createCaller({ db: handle.db, actor: null, operator: { operatorId: "00000000-0000-4000-8000-000000000000" }, now: NOW, mailer, instance: { openSignup: false, publicUrl: PUBLIC_URL } }).operator.createClub({
      clubName: "Mailed Club",
      timeZone: "Europe/London",
      locale: "en-GB",
      ownerName: "Mel Owner",
      ownerEmail: "mel@mail.test",
    });
    const { body, path } = lastTo("mel@mail.test");
    expect(path).toBe(link.setupPath);
    expect(body).toMatch(/Subject: Set up Mailed Club on Loadline/);
  });

  it("without SMTP nothing is sent and the link is still answered to copy", async () => {
    const before = inbox.length;
    const answer = await withMail(club.coach, false).staff.invite({ name: "No Mail", email: "nomail@mail.test", role: "physio" });
    expect(answer.invitePath).toMatch(/^\/invite\//);
    expect(inbox.length).toBe(before);
  });

  it("goes once the invite's write has committed, never from inside its transaction", async () => {
    // The mailer looks for the invited person from outside the procedure's transaction: before
    // the commit PostgreSQL would not show them yet, and PGlite's one connection would still be
    // held by the transaction (the lookup would wait for it).
    const seen: boolean[] = [];
    const outside = async (email: string) => (await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email))).length === 1;
    const looking: Mailer = {
      send: async (message) => {
        const stillHeld = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000));
        seen.push(await Promise.race([outside(message.to), stillHeld]));
      },
    };
    await mailingCaller(handle, looking, club.coach).staff.invite({ name: "After Commit", email: "after-commit@mail.test", role: "physio" });
    expect(seen).toEqual([true]);
  });

  it("a mail server that refuses does not fail the invite", async () => {
    const broken: Mailer = { send: async () => Promise.reject(new Error("550 refused")) };
    const logged: unknown[] = [];
    const answer = await createCaller({
      db: handle.db,
      actor: club.coach,
      now: NOW,
      mailer: broken,
      instance: { openSignup: false, publicUrl: PUBLIC_URL },
      log: (record) => logged.push(record),
    }).staff.invite({ name: "Bounce", email: "bounce@mail.test", role: "physio" });
    expect(answer.invitePath).toMatch(/^\/invite\//);
    expect(JSON.stringify(logged)).toContain("email_failed");
    expect(JSON.stringify(logged)).not.toContain(answer.invitePath);
  });
});

async function physioEmail(): Promise<string> {
  const [row] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, club.physio.userId));
  return row!.email;
}
