import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { athleteProfiles, users } from "@loadline/db/schema";
import { seedDemoClub } from "@loadline/db/seed";
import type { DatabaseHandle } from "@loadline/db";
import type { Actor } from "@loadline/domain";
import { eq } from "drizzle-orm";
import { NOW, callerFor, createTestDatabase, settle } from "./fixtures";

let handle: DatabaseHandle;
let coach: Actor;
const names = new Map<string, string>();

beforeAll(async () => {
  handle = await createTestDatabase();
  const { organisationId } = await seedDemoClub(handle.db, { now: NOW, hashPassword: async () => "x" });
  const [coachRow] = await handle.db.select().from(users).where(eq(users.email, "coach@loadline.demo"));
  coach = { userId: coachRow!.id, role: "coach", organisationId };
  // The demo club's first board queues every athlete; here the queue runs before the tests read.
  await settle(handle, [{ organisationId }]);
  for (const row of await handle.db.select({ id: athleteProfiles.id, name: users.name }).from(athleteProfiles).innerJoin(users, eq(users.id, athleteProfiles.userId))) {
    names.set(row.name, row.id);
  }
}, 120_000);
afterAll(() => handle.close());

describe("demo club on first start (coach)", () => {
  it("plans a week with a hills and a speed session for each squad and shows skip, modify and ok", async () => {
    const caller = callerFor(handle, coach);
    const squads = await caller.roster.squads();
    const verdicts = new Set<string>();
    for (const squad of squads) {
      const week = await caller.planner.week({ squadId: squad.id });
      const kinds = week.sessions.map((s) => s.kind);
      expect(kinds).toContain("hills");
      expect(kinds.some((k) => k === "intervals" || k === "sprint")).toBe(true);
      for (const v of week.verdicts) verdicts.add(v.result.verdict);
      if (squad.kind === "field") {
        const hills = week.sessions.find((s) => s.kind === "hills")!;
        const kai = week.verdicts.find((v) => v.sessionId === hills.id && v.athleteId === names.get("Kai Nakamura"));
        expect(kai?.result.verdict).toBe("skip");
        const healthy = week.verdicts.find((v) => v.sessionId === hills.id && v.athleteId === names.get("Jordan Blake"));
        expect(healthy?.result.verdict).toBe("ok");
      }
    }
    expect([...verdicts].sort()).toEqual(["modify", "ok", "skip"]);
  }, 60_000);

  it("shows gait faults (Maya with OVERSTRIDE) and a low-cadence hint", async () => {
    const faults = await callerFor(handle, coach).gait.squadFaults();
    const overstride = faults.faults.find((f) => f.code === "OVERSTRIDE")!;
    expect(overstride.athletes.map((a) => a.athleteName)).toContain("Maya Okafor");
    expect(faults.cadenceHints.map((h) => h.athleteName)).toContain("Rory Gallagher");
  });
});
