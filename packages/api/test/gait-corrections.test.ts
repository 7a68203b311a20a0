import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { auditLog, logRevisions, users } from "@loadline/db/schema";
import type { Actor } from "@loadline/domain";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { codeOf, errorOf, startRehab } from "./physio-helpers";

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let secondCoach: Actor;
const DAY = 86_400_000;
const later = (days: number) => new Date(NOW.getTime() + days * DAY);

const assessment = (athleteId: string) => ({
  athleteId,
  surface: "overground" as const,
  speedKmh: 12,
  cadenceSpm: 162,
  faults: [{ code: "OVERSTRIDE" as const, severity: 2 as const, side: "both" as const }],
  cues: ["Shorter, quicker, lighter steps"],
  notes: "Heavy heel strike",
});

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Gait Club");
  other = await makeClub(handle, "Other Gait Club");
  await startRehab(handle, club);
  const [user] = await handle.db
    .insert(users)
    .values({ organisationId: club.organisationId, role: "coach", name: "Second Coach", email: "second-coach@gait.test", passwordHash: "x" })
    .returning();
  secondCoach = { ...club.coach, userId: user!.id, isOwner: false };
});
afterAll(() => handle.close());

describe("gait corrections", () => {
  it("the coach corrects their own assessment within 7 days; every version is kept and the physio sees the history", async () => {
    const athleteId = club.athlete.athleteId!;
    const { id } = await callerFor(handle, club.coach).gait.create(assessment(athleteId));
    const { athleteId: _drop, ...values } = assessment(athleteId);
    const corrected = await callerFor(handle, club.coach, later(6.9)).gait.correct({ ...values, assessmentId: id, cues: ["Quick feet"], notes: "Mild heel strike" });
    expect(corrected.message).toMatch(/earlier version stays/);

    const overview = await callerFor(handle, club.coach, later(6.9)).board.athlete({ athleteId });
    const shown = overview.gaitAssessments.find((g) => g.id === id);
    expect(shown).toMatchObject({ cues: ["Quick feet"], notes: "Mild heel strike", corrected: true, mayCorrect: true });

    const revisions = await handle.db.select().from(logRevisions).where(and(eq(logRevisions.logKind, "gait"), eq(logRevisions.logId, id)));
    expect(revisions.map((r) => r.action).sort()).toEqual(["create", "update"]);
    expect(revisions.find((r) => r.action === "create")?.data.notes).toBe("Heavy heel strike");

    const records = await callerFor(handle, club.physio, later(6.9)).athleteRecords.get({ athleteId, days: 30 });
    expect(records.revisions.filter((r) => r.logKind === "gait" && r.logId === id).map((r) => r.action).sort()).toEqual(["create", "update"]);
    expect(records.gait.find((g) => g.id === id)?.revisions).toBe(2);
    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.entity, "gait_assessment"), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.detail).sort()).toEqual(["Corrected a gait assessment", "Recorded a gait assessment: OVERSTRIDE"]);
  });

  it("after 7 days the correction and the deletion are refused with a sentence saying why", async () => {
    const athleteId = club.athlete.athleteId!;
    const { id } = await callerFor(handle, club.coach).gait.create(assessment(athleteId));
    const { athleteId: _drop, ...values } = assessment(athleteId);
    const late = callerFor(handle, club.coach, later(7.01));
    const error = await errorOf(late.gait.correct({ ...values, assessmentId: id }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe(
      "Gait assessments can only be corrected or deleted within 7 days of saving them. Record a new assessment instead; this one stays in the athlete's history.",
    );
    expect(await codeOf(late.gait.remove({ assessmentId: id }))).toBe("FORBIDDEN");
    const overview = await late.board.athlete({ athleteId });
    expect(overview.gaitAssessments.find((g) => g.id === id)?.mayCorrect).toBe(false);
  });

  it("a deleted assessment leaves the coach's views and the athlete's Today, and stays in the history", async () => {
    const athleteId = club.athlete.athleteId!;
    const { id } = await callerFor(handle, club.coach).gait.create({ ...assessment(athleteId), cues: ["Deleted cue"] });
    const removed = await callerFor(handle, club.coach, later(1)).gait.remove({ assessmentId: id });
    expect(removed.message).toMatch(/stays in the athlete's history/);
    const overview = await callerFor(handle, club.coach, later(1)).board.athlete({ athleteId });
    expect(overview.gaitAssessments.some((g) => g.id === id)).toBe(false);
    const squad = await callerFor(handle, club.coach, later(1)).gait.squadFaults({});
    expect(JSON.stringify(squad)).not.toContain("Deleted cue");
    const today = await callerFor(handle, club.athlete, later(1)).today.get();
    expect(JSON.stringify(today.gait)).not.toContain("Deleted cue");
    expect(await codeOf(callerFor(handle, club.coach, later(1)).gait.remove({ assessmentId: id }))).toBe("NOT_FOUND");
    const records = await callerFor(handle, club.physio, later(1)).athleteRecords.get({ athleteId, days: 30 });
    expect(records.revisions.filter((r) => r.logId === id).map((r) => r.action).sort()).toEqual(["create", "delete"]);
  });

  it("another coach, a physio, an athlete and another club cannot correct or delete it", async () => {
    const athleteId = club.athlete.athleteId!;
    const { id } = await callerFor(handle, club.coach).gait.create(assessment(athleteId));
    const { athleteId: _drop, ...values } = assessment(athleteId);
    const colleague = await errorOf(callerFor(handle, secondCoach).gait.correct({ ...values, assessmentId: id }));
    expect(colleague.code).toBe("FORBIDDEN");
    expect(colleague.message).toBe("Only the coach who recorded a gait assessment can correct or delete it.");
    expect(await codeOf(callerFor(handle, secondCoach).gait.remove({ assessmentId: id }))).toBe("FORBIDDEN");
    for (const actor of [club.physio, club.athlete]) {
      expect(await codeOf(callerFor(handle, actor).gait.correct({ ...values, assessmentId: id }))).toBe("FORBIDDEN");
      expect(await codeOf(callerFor(handle, actor).gait.remove({ assessmentId: id }))).toBe("FORBIDDEN");
    }
    expect(await codeOf(callerFor(handle, other.coach).gait.correct({ ...values, assessmentId: id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, other.coach).gait.remove({ assessmentId: id }))).toBe("NOT_FOUND");
  });
});
