import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { auditLog } from "@loadline/db/schema";
import { callerFor, createTestDatabase, makeClub, type Club } from "./fixtures";

/**
 * Who let whom into the club, issued a credential link, removed someone or opened a squad's
 * calendar feed stays on record: each of these writes leaves one audit entry, never an email
 * address (an invite's entry reads the same whether the person has an account elsewhere).
 */

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Audit People Club");
});
afterAll(() => handle.close());

const entries = async (entity: string) =>
  handle.db
    .select({ actorId: auditLog.actorId, entityId: auditLog.entityId, athleteId: auditLog.athleteId, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, club.organisationId), eq(auditLog.entity, entity)))
    .orderBy(asc(auditLog.at), asc(auditLog.detail));

describe("the audit log of people and links", () => {
  it("records invites, new invite links and a removal, without addresses", async () => {
    const coach = callerFor(handle, club.coach);
    await coach.staff.invite({ name: "New Physio", email: "new.physio@audit.test", role: "physio" });
    const invited = (await coach.staff.list()).find((s) => s.name === "New Physio")!;
    await coach.staff.reissueInvite({ userId: invited.id });
    await coach.roster.add({
      name: "New Runner",
      email: "new.runner@audit.test",
      squadIds: [club.squadIds.distance],
      eventOrSport: "10 km",
      birthYear: null,
      sex: "unspecified",
      preInjuryWeeklyKm: null,
      previousHamstringInjury: false,
    });
    await coach.staff.remove({ userId: club.physio.userId });
    expect(await entries("staff_invite")).toEqual([
      { actorId: club.coach.userId, entityId: null, athleteId: null, detail: "Invited a physio" },
      { actorId: club.coach.userId, entityId: invited.id, athleteId: null, detail: "New invite link" },
    ]);
    expect(await entries("athlete_invite")).toEqual([{ actorId: club.coach.userId, entityId: null, athleteId: null, detail: "Invited an athlete" }]);
    expect(await entries("staff_member")).toEqual([{ actorId: club.coach.userId, entityId: club.physio.userId, athleteId: null, detail: "Removed from the club; sessions ended" }]);
    const all = await handle.db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.organisationId, club.organisationId));
    expect(JSON.stringify(all)).not.toContain("@audit.test");
  });

  it("records a reset link issued for someone, and a squad's calendar feed created and revoked", async () => {
    const coach = callerFor(handle, club.coach);
    await coach.passwordReset.issue({ userId: club.athlete.userId });
    expect(await entries("password_reset")).toEqual([{ actorId: club.coach.userId, entityId: club.athlete.userId, athleteId: null, detail: "Reset link issued" }]);
    const feed = await coach.calendar.subscribe({ squadId: club.squadIds.distance });
    await coach.calendar.revoke({ id: feed.id });
    expect(await entries("calendar_subscription")).toEqual([
      { actorId: club.coach.userId, entityId: feed.id, athleteId: null, detail: "Feed revoked" },
      { actorId: club.coach.userId, entityId: feed.id, athleteId: null, detail: "Squad feed created" },
    ]);
  });
});
