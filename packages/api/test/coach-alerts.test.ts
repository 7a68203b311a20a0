import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { MEDICAL_REVIEW_MESSAGE } from "@loadline/domain";
import { addAthletes, addCheckIn, addRun, clinicalSecrets, codeOf, errorOf, fieldErrorsOf } from "./coach-fixtures";
import { NOW, callerFor, createTestDatabase, makeClub, settle, type Club } from "./fixtures";

const DAY_MS = 86_400_000;
let handle: DatabaseHandle;
let clubA: Club;
let clubB: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  clubA = await makeClub(handle, "Alerts A");
  clubB = await makeClub(handle, "Alerts B");
  const [escalated] = (await addAthletes(handle, clubA, clubA.squadIds.field, 1, "Alerted")) as [string];
  await addCheckIn(handle, clubA, escalated, new Date(NOW.getTime() - DAY_MS), 2, ["saddle_numbness"]);
  // A red pain response for the healthy athlete (R1).
  await addRun(handle, clubA, clubA.athlete.athleteId!, new Date(NOW.getTime() - DAY_MS), { minutes: 30, painDuring: 6 });
  // Inserted straight into the tables: the queue re-assesses them, as after any write.
  await settle(handle, [clubA, clubB]);
}, 60_000);
afterAll(() => handle.close());

describe("alerts", () => {
  it("refuses anonymous callers, athletes and physios", async () => {
    expect(await codeOf(callerFor(handle, null).alerts.list())).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(handle, clubA.athlete).alerts.list())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, clubA.athlete).alerts.counts())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, clubA.physio).alerts.acknowledge({ alertId: crypto.randomUUID(), note: "x" }))).toBe("FORBIDDEN");
  });

  it("lists amber, red and escalation alerts, escalations as medical review only", async () => {
    const list = await callerFor(handle, clubA.coach).alerts.list();
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((a) => a.severity !== "info")).toBe(true);
    const escalation = list.find((a) => a.severity === "escalate")!;
    expect(escalation).toMatchObject({ message: MEDICAL_REVIEW_MESSAGE, medicalReview: true, ruleId: "R20" });
    expect(list.some((a) => a.severity === "red" && a.athleteId === clubA.athlete.athleteId)).toBe(true);
    const json = JSON.stringify(list);
    for (const secret of clinicalSecrets) expect(json).not.toContain(secret);
  });

  it("counts new alerts for the navigation and acknowledges with a note", async () => {
    const coach = callerFor(handle, clubA.coach);
    const before = await coach.alerts.counts();
    expect(before.escalate).toBe(1);
    expect(before.total).toBe(before.amber + before.red + before.escalate);
    const first = (await coach.alerts.list({ status: "new" })).find((a) => !a.medicalReview);
    await coach.alerts.acknowledge({ alertId: first!.id, note: "Spoke to the athlete; physio booked." });
    const after = await coach.alerts.counts();
    expect(after.total).toBe(before.total - 1);
    const acknowledged = await coach.alerts.list({ status: "acknowledged" });
    expect(acknowledged[0]).toMatchObject({ id: first!.id, acknowledgeNote: "Spoke to the athlete; physio booked.", acknowledgedByName: "coach of Alerts A" });
    expect((await coach.alerts.list({ status: "new" })).map((a) => a.id)).not.toContain(first!.id);
    expect(await codeOf(coach.alerts.acknowledge({ alertId: first!.id, note: "again" }))).toBe("CONFLICT");
  });

  it("leaves escalations to the physio: a coach cannot acknowledge one", async () => {
    const coach = callerFor(handle, clubA.coach);
    const escalation = (await coach.alerts.list({ status: "new" })).find((a) => a.medicalReview);
    expect(await codeOf(coach.alerts.acknowledge({ alertId: escalation!.id, note: "seen" }))).toBe("FORBIDDEN");
    expect((await coach.alerts.list({ status: "new" })).map((a) => a.id)).toContain(escalation!.id);
  });

  it("requires a note and a valid id", async () => {
    const coach = callerFor(handle, clubA.coach);
    const [alert] = await coach.alerts.list({ status: "all" });
    expect(fieldErrorsOf(await errorOf(coach.alerts.acknowledge({ alertId: alert!.id, note: "  " })))).toHaveProperty("note");
    expect(fieldErrorsOf(await errorOf(coach.alerts.acknowledge({ alertId: "nope", note: "ok" })))).toHaveProperty("alertId");
  });

  it("keeps organisations apart", async () => {
    const [alert] = await callerFor(handle, clubA.coach).alerts.list({ status: "all" });
    expect(await codeOf(callerFor(handle, clubB.coach).alerts.acknowledge({ alertId: alert!.id, note: "mine now" }))).toBe("NOT_FOUND");
    expect(await callerFor(handle, clubB.coach).alerts.list({ status: "all" })).toEqual([]);
    expect((await callerFor(handle, clubB.coach).alerts.counts()).total).toBe(0);
  });
});
