import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertPlanVersion, type DatabaseHandle } from "@loadline/db";
import { planBodySchema } from "@loadline/domain";

type PlanContent = Parameters<typeof insertPlanVersion>[2]["content"];
import { fieldErrorsOf as extractFieldErrors } from "../src/errors";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

/** The input primitives at the API: what a malformed field gets back, naming the field. */

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Inputs Club");
});
afterAll(() => handle.close());

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; fields: Record<string, string[]> }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { code: error.code, message: error.message, fields: extractFieldErrors(error.cause) ?? {} };
  }
  return { code: "OK", message: "", fields: {} };
}

const HOUR = 3_600_000;
/** Cast once: these tests send what a hand-written client could, not what the types allow. */
const raw = <T>(value: unknown) => value as T;

describe("text", () => {
  it("a NUL byte in a name is BAD_REQUEST naming the field", async () => {
    const result = await refusal(callerFor(handle, club.coach).staff.invite({ name: "Pat\u0000Physio", email: "nul@inputs.test", role: "physio" }));
    expect(result.code).toBe("BAD_REQUEST");
    expect(result.fields).toEqual({ name: ["Name must not contain control characters"] });
  });

  it("a NUL byte in notes is BAD_REQUEST naming the field, a line break is fine", async () => {
    const athlete = callerFor(handle, club.athlete);
    const base = { at: new Date(NOW.getTime() - HOUR), type: "strength" as const, minutes: 30, rpe: 5, painDuring: 1 };
    const bad = await refusal(athlete.athleteLogs.logSession({ ...base, idempotencyKey: "nul-notes-1", notes: "ok\u0000" }));
    expect([bad.code, bad.fields]).toEqual(["BAD_REQUEST", { notes: ["Note must not contain control characters"] }]);
    expect((await refusal(athlete.athleteLogs.logSession({ ...base, idempotencyKey: "nul-notes-2", notes: "line one\nline two" }))).code).toBe("OK");
  });

  it("notes over 5,000 characters are refused", async () => {
    const result = await refusal(
      callerFor(handle, club.coach).planner.create({ squadId: club.squadIds.distance, at: new Date(NOW.getTime() + 24 * HOUR), kind: "easy_run", notes: "x".repeat(5001) }),
    );
    expect([result.code, result.fields]).toEqual(["BAD_REQUEST", { notes: ["Notes must be at most 5,000 characters"] }]);
  });
});

describe("numbers", () => {
  it("speedKmh: 1e308 is refused", async () => {
    const result = await refusal(
      callerFor(handle, club.coach).gait.create({
        athleteId: club.athlete.athleteId!,
        surface: "treadmill",
        speedKmh: 1e308,
        cadenceSpm: null,
        faults: [{ code: "OVERSTRIDE", severity: 1 }],
        cues: ["Quick feet"],
      }),
    );
    expect([result.code, result.fields]).toEqual(["BAD_REQUEST", { speedKmh: ["Speed (km/h) must be at most 40"] }]);
  });
});

describe("dates", () => {
  const plan = (at: unknown) =>
    refusal(callerFor(handle, club.coach).planner.create({ squadId: club.squadIds.distance, at: raw<Date>(at), kind: "easy_run" }));

  it("refuses numbers and number-like strings", async () => {
    for (const bad of [0.5, -1, 0, "0", "0.5", "-1"]) {
      const result = await plan(bad);
      expect([bad, result.code, result.fields]).toEqual([bad, "BAD_REQUEST", { at: ["Date and time must be a date and time such as 2026-11-21T09:00Z"] }]);
    }
  });

  it("refuses 2026-02-30 instead of rolling it to March", async () => {
    const result = await plan("2026-02-30T10:00:00Z");
    expect([result.code, result.fields]).toEqual(["BAD_REQUEST", { at: ["Date and time is not a real date and time"] }]);
  });

  it("refuses years before 1900", async () => {
    expect((await plan("1899-06-01T10:00:00Z")).fields).toEqual({ at: ["Date and time must be a date from 1900 on"] });
  });

  it("allows a planned session up to two years ahead of the request's clock, not beyond", async () => {
    expect((await plan(new Date(NOW.getTime() + 700 * 24 * HOUR))).code).toBe("OK");
    const far = await plan(new Date(NOW.getTime() + 740 * 24 * HOUR));
    expect([far.code, far.fields]).toEqual(["BAD_REQUEST", { at: ["Date and time must be within 2 years from today"] }]);
  });

  it("an episode's onset date must be a real calendar day", async () => {
    const result = await refusal(
      callerFor(handle, club.physio).episodes.open({
        athleteId: club.athlete.athleteId!,
        episode: { side: "left", onsetDate: "2026-02-30", onsetType: "gradual", diagnosisMethod: "clinical", owningClinicianId: club.physio.userId },
      }),
    );
    expect([result.code, result.fields]).toEqual(["BAD_REQUEST", { "episode.onsetDate": ["Onset date is not a real date"] }]);
  });

  it("logs cannot be dated in the future", async () => {
    const result = await refusal(
      callerFor(handle, club.athlete).checkIns.create({ idempotencyKey: "future-check-in", at: new Date(NOW.getTime() + 2 * HOUR), morningPain: 1 }),
    );
    expect([result.code, result.fields]).toEqual(["BAD_REQUEST", { at: ["Date and time cannot be in the future"] }]);
  });
});

describe("idempotency keys", () => {
  it("the same key with the same body returns the first log; with a different body it is CONFLICT", async () => {
    const athlete = callerFor(handle, club.athlete);
    const input = { idempotencyKey: "reuse-key-1", at: new Date(NOW.getTime() - 2 * HOUR), distanceKm: 8, minutes: 45, painDuring: 2 };
    const first = await athlete.athleteLogs.logRun(input);
    const again = await athlete.athleteLogs.logRun(input);
    expect([first.created, again.created, again.log.id]).toEqual([true, false, first.log.id]);
    const changed = await refusal(athlete.athleteLogs.logRun({ ...input, distanceKm: 12 }));
    expect([changed.code, changed.message]).toEqual(["CONFLICT", "This form was already saved with different values. Reload to see what was saved."]);
  });

  it("applies to check-ins and questionnaires too", async () => {
    const athlete = callerFor(handle, club.athlete);
    const at = new Date(NOW.getTime() - 3 * HOUR);
    await athlete.checkIns.create({ idempotencyKey: "reuse-check-in", at, morningPain: 2 });
    expect((await refusal(athlete.checkIns.create({ idempotencyKey: "reuse-check-in", at, morningPain: 6 }))).code).toBe("CONFLICT");
    const items = [5, 5, 6, 5, 5, 4, 4, 10] as const;
    await athlete.visaH.submit({ idempotencyKey: "reuse-visa-h", at, items: [...items] });
    expect((await refusal(athlete.visaH.submit({ idempotencyKey: "reuse-visa-h", at, items: [6, 5, 6, 5, 5, 4, 4, 10] }))).code).toBe("CONFLICT");
  });
});

describe("messages in the form's words", () => {
  it("a refused log says every problem as a sentence with the field's label; data names the field keys", async () => {
    const athlete = callerFor(handle, club.athlete);
    const result = await refusal(
      athlete.athleteLogs.logSession({ idempotencyKey: "labels-1", at: new Date(NOW.getTime() - HOUR), type: "strength", minutes: 0, rpe: 11, painDuring: raw<number>("x") }),
    );
    expect(result.code).toBe("BAD_REQUEST");
    expect(result.fields).toEqual({
      minutes: ["Minutes must be greater than 0"],
      rpe: ["Effort (RPE) must be between 0 and 10"],
      painDuring: ["Pain during the session must be a number between 0 and 10"],
    });
    expect(result.message).toBe("Minutes must be greater than 0");
  });

  it("a run's distance, an episode's future onset and a missing closing note name their labels", async () => {
    const run = await refusal(
      callerFor(handle, club.athlete).athleteLogs.logRun({ idempotencyKey: "labels-2", at: new Date(NOW.getTime() - HOUR), distanceKm: 0, painDuring: 1 }),
    );
    expect(run.fields["distanceKm"]).toEqual(["Distance (km) must be greater than 0"]);
    const physio = callerFor(handle, club.physio);
    const episode = { side: "left" as const, onsetDate: "2027-01-01", onsetType: "gradual" as const, diagnosisMethod: "clinical" as const, owningClinicianId: club.physio.userId };
    const future = await refusal(physio.episodes.open({ athleteId: club.athlete.athleteId!, episode }));
    expect(future.fields).toEqual({ "episode.onsetDate": ["Onset date cannot be in the future"] });
    const close = await refusal(physio.episodes.close({ episodeId: "00000000-0000-4000-8000-000000000000", closingNote: "  " }));
    expect(close.fields).toEqual({ closingNote: ["Closing note is required"] });
  });

  it("the audit log names an adjunct treatment in words", async () => {
    const physio = callerFor(handle, club.physio);
    await physio.adjuncts.record({ athleteId: club.athlete.athleteId!, at: new Date(NOW.getTime() - HOUR), kind: "prp" });
    const details = (await physio.audit.list({ athleteId: club.athlete.athleteId! })).map((entry) => entry.detail);
    expect(details).toContain("Recorded a treatment: Platelet-rich plasma (PRP) injection");
    expect(details.join("\n")).not.toContain("Recorded prp");
  });
});

describe("the plan's tempo", () => {
  const prescription = (tempo: string) => ({ id: "p1", exercise: "Hip thrust", category: "heavy_slow_resistance", sets: 3, reps: 8, tempo, sessionsPerWeek: 2 });

  it("a 10,000-character tempo is refused naming the field", async () => {
    const result = await refusal(
      callerFor(handle, club.physio).plans.save({ athleteId: club.athlete.athleteId!, baseVersion: 0, phase: 2, body: raw({ prescriptions: [prescription("3".repeat(10_000))] }) }),
    );
    expect([result.code, result.fields]).toEqual(["BAD_REQUEST", { "body.prescriptions.0.tempo": ["Tempo must be at most 40 characters"] }]);
  });

  it("the database refuses it too, whatever writes the row", async () => {
    const content = planBodySchema.parse({ prescriptions: [prescription("3-0-3")] });
    const long = { ...content, prescriptions: [{ ...content.prescriptions[0], tempo: "3".repeat(41) }] } as PlanContent;
    const row = (version: number, body: PlanContent) => ({
      athleteId: club.athlete.athleteId!,
      episodeId: null,
      version,
      phase: 2 as const,
      phaseStartedAt: NOW,
      content: body,
      authorId: club.physio.userId,
      changeSummary: "test",
      phaseChange: null,
      phaseChangeReason: null,
      createdAt: NOW,
    });
    await expect(insertPlanVersion(handle.db, club.organisationId, row(90, long))).rejects.toThrow();
    await expect(insertPlanVersion(handle.db, club.organisationId, row(91, content))).resolves.toMatchObject({ ok: true });
  });
});
