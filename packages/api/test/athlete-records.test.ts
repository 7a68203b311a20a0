import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { createCaller } from "../src/root";
import { at, codeOf, fieldErrorsOf, key } from "./athlete-helpers";
import { countingDatabase } from "./coach-fixtures";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { startRehab } from "./physio-helpers";

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let athleteId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Records Club");
  other = await makeClub(handle, "Other Records Club");
  ({ athleteId } = await startRehab(handle, club));
});
afterAll(() => handle.close());

describe("the physio's view of an athlete's records", () => {
  it("lists logs with their edits, check-ins with red-flag answers, VISA-H, gait and the flags, in a window of days; audited", async () => {
    const athlete = callerFor(handle, club.athlete);
    const logged = await athlete.athleteLogs.logSession({ idempotencyKey: key(), at: at(2), type: "strength", minutes: 30, rpe: 4, painDuring: 1 });
    await athlete.athleteLogs.updateSession({ id: logged.log.id, at: at(2), type: "strength", minutes: 35, rpe: 4, painDuring: 2 });
    await athlete.athleteLogs.logRun({ idempotencyKey: key(), at: at(40), distanceKm: 5, painDuring: 0 });
    await athlete.checkIns.create({ idempotencyKey: key(), at: at(1), morningPain: 2, redFlags: ["night_pain_waking"] });
    await athlete.visaH.submit({ idempotencyKey: key(), at: at(3), items: [5, 5, 5, 5, 5, 5, 4, 10] });
    await callerFor(handle, club.coach).gait.create({ athleteId, surface: "overground", speedKmh: null, cadenceSpm: 158, faults: [{ code: "OVERSTRIDE", severity: 2 }], cues: ["Shorter steps"] });

    const physio = callerFor(handle, club.physio);
    const recent = await physio.athleteRecords.get({ athleteId, days: 28 });
    expect(recent.sessions).toHaveLength(1);
    expect(recent.sessions[0]).toMatchObject({ minutes: 35, revisions: 2 });
    expect(recent.checkIns[0]).toMatchObject({ redFlags: ["night_pain_waking"] });
    expect(recent.visaH.map((v) => v.total)).toEqual([44]);
    expect(recent.gait[0]).toMatchObject({ cadenceSpm: 158 });
    // Revisions are listed by when they were made: the run dated 40 days ago was saved today. The gait assessment keeps its versions too.
    expect(recent.revisions.map((r) => `${r.logKind} ${r.action}`).sort()).toEqual(["check_in create", "gait create", "session create", "session create", "session update", "visa_h create"]);
    expect((await physio.athleteRecords.get({ athleteId, days: 60 })).sessions).toHaveLength(2);
    expect(JSON.stringify(await physio.audit.list({ athleteId }))).toContain("Viewed 1 log(s), 1 check-in(s)");
  });

  it("the physio completes a VISA-H with the athlete: it joins the athlete's history and the audit log", async () => {
    const physio = callerFor(handle, club.physio);
    const saved = await physio.visaH.submit({ idempotencyKey: key(), athleteId, at: at(0, 8), items: [6, 6, 6, 6, 6, 6, 7, 15] });
    expect(saved.total).toBe(58);
    expect((await physio.athleteRecords.get({ athleteId })).visaH.map((v) => v.total)).toEqual([58, 44]);
    expect((await callerFor(handle, club.athlete).visaH.mine()).responses.map((r) => r.total)).toEqual([44, 58]);
    expect(JSON.stringify(await physio.audit.list({ athleteId }))).toContain("Completed VISA-H with the athlete: 58/100");
    expect(await codeOf(callerFor(handle, other.physio).visaH.submit({ idempotencyKey: key(), athleteId, at: at(0, 8), items: [6, 6, 6, 6, 6, 6, 7, 15] }))).toBe("NOT_FOUND");
  });

  it("the physio corrects a log after the athlete's 24 hours, with a reason the athlete sees in its history", async () => {
    const athlete = callerFor(handle, club.athlete);
    const logged = await athlete.athleteLogs.logRun({ idempotencyKey: key(), at: at(5), distanceKm: 8, minutes: 45, painDuring: 7 });
    const later = callerFor(handle, club.athlete, new Date(at(0).getTime() + 3 * 86_400_000));
    expect(await codeOf(later.athleteLogs.updateRun({ id: logged.log.id, at: at(5), distanceKm: 8, minutes: 45, painDuring: 2 }))).toBe("FORBIDDEN");

    const physio = callerFor(handle, club.physio);
    expect(await fieldErrorsOf(physio.athleteRecords.correctLog({ athleteId, logId: logged.log.id, correction: { painDuring: 2, reason: "" } }))).toHaveProperty("correction.reason");
    expect(await fieldErrorsOf(physio.athleteRecords.correctLog({ athleteId, logId: logged.log.id, correction: { reason: "Nothing" } }))).toHaveProperty("correction.painDuring");
    const corrected = await physio.athleteRecords.correctLog({ athleteId, logId: logged.log.id, correction: { painDuring: 2, distanceKm: 6, reason: "Athlete typed 7 for 2; GPS distance" } });
    expect(corrected.summary).toBe("distance (km) 8 -> 6, pain during 7 -> 2");
    const history = await athlete.athleteLogs.history({ kind: "session", id: logged.log.id });
    expect(history.at(-1)).toMatchObject({ action: "update", byPhysio: true, reason: "Athlete typed 7 for 2; GPS distance" });
    expect(history[0]).toMatchObject({ action: "create", byPhysio: false, reason: null });
    expect((await athlete.athleteLogs.get({ id: logged.log.id })).painDuring).toBe(2);
    expect(JSON.stringify(await physio.audit.list({ athleteId }))).toContain("Corrected a log: distance (km) 8 -> 6, pain during 7 -> 2");

    expect(await codeOf(callerFor(handle, club.coach).athleteRecords.correctLog({ athleteId, logId: logged.log.id, correction: { painDuring: 1, reason: "x" } }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).athleteRecords.correctLog({ athleteId, logId: logged.log.id, correction: { painDuring: 1, reason: "x" } }))).toBe("NOT_FOUND");
  });

  it("a change to one's own VISA-H locks the athlete's profile before the questionnaire (as erasure does: no deadlock between them)", async () => {
    const own = callerFor(handle, club.athlete);
    const first = await own.visaH.submit({ idempotencyKey: key(), at: at(0, 7), items: [2, 2, 2, 2, 2, 2, 0, 5] });
    const counting = countingDatabase(handle);
    const caller = createCaller({ db: counting.db, actor: club.athlete, now: NOW });
    for (const change of [() => caller.visaH.update({ id: first.response.id, at: at(0, 7), items: [3, 3, 3, 3, 3, 3, 4, 10] }), () => caller.visaH.withdraw({ id: first.response.id })]) {
      counting.reset();
      await change();
      const bump = counting.statements.findIndex((q) => /^\s*update "athlete_profiles" set records_version/.test(q));
      const write = counting.statements.findIndex((q) => /^update "visa_h_responses"/.test(q));
      expect(bump).toBeGreaterThanOrEqual(0);
      expect(write).toBeGreaterThan(bump);
    }
  });

  it("the athlete changes or withdraws their own VISA-H within 24 hours; history kept; not one the physio took", async () => {
    const own = callerFor(handle, club.athlete);
    const first = await own.visaH.submit({ idempotencyKey: key(), at: at(0, 7), items: [2, 2, 2, 2, 2, 2, 0, 5] });
    const changed = await own.visaH.update({ id: first.response.id, at: at(0, 7), items: [3, 3, 3, 3, 3, 3, 4, 10] });
    expect(changed.total).toBe(32);
    const mine = await own.visaH.mine();
    expect(mine.responses.find((r) => r.id === first.response.id)).toMatchObject({ total: 32, editable: true });
    expect((await own.athleteLogs.history({ kind: "visa_h", id: first.response.id })).map((r) => r.action)).toEqual(["create", "update"]);

    await own.visaH.withdraw({ id: first.response.id });
    expect((await own.visaH.mine()).responses.map((r) => r.id)).not.toContain(first.response.id);
    expect((await callerFor(handle, club.physio).athleteRecords.get({ athleteId })).visaH.map((v) => v.id)).not.toContain(first.response.id);
    expect(await codeOf(own.visaH.withdraw({ id: first.response.id }))).toBe("NOT_FOUND");

    const second = await own.visaH.submit({ idempotencyKey: key(), at: at(0, 7), items: [4, 4, 4, 4, 4, 4, 4, 10] });
    const dayLater = callerFor(handle, club.athlete, new Date(NOW.getTime() + 25 * 3_600_000));
    expect(await codeOf(dayLater.visaH.update({ id: second.response.id, at: at(0, 7), items: [5, 5, 5, 5, 5, 5, 4, 10] }))).toBe("FORBIDDEN");
    const byPhysio = (await callerFor(handle, club.physio).athleteRecords.get({ athleteId })).visaH.find((v) => v.total === 58)!;
    expect(await codeOf(own.visaH.withdraw({ id: byPhysio.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.coach).visaH.withdraw({ id: second.response.id }))).toBe("FORBIDDEN");
  });

  it("the physio corrects a check-in's pains with a reason the athlete sees", async () => {
    const own = callerFor(handle, club.athlete);
    const checkIn = await own.checkIns.create({ idempotencyKey: key(), at: at(6), morningPain: 8, loadTestPain: 6 });
    const physio = callerFor(handle, club.physio);
    const id = checkIn.checkIn.id;
    const done = await physio.athleteRecords.correctCheckIn({ athleteId, checkInId: id, correction: { morningPain: 3, reason: "Confirmed by phone: 3, not 8" } });
    expect(done.summary).toBe("morning pain 8 -> 3");
    expect((await own.athleteLogs.history({ kind: "check_in", id })).at(-1)).toMatchObject({ byPhysio: true, reason: "Confirmed by phone: 3, not 8" });
    expect(await fieldErrorsOf(physio.athleteRecords.correctCheckIn({ athleteId, checkInId: id, correction: { morningPain: 11, reason: "x" } }))).toHaveProperty("correction.morningPain");
    expect(await codeOf(callerFor(handle, club.coach).athleteRecords.correctCheckIn({ athleteId, checkInId: id, correction: { morningPain: 1, reason: "x" } }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).athleteRecords.correctCheckIn({ athleteId, checkInId: id, correction: { morningPain: 1, reason: "x" } }))).toBe("NOT_FOUND");
  });

  it("the physio corrects stiffness and the sitting answers too, never the warning signs", async () => {
    const own = callerFor(handle, club.athlete);
    const checkIn = await own.checkIns.create({ idempotencyKey: key(), at: at(7), morningPain: 2, stiffnessMinutes: 90, longestSitMinutes: 240, sittingToleranceMinutes: 10, redFlags: ["night_pain_waking"] });
    const id = checkIn.checkIn.id;
    const physio = callerFor(handle, club.physio);
    const done = await physio.athleteRecords.correctCheckIn({
      athleteId,
      checkInId: id,
      correction: { stiffnessMinutes: 9, longestSitMinutes: 40, sittingToleranceMinutes: 60, cushionUsed: true, reason: "Minutes typed as hours" },
    });
    expect(done.summary).toBe("morning stiffness (min) 90 -> 9, longest sit (min) 240 -> 40, sitting tolerance (min) 10 -> 60, cushion used none -> yes");
    const corrected = (await physio.athleteRecords.get({ athleteId, days: 28 })).checkIns.find((c) => c.id === id);
    expect(corrected).toMatchObject({ morningPain: 2, stiffnessMinutes: 9, longestSitMinutes: 40, sittingToleranceMinutes: 60, cushionUsed: true, redFlags: ["night_pain_waking"] });
    // The athlete sees the new version in the check-in's history, with who and why.
    expect((await own.athleteLogs.history({ kind: "check_in", id })).at(-1)).toMatchObject({ byPhysio: true, reason: "Minutes typed as hours" });
    // Warning-sign answers are refused, naming the field; nothing changes.
    const redFlagAttempt = { athleteId, checkInId: id, correction: { redFlags: [] as never, morningPain: 1, reason: "No night pain after all" } };
    expect(await fieldErrorsOf(physio.athleteRecords.correctCheckIn(redFlagAttempt))).toHaveProperty("correction.redFlags");
    expect(await fieldErrorsOf(physio.athleteRecords.correctCheckIn({ athleteId, checkInId: id, correction: { stiffnessMinutes: 900, reason: "x" } }))).toHaveProperty("correction.stiffnessMinutes");
    expect(await fieldErrorsOf(physio.athleteRecords.correctCheckIn({ athleteId, checkInId: id, correction: { reason: "Nothing" } }))).toHaveProperty("correction.morningPain");
    expect((await own.checkIns.get({ id })).redFlags).toEqual(["night_pain_waking"]);
    expect(await codeOf(callerFor(handle, club.coach).athleteRecords.correctCheckIn({ athleteId, checkInId: id, correction: { stiffnessMinutes: 1, reason: "x" } }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).athleteRecords.correctCheckIn({ athleteId, checkInId: id, correction: { stiffnessMinutes: 1, reason: "x" } }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).athleteRecords.correctCheckIn({ athleteId, checkInId: id, correction: { stiffnessMinutes: 1, reason: "x" } }))).toBe("NOT_FOUND");
  });

  it("takes a from-to range of the club's days (both included), refusing a bad range naming the field", async () => {
    const physio = callerFor(handle, club.physio);
    const own = callerFor(handle, club.athlete);
    // NOW is 2026-11-21 09:00 in London; the club's days are London days.
    await own.athleteLogs.logRun({ idempotencyKey: key(), at: new Date("2026-10-01T23:30:00Z"), distanceKm: 6, painDuring: 0 }); // 2 Oct, 00:30 in London
    await own.athleteLogs.logRun({ idempotencyKey: key(), at: new Date("2026-10-05T12:00:00Z"), distanceKm: 7, painDuring: 0 });
    const ranged = await physio.athleteRecords.get({ athleteId, from: "2026-10-02", to: "2026-10-05" });
    expect(ranged).toMatchObject({ from: "2026-10-02", to: "2026-10-05", days: null });
    expect(ranged.sessions.map((s) => s.distanceKm).sort()).toEqual([6, 7]);
    expect((await physio.athleteRecords.get({ athleteId, from: "2026-10-03", to: "2026-10-04" })).sessions).toEqual([]);
    expect((await physio.athleteRecords.get({ athleteId, from: "2026-10-05", to: "2026-10-05" })).sessions.map((s) => s.distanceKm)).toEqual([7]);
    expect(JSON.stringify(await physio.audit.list({ athleteId }))).toContain("of 2026-10-02 to 2026-10-05");
    // The athlete's own lists take the same range.
    expect((await own.athleteLogs.list({ from: "2026-10-02", to: "2026-10-02" })).map((s) => s.distanceKm)).toEqual([6]);
    expect(await own.checkIns.list({ from: "2026-10-02", to: "2026-10-05" })).toEqual([]);

    expect(await fieldErrorsOf(physio.athleteRecords.get({ athleteId, from: "2026-10-05", to: "2026-10-02" }))).toHaveProperty("to");
    expect(await fieldErrorsOf(physio.athleteRecords.get({ athleteId, from: "2024-01-01", to: "2026-11-20" }))).toHaveProperty("from");
    expect(await fieldErrorsOf(physio.athleteRecords.get({ athleteId, from: "2026-10-05" }))).toHaveProperty("to");
    expect(await fieldErrorsOf(physio.athleteRecords.get({ athleteId, to: "2026-10-05" }))).toHaveProperty("from");
    expect(await fieldErrorsOf(physio.athleteRecords.get({ athleteId, from: "2026-11-20", to: "2026-11-22" }))).toHaveProperty("to");
    expect(await fieldErrorsOf(physio.athleteRecords.get({ athleteId, from: "2026-02-30", to: "2026-03-01" }))).toHaveProperty("from");
    expect(await fieldErrorsOf(own.athleteLogs.list({ from: "2026-10-05", to: "2026-10-01" }))).toHaveProperty("to");
    expect(await fieldErrorsOf(own.checkIns.list({ from: "2026-10-05" }))).toHaveProperty("to");
    // Exactly two years (731 days) is allowed.
    expect((await physio.athleteRecords.get({ athleteId, from: "2024-11-21", to: "2026-11-20" })).from).toBe("2024-11-21");
    expect(await codeOf(callerFor(handle, other.physio).athleteRecords.get({ athleteId, from: "2026-10-02", to: "2026-10-05" }))).toBe("NOT_FOUND");
  });

  it("is the physio's only", async () => {
    expect(await codeOf(callerFor(handle, club.coach).athleteRecords.get({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).athleteRecords.get({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).athleteRecords.get({ athleteId }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, null).athleteRecords.get({ athleteId }))).toBe("UNAUTHORIZED");
  });
});
