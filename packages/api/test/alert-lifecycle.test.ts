import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { planVersions } from "@loadline/db/schema";
import { ACKNOWLEDGED_ALERT_ARCHIVE_DAYS } from "@loadline/domain";
import { addAthletes, addCheckIn, addRun, codeOf, givePlan } from "./coach-fixtures";
import { NOW, callerFor, createTestDatabase, makeClub, settle, type Club } from "./fixtures";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const later = (hours: number) => new Date(NOW.getTime() + hours * HOUR_MS);

let handle: DatabaseHandle;
let clubA: Club;
let clubB: Club;
/** Phase 2 athletes of A's distance squad: sprints are not allowed for them (R16). */
let sprinter: string;
let teammate: string;
/** An athlete of A with no plan, for the red-flag and two-reds paths. */
let flagged: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  clubA = await makeClub(handle, "Lifecycle A");
  clubB = await makeClub(handle, "Lifecycle B");
  [sprinter, teammate] = (await addAthletes(handle, clubA, clubA.squadIds.distance, 2, "Sprinter")) as [string, string];
  [flagged] = (await addAthletes(handle, clubA, clubA.squadIds.field, 1, "Flagged")) as [string];
  await givePlan(handle, clubA, sprinter, 2, NOW);
  await givePlan(handle, clubA, teammate, 2, NOW);
  await settle(handle, [clubA, clubB]);
}, 120_000);
afterAll(() => handle.close());

const coachAt = (now = NOW) => callerFor(handle, clubA.coach, now);
const physioAt = (now = NOW) => callerFor(handle, clubA.physio, now);

async function alertsOf(athleteId: string, ruleId: string, status: "new" | "closed" | "all" = "all", now = NOW) {
  return (await coachAt(now).alerts.list({ status })).filter((a) => a.athleteId === athleteId && a.ruleId === ruleId);
}

describe("one condition is one alert", () => {
  it("a planned sprint raises one R16 alert per athlete, raised when it was raised, with the session's time as its cause", async () => {
    const sessionAt = later(4 * 24);
    const sprint = await coachAt().planner.create({ squadId: clubA.squadIds.distance, at: sessionAt, kind: "sprint", durationMinutes: 40, title: "Flying 30s", notes: "" });
    await settle(handle, [clubA]);
    const [alert, ...more] = await alertsOf(sprinter, "R16", "new");
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ status: "new", raisedAt: NOW, causeAt: sessionAt, canAcknowledge: true, canResolve: true });
    // Re-assessing unchanged records, an hour later, keeps the same single alert.
    await settle(handle, [clubA], later(1));
    expect((await alertsOf(sprinter, "R16", "all", later(1))).map((a) => a.id)).toEqual([alert!.id]);
    await coachAt().planner.remove({ id: sprint.id });
    await settle(handle, [clubA], later(1));
  });

  it("changing the planned sprint to recovery retires its alerts; planned as a sprint again it is a new alert", async () => {
    const now = later(2);
    const at = later(5 * 24);
    const session = await coachAt(now).planner.create({ squadId: clubA.squadIds.distance, at, kind: "sprint", durationMinutes: 40, title: "Sprints", notes: "" });
    await settle(handle, [clubA], now);
    const first = (await alertsOf(sprinter, "R16", "new", now)).find((a) => a.causeAt?.getTime() === at.getTime());
    expect(first).toBeDefined();
    const countsBefore = await coachAt(now).alerts.counts();

    await coachAt(now).planner.update({ id: session.id, squadId: clubA.squadIds.distance, at, kind: "recovery", durationMinutes: 40, title: "Sprints", notes: "" });
    await settle(handle, [clubA], now);
    expect((await alertsOf(sprinter, "R16", "new", now)).map((a) => a.id)).not.toContain(first!.id);
    const retired = (await alertsOf(sprinter, "R16", "closed", now)).find((a) => a.id === first!.id);
    expect(retired).toMatchObject({ status: "retired", canAcknowledge: false, canResolve: false });
    expect(retired!.retiredSentence).toMatch(/changed/);
    // Both phase-2 athletes' alerts are retired, and the navigation counts only open ones.
    expect((await coachAt(now).alerts.counts()).red).toBe(countsBefore.red - 2);

    await coachAt(now).planner.update({ id: session.id, squadId: clubA.squadIds.distance, at, kind: "sprint", durationMinutes: 40, title: "Sprints", notes: "" });
    await settle(handle, [clubA], now);
    const again = (await alertsOf(sprinter, "R16", "new", now)).filter((a) => a.causeAt?.getTime() === at.getTime());
    expect(again).toHaveLength(1);
    expect(again[0]!.id).not.toBe(first!.id);

    await coachAt(now).planner.remove({ id: session.id });
    await settle(handle, [clubA], now);
    expect((await alertsOf(sprinter, "R16", "new", now)).filter((a) => a.causeAt?.getTime() === at.getTime())).toEqual([]);
    expect((await alertsOf(sprinter, "R16", "closed", now)).find((a) => a.id === again[0]!.id)?.status).toBe("retired");
  });

  it("a coach's resolution holds while the cause stays, and a new occurrence after it is a new alert", async () => {
    const now = later(3);
    const at = later(6 * 24);
    const session = await coachAt(now).planner.create({ squadId: clubA.squadIds.distance, at, kind: "sprint", durationMinutes: 30, title: "Sprints", notes: "" });
    await settle(handle, [clubA], now);
    const alert = (await alertsOf(teammate, "R16", "new", now)).find((a) => a.causeAt?.getTime() === at.getTime())!;
    await coachAt(now).alerts.resolve({ alertId: alert.id, note: "Teammate does the bike instead" });
    await settle(handle, [clubA], later(4));
    const rows = (await alertsOf(teammate, "R16", "all", later(4))).filter((a) => a.causeAt?.getTime() === at.getTime());
    expect(rows.map((a) => [a.id, a.status])).toEqual([[alert.id, "resolved"]]);

    await coachAt(later(4)).planner.update({ id: session.id, squadId: clubA.squadIds.distance, at, kind: "recovery", durationMinutes: 30, title: "Easy", notes: "" });
    await settle(handle, [clubA], later(4));
    await coachAt(later(4)).planner.update({ id: session.id, squadId: clubA.squadIds.distance, at, kind: "sprint", durationMinutes: 30, title: "Sprints", notes: "" });
    await settle(handle, [clubA], later(4));
    const next = (await alertsOf(teammate, "R16", "new", later(4))).filter((a) => a.causeAt?.getTime() === at.getTime());
    expect(next).toHaveLength(1);
    expect(next[0]!.id).not.toBe(alert.id);
    await coachAt(later(4)).planner.remove({ id: session.id });
    await settle(handle, [clubA], later(4));
  });

  it("plan saves do not raise R19 again: one 'no phase change' alert per phase", async () => {
    const [stuck] = (await addAthletes(handle, clubA, clubA.squadIds.field, 1, "Stuck")) as [string];
    await givePlan(handle, clubA, stuck, 2, NOW, 90);
    await settle(handle, [clubA]);
    const [first, ...others] = await alertsOf(stuck, "R19");
    expect(others).toEqual([]);
    // A new plan version in the same phase (what a plan save without a phase change writes).
    const [v1] = await handle.db.select().from(planVersions).where(and(eq(planVersions.organisationId, clubA.organisationId), eq(planVersions.athleteId, stuck)));
    const { id: _id, createdAt: _createdAt, ...copy } = v1!;
    await handle.db.insert(planVersions).values({ ...copy, version: 2, changeSummary: "Tempo changed" });
    await settle(handle, [clubA], later(1));
    expect((await alertsOf(stuck, "R19", "all", later(1))).map((a) => a.id)).toEqual([first!.id]);
  });

  it("repeated red-flag check-ins keep one escalation; after the physio's review a new red flag is a new alert", async () => {
    // Later than the assessments of the tests above: an older computation never replaces a newer one.
    const t0 = later(10);
    await addCheckIn(handle, clubA, flagged, new Date(t0.getTime() - 2 * DAY_MS), 3, ["night_pain_waking"]);
    await settle(handle, [clubA], t0);
    await addCheckIn(handle, clubA, flagged, new Date(t0.getTime() - DAY_MS), 3, ["night_pain_waking"]);
    await settle(handle, [clubA], t0);
    const queue = (await physioAt(t0).escalations.list({ athleteId: flagged })).filter((e) => e.ruleId === "R20");
    expect(queue).toHaveLength(1);
    expect(queue[0]!.needsReview).toBe(true);

    await physioAt(t0).escalations.resolve({ alertId: queue[0]!.id, note: "Seen in clinic: sleep position, not sinister" });
    await settle(handle, [clubA], later(11));
    expect((await physioAt(later(11)).escalations.list({ athleteId: flagged })).filter((e) => e.ruleId === "R20")).toEqual([]);

    await addCheckIn(handle, clubA, flagged, later(12), 3, ["night_pain_waking"]);
    await settle(handle, [clubA], later(13));
    const fresh = (await physioAt(later(13)).escalations.list({ athleteId: flagged })).filter((e) => e.ruleId === "R20");
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.id).not.toBe(queue[0]!.id);
    const history = await physioAt(later(13)).escalations.list({ athleteId: flagged, includeResolved: true });
    expect(history.find((e) => e.id === queue[0]!.id)).toMatchObject({ resolutionNote: "Seen in clinic: sleep position, not sinister" });
  });
});

describe("R4: two reds within 7 days wait for the physio's review", () => {
  it("reaches the physio's queue, a review clears it, reds before the review stay cleared, and a later double red raises again", async () => {
    const [runner] = (await addAthletes(handle, clubA, clubA.squadIds.field, 1, "Reds")) as [string];
    await addRun(handle, clubA, runner, new Date(NOW.getTime() - 3 * DAY_MS), { minutes: 30, distanceKm: 5, painDuring: 6 });
    await addRun(handle, clubA, runner, new Date(NOW.getTime() - DAY_MS), { minutes: 30, distanceKm: 5, painDuring: 6 });
    await settle(handle, [clubA]);
    const [block, ...others] = (await physioAt().escalations.list({ athleteId: runner })).filter((e) => e.ruleId === "R4");
    expect(others).toEqual([]);
    expect(block).toMatchObject({ needsReview: true, severity: "red" });
    expect(block!.message).toMatch(/Two red sessions/);
    // A coach may acknowledge it but not resolve it: the review is clinical.
    expect(await codeOf(coachAt().alerts.resolve({ alertId: block!.id, note: "ok" }))).toBe("FORBIDDEN");

    await physioAt().escalations.resolve({ alertId: block!.id, note: "Reviewed: back to the last green load" });
    await settle(handle, [clubA], later(1));
    expect((await physioAt(later(1)).escalations.list({ athleteId: runner })).filter((e) => e.ruleId === "R4")).toEqual([]);
    // One more red, within 7 days of the reviewed ones: the review covered those, so no block.
    await addRun(handle, clubA, runner, later(2), { minutes: 30, distanceKm: 5, painDuring: 6 });
    await settle(handle, [clubA], later(3));
    expect((await physioAt(later(3)).escalations.list({ athleteId: runner })).filter((e) => e.ruleId === "R4")).toEqual([]);
    // A second red after the review: a new double red, a new alert.
    await addRun(handle, clubA, runner, later(26), { minutes: 30, distanceKm: 5, painDuring: 6 });
    await settle(handle, [clubA], later(27));
    const again = (await physioAt(later(27)).escalations.list({ athleteId: runner })).filter((e) => e.ruleId === "R4");
    expect(again).toHaveLength(1);
    expect(again[0]!.id).not.toBe(block!.id);
  });
});

describe("bulk acknowledge, archive, roles", () => {
  it("acknowledges by athlete, then by rule, then all, leaving medical reviews for the physio", async () => {
    const now = later(30);
    const at = later(3 * 24);
    const session = await coachAt(now).planner.create({ squadId: clubA.squadIds.distance, at, kind: "sprint", durationMinutes: 30, title: "Sprints", notes: "" });
    await addRun(handle, clubA, teammate, new Date(now.getTime() - HOUR_MS), { minutes: 30, distanceKm: 5, painDuring: 6 });
    await settle(handle, [clubA], now);
    const coach = coachAt(now);
    const newOf = async (athleteId: string) => (await coach.alerts.list({ status: "new" })).filter((a) => a.athleteId === athleteId);
    expect((await newOf(sprinter)).length).toBeGreaterThan(0);

    const byAthlete = await coach.alerts.acknowledgeMany({ athleteId: sprinter, note: "Told the sprinter to skip the sprints" });
    expect(byAthlete.acknowledged).toBeGreaterThan(0);
    expect(await newOf(sprinter)).toEqual([]);
    expect((await coach.alerts.list({ status: "acknowledged" })).some((a) => a.athleteId === sprinter && a.acknowledgeNote === "Told the sprinter to skip the sprints")).toBe(true);

    const teammateBefore = await newOf(teammate);
    const byRule = await coach.alerts.acknowledgeMany({ ruleId: "R16", note: "Sprint session: phase-2 athletes on the bike" });
    expect(byRule.acknowledged).toBe(teammateBefore.filter((a) => a.ruleId === "R16").length);
    expect((await newOf(teammate)).every((a) => a.ruleId !== "R16")).toBe(true);
    expect((await newOf(teammate)).length).toBeGreaterThan(0);

    const all = await coach.alerts.acknowledgeMany({ note: "Weekly review done" });
    expect(all.acknowledged).toBeGreaterThan(0);
    const left = await coach.alerts.list({ status: "new" });
    expect(left.every((a) => a.medicalReview)).toBe(true);
    expect((await coach.alerts.counts()).total).toBe(left.length);

    // Acknowledged alerts leave the acknowledged list after the archive period (read without re-assessing).
    const acknowledgedIds = (await coach.alerts.list({ status: "acknowledged" })).map((a) => a.id);
    expect(acknowledgedIds.length).toBeGreaterThan(0);
    const justBefore = new Date(now.getTime() + ACKNOWLEDGED_ALERT_ARCHIVE_DAYS * DAY_MS - HOUR_MS);
    expect((await coachAt(justBefore).alerts.list({ status: "acknowledged" })).map((a) => a.id)).toEqual(expect.arrayContaining(acknowledgedIds));
    const afterArchive = new Date(now.getTime() + ACKNOWLEDGED_ALERT_ARCHIVE_DAYS * DAY_MS + HOUR_MS);
    const listed = (await coachAt(afterArchive).alerts.list({ status: "acknowledged" })).map((a) => a.id);
    expect(listed.filter((id) => acknowledgedIds.includes(id))).toEqual([]);
    expect((await coachAt(afterArchive).alerts.list({ status: "archived" })).map((a) => a.id)).toEqual(expect.arrayContaining(acknowledgedIds));
    await coach.planner.remove({ id: session.id });
  });

  it("filters the inbox by squad and by the club days alerts were raised on", async () => {
    const coach = coachAt(later(30));
    const field = await coach.alerts.list({ status: "all", squadId: clubA.squadIds.field });
    expect(field.length).toBeGreaterThan(0);
    expect(field.every((a) => a.squads.some((s) => s.id === clubA.squadIds.field))).toBe(true);
    const distance = await coach.alerts.list({ status: "all", squadId: clubA.squadIds.distance });
    expect(distance.some((a) => a.athleteId === flagged)).toBe(false);
    const today = await coach.alerts.list({ status: "all", from: "2026-11-21", to: "2026-11-21" });
    expect(today.length).toBeGreaterThan(0);
    expect(today.every((a) => a.raisedAt.toISOString().startsWith("2026-11-21"))).toBe(true);
    expect(await coach.alerts.list({ status: "all", from: "2026-11-10", to: "2026-11-11" })).toEqual([]);
    expect(await codeOf(coach.alerts.list({ status: "all", from: "2026-11-22", to: "2026-11-21" }))).toBe("BAD_REQUEST");
  });

  it("refuses athletes, physios and anonymous callers; another club's coach reaches nothing", async () => {
    const [alert] = await coachAt(later(30)).alerts.list({ status: "all" });
    for (const actor of [clubA.athlete, clubA.physio]) {
      expect(await codeOf(callerFor(handle, actor).alerts.acknowledgeMany({ note: "x" }))).toBe("FORBIDDEN");
      expect(await codeOf(callerFor(handle, actor).alerts.resolve({ alertId: alert!.id, note: "x" }))).toBe("FORBIDDEN");
    }
    expect(await codeOf(callerFor(handle, null).alerts.acknowledgeMany({ note: "x" }))).toBe("UNAUTHORIZED");
    const stranger = callerFor(handle, clubB.coach, later(30));
    expect(await codeOf(stranger.alerts.resolve({ alertId: alert!.id, note: "mine now" }))).toBe("NOT_FOUND");
    const before = (await coachAt(later(30)).alerts.counts()).total;
    expect(await stranger.alerts.acknowledgeMany({ athleteId: flagged, note: "mine now" })).toEqual({ acknowledged: 0, leftForPhysio: 0 });
    expect(await stranger.alerts.acknowledgeMany({ note: "mine now" })).toEqual({ acknowledged: 0, leftForPhysio: 0 });
    expect((await coachAt(later(30)).alerts.counts()).total).toBe(before);
  });

  it("a coach cannot resolve medical reviews or clinical rules", async () => {
    const escalation = (await coachAt(later(30)).alerts.list({ status: "all" })).find((a) => a.medicalReview && a.status === "new");
    expect(escalation?.canResolve).toBe(false);
    expect(await codeOf(coachAt(later(30)).alerts.resolve({ alertId: escalation!.id, note: "done" }))).toBe("FORBIDDEN");
  });
});

describe("an outcome and a flag of another colour on the same session", () => {
  it("Today says in one sentence why a green outcome sits next to a red phase-gate flag", async () => {
    await givePlan(handle, clubB, clubB.athlete.athleteId!, 2, NOW);
    const athlete = callerFor(handle, clubB.athlete);
    await athlete.athleteLogs.logRun({ idempotencyKey: "gate-run-0001", at: new Date(NOW.getTime() - HOUR_MS), minutes: 20, distanceKm: 4, sprints: 4, painDuring: 0, rpe: 3 });
    const today = await athlete.today.get();
    expect(today.latestOutcome?.zone).toBe("green");
    const gate = today.flags.find((f) => f.ruleId === "R16");
    expect(gate?.severity).toBe("red");
    expect(gate?.outcomeNote).toMatch(/^Green outcome because .*the red R16 flag is because the activity itself is not allowed in this phase/);
    expect(today.flags.filter((f) => f.ruleId !== "R16").every((f) => f.outcomeNote === null || f.outcomeNote.length > 0)).toBe(true);
  });
});
