import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { ENGINE_VERSION, MEDICAL_REVIEW_MESSAGE } from "@loadline/domain";
import { assessmentSnapshots } from "@loadline/db/schema";
import { eq, sql } from "drizzle-orm";
import { createCaller } from "../src/root";
import { runPendingJobs } from "../src/jobs";
import { loadBoard } from "../src/services/coach-board";
import { addAthletes, addCheckIn, addRun, clinicalSecrets, codeOf, countingDatabase, givePlan } from "./coach-fixtures";
import { NOW, callerFor, createTestDatabase, makeClub, settle, type Club } from "./fixtures";

const DAY_MS = 86_400_000;
let handle: DatabaseHandle;
let clubA: Club;
let clubB: Club;
let inRehab: string;
let escalated: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  clubA = await makeClub(handle, "Board A");
  clubB = await makeClub(handle, "Board B");
  [inRehab, escalated] = (await addAthletes(handle, clubA, clubA.squadIds.distance, 2, "Rehab")) as [string, string];
  await givePlan(handle, clubA, inRehab, 1, NOW, 12);
  await givePlan(handle, clubA, escalated, 2, NOW, 30);
  for (let d = 13; d >= 1; d--) await addCheckIn(handle, clubA, inRehab, new Date(NOW.getTime() - d * DAY_MS), d % 4);
  await addCheckIn(handle, clubA, escalated, new Date(NOW.getTime() - DAY_MS), 3, ["saddle_numbness", "daily_painkillers"]);
  await addRun(handle, clubA, clubA.athlete.athleteId!, new Date(NOW.getTime() - 2 * DAY_MS), { minutes: 40, distanceKm: 8, notes: "PRIVATE-LOG-NOTE" });
  // Inserted straight into the tables: the queue re-assesses them, as after any write.
  await settle(handle, [clubA, clubB]);
}, 60_000);
afterAll(() => handle.close());

describe("board.rows", () => {
  it("refuses anonymous callers, athletes and physios", async () => {
    expect(await codeOf(callerFor(handle, null).board.rows())).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(handle, clubA.athlete).board.rows())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, clubA.physio).board.rows())).toBe("FORBIDDEN");
  });

  it("rejects a malformed squad id naming the field", async () => {
    const rows = callerFor(handle, clubA.coach).board.rows({ squadIds: ["nope"] });
    expect(await codeOf(rows)).toBe("BAD_REQUEST");
    const error = await rows.catch((e: unknown) => e);
    expect(JSON.stringify(error)).toContain("squadIds");
  });

  it("shows one coach-safe row per athlete with availability, phase, days in phase, pain and last log", async () => {
    const rows = await callerFor(handle, clubA.coach).board.rows();
    expect(rows).toHaveLength(3);
    const rehab = rows.find((r) => r.athlete.id === inRehab)!;
    expect(rehab.assessment).toMatchObject({ phase: 1, inRehab: true, availability: "rehab" });
    expect(rehab.daysInPhase).toBe(12);
    expect(rehab.pain14.length).toBe(13);
    expect(rehab.daysSinceLastLog).toBe(1);
    const red = rows.find((r) => r.athlete.id === escalated)!;
    expect(red.assessment).toMatchObject({ availability: "unavailable", medicalReviewNeeded: true, worstSeverity: "escalate" });
    expect(red.assessment?.flags.find((f) => f.ruleId === "R20")?.message).toBe(MEDICAL_REVIEW_MESSAGE);
    const healthy = rows.find((r) => r.athlete.id === clubA.athlete.athleteId)!;
    expect(healthy.assessment).toMatchObject({ phase: null, inRehab: false, availability: "available" });
    expect(healthy.assessment?.workload.weeklyVolume.current).toBe(8);
    expect(healthy.daysSinceLastLog).toBe(2);
  });

  it("sends no clinical field to the coach", async () => {
    const json = JSON.stringify(await callerFor(handle, clubA.coach).board.rows());
    for (const secret of clinicalSecrets) expect(json).not.toContain(secret);
  });

  it("filters by squad and never shows another organisation's athletes", async () => {
    const coach = callerFor(handle, clubA.coach);
    expect(await coach.board.rows({ squadIds: [clubA.squadIds.field] })).toEqual([]);
    expect(await coach.board.rows({ squadIds: [clubB.squadIds.distance] })).toEqual([]);
    const other = await callerFor(handle, clubB.coach).board.rows();
    expect(other.map((r) => r.athlete.id)).toEqual([clubB.athlete.athleteId]);
  });
});

describe("the board's stored rows", () => {
  it("reads the board row stored with each snapshot, never the full assessment", async () => {
    const coach = callerFor(handle, clubA.coach);
    const before = await coach.board.rows();
    expect(before.every((r) => r.assessmentState === "assessed")).toBe(true);
    // Break every full assessment of the club: a board that revived them would fail or change.
    const where = eq(assessmentSnapshots.organisationId, clubA.organisationId);
    const saved = await handle.db.select({ athleteId: assessmentSnapshots.athleteId, assessment: assessmentSnapshots.assessment }).from(assessmentSnapshots).where(where);
    expect(saved).toHaveLength(3);
    try {
      await handle.db.update(assessmentSnapshots).set({ assessment: { json: "not an assessment", meta: { values: { broken: ["Date"] } } } }).where(where);
      expect(await coach.board.rows()).toEqual(before);
    } finally {
      for (const row of saved) await handle.db.update(assessmentSnapshots).set({ assessment: row.assessment }).where(eq(assessmentSnapshots.athleteId, row.athleteId));
    }
  });

  it("sends plain rows: times as epoch milliseconds, no Date for the wire format to carry", async () => {
    const rows = await callerFor(handle, clubA.coach).board.rows();
    const dates: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (value instanceof Date) dates.push(path);
      else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk(rows, "rows");
    expect(dates).toEqual([]);
    const rehab = rows.find((r) => r.athlete.id === inRehab)!;
    expect(rehab.assessedAt).toBe(NOW.getTime());
    expect(rehab.assessment?.evaluatedAt).toBe(NOW.getTime());
    expect(rehab.pain14[0]?.at).toBeTypeOf("number");
  });

  it("still shows a snapshot of an older engine version (no board row yet) from its assessment, and queues it", async () => {
    const coach = callerFor(handle, clubA.coach);
    const current = (await coach.board.rows()).find((r) => r.athlete.id === escalated)!;
    await handle.db.update(assessmentSnapshots).set({ board: null, engineVersion: "3" }).where(eq(assessmentSnapshots.athleteId, escalated));
    const legacy = (await coach.board.rows()).find((r) => r.athlete.id === escalated)!;
    expect(legacy).toEqual(current);
    await settle(handle, [clubA]);
    const [row] = await handle.db
      .select({ engineVersion: assessmentSnapshots.engineVersion, hasBoard: sql<boolean>`${assessmentSnapshots.board} is not null` })
      .from(assessmentSnapshots)
      .where(eq(assessmentSnapshots.athleteId, escalated));
    expect(row).toEqual({ engineVersion: ENGINE_VERSION, hasBoard: true });
  });
});

describe("board.athlete (overview)", () => {
  it("returns the coach-safe overview with sessions but no notes", async () => {
    const overview = await callerFor(handle, clubA.coach).board.athlete({ athleteId: clubA.athlete.athleteId! });
    expect(overview.athlete.name).toContain("athlete of Board A");
    expect(overview.sessions).toHaveLength(1);
    expect(overview.sessions[0]).not.toHaveProperty("notes");
    const json = JSON.stringify(overview);
    for (const secret of clinicalSecrets) expect(json).not.toContain(secret);
  });

  it("shows the phase timeline and hides red-flag answers", async () => {
    const overview = await callerFor(handle, clubA.coach).board.athlete({ athleteId: escalated });
    expect(overview.phaseHistory).toEqual([{ phase: 2, startedAt: new Date(NOW.getTime() - 30 * DAY_MS) }]);
    expect(overview.flagHistory.some((f) => f.medicalReview && f.message === MEDICAL_REVIEW_MESSAGE)).toBe(true);
    const json = JSON.stringify(overview);
    for (const secret of clinicalSecrets) expect(json).not.toContain(secret);
  });

  it("refuses an athlete, another organisation's coach, and a bad id", async () => {
    expect(await codeOf(callerFor(handle, clubA.athlete).board.athlete({ athleteId: inRehab }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, clubB.coach).board.athlete({ athleteId: inRehab }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, clubA.coach).board.athlete({ athleteId: "x" }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(handle, null).board.athlete({ athleteId: inRehab }))).toBe("UNAUTHORIZED");
  });
});

describe("speed at squad scale", () => {
  it("reads the board of 10 and of 200 athletes with the same number of SQL statements", async () => {
    const club = await makeClub(handle, "Scale");
    const small = await makeClub(handle, "Scale small");
    const bigIds = await addAthletes(handle, club, club.squadIds.distance, 199, "Big");
    const smallIds = await addAthletes(handle, small, small.squadIds.distance, 9, "Small");
    // Some history so every per-record query returns rows.
    for (const id of bigIds.slice(0, 20)) await addCheckIn(handle, club, id, new Date(NOW.getTime() - DAY_MS), 1);
    for (const id of smallIds.slice(0, 5)) await addCheckIn(handle, small, id, new Date(NOW.getTime() - DAY_MS), 1);
    const counting = countingDatabase(handle);
    const measure = async (c: Club) => {
      counting.reset();
      const rows = await createCaller({ db: counting.db, actor: c.coach, now: NOW }).board.rows({ squadIds: [c.squadIds.distance] });
      return { rows: rows.length, statements: counting.statements.length };
    };
    // Cold: every snapshot is missing. The board computes nothing: it queues its squad (one
    // INSERT, through the procedure's own transaction) and shows "being assessed".
    const coldSmall = await measure(small);
    const coldBig = await measure(club);
    expect(coldSmall.rows).toBe(10);
    expect(coldBig.rows).toBe(200);
    expect(coldBig.statements).toBe(coldSmall.statements);
    await runPendingJobs(handle.db, NOW);
    // Warm: fresh snapshots are read as stored.
    const warmSmall = await measure(small);
    const warmBig = await measure(club);
    expect(warmBig.statements).toBe(warmSmall.statements);
    // The same statements less the queue's one INSERT.
    expect(warmBig.statements).toBe(coldBig.statements - 1);
    // Counted: every statement the procedure sends inside its transaction (BEGIN and COMMIT are
    // transaction control, not logged): the one that enters the organisation's row-level-security
    // scope (role and organisation in one set_config statement) and the board's one read; cold,
    // also the queue's one INSERT. At most 3, for 10 athletes as for 200.
    expect(warmBig.statements).toBe(2);
    expect(coldBig.statements).toBeLessThanOrEqual(3);
    expect(warmBig.statements).toBeLessThanOrEqual(3);
    // Also through the service directly, two hours later (every snapshot stale again).
    counting.reset();
    await loadBoard(counting.db, small.organisationId, undefined, new Date(NOW.getTime() + 2 * 3_600_000));
    const laterSmall = counting.statements.length;
    counting.reset();
    await loadBoard(counting.db, club.organisationId, undefined, new Date(NOW.getTime() + 2 * 3_600_000));
    expect(counting.statements.length).toBe(laterSmall);
    // Without the procedure's scope: the one read (the queue's INSERT then goes through the
    // database's own job connection, outside this counter).
    expect(laterSmall).toBeLessThanOrEqual(2);
  }, 120_000);
});
