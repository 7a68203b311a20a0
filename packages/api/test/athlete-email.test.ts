import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { auditLog, users } from "@loadline/db/schema";
import type { Actor } from "@loadline/domain";
import type { Mailer } from "../src/email";
import { fieldErrorsOf } from "./athlete-helpers";
import { createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { decodedMail, MAIL_PUBLIC_URL, mailingCaller, startSmtpSink, type Received, type SmtpSink } from "./smtp-sink";

/**
 * Staff correct an athlete's email (roster.correctEmail): before sign-up the invite moves to the
 * new address, after sign-up the new address confirms a link. An address with an account in
 * another club gets the same answer and the same roster as a new one. A local SMTP sink receives
 * what is sent (smtp-sink.ts).
 */

let handle: DatabaseHandle;
let home: Club;
let elsewhere: Club;
let sink: SmtpSink;
let mailer: Mailer;
const inbox: Received[] = [];
const PUBLIC_URL = MAIL_PUBLIC_URL;
let counter = 0;

beforeAll(async () => {
  sink = await startSmtpSink(inbox);
  ({ mailer } = sink);
  handle = await createTestDatabase();
  home = await makeClub(handle, "Home Club");
  elsewhere = await makeClub(handle, "Elsewhere Club");
}, 120_000);
afterAll(async () => {
  await handle.close();
  await sink.close();
});

const as = (actor: Actor | null, withMailer = true) => mailingCaller(handle, withMailer ? mailer : null, actor);

const decoded = decodedMail;
const mailTo = (address: string) => inbox.filter((m) => m.to.includes(address)).map((m) => decoded(m.raw));
const linkIn = (body: string) => body.match(new RegExp(`${PUBLIC_URL.replace(/\./g, "\\.")}(/[\\w/-]+)`))?.[1] ?? null;

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return `${e.code ?? "no code"}: ${e.message ?? "no message"}`;
  }
  throw new Error("expected the call to fail");
}

/** What staff can observe of an answer, with what they typed and the random token replaced. */
function observed(answer: unknown, typed: string): unknown {
  return JSON.parse(JSON.stringify(answer).replaceAll(typed, "<typed>").replace(/\/invite\/[\w-]+/g, "/invite/<token>"));
}

/** A pending athlete of the home club (added by the coach with a mistyped address). */
async function pendingAthlete(): Promise<{ athleteId: string; email: string; invitePath: string }> {
  const email = `typo-${++counter}@home.test`;
  const answer = await as(home.coach).roster.add({
    name: `Pending ${counter}`,
    email,
    squadIds: [home.squadIds.distance],
    eventOrSport: "800 m",
    birthYear: null,
    sex: "unspecified",
    preInjuryWeeklyKm: null,
    previousHamstringInjury: false,
  });
  const row = (await as(home.coach).roster.list()).find((a) => a.email === email);
  if (!row) throw new Error("the added athlete is not on the roster");
  return { athleteId: row.id, email, invitePath: answer.invitePath };
}

/** A signed-up athlete of the home club. */
async function activeAthlete(): Promise<{ athleteId: string; userId: string; email: string }> {
  const pending = await pendingAthlete();
  const token = pending.invitePath.replace("/invite/", "");
  await as(null).invite.accept({ token, password: "athlete-password-1", confirm: "athlete-password-1" });
  const athlete = await as(home.coach).roster.get({ athleteId: pending.athleteId });
  expect(athlete.account).toBe("active");
  return { athleteId: pending.athleteId, userId: athlete.userId, email: pending.email };
}

async function signInEmail(userId: string): Promise<string | undefined> {
  const [row] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email;
}

/** The other club's athlete: an address that signs in elsewhere. */
const elsewhereAddress = () => `athlete@${"elsewhere-club-2"}.test`;

describe("who may correct an athlete's email", () => {
  it("coaches of the club only: physios and athletes are refused, another club's coach finds no such athlete", async () => {
    const { athleteId } = await pendingAthlete();
    const input = { athleteId, email: "someone-new@home.test" };
    expect(await failure(as(home.physio).roster.correctEmail(input))).toMatch(/^FORBIDDEN/);
    expect(await failure(as(home.athlete).roster.correctEmail(input))).toMatch(/^FORBIDDEN/);
    expect(await failure(as(elsewhere.coach).roster.correctEmail(input))).toBe("NOT_FOUND: No such athlete in your club.");
    expect(await failure(as(null).roster.correctEmail(input))).toMatch(/^UNAUTHORIZED/);
    for (const call of [as(elsewhere.coach).roster.resendEmailChange({ athleteId }), as(elsewhere.coach).roster.cancelEmailChange({ athleteId })]) {
      expect(await failure(call)).toBe("NOT_FOUND: No such athlete in your club.");
    }
    expect(await failure(as(home.physio).roster.cancelEmailChange({ athleteId }))).toMatch(/^FORBIDDEN/);
    expect((await as(home.coach).roster.get({ athleteId })).email).not.toBe("someone-new@home.test");
  });

  it("names the field: a malformed address, the athlete's own address, a duplicate inside the club", async () => {
    const { athleteId, email } = await pendingAthlete();
    const coach = as(home.coach);
    expect(await fieldErrorsOf(coach.roster.correctEmail({ athleteId, email: "not-an-email" }))).toEqual({ email: ["Enter a valid email address"] });
    expect((await fieldErrorsOf(coach.roster.correctEmail({ athleteId, email }))).email?.[0]).toMatch(/^This is already Pending \d+'s email$/);
    expect(await fieldErrorsOf(coach.roster.correctEmail({ athleteId, email: "physio@home-club-1.test" }))).toEqual({
      email: ["Someone in your club already uses this email"],
    });
  });
});

describe("an athlete who has not signed up yet", () => {
  it("gets the invite at the corrected address; the old link stops working and the new one signs up with the new address", async () => {
    const { athleteId, invitePath: oldPath } = await pendingAthlete();
    const corrected = `fixed-${counter}@home.test`;
    const answer = await as(home.coach).roster.correctEmail({ athleteId, email: corrected.toUpperCase() });
    expect(answer).toMatchObject({ kind: "invite", email: corrected });
    if (answer.kind !== "invite") throw new Error("expected an invite");

    const anonymous = as(null);
    expect((await anonymous.invite.lookup({ token: oldPath.replace("/invite/", "") })).state).toBe("expired");
    const mail = mailTo(corrected);
    expect(mail).toHaveLength(1);
    expect(linkIn(mail[0]!)).toBe(answer.invitePath);
    const token = answer.invitePath.replace("/invite/", "");
    expect(await anonymous.invite.lookup({ token })).toMatchObject({ state: "valid", email: corrected });
    expect((await as(home.coach).roster.get({ athleteId })).email).toBe(corrected);

    expect(await anonymous.invite.accept({ token, password: "fixed-password-1", confirm: "fixed-password-1" })).toMatchObject({ email: corrected });
    const athlete = await as(home.coach).roster.get({ athleteId });
    expect(athlete).toMatchObject({ account: "active", email: corrected, pendingEmail: null });
    expect(await signInEmail(athlete.userId)).toBe(corrected);
  });

  it("a new invite link keeps going to the corrected address", async () => {
    const { athleteId } = await pendingAthlete();
    const corrected = `again-${counter}@home.test`;
    await as(home.coach).roster.correctEmail({ athleteId, email: corrected });
    const again = await as(home.coach).roster.reissueInvite({ athleteId });
    expect(mailTo(corrected)).toHaveLength(2);
    expect(await as(null).invite.lookup({ token: again.invitePath.replace("/invite/", "") })).toMatchObject({ state: "valid", email: corrected });
  });

  it("answers and shows the same whether the new address is unknown or signs in at another club", async () => {
    const first = await pendingAthlete();
    const second = await pendingAthlete();
    const unknown = `nobody-${counter}@home.test`;
    const coach = as(home.coach);
    const fresh = await coach.roster.correctEmail({ athleteId: first.athleteId, email: unknown });
    const taken = await coach.roster.correctEmail({ athleteId: second.athleteId, email: elsewhereAddress() });
    expect(observed(taken, elsewhereAddress())).toEqual(observed(fresh, unknown));

    const shown = async (athleteId: string, typed: string) => {
      const a = await coach.roster.get({ athleteId });
      const row = (await coach.roster.list()).find((r) => r.id === athleteId);
      return observed({ email: a.email, account: a.account, pendingEmail: a.pendingEmail, listed: row?.email }, typed);
    };
    expect(await shown(second.athleteId, elsewhereAddress())).toEqual(await shown(first.athleteId, unknown));

    // Nothing was sent to the other club's athlete, whose account is untouched.
    expect(mailTo(elsewhereAddress())).toHaveLength(0);
    expect(await signInEmail(elsewhere.athlete.userId)).toBe(elsewhereAddress());
    expect((await as(elsewhere.coach).roster.list()).map((a) => a.email)).toEqual([elsewhereAddress()]);

    // Whoever opens that invite link cannot take the other account's address.
    if (taken.kind !== "invite") throw new Error("expected an invite");
    const token = taken.invitePath.replace("/invite/", "");
    expect(await failure(as(null).invite.accept({ token, password: "taken-password-1", confirm: "taken-password-1" }))).toMatch(/^CONFLICT: This email already signs in/);
    expect(await signInEmail(elsewhere.athlete.userId)).toBe(elsewhereAddress());
  });
});

describe("an athlete who has signed up", () => {
  it("keeps their address until the new one confirms the link; the old address is told", async () => {
    const { athleteId, userId, email: old } = await activeAthlete();
    const corrected = `moved-${counter}@home.test`;
    const answer = await as(home.coach).roster.correctEmail({ athleteId, email: corrected });
    expect(answer).toEqual({ kind: "confirmation", email: corrected, expiresAt: new Date(NOW.getTime() + 24 * 3_600_000) });
    expect(await signInEmail(userId)).toBe(old);
    expect((await as(home.coach).roster.get({ athleteId })).pendingEmail).toEqual({ email: corrected, expiresAt: answer.expiresAt });

    const [toOld] = mailTo(old).slice(-1);
    expect(toOld).toMatch(/Subject: Your Loadline email is being changed/);
    expect(linkIn(toOld!)).toBeNull();
    const [confirmation] = mailTo(corrected);
    const path = linkIn(confirmation!);
    expect(path).toMatch(/^\/confirm-email\//);
    const token = path!.replace("/confirm-email/", "");
    expect(await as(null).emailChange.lookup({ token })).toMatchObject({ state: "valid", email: corrected, organisationName: "Home Club" });
    await as(null).emailChange.confirm({ token });
    expect(await signInEmail(userId)).toBe(corrected);
    expect(await as(home.coach).roster.get({ athleteId })).toMatchObject({ email: corrected, pendingEmail: null });
  });

  it("can be resent (the previous link stops working) and cancelled (the address stays)", async () => {
    const { athleteId, userId, email: old } = await activeAthlete();
    const corrected = `resend-${counter}@home.test`;
    const coach = as(home.coach);
    await coach.roster.correctEmail({ athleteId, email: corrected });
    const firstToken = linkIn(mailTo(corrected)[0]!)!.replace("/confirm-email/", "");
    await coach.roster.resendEmailChange({ athleteId });
    const second = mailTo(corrected);
    expect(second).toHaveLength(2);
    expect((await as(null).emailChange.lookup({ token: firstToken })).state).toBe("expired");
    const secondToken = linkIn(second[1]!)!.replace("/confirm-email/", "");
    expect((await as(null).emailChange.lookup({ token: secondToken })).state).toBe("valid");

    await coach.roster.cancelEmailChange({ athleteId });
    expect((await coach.roster.get({ athleteId })).pendingEmail).toBeNull();
    expect((await as(null).emailChange.lookup({ token: secondToken })).state).toBe("expired");
    expect(await failure(as(null).emailChange.confirm({ token: secondToken }))).toMatch(/This link has expired/);
    expect(await signInEmail(userId)).toBe(old);
    expect(await failure(coach.roster.cancelEmailChange({ athleteId }))).toBe("NOT_FOUND: No email change is waiting for confirmation.");
    expect(await failure(coach.roster.resendEmailChange({ athleteId }))).toBe("NOT_FOUND: No email change is waiting for confirmation.");
  });

  it("answers and shows the same whether the new address is unknown or signs in at another club", async () => {
    const first = await activeAthlete();
    const second = await activeAthlete();
    const unknown = `nobody-active-${counter}@home.test`;
    const coach = as(home.coach);
    const fresh = await coach.roster.correctEmail({ athleteId: first.athleteId, email: unknown });
    const taken = await coach.roster.correctEmail({ athleteId: second.athleteId, email: elsewhereAddress() });
    expect(observed(taken, elsewhereAddress())).toEqual(observed(fresh, unknown));
    const shown = async (athleteId: string, typed: string) => observed((await coach.roster.get({ athleteId })).pendingEmail, typed);
    expect(await shown(second.athleteId, elsewhereAddress())).toEqual(await shown(first.athleteId, unknown));
    // Resending answers alike too.
    expect(observed(await coach.roster.resendEmailChange({ athleteId: second.athleteId }), elsewhereAddress())).toEqual(
      observed(await coach.roster.resendEmailChange({ athleteId: first.athleteId }), unknown),
    );

    // The address's owner learns (with no link) that nothing changed; their account is untouched.
    const notices = mailTo(elsewhereAddress());
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      expect(notice).toMatch(/already signs in to a Loadline account/);
      expect(linkIn(notice)).toBeNull();
    }
    expect(await signInEmail(elsewhere.athlete.userId)).toBe(elsewhereAddress());
    expect(await signInEmail(second.userId)).toBe(second.email);
  });

  it("is refused without email on the instance, whatever the address (the link could reach nobody)", async () => {
    const { athleteId } = await activeAthlete();
    const message = await failure(as(home.coach, false).roster.correctEmail({ athleteId, email: `no-smtp-${counter}@home.test` }));
    expect(message).toMatch(/^BAD_REQUEST: This Loadline sends no email/);
    expect(await failure(as(home.coach, false).roster.correctEmail({ athleteId, email: elsewhereAddress() }))).toBe(message);
    expect((await as(home.coach).roster.get({ athleteId })).pendingEmail).toBeNull();
  });
});

describe("the audit log", () => {
  it("records each correction for the athlete without the address", async () => {
    const { athleteId } = await activeAthlete();
    const corrected = `audited-${counter}@home.test`;
    await as(home.coach).roster.correctEmail({ athleteId, email: corrected });
    await as(home.coach).roster.cancelEmailChange({ athleteId });
    const rows = await handle.db
      .select({ actorId: auditLog.actorId, detail: auditLog.detail, action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.athleteId, athleteId), eq(auditLog.entity, "athlete_email")));
    expect(rows.map((r) => r.detail)).toEqual(["correction sent for confirmation", "change cancelled"]);
    for (const row of rows) {
      expect(row).toMatchObject({ actorId: home.coach.userId, action: "write" });
      expect(row.detail).not.toContain("@");
    }
  });
});
