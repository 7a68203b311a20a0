import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { athleteProfiles, users } from "@loadline/db/schema";
import { seedDemoClub } from "@loadline/db/seed";
import { assessAthlete, athleteTimelineSchema, type Actor } from "@loadline/domain";
import { loadTimelines } from "@loadline/db";
import { callerFor, createTestDatabase, NOW } from "./fixtures";

let handle: DatabaseHandle;
let organisationId: string;
let maya: Actor;

async function actorFor(email: string): Promise<Actor> {
  const [row] = await handle.db
    .select({ userId: users.id, athleteId: athleteProfiles.id })
    .from(users)
    .innerJoin(athleteProfiles, eq(athleteProfiles.userId, users.id))
    .where(eq(users.email, email));
  return { userId: row!.userId, role: "athlete", organisationId, athleteId: row!.athleteId };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ({ organisationId } = await seedDemoClub(handle.db, { now: NOW, hashPassword: async (p) => `plain:${p}` }));
  maya = await actorFor("athlete@loadline.demo");
});
afterAll(() => handle.close());

describe("the demo athlete's logs", () => {
  it("puts Maya mid-phase 2 with a plan, flags and a due VISA-H on Today", async () => {
    const today = await callerFor(handle, maya).today.get();
    expect(today.phase?.number).toBe(2);
    expect(today.prescriptions.length).toBeGreaterThan(3);
    expect(today.checkedInToday).toBe(false);
    expect(today.visaHDue.due).toBe(true);
    expect(today.flags.length).toBeGreaterThan(0);
  });

  it("holds ~6 weeks of sessions and daily check-ins with one red and one amber outcome", async () => {
    const caller = callerFor(handle, maya);
    const sessions = await caller.athleteLogs.list({ days: 63 });
    const checkIns = await caller.checkIns.list({ days: 63 });
    expect(sessions.length).toBeGreaterThan(40);
    expect(sessions.some((s) => s.type === "run")).toBe(true);
    expect(checkIns.length).toBe(49);
    const loaded = (await loadTimelines(handle.db, organisationId, [maya.athleteId!], NOW)).get(maya.athleteId!)!;
    expect(loaded.ok).toBe(true);
    // What the row mappers build is what the schema would have parsed.
    const parsed = athleteTimelineSchema.parse(loaded.ok ? loaded.timeline : {});
    expect(parsed).toEqual(loaded.ok ? loaded.timeline : null);
    // The outcome of each of the phase-2 heavy sessions, evaluated after its next morning.
    const zones = parsed.sessions
      .filter((s) => s.type === "strength" && s.heavy)
      .map((s) => {
        const evaluatedAt = new Date(Math.min(NOW.getTime(), s.at.getTime() + 2 * 86_400_000));
        const truncated = { ...parsed, sessions: parsed.sessions.filter((x) => x.at <= s.at), checkIns: parsed.checkIns.filter((c) => c.at <= evaluatedAt) };
        return assessAthlete(truncated, evaluatedAt).latestOutcome?.zone;
      });
    expect(zones.filter((z) => z === "red")).toHaveLength(1);
    expect(zones.filter((z) => z === "amber")).toHaveLength(1);
  });

  it("gives Maya two VISA-H responses and a progress page with charts and the phase history", async () => {
    const progress = await callerFor(handle, maya).progress.get({ weeks: 8 });
    expect(progress.visaH.map((v) => v.total)).toEqual([48, 58]);
    expect(progress.pain.length).toBeGreaterThan(30);
    expect(progress.weeklyVolume.some((w) => w.km > 0)).toBe(true);
    expect(progress.exitCriteria).toHaveLength(6);
    expect(progress.phaseHistory.map((v) => v.phase)).toContain(1);
  });

  it("gives other rehab and healthy athletes a few weeks of logs", async () => {
    for (const email of ["daniel.osei@loadline.demo", "grace.oneill@loadline.demo", "kai.nakamura@loadline.demo", "aisha.rahman@loadline.demo", "jordan.blake@loadline.demo"]) {
      const logs = await callerFor(handle, await actorFor(email)).athleteLogs.list({ days: 21 });
      expect(logs.length, email).toBeGreaterThan(4);
    }
  });
});
