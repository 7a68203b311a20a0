import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { users } from "@loadline/db/schema";
import { seedDemoClub } from "@loadline/db/seed";
import type { Actor } from "@loadline/domain";
import { callerFor, createTestDatabase, NOW } from "./fixtures";

let handle: DatabaseHandle;
let physio: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { organisationId } = await seedDemoClub(handle.db, { now: NOW, hashPassword: async (p) => `plain:${p}` });
  const [user] = await handle.db.select().from(users).where(eq(users.email, "physio@loadline.demo"));
  physio = { userId: user!.id, role: "physio", organisationId };
});
afterAll(() => handle.close());

describe("the physio demo data", () => {
  it("puts four open episodes across phases 1-4 on the caseload, Kai's open escalation first", async () => {
    const caseload = await callerFor(handle, physio).caseload.list();
    const byName = new Map(caseload.map((r) => [r.athleteName, r]));
    expect(caseload[0]).toMatchObject({ athleteName: "Kai Nakamura", phase: 1, openEscalations: 1, worstOpenSeverity: "escalate" });
    expect(byName.get("Maya Okafor")).toMatchObject({ phase: 2, daysInPhase: 24 });
    expect(byName.get("Daniel Osei")).toMatchObject({ phase: 3 });
    expect(byName.get("Grace O'Neill")).toMatchObject({ phase: 4 });
  });

  it("gives each episode a plan history, Maya's phase 2 advance being the one override", async () => {
    const caller = callerFor(handle, physio);
    const caseload = await caller.caseload.list();
    let overrides = 0;
    for (const row of caseload) {
      const history = await caller.plans.history({ athleteId: row.athleteId });
      expect(history.length).toBeGreaterThanOrEqual(2);
      overrides += history.filter((v) => v.phaseChange === "advance_override").length;
    }
    expect(overrides).toBe(1);
    const maya = caseload.find((r) => r.athleteName === "Maya Okafor")!;
    const history = await caller.plans.history({ athleteId: maya.athleteId });
    expect(history.find((v) => v.phaseChange === "advance_override")).toMatchObject({ phase: 2 });
    const current = await caller.plans.current({ athleteId: maya.athleteId });
    expect(current.plan!.body.prescriptions.some((p) => p.category === "heavy_slow_resistance" && p.heavy)).toBe(true);
    const episodes = await caller.episodes.list({ athleteId: maya.athleteId });
    expect(episodes.episodes[0]).toMatchObject({ side: "right", onsetType: "gradual", suspectedTriggers: ["mileage_jump"] });
  });

  it("records Grace's shockwave and the exercise library", async () => {
    const caller = callerFor(handle, physio);
    const grace = (await caller.caseload.list()).find((r) => r.athleteName === "Grace O'Neill")!;
    expect((await caller.adjuncts.list({ athleteId: grace.athleteId })).map((a) => a.kind)).toEqual(["shockwave"]);
    expect((await caller.exercises.list()).length).toBeGreaterThanOrEqual(20);
    expect((await caller.escalations.list()).map((e) => e.athleteName)).toEqual(["Kai Nakamura"]);
  });
});
