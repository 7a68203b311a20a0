import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import type { Actor } from "@loadline/domain";
import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "../src/root";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { addAthlete, at, codeOf, DAY, fieldErrorsOf, givePlan, key } from "./athlete-helpers";

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let teammate: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Check-in Club");
  other = await makeClub(handle, "Other Club");
  teammate = await addAthlete(handle, club, "Team Mate");
  await givePlan(handle, club);
});
afterAll(() => handle.close());

type CheckInInput = inferRouterInputs<AppRouter>["checkIns"]["create"];
/** A valid check-in; `over` may hold deliberately invalid values, which the server must refuse. */
const checkIn = (over: Record<string, unknown> = {}): CheckInInput => ({
  idempotencyKey: key("checkin"),
  at: at(0, 7),
  morningPain: 1,
  stiffnessMinutes: 5,
  loadTestPain: 2,
  longestSitMinutes: 40,
  cushionUsed: true,
  redFlags: [],
  ...(over as Partial<CheckInInput>),
});

describe("checkIns.create", () => {
  it("saves a check-in and returns feedback without red-flag advice", async () => {
    const result = await callerFor(handle, club.athlete).checkIns.create(checkIn());
    expect(result.created).toBe(true);
    expect(result.checkIn).toMatchObject({ morningPain: 1, editable: true });
    expect(result.redFlagAdvice).toBeNull();
    expect(result.feedback.outcome).toBeNull();
  });

  it("tells the athlete to seek care today for a same-day red flag and raises an escalation", async () => {
    const result = await callerFor(handle, club.athlete).checkIns.create(checkIn({ at: at(0, 7.5), redFlags: ["saddle_numbness"] }));
    expect(result.redFlagAdvice).toMatchObject({ urgency: "same_day" });
    expect(result.redFlagAdvice?.message).toMatch(/medical care today/);
    expect(result.feedback.newFlags.some((f) => f.ruleId === "R20" && f.severity === "escalate")).toBe(true);
  });

  it("tells the athlete to contact the physio for a prompt-review red flag", async () => {
    const mate = callerFor(handle, teammate);
    const result = await mate.checkIns.create(checkIn({ redFlags: ["night_pain_waking"] }));
    expect(result.redFlagAdvice?.urgency).toBe("prompt");
  });

  it("is idempotent", async () => {
    const caller = callerFor(handle, club.athlete);
    const input = checkIn({ at: at(1) });
    const first = await caller.checkIns.create(input);
    const second = await caller.checkIns.create(input);
    expect(second).toMatchObject({ created: false });
    expect(second.checkIn.id).toBe(first.checkIn.id);
  });

  it("rejects bad values naming the field", async () => {
    const caller = callerFor(handle, club.athlete);
    expect(Object.keys(await fieldErrorsOf(caller.checkIns.create(checkIn({ morningPain: -1 }))))).toContain("morningPain");
    expect(Object.keys(await fieldErrorsOf(caller.checkIns.create(checkIn({ loadTestPain: 12 }))))).toContain("loadTestPain");
    expect(Object.keys(await fieldErrorsOf(caller.checkIns.create(checkIn({ redFlags: ["made_up"] }))))).toContain("redFlags.0");
    expect(Object.keys(await fieldErrorsOf(caller.checkIns.create(checkIn({ at: new Date(NOW.getTime() + DAY) }))))).toContain("at");
  });

  it("is refused to staff, another club and anonymous callers", async () => {
    expect(await codeOf(callerFor(handle, club.physio).checkIns.create(checkIn()))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.coach).checkIns.create(checkIn()))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, null).checkIns.create(checkIn()))).toBe("UNAUTHORIZED");
  });
});

describe("checkIns update, delete, list and get", () => {
  it("edits within 24 h with history and refuses later", async () => {
    const caller = callerFor(handle, club.athlete);
    const { checkIn: saved } = await caller.checkIns.create(checkIn({ at: at(2) }));
    const { checkIn: edited } = await caller.checkIns.update({ ...checkIn({ at: at(2), morningPain: 3 }), id: saved.id });
    expect(edited.morningPain).toBe(3);
    const history = await caller.athleteLogs.history({ kind: "check_in", id: saved.id });
    expect(history.map((h) => h.action)).toEqual(["create", "update"]);
    const late = callerFor(handle, club.athlete, new Date(NOW.getTime() + 2 * DAY));
    expect(await codeOf(late.checkIns.update({ ...checkIn({ at: at(2) }), id: saved.id }))).toBe("FORBIDDEN");
    expect(await codeOf(late.checkIns.delete({ id: saved.id }))).toBe("FORBIDDEN");
    await caller.checkIns.delete({ id: saved.id });
    expect(await codeOf(caller.checkIns.get({ id: saved.id }))).toBe("NOT_FOUND");
    expect((await caller.checkIns.list({ days: 7 })).some((c) => c.id === saved.id)).toBe(false);
  });

  it("keeps check-ins private to their athlete", async () => {
    const { checkIn: saved } = await callerFor(handle, club.athlete).checkIns.create(checkIn({ at: at(3) }));
    const mate = callerFor(handle, teammate);
    expect(await codeOf(mate.checkIns.get({ id: saved.id }))).toBe("NOT_FOUND");
    expect(await codeOf(mate.checkIns.update({ ...checkIn(), id: saved.id }))).toBe("NOT_FOUND");
    expect(await codeOf(mate.checkIns.delete({ id: saved.id }))).toBe("NOT_FOUND");
    expect((await mate.checkIns.list()).some((c) => c.id === saved.id)).toBe(false);
    expect((await callerFor(handle, club.athlete).checkIns.get({ id: saved.id })).id).toBe(saved.id);
    expect(await codeOf(callerFor(handle, club.coach).checkIns.list())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.coach).checkIns.get({ id: saved.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, null).checkIns.list())).toBe("UNAUTHORIZED");
  });
});
