import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { buildThresholdOverrides, type Assessment } from "@loadline/domain";
import { runPendingJobs } from "../src/jobs";
import { getAssessment } from "../src/services/assessments";
import { at, DAY, key } from "./athlete-helpers";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { errorOf, fieldsOf, phase1Body, startRehab } from "./physio-helpers";

let handle: DatabaseHandle;
let club: Club;
let athleteId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Thresholds Club");
  ({ athleteId } = await startRehab(handle, club, new Date(NOW.getTime() - 2 * DAY)));
  // Pain 3 during a session: amber under the default PHT profile, green under Silbernagel.
  await callerFor(handle, club.athlete).athleteLogs.logSession({
    idempotencyKey: key("session"),
    at: at(0, 8),
    type: "strength",
    minutes: 30,
    rpe: 4,
    painDuring: 3,
    painAfter: 1,
    asPrescribed: true,
  });
});
afterAll(() => handle.close());

/** The athlete's assessment once the queued re-assessments (the physio's writes) have run. */
const assess = async (): Promise<Assessment> => {
  await runPendingJobs(handle.db, NOW);
  const assessment = await getAssessment(handle.db, club.organisationId, athleteId, NOW);
  expect(assessment).not.toBeNull();
  return assessment!;
};
const r1Amber = (a: Assessment) => a.flags.filter((f) => f.ruleId === "R1" && f.severity === "amber");

describe("plan thresholds", () => {
  it("a saved threshold changes the engine's result for the athlete", async () => {
    const before = await assess();
    expect(before.thresholds.pain.profile).toBe("pht");
    expect(await callerFor(handle, club.athlete).progress.painBands()).toEqual({ greenMax: 2, amberMax: 3 });
    expect(before.thresholds.spacing.highLoadHours).toBe(72);
    expect(r1Amber(before)).toHaveLength(1);

    const physio = callerFor(handle, club.physio);
    const thresholds = buildThresholdOverrides({ "pain.profile": "silbernagel", "spacing.highLoadHours": 48 });
    const saved = await physio.plans.save({ athleteId, baseVersion: 1, body: { ...phase1Body(), thresholds } });
    expect(saved.version).toBe(2);
    expect((await physio.plans.current({ athleteId })).plan?.body.thresholds).toEqual({
      pain: { profile: "silbernagel" },
      spacing: { highLoadHours: 48 },
    });

    const after = await assess();
    expect(after.thresholds.pain.profile).toBe("silbernagel");
    expect(after.thresholds.spacing.highLoadHours).toBe(48);
    expect(after.thresholds.spacing.relaxedHours).toBe(48);
    expect(r1Amber(after)).toHaveLength(0);
    // The athlete's pain scale colours with the same bands the engine used.
    expect(await callerFor(handle, club.athlete).progress.painBands()).toEqual({ greenMax: 3, amberMax: 5 });
  });

  it("an out-of-range threshold is BAD_REQUEST naming the field path", async () => {
    const physio = callerFor(handle, club.physio);
    const spacing = await errorOf(
      physio.plans.save({ athleteId, baseVersion: 2, body: { ...phase1Body(), thresholds: { spacing: { highLoadHours: -1 } } } }),
    );
    expect(spacing.code).toBe("BAD_REQUEST");
    expect(fieldsOf(spacing)).toEqual(["body.thresholds.spacing.highLoadHours"]);

    const pain = await errorOf(
      physio.plans.save({ athleteId, baseVersion: 2, body: { ...phase1Body(), thresholds: buildThresholdOverrides({ "pain.pht.greenMax": 11 }) } }),
    );
    expect(pain.code).toBe("BAD_REQUEST");
    expect(fieldsOf(pain)).toEqual(["body.thresholds.pain.pht.greenMax"]);

    const count = await errorOf(
      physio.plans.save({ athleteId, baseVersion: 2, body: { ...phase1Body(), thresholds: { outcome: { redsBeforeReview: 1.5 } } } }),
    );
    expect(fieldsOf(count)).toEqual(["body.thresholds.outcome.redsBeforeReview"]);
    // Nothing was saved: the plan is still version 2 with the earlier overrides.
    expect((await physio.plans.current({ athleteId })).plan?.version).toBe(2);
  });
});
