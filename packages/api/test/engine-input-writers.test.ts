import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { loadTimelines, type DatabaseHandle } from "@loadline/db";
import { athleteProfiles, users } from "@loadline/db/schema";
import { engineInputs, writerProcedures, type Actor, type WriterProcedure } from "@loadline/domain";
import { appRouter } from "../src/root";
import { refreshAssessments } from "../src/services/assessments";
import { at, key } from "./athlete-helpers";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { validEpisode } from "./physio-helpers";

/**
 * The domain's engine-input table says which procedure writes each input the rules read. This
 * proves it: every listed procedure exists in the router, and calling it changes each input it
 * is listed for, as the engine reads it back from the database (`loadTimelines`). A writer listed
 * for a field it does not write fails here.
 */

let handle: DatabaseHandle;
let club: Club;
let secondPhysio: Actor;
/** Each call gets its own time, so records it writes carry a time no earlier call used. */
let tick = 0;
const nextNow = () => new Date(NOW.getTime() + ++tick * 60_000);

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Writers Club");
  const [u] = await handle.db
    .insert(users)
    .values({ organisationId: club.organisationId, role: "physio", name: "Second Physio", email: "second-physio@writers.test", passwordHash: "x" })
    .returning();
  secondPhysio = { userId: u!.id, role: "physio", organisationId: club.organisationId };
});
afterAll(() => handle.close());

/** Every value at a dotted path across the club's timelines (lists flattened, absent values dropped), as one comparable string. */
async function valuesAt(path: string): Promise<string> {
  const ids = (await handle.db.select({ id: athleteProfiles.id }).from(athleteProfiles).where(eq(athleteProfiles.organisationId, club.organisationId))).map(
    (r) => r.id,
  );
  const timelines = await loadTimelines(handle.db, club.organisationId, ids, new Date(NOW.getTime() + 3_600_000));
  const collect = (value: unknown, segments: string[]): unknown[] => {
    if (Array.isArray(value) && segments.length > 0) return value.flatMap((v) => collect(v, segments));
    if (segments.length === 0) return value === undefined || value === null ? [] : [value];
    if (value === null || typeof value !== "object") return [];
    return collect((value as Record<string, unknown>)[segments[0]!], segments.slice(1));
  };
  const unreadable = [...timelines.values()].filter((t) => !t.ok);
  if (unreadable.length > 0) throw new Error(`records need attention: ${JSON.stringify(unreadable)}`);
  const all = [...timelines.values()].flatMap((t) => (t.ok ? collect(t.timeline, path.split(".")) : []));
  return all.map((v) => JSON.stringify(v)).sort().join("|");
}

/** Each athlete's records version: it moves with every write that re-assesses them. */
async function recordsVersions(): Promise<Map<string, number>> {
  const rows = await handle.db
    .select({ id: athleteProfiles.id, version: athleteProfiles.recordsVersion })
    .from(athleteProfiles)
    .where(eq(athleteProfiles.organisationId, club.organisationId));
  return new Map(rows.map((r) => [r.id, r.version]));
}

const athleteCaller = () => callerFor(handle, club.athlete, nextNow());
const physioCaller = (actor: Actor = club.physio) => callerFor(handle, actor, nextNow());
const coachCaller = () => callerFor(handle, club.coach, nextNow());

let adjunctWithoutRestrictions = "";
let escalationId = "";
let visaHId = "";

/**
 * One call of each writer, with values that differ from everything before it. Typed by the
 * domain's list: a writer added there without a call here fails the typecheck. Run in order;
 * `setup` prepares what the call needs and is not measured.
 */
const calls: Record<WriterProcedure, { setup?: () => Promise<void>; run: () => Promise<unknown> }> = {
  "roster.add": {
    run: () =>
      coachCaller().roster.add({
        name: "New Sprinter",
        email: "new.sprinter@writers.test",
        squadIds: [club.squadIds.field],
        eventOrSport: "400 m",
        birthYear: 1979,
        sex: "female",
        preInjuryWeeklyKm: 35,
        previousHamstringInjury: true,
      }),
  },
  "roster.update": {
    run: () =>
      coachCaller().roster.update({
        athleteId: club.athlete.athleteId!,
        name: "athlete of Writers Club",
        squadIds: [club.squadIds.field],
        eventOrSport: "Steeplechase",
        birthYear: 1984,
        sex: "male",
        preInjuryWeeklyKm: 55,
        previousHamstringInjury: true,
      }),
  },
  "roster.move": { run: () => coachCaller().roster.move({ athleteId: club.athlete.athleteId!, squadIds: [club.squadIds.distance, club.squadIds.field] }) },
  "episodes.updateClinicalProfile": {
    run: () =>
      physioCaller().episodes.updateClinicalProfile({
        athleteId: club.athlete.athleteId!,
        profile: { conditions: ["other_metabolic"], notes: "Thyroid", preInjuryWeeklyKm: 62, bmi: 31.5, usualCadenceSpm: 174 },
      }),
  },
  "plans.save": {
    setup: async () => {
      await physioCaller().episodes.open({ athleteId: club.athlete.athleteId!, episode: validEpisode(club) });
    },
    run: () =>
      physioCaller().plans.save({
        athleteId: club.athlete.athleteId!,
        baseVersion: 0,
        phase: 2,
        body: {
          prescriptions: [
            {
              id: "thrust",
              exercise: "Hip thrust",
              exerciseVersion: 1,
              category: "heavy_slow_resistance",
              activity: "isometrics",
              sets: 4,
              reps: 8,
              holdSeconds: 3,
              intensityPct: 80,
              repetitionMaximum: 8,
              tempo: "3-0-3",
              sessionsPerWeek: 2,
              heavy: true,
              highTendonLoad: true,
            },
          ],
          allowedActivities: ["easy_run"],
          forbiddenActivities: ["cycling"],
          thresholds: { pain: { profile: "silbernagel" } },
          targetEasyRun: { distanceKm: 5, minutes: 30 },
          returnToSportElements: ["sprint", "plyometrics"],
          maintenancePlan: "Nordics and hip thrusts twice a week",
          visaHBaseline: 41,
          notes: "Heavy slow resistance",
        },
      }),
  },
  "plans.changePhase": {
    run: () => physioCaller(secondPhysio).plans.changePhase({ athleteId: club.athlete.athleteId!, baseVersion: 1, toPhase: 3, overrideReason: "Writer check" }),
  },
  "athleteLogs.logSession": {
    run: () =>
      athleteCaller().athleteLogs.logSession({
        idempotencyKey: key("session"),
        at: at(0, 6),
        type: "strength",
        minutes: 45,
        rpe: 6,
        painDuring: 1,
        painAfter: 2,
        asPrescribed: true,
        activities: ["deep_lunge"],
        heavy: true,
        heaviestRm: 8,
        fullIntensity: true,
        fullTraining: true,
        notes: "Gym",
      }),
  },
  "athleteLogs.logRun": {
    run: () =>
      athleteCaller().athleteLogs.logRun({
        idempotencyKey: key("run"),
        at: at(0, 7),
        minutes: 31,
        distanceKm: 5.2,
        elevationGainM: 40,
        steepestGradientPct: 4,
        surface: "grass",
        strides: 4,
        sprints: 2,
        cadenceSpm: 171,
        walkRun: true,
        rpe: 5,
        painDuring: 0,
        painAfter: 1,
        asPrescribed: false,
        activities: ["long_run"],
        fullIntensity: true,
        fullTraining: true,
        notes: "Parkrun",
      }),
  },
  "checkIns.create": {
    run: () =>
      athleteCaller().checkIns.create({
        idempotencyKey: key("check-in"),
        at: at(0, 8),
        morningPain: 2,
        stiffnessMinutes: 10,
        loadTestPain: 2,
        restPain: 1,
        longestSitMinutes: 45,
        sittingToleranceMinutes: 40,
        redFlags: ["night_pain_waking"],
      }),
  },
  "visaH.submit": {
    run: async () => {
      visaHId = (await athleteCaller().visaH.submit({ idempotencyKey: key("visa"), at: at(0, 8), items: [5, 5, 5, 5, 5, 5, 4, 10] })).response.id;
    },
  },
  "visaH.update": {
    run: () => athleteCaller().visaH.update({ id: visaHId, at: at(0, 7), items: [6, 6, 6, 6, 6, 6, 7, 12] }),
  },
  "gait.create": {
    run: () =>
      coachCaller().gait.create({
        athleteId: club.athlete.athleteId!,
        at: at(1),
        surface: "treadmill",
        speedKmh: 11,
        cadenceSpm: 160,
        faults: [{ code: "OVERSTRIDE", severity: 2, side: "left" }],
        cues: ["Shorter, quicker steps"],
        notes: "Heel first",
        videoUrl: "https://video.example/gait",
      }),
  },
  "adjuncts.record": {
    run: () =>
      physioCaller().adjuncts.record({
        athleteId: club.athlete.athleteId!,
        at: at(2),
        kind: "prp",
        side: "right",
        parameters: "3 ml",
        provider: "City clinic",
        restrictions: "No running for a week",
      }),
  },
  "adjuncts.enterRestrictions": {
    setup: async () => {
      const row = await physioCaller().adjuncts.record({ athleteId: club.athlete.athleteId!, at: at(1), kind: "corticosteroid_injection" });
      adjunctWithoutRestrictions = row.id;
    },
    run: () => physioCaller().adjuncts.enterRestrictions({ adjunctId: adjunctWithoutRestrictions, restrictions: "Load as before from next week" }),
  },
  "capacityTests.record": {
    run: async () => {
      await physioCaller().capacityTests.record({ athleteId: club.athlete.athleteId!, at: at(0, 8), kind: "drop_lunge", affectedSide: "right", pain: 1 });
      await physioCaller().capacityTests.record({ athleteId: club.athlete.athleteId!, at: at(0, 8), kind: "single_leg_bridge_reps", affectedSide: "right", left: 30, right: 27 });
    },
  },
  "planner.create": {
    run: () => coachCaller().planner.create({ squadId: club.squadIds.distance, at: new Date(NOW.getTime() + 2 * 86_400_000), kind: "hills", notes: "Hill repeats" }),
  },
  "escalations.resolve": {
    setup: async () => {
      await refreshAssessments(handle.db, club.organisationId, [club.athlete.athleteId!], NOW);
      const queue = await physioCaller().escalations.list({ athleteId: club.athlete.athleteId! });
      escalationId = queue.find((e) => e.ruleId === "R20")!.id;
    },
    run: () => physioCaller().escalations.resolve({ alertId: escalationId, note: "Seen in clinic: no neural signs" }),
  },
};

describe("each writer of the engine-input table", () => {
  it("is a procedure of the API", () => {
    const procedures = appRouter._def.procedures as Record<string, unknown>;
    expect(writerProcedures.filter((p) => procedures[p] === undefined)).toEqual([]);
  });

  it("changes every input it is listed for, and re-assesses the athletes it changed", async () => {
    const unchanged: string[] = [];
    const unassessed: string[] = [];
    for (const procedure of writerProcedures) {
      const call = calls[procedure];
      await call.setup?.();
      const paths = Object.entries(engineInputs)
        .filter(([, input]) => input.writers.includes(procedure))
        .map(([path]) => path);
      const before = await Promise.all(paths.map(valuesAt));
      const versionsBefore = await recordsVersions();
      await call.run();
      const after = await Promise.all(paths.map(valuesAt));
      paths.forEach((path, i) => {
        if (before[i] === after[i]) unchanged.push(`${procedure} -> ${path}`);
      });
      // A write the engine reads moves its athletes' records version (it queued or ran their
      // re-assessment, `afterClinicalWrite`); a new athlete has no snapshot yet and is queued by
      // the first board that lists them.
      const versionsAfter = await recordsVersions();
      const moved = [...versionsAfter].some(([id, version]) => !versionsBefore.has(id) || version > versionsBefore.get(id)!);
      if (!moved) unassessed.push(procedure);
    }
    expect(unchanged, "writers listed for inputs they did not change").toEqual([]);
    expect(unassessed, "writers that changed what the engine reads without re-assessing").toEqual([]);
  }, 120_000);
});
