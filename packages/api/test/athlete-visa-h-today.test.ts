import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import type { Actor } from "@loadline/domain";
import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "../src/root";
import { callerFor, createTestDatabase, makeClub, type Club } from "./fixtures";
import { addAthlete, at, codeOf, fieldErrorsOf, givePlan, key } from "./athlete-helpers";

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let noPlan: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "VISA Club");
  other = await makeClub(handle, "Other Club");
  noPlan = await addAthlete(handle, club, "Healthy Runner");
  await givePlan(handle, club);
});
afterAll(() => handle.close());

type VisaInput = inferRouterInputs<AppRouter>["visaH"]["submit"];
/** A valid VISA-H submit; `over` may hold deliberately invalid values, which the server must refuse. */
const visa = (over: Record<string, unknown> = {}): VisaInput => ({
  idempotencyKey: key("visa"),
  at: at(0, 8),
  items: [6, 6, 7, 5, 6, 5, 4, 15],
  ...(over as Partial<VisaInput>),
});

describe("visaH.submit and visaH.mine", () => {
  it("stores the items with the domain's total and reports it", async () => {
    const caller = callerFor(handle, club.athlete);
    expect((await caller.visaH.mine()).due.due).toBe(true);
    const result = await caller.visaH.submit(visa({ at: at(14) }));
    expect(result.total).toBe(54);
    const second = await caller.visaH.submit(visa({ items: [8, 8, 8, 7, 8, 7, 7, 20] }));
    expect(second.total).toBe(73);
    const mine = await caller.visaH.mine();
    expect(mine.responses.map((r) => r.total)).toEqual([54, 73]);
    expect(mine.due).toMatchObject({ due: false, daysUntilDue: 14 });
    // The same "due" as Today's (one rule: the plan's interval or an exit criterion waiting).
    expect(mine.due).toEqual((await caller.today.get()).visaHDue);
    expect(mine.change).toMatchObject({ baseline: 54, current: 73, change: 19, meaningfulImprovement: true });
    expect(mine.items).toHaveLength(8);
  });

  it("is idempotent", async () => {
    const caller = callerFor(handle, noPlan);
    const input = visa();
    const first = await caller.visaH.submit(input);
    expect((await caller.visaH.submit(input)).response.id).toBe(first.response.id);
    expect((await caller.visaH.mine()).responses).toHaveLength(1);
  });

  it("rejects bad items naming the item", async () => {
    const caller = callerFor(handle, club.athlete);
    expect(Object.keys(await fieldErrorsOf(caller.visaH.submit(visa({ items: [6, 6, 7, 5, 6, 5, 5, 15] }))))).toContain("items.6");
    expect(Object.keys(await fieldErrorsOf(caller.visaH.submit(visa({ items: [6, 6, 7] }))))).toContain("items");
  });

  it("lets a physio complete it for an athlete of their club only, and refuses others", async () => {
    const result = await callerFor(handle, club.physio).visaH.submit(visa({ athleteId: noPlan.athleteId, at: at(1) }));
    expect(result.response.athleteId).toBe(noPlan.athleteId);
    expect(await codeOf(callerFor(handle, club.physio).visaH.submit(visa()))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(handle, other.physio).visaH.submit(visa({ athleteId: noPlan.athleteId })))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, club.coach).visaH.submit(visa({ athleteId: noPlan.athleteId })))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.coach).visaH.submit(visa({ athleteId: noPlan.athleteId })))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).visaH.submit(visa({ athleteId: noPlan.athleteId })))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, null).visaH.submit(visa()))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(handle, club.coach).visaH.mine())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, null).visaH.mine())).toBe("UNAUTHORIZED");
  });

  it("refuses a physio's questionnaire for an archived athlete and stores nothing", async () => {
    const archived = await addAthlete(handle, club, "Archived Runner");
    await callerFor(handle, club.coach).roster.setArchived({ athleteId: archived.athleteId!, archived: true });
    expect(await codeOf(callerFor(handle, club.physio).visaH.submit(visa({ athleteId: archived.athleteId })))).toBe("NOT_FOUND");
    await callerFor(handle, club.coach).roster.setArchived({ athleteId: archived.athleteId!, archived: false });
    expect(await callerFor(handle, archived).visaH.mine()).toMatchObject({ responses: [] });
  });
});

describe("today.get", () => {
  it("shows the phase, plain goals, prescriptions, avoid list and flags", async () => {
    const caller = callerFor(handle, club.athlete);
    await caller.athleteLogs.logSession({ idempotencyKey: key(), at: at(0, 8), type: "strength", minutes: 40, rpe: 6, painDuring: 5, asPrescribed: true });
    const today = await caller.today.get();
    expect(today.inRehab).toBe(true);
    expect(today.phase).toMatchObject({ number: 2, name: "Eccentric and heavy slow resistance" });
    expect(today.phase?.avoid).toContain("Sprinting");
    expect(today.prescriptions.map((p) => p.exercise)).toEqual(["Hip thrust", "Side plank"]);
    expect(today.flags.some((f) => f.ruleId === "R1")).toBe(true);
    expect(today.latestOutcome?.zone).toBe("red");
    expect(today.visaHDue.due).toBe(false);
    // The R7 spacing in force (phase 2, not relaxed), which the card states in hours.
    expect(today.spacingHours).toBe(72);
  });

  it("says when there is no plan", async () => {
    const today = await callerFor(handle, noPlan).today.get();
    expect(today).toMatchObject({ inRehab: false, phase: null, prescriptions: [], nextHighLoadAt: null });
  });

  it("is refused to staff, another club and anonymous callers", async () => {
    expect(await codeOf(callerFor(handle, club.physio).today.get())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.coach).today.get())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, null).today.get())).toBe("UNAUTHORIZED");
  });
});

describe("progress.get", () => {
  it("returns pain points, weekly volume with the 10 % line, VISA-H and the exit checklist", async () => {
    const caller = callerFor(handle, club.athlete);
    await caller.athleteLogs.logRun({ idempotencyKey: key(), at: at(9), distanceKm: 3, minutes: 20, painDuring: 1 });
    await caller.athleteLogs.logRun({ idempotencyKey: key(), at: at(2), distanceKm: 4, minutes: 26, painDuring: 1 });
    await caller.checkIns.create({ idempotencyKey: key(), at: at(0, 6), morningPain: 2, redFlags: [] });
    const progress = await caller.progress.get({ weeks: 4 });
    expect(progress.pain.length).toBeGreaterThan(0);
    expect(progress.pain.at(-1)).toMatchObject({ morning: 2 });
    expect(progress.painBands).toEqual({ greenMax: 2, amberMax: 3 });
    // The numbers the charts draw and name come from the plan's thresholds (defaults here).
    expect(progress).toMatchObject({ weeklyGreenMaxPct: 10, visaHMeaningfulChange: 13 });
    expect(progress.weeklyVolume).toHaveLength(4);
    expect(progress.weeklyVolume.reduce((sum, w) => sum + w.km, 0)).toBe(7);
    expect(progress.visaH.map((v) => v.total)).toEqual([54, 73]);
    expect(progress.exitCriteria.map((c) => c.id)).toEqual(["E2.1", "E2.2", "E2.3", "E2.4", "E2.5", "E2.6"]);
    const unknown = progress.exitCriteria.find((c) => c.status === "unknown");
    expect(unknown?.dataNeeded).toBeTruthy();
    expect(progress.phaseHistory).toMatchObject([{ version: 1, phase: 2 }]);
  });

  it("shows one athlete nothing of another's and refuses staff and anonymous callers", async () => {
    const progress = await callerFor(handle, noPlan).progress.get();
    expect(progress.pain).toEqual([]);
    expect(progress.exitCriteria).toEqual([]);
    expect(progress.visaH.map((v) => v.total)).toEqual([54, 54]);
    expect(await codeOf(callerFor(handle, club.coach).progress.get())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).progress.get())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, null).progress.get())).toBe("UNAUTHORIZED");
  });
});
