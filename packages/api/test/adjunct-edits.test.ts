import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { adjunctTreatments, auditLog } from "@loadline/db/schema";
import { runPendingJobs } from "../src/jobs";
import { getAssessment } from "../src/services/assessments";
import { at, codeOf, fieldErrorsOf } from "./athlete-helpers";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { startRehab } from "./physio-helpers";

/*
 * Editing and deleting an adjunct treatment: physio only, own club only, audited, and the engine
 * re-assessed so R22's pause (and its alert) follows the treatment as it now stands.
 */

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let athleteId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Adjunct Club");
  other = await makeClub(handle, "Other Adjunct Club");
  ({ athleteId } = await startRehab(handle, club));
}, 60_000);
afterAll(() => handle.close());

const physio = () => callerFor(handle, club.physio);
const treatment = { at: at(2), kind: "prp" as const, side: "right" as const, parameters: "3 ml", provider: "Clinic" };

async function pauses() {
  await runPendingJobs(handle.db, NOW);
  const assessment = await getAssessment(handle.db, club.organisationId, athleteId, NOW);
  return (assessment?.flags ?? []).filter((f) => f.ruleId === "R22" && f.blocksProgression);
}

async function r22Alerts() {
  return (await callerFor(handle, club.coach).alerts.list({ status: "all" })).filter((a) => a.athleteId === athleteId && a.ruleId === "R22");
}

describe("editing and deleting an adjunct", () => {
  it("only the club's physio edits or deletes; coaches, athletes and another club are refused", async () => {
    const row = await physio().adjuncts.record({ athleteId, ...treatment, kind: "shockwave" });
    const changes = { ...treatment, kind: "shockwave" as const };
    for (const actor of [club.coach, club.athlete]) {
      expect(await codeOf(callerFor(handle, actor).adjuncts.update({ adjunctId: row.id, changes }))).toBe("FORBIDDEN");
      expect(await codeOf(callerFor(handle, actor).adjuncts.delete({ adjunctId: row.id, reason: "Wrong" }))).toBe("FORBIDDEN");
    }
    expect(await codeOf(callerFor(handle, other.physio).adjuncts.update({ adjunctId: row.id, changes }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, other.physio).adjuncts.delete({ adjunctId: row.id, reason: "Wrong" }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, other.physio).adjuncts.enterRestrictions({ adjunctId: row.id, restrictions: "None" }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, null).adjuncts.delete({ adjunctId: row.id, reason: "Wrong" }))).toBe("UNAUTHORIZED");
    // Nothing changed.
    expect((await physio().adjuncts.list({ athleteId })).find((a) => a.id === row.id)).toMatchObject({ kind: "shockwave", deletedAt: null });
    await physio().adjuncts.delete({ adjunctId: row.id, reason: "Set-up of this test" });
  });

  it("refuses bad input naming the field: no reason, a future date, an unknown kind", async () => {
    const row = await physio().adjuncts.record({ athleteId, ...treatment, kind: "shockwave" });
    expect(await fieldErrorsOf(physio().adjuncts.delete({ adjunctId: row.id, reason: "" }))).toHaveProperty("reason");
    expect(await fieldErrorsOf(physio().adjuncts.delete({ adjunctId: row.id, reason: "   " }))).toHaveProperty("reason");
    expect(await fieldErrorsOf(physio().adjuncts.update({ adjunctId: row.id, changes: { ...treatment, at: new Date(NOW.getTime() + 86_400_000) } }))).toHaveProperty("changes.at");
    expect(await fieldErrorsOf(physio().adjuncts.update({ adjunctId: row.id, changes: { ...treatment, kind: "magic" as never } }))).toHaveProperty("changes.kind");
    await physio().adjuncts.delete({ adjunctId: row.id, reason: "Set-up of this test" });
  });

  it("R22 follows the edits: an injection pauses, edited to shockwave it lifts, back to PRP it pauses again", async () => {
    const row = await physio().adjuncts.record({ athleteId, ...treatment });
    expect((await pauses()).map((f) => f.cause)).toEqual([`pause:${row.id}`]);
    const [raised] = (await r22Alerts()).filter((a) => a.status === "new");
    expect(raised).toBeDefined();

    const edited = await physio().adjuncts.update({ adjunctId: row.id, changes: { ...treatment, kind: "shockwave", parameters: "2000 pulses" } });
    expect(edited).toMatchObject({ kind: "shockwave", parameters: "2000 pulses", pausesProgression: false });
    expect(await pauses()).toEqual([]);
    expect((await r22Alerts()).find((a) => a.id === raised!.id)?.status).toBe("retired");

    await physio().adjuncts.update({ adjunctId: row.id, changes: treatment });
    expect(await pauses()).toHaveLength(1);
    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, "write")));
    expect(audit.map((e) => e.detail)).toEqual(expect.arrayContaining([expect.stringMatching(/^Edited a treatment .*kind, parameters changed/)]));
    await physio().adjuncts.delete({ adjunctId: row.id, reason: "Set-up of the next test" });
  });

  it("deleting an injection recorded in error lifts its pause and closes its alert; the row stays with who and why", async () => {
    const row = await physio().adjuncts.record({ athleteId, ...treatment, at: at(1) });
    expect(await pauses()).toHaveLength(1);
    const open = (await r22Alerts()).filter((a) => a.status === "new");
    expect(open).toHaveLength(1);

    const deleted = await physio().adjuncts.delete({ adjunctId: row.id, reason: "Recorded on the wrong athlete" });
    expect(deleted.deletedAt).toEqual(NOW);
    expect(await pauses()).toEqual([]);
    expect((await r22Alerts()).find((a) => a.id === open[0]!.id)?.status).toBe("retired");
    expect((await physio().adjuncts.list({ athleteId })).map((a) => a.id)).not.toContain(row.id);

    const [stored] = await handle.db.select().from(adjunctTreatments).where(eq(adjunctTreatments.id, row.id));
    expect(stored).toMatchObject({ deletedById: club.physio.userId, deletionReason: "Recorded on the wrong athlete" });
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audit.map((e) => e.detail)).toContain("Deleted a treatment (Platelet-rich plasma (PRP) injection). Reason: Recorded on the wrong athlete");
    // Deleted is gone for every write: edit, restrictions and a second delete are NOT_FOUND.
    expect(await codeOf(physio().adjuncts.delete({ adjunctId: row.id, reason: "Again" }))).toBe("NOT_FOUND");
    expect(await codeOf(physio().adjuncts.update({ adjunctId: row.id, changes: treatment }))).toBe("NOT_FOUND");
    expect(await codeOf(physio().adjuncts.enterRestrictions({ adjunctId: row.id, restrictions: "No sprints" }))).toBe("NOT_FOUND");
  });
});
