import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { auditLog, users } from "@loadline/db/schema";
import type { Actor } from "@loadline/domain";
import { codeOf, errorOf } from "./coach-fixtures";
import { callerFor, createTestDatabase, makeClub, type Club } from "./fixtures";

/*
 * Physio gait notes behind the owner's club setting: off by default (coaches only), on lets the
 * club's physios record them too; never athletes, never another club.
 */

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let owner: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Gait Setting Club");
  other = await makeClub(handle, "Other Gait Club");
  await handle.db.update(users).set({ isOwner: true }).where(eq(users.id, club.coach.userId));
  owner = { ...club.coach, isOwner: true };
}, 60_000);
afterAll(() => handle.close());

const assessment = (athleteId: string) => ({
  athleteId,
  surface: "treadmill" as const,
  speedKmh: 12,
  cadenceSpm: 162,
  faults: [{ code: "OVERSTRIDE" as const, severity: 2 as const }],
  cues: ["Quick feet"],
  notes: "Seen in clinic",
});

async function setPhysioGait(allowed: boolean, by: Actor = owner) {
  const caller = callerFor(handle, by);
  const { owner: _owner, canEdit: _canEdit, isOwner: _isOwner, ...settings } = await caller.club.settings();
  return caller.club.update({ ...settings, physioGaitNotes: allowed });
}

describe("physio gait notes, a club setting", () => {
  it("is off by default: the physio is refused with a sentence saying who can allow it; the coach records", async () => {
    expect((await callerFor(handle, club.physio).club.settings()).physioGaitNotes).toBe(false);
    const refused = await errorOf(callerFor(handle, club.physio).gait.create(assessment(club.athlete.athleteId!)));
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/owner can allow physios/) });
    expect((await callerFor(handle, club.physio).athleteRecords.get({ athleteId: club.athlete.athleteId! })).mayWriteGait).toBe(false);
    await callerFor(handle, club.coach).gait.create(assessment(club.athlete.athleteId!));
  });

  it("only the owner changes it: another staff member is refused and the setting stays off", async () => {
    expect(await codeOf(setPhysioGait(true, club.physio))).toBe("FORBIDDEN");
    expect(await codeOf(setPhysioGait(true, club.coach))).toBe("FORBIDDEN");
    expect((await callerFor(handle, owner).club.settings()).physioGaitNotes).toBe(false);
  });

  it("on: the club's physio records a gait assessment (audited, the athlete's page offers the form); athletes and other clubs still refused", async () => {
    await setPhysioGait(true);
    const athleteId = club.athlete.athleteId!;
    const physio = callerFor(handle, club.physio);
    expect((await physio.athleteRecords.get({ athleteId })).mayWriteGait).toBe(true);
    const created = await physio.gait.create(assessment(athleteId));
    const records = await physio.athleteRecords.get({ athleteId });
    expect(records.gait.map((g) => g.id)).toContain(created.id);
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toMatchObject([{ actorId: club.physio.userId, action: "write", entity: "gait_assessment" }]);

    expect(await codeOf(callerFor(handle, club.athlete).gait.create(assessment(athleteId)))).toBe("FORBIDDEN");
    // Another club's physio (its own setting off) and coach cannot reach this club's athlete.
    expect(await codeOf(callerFor(handle, other.physio).gait.create(assessment(athleteId)))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.coach).gait.create(assessment(athleteId)))).toBe("NOT_FOUND");
    // The setting is per club: the other club's physio stays refused on their own athlete.
    expect(await codeOf(callerFor(handle, other.physio).gait.create(assessment(other.athlete.athleteId!)))).toBe("FORBIDDEN");
  });

  it("off again: the physio is refused again, the coach still records", async () => {
    await setPhysioGait(false);
    expect(await codeOf(callerFor(handle, club.physio).gait.create(assessment(club.athlete.athleteId!)))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.coach).gait.create(assessment(club.athlete.athleteId!)))).toBe("OK");
  });
});
