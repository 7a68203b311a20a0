import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { athleteProfiles, morningCheckIns, squadMemberships } from "@loadline/db/schema";
import { callerFor, createTestDatabase, makeClub, NOW, settle, type Club } from "./fixtures";
import { codeOf, insertRedFlagCheckIn, startRehab } from "./physio-helpers";

/**
 * Compliance on the board and the caseload (from the stored assessment), the notification
 * centre for every role (new alerts, reminders, mentions: read, unread, mark all read), and the
 * alerts inbox scoped to the coach's own squads.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let handle: DatabaseHandle;
let club: Club;
let other: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Compliance Club");
  other = await makeClub(handle, "Other Compliance Club");
  // Joined 20 days ago, in rehab for 10; checked in on 5 of the last 7 full days (07:00 London).
  await handle.db.update(athleteProfiles).set({ createdAt: new Date(NOW.getTime() - 20 * DAY) }).where(eq(athleteProfiles.id, club.athlete.athleteId!));
  await startRehab(handle, club, new Date(NOW.getTime() - 10 * DAY));
  const dayStart = Date.UTC(2026, 10, 21);
  await handle.db.insert(morningCheckIns).values(
    [1, 2, 3, 5, 6].map((d) => ({
      organisationId: club.organisationId,
      athleteId: club.athlete.athleteId!,
      at: new Date(dayStart - d * DAY + 7 * HOUR),
      morningPain: 1,
      redFlags: [],
      idempotencyKey: `compliance-${d}`,
    })),
  );
  // A red flag this morning: an escalation for the staff's notification centres.
  await insertRedFlagCheckIn(handle, club, new Date(NOW.getTime() - HOUR), "compliance-red-flag");
  await insertRedFlagCheckIn(handle, other, new Date(NOW.getTime() - HOUR), "other-red-flag");
  await startRehab(handle, other, new Date(NOW.getTime() - 10 * DAY));
  await settle(handle, [club, other]);
}, 120_000);
afterAll(() => handle.close());

describe("compliance", () => {
  it("is on the coach's board row and the physio's caseload row, the same figures", async () => {
    const [row] = await callerFor(handle, club.coach).board.rows({});
    const compliance = row?.assessment?.compliance;
    expect(compliance?.last7).toMatchObject({ countedDays: 7, checkIns: { expected: 7, done: 5 }, questionnaires: { expected: 1, done: 0 } });
    // 28 days back reaches before joining: 19 full days since the day after joining.
    expect(compliance?.last28.countedDays).toBe(19);
    const [caseload] = await callerFor(handle, club.physio).caseload.list();
    expect(caseload?.compliance).toEqual(compliance);
  });
});

describe("the notification centre", () => {
  it("tells a coach of a new alert in coach-safe words, read and unread, and never another club's", async () => {
    const coach = callerFor(handle, club.coach);
    const centre = await coach.notifications.list();
    const alert = centre.alerts.find((a) => a.athleteId === club.athlete.athleteId);
    expect(alert).toMatchObject({ severity: "escalate", read: false });
    expect(alert?.message).toContain("Medical review needed");
    expect(JSON.stringify(centre.alerts)).not.toMatch(/night|waking/i);
    expect(centre.unreadTotal).toBeGreaterThanOrEqual(1);
    // Another club's alert id changes nothing.
    const otherAlert = (await callerFor(handle, other.coach).notifications.list()).alerts[0];
    expect(otherAlert).toBeDefined();
    expect((await coach.notifications.markRead({ alertIds: [otherAlert!.alertId] })).marked).toBe(0);
    expect((await coach.notifications.markRead({ alertIds: [alert!.alertId] })).marked).toBe(1);
    const after = await coach.notifications.list();
    expect(after.alerts.find((a) => a.alertId === alert!.alertId)?.read).toBe(true);
    expect(after.unreadTotal).toBe(centre.unreadTotal - 1);
    // The physio's own read mark is separate, and the physio reads the alert's own sentence.
    const physio = await callerFor(handle, club.physio).notifications.list();
    expect(physio.alerts.find((a) => a.alertId === alert!.alertId)).toMatchObject({ read: false });
    expect((await callerFor(handle, other.coach).notifications.list()).alerts.map((a) => a.athleteId)).not.toContain(club.athlete.athleteId);
  });

  it("tells a coach of alerts of their own squads only, once they have squads", async () => {
    await handle.db.insert(squadMemberships).values({ organisationId: club.organisationId, squadId: club.squadIds.field, userId: club.coach.userId });
    try {
      expect((await callerFor(handle, club.coach).notifications.list()).alerts).toEqual([]);
    } finally {
      await handle.db.delete(squadMemberships).where(eq(squadMemberships.userId, club.coach.userId));
    }
    expect((await callerFor(handle, club.coach).notifications.list()).alerts).not.toEqual([]);
  });

  it("gives an athlete their reminders with read state per day, and mark all read", async () => {
    const athlete = callerFor(handle, club.athlete);
    const centre = await athlete.notifications.list();
    expect(centre.alerts).toEqual([]);
    expect(centre.reminders).toEqual([expect.objectContaining({ kind: "visa_h_due", read: false })]);
    expect((await athlete.notifications.markRead({ reminderKinds: ["visa_h_due"] })).marked).toBe(1);
    expect((await athlete.notifications.list()).reminders).toEqual([expect.objectContaining({ kind: "visa_h_due", read: true })]);
    // Tomorrow is a new day: both reminders unread again; "mark all read" marks both.
    const tomorrow = callerFor(handle, club.athlete, new Date(NOW.getTime() + DAY));
    const next = await tomorrow.notifications.list();
    expect(next.reminders.map((r) => [r.kind, r.read])).toEqual([
      ["morning_check_in", false],
      ["visa_h_due", false],
    ]);
    expect(next.unreadTotal).toBe(2);
    await tomorrow.notifications.markRead({});
    expect((await tomorrow.notifications.list()).unreadTotal).toBe(0);
  });

  it("refuses anonymous callers and bad input", async () => {
    expect(await codeOf(callerFor(handle, null).notifications.list())).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(handle, club.athlete).notifications.markRead({ reminderKinds: ["sms" as "visa_h_due"] }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(handle, club.coach).notifications.markRead({ alertIds: ["not-an-id"] }))).toBe("BAD_REQUEST");
  });
});

describe("the alerts inbox by squads", () => {
  it("lists the alerts of the named squads, none of another club's squads", async () => {
    const coach = callerFor(handle, club.coach);
    const distance = await coach.alerts.list({ status: "new", squadIds: [club.squadIds.distance] });
    expect(distance.some((a) => a.athleteId === club.athlete.athleteId)).toBe(true);
    expect(await coach.alerts.list({ status: "new", squadIds: [club.squadIds.field] })).toEqual([]);
    expect(await coach.alerts.list({ status: "new", squadIds: [other.squadIds.distance] })).toEqual([]);
    expect(await codeOf(callerFor(handle, club.athlete).alerts.list({ status: "new", squadIds: [club.squadIds.distance] }))).toBe("FORBIDDEN");
  });
});
