import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { calendarSubscriptions } from "@loadline/db/schema";
import { calendarFeedForToken } from "../src/services/calendar-feeds";
import { callerFor, createTestDatabase, makeClub, NOW, settle, type Club } from "./fixtures";
import { codeOf, insertRedFlagCheckIn, startRehab } from "./physio-helpers";
import { eq } from "drizzle-orm";

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let athleteId: string;
const HOUR = 3_600_000;

/** The events of a feed, as a calendar app reads them. */
function eventsOf(feed: string) {
  const calendar = ICAL.Component.fromString(feed);
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, description: e.description ?? "", start: e.startDate.toJSDate(), allDay: e.startDate.isDate };
  });
}
const tokenOf = (path: string) => path.replace(/^\/api\/calendar\//, "").replace(/\.ics$/, "");

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Feed Club");
  other = await makeClub(handle, "Other Feed Club");
  athleteId = club.athlete.athleteId!;
  await startRehab(handle, club, new Date(NOW.getTime() - 5 * 24 * HOUR));
  await insertRedFlagCheckIn(handle, club, new Date(NOW.getTime() - 2 * HOUR), "red-flag-feed");
  const coach = callerFor(handle, club.coach);
  await coach.planner.create({ squadId: club.squadIds.distance, at: new Date(NOW.getTime() + 26 * HOUR), kind: "hills", durationMinutes: 45, title: "Hill reps", notes: "Bring spikes" });
  await coach.planner.create({ squadId: club.squadIds.distance, at: new Date(NOW.getTime() + 50 * HOUR), kind: "easy_run", durationMinutes: null, title: "", notes: "" });
  await settle(handle, [club]);
});
afterAll(() => handle.close());

describe("calendar feeds", () => {
  it("an athlete's feed has their squad sessions with the coach-safe pre-flight verdict and the VISA-H due date", async () => {
    const { path } = await callerFor(handle, club.athlete).calendar.subscribe({});
    const feed = await calendarFeedForToken(handle.db, tokenOf(path), NOW);
    const events = eventsOf(feed!);
    const hills = events.find((e) => e.summary === "Hill reps (Distance)");
    expect(hills?.start.toISOString()).toBe(new Date(NOW.getTime() + 26 * HOUR).toISOString());
    expect(hills?.description).toMatch(/^Pre-flight: Skip/);
    expect(hills?.description).toContain("Medical review needed");
    expect(hills?.description).toContain("Bring spikes");
    expect(events.find((e) => e.summary === "Easy run (Distance)")).toBeDefined();
    expect(events.find((e) => e.summary === "VISA-H questionnaire due")?.allDay).toBe(true);
    // No clinical detail: the red-flag answer, the episode and the plan stay out.
    expect(feed).not.toMatch(/night|painkiller|Deep buttock|isometric|bridge/i);
  });

  it("stores only the token's hash, and a revoked URL stops answering", async () => {
    const athlete = callerFor(handle, club.athlete);
    const { id, path } = await athlete.calendar.subscribe({});
    const [row] = await handle.db.select().from(calendarSubscriptions).where(eq(calendarSubscriptions.id, id));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.tokenHash).not.toContain(tokenOf(path));
    expect((await athlete.calendar.subscriptions()).map((s) => s.id)).toContain(id);
    await athlete.calendar.revoke({ id });
    expect(await calendarFeedForToken(handle.db, tokenOf(path), NOW)).toBeNull();
    expect(await calendarFeedForToken(handle.db, "not-a-real-token-at-all-000000", NOW)).toBeNull();
    expect((await athlete.calendar.subscriptions()).map((s) => s.id)).not.toContain(id);
  });

  it("a coach's squad feed counts verdicts without names or reasons", async () => {
    const { path } = await callerFor(handle, club.coach).calendar.subscribe({ squadId: club.squadIds.distance });
    const feed = (await calendarFeedForToken(handle.db, tokenOf(path), NOW))!;
    const hills = eventsOf(feed).find((e) => e.summary === "Hill reps (Distance)");
    expect(hills?.description).toContain("Pre-flight for 1 athletes: 0 go, 0 modify, 1 skip");
    expect(feed).not.toContain("athlete of Feed Club");
    expect(feed).not.toContain("Medical review");
  });

  it("refuses physios, another club's squad, another athlete's revoke", async () => {
    expect(await codeOf(callerFor(handle, club.physio).calendar.subscribe({}))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.coach).calendar.subscribe({ squadId: club.squadIds.distance }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(handle, club.coach).calendar.subscribe({}))).toBe("BAD_REQUEST");
    const { id } = await callerFor(handle, club.athlete).calendar.subscribe({});
    expect(await codeOf(callerFor(handle, club.coach).calendar.revoke({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, other.athlete).calendar.revoke({ id }))).toBe("NOT_FOUND");
  });
});

describe("notes on an athlete", () => {
  it("a thread across the three roles: coaches never receive clinical notes, athletes only shared ones", async () => {
    const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    const physio = callerFor(handle, club.physio, later(3));
    const coach = callerFor(handle, club.coach, later(3));
    await callerFor(handle, club.physio, later(0)).notes.add({ athleteId, visibility: "clinical", body: "Query lumbar referral, re-test slump" });
    await callerFor(handle, club.coach, later(1)).notes.add({ athleteId, visibility: "staff", body: "Missed Tuesday's session" });
    await callerFor(handle, club.physio, later(2)).notes.add({ athleteId, visibility: "shared", body: "Keep the isometrics daily" });
    const byPhysio = await physio.notes.thread({ athleteId });
    expect(byPhysio.notes.map((n) => n.visibility)).toEqual(["clinical", "staff", "shared"]);
    const byCoach = await coach.notes.thread({ athleteId });
    expect(byCoach.notes.map((n) => n.visibility)).toEqual(["staff", "shared"]);
    expect(JSON.stringify(byCoach)).not.toContain("lumbar");
    const byAthlete = await callerFor(handle, club.athlete).notes.thread({});
    expect(byAthlete.notes.map((n) => n.body)).toEqual(["Keep the isometrics daily"]);
    expect(byAthlete.writable).toEqual([]);
  });

  it("audits every read of clinical notes (and not a coach's read, which holds none)", async () => {
    const audit = async () => (await callerFor(handle, club.physio).audit.list({ athleteId })).filter((e) => e.entity === "athlete_note" && e.action === "read").length;
    const before = await audit();
    await callerFor(handle, club.physio).notes.thread({ athleteId });
    await callerFor(handle, club.physio).notes.thread({ athleteId });
    await callerFor(handle, club.coach).notes.thread({ athleteId });
    expect(await audit()).toBe(before + 2);
  });

  it("a mention of a colleague who may read the note raises a notification without the note's text", async () => {
    const physio = callerFor(handle, club.physio);
    const staff = await callerFor(handle, club.coach).staff.list();
    const coachName = staff.find((s) => s.id === club.coach.userId)!.name;
    const physioName = staff.find((s) => s.id === club.physio.userId)!.name;
    const { mentioned } = await physio.notes.add({ athleteId, visibility: "staff", body: `@${coachName} keep hills out this week` });
    expect(mentioned).toEqual([coachName]);
    const inbox = await callerFor(handle, club.coach).notifications.list();
    expect(inbox.unread).toBe(1);
    expect(inbox.rows[0]?.message).toBe(`${physioName} mentioned you in a note about athlete of Feed Club`);
    // The mention holds no note text (the centre's alerts speak of the planned hills session itself).
    expect(JSON.stringify(inbox.rows)).not.toContain("hills");
    // A clinical note cannot notify a coach: they could not open it.
    expect((await physio.notes.add({ athleteId, visibility: "clinical", body: `@${coachName} fyi` })).mentioned).toEqual([]);
    // "Mark all read": the mention and the coach's unread alert notifications.
    expect((await callerFor(handle, club.coach).notifications.markRead({})).marked).toBe(1 + inbox.alerts.filter((a) => !a.read).length);
    expect((await callerFor(handle, club.coach).notifications.list()).unread).toBe(0);
    expect((await callerFor(handle, club.physio).notifications.list()).rows).toEqual([]);
  });

  it("refuses coach clinical notes, athlete writes, a team-mate's thread and other clubs", async () => {
    expect(await codeOf(callerFor(handle, club.coach).notes.add({ athleteId, visibility: "clinical", body: "x" }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(handle, club.athlete).notes.add({ athleteId, visibility: "shared", body: "x" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.coach).notes.add({ athleteId, visibility: "staff", body: "   " }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(handle, other.athlete).notes.thread({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).notes.thread({ athleteId }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, other.coach).notes.add({ athleteId, visibility: "staff", body: "x" }))).toBe("NOT_FOUND");
  });
});

describe("reminders", () => {
  it("an athlete in rehab is reminded of this morning's check-in and a due VISA-H until they log them", async () => {
    const today = await callerFor(handle, club.athlete).notifications.list();
    // Checked in this morning (the red-flag check-in), no VISA-H yet.
    expect(today.reminders.map((r) => r.kind)).toEqual(["visa_h_due"]);
    const tomorrow = await callerFor(handle, club.athlete, new Date(NOW.getTime() + 24 * HOUR)).notifications.list();
    expect(tomorrow.reminders.map((r) => r.kind)).toEqual(["morning_check_in", "visa_h_due"]);
    expect(tomorrow.reminders[0]?.href).toBe("/me/log/check-in");
  });

  it("staff and athletes outside rehab get none", async () => {
    expect((await callerFor(handle, club.coach).notifications.list()).reminders).toEqual([]);
    expect((await callerFor(handle, other.athlete).notifications.list()).reminders).toEqual([]);
  });
});
