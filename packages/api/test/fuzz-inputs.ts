import fc from "fast-check";
import { NOW } from "./fixtures";
import type { World } from "./matrix-helpers";
import { phase1Body, validEpisode } from "./physio-helpers";

/*
 * The inputs of the fuzz suite (test/fuzz.test.ts): plain garbage; objects whose keys are the
 * fields procedures read, holding values wrong in every way a client could make them wrong;
 * and valid inputs of the writing procedures with one or two fields replaced by such a value,
 * so that calls get past most of the schema and the "which record" checks into the writes.
 */

const fieldNames = [
  "athleteId", "id", "alertId", "episodeId", "testId", "adjunctId", "squadId", "squadIds", "at", "weekOf",
  "name", "email", "role", "notes", "note", "title", "kind", "type", "minutes", "distanceKm", "painDuring",
  "painAfter", "rpe", "idempotencyKey", "items", "token", "password", "confirm", "episode", "body", "profile",
  "baseVersion", "phase", "toPhase", "from", "to", "restrictions", "days", "weeks", "status", "includeArchived",
  "includeResolved", "archived", "surface", "faults", "cues", "speedKmh", "cadenceSpm", "morningPain", "redFlags",
  "eventOrSport", "birthYear", "sex", "preInjuryWeeklyKm", "previousHamstringInjury", "conditions", "onsetDate",
  "side", "test", "pain", "category", "phases", "hipFlexionDemand", "durationMinutes", "changeSummary",
  "overrideReason", "reason", "closingNote", "parameters", "provider", "videoUrl", "heavy", "elevationGainM",
] as const;

const HOUR = 3_600_000;

const nastyStrings = fc.constantFrom(
  "", " ", "\u0000", "a\u0000b", "\u0007bell", "line\nbreak", "\t", "\u202eevil", "\ud800", "🏃‍♀️", "'; drop table users; --",
  "0", "0.5", "-1", "1e308", "NaN", "null", "true", "2026-02-30", "2026-02-30T10:00:00Z", "2026-11-21T09:00:00Z",
  "1899-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+275760-09-13T00:00:00.000Z", "javascript:alert(1)",
  "00000000-0000-0000-0000-000000000000", "not-a-uuid", "athlete", "coach", "physio", "owner", "strength", "run",
  "x".repeat(101), "x".repeat(5001), "x".repeat(70_000), "__proto__", "constructor",
);
const nastyNumbers = fc.constantFrom(
  0, -0, -1, 0.5, 1, 2, 3, 10, 11, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 31,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
);
const nastyDates = fc.constantFrom(
  new Date(Number.NaN),
  new Date("1800-01-01T00:00:00Z"),
  new Date("9999-12-31T00:00:00Z"),
  new Date(NOW.getTime() + 1000 * 24 * HOUR),
  new Date(NOW.getTime() - HOUR),
  new Date(NOW.getTime() + 24 * HOUR),
  new Date(0),
);

/** Valid inputs of the procedures that write, naming the world's own records. */
function validWrites(w: World): Record<string, Record<string, unknown>> {
  const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
  return {
    "staff.invite": { name: "Fuzz Physio", email: "fuzz-physio@fuzz.test", role: "physio" },
    "roster.add": {
      name: "Fuzz Runner", email: "fuzz-runner@fuzz.test", squadIds: [w.club.squadIds.distance], eventOrSport: "Marathon",
      birthYear: 1995, sex: "female", preInjuryWeeklyKm: 50, previousHamstringInjury: false,
    },
    "roster.update": {
      athleteId: w.athleteId, name: w.athleteName, squadIds: [w.club.squadIds.distance], eventOrSport: "Marathon",
      birthYear: 1995, sex: "female", preInjuryWeeklyKm: 50, previousHamstringInjury: false,
    },
    "roster.move": { athleteId: w.athleteId, squadIds: [w.club.squadIds.distance, w.club.squadIds.field] },
    "exercises.create": { name: "Fuzz Bridge", category: "glute_core", phases: [1], hipFlexionDemand: "low", description: "" },
    "planner.create": { squadId: w.club.squadIds.distance, at: new Date(NOW.getTime() + 24 * HOUR), kind: "easy_run", title: "Easy", notes: "" },
    "planner.update": { id: w.squadSessionId, squadId: w.club.squadIds.distance, at: new Date(NOW.getTime() + 48 * HOUR), kind: "hills" },
    "gait.create": {
      athleteId: w.athleteId, surface: "treadmill", speedKmh: 12, cadenceSpm: 170,
      faults: [{ code: "OVERSTRIDE", severity: 1 }], cues: ["Quick feet"], notes: "",
    },
    "alerts.acknowledge": { alertId: w.alertId, note: "Spoke to the athlete" },
    "athleteLogs.logSession": { idempotencyKey: "fuzz-session-key", at: ago(1), type: "strength", minutes: 30, rpe: 5, painDuring: 1, notes: "" },
    "athleteLogs.logRun": { idempotencyKey: "fuzz-run-key", at: ago(2), distanceKm: 5, minutes: 30, painDuring: 1, notes: "" },
    "athleteLogs.updateSession": { id: w.logId, at: ago(3), type: "strength", minutes: 30, rpe: 5, painDuring: 2 },
    "checkIns.create": { idempotencyKey: "fuzz-check-in-key", at: ago(1), morningPain: 1 },
    "checkIns.update": { id: w.checkInId, at: ago(2), morningPain: 2 },
    "visaH.submit": { idempotencyKey: "fuzz-visa-key", athleteId: w.athleteId, at: ago(1), items: [5, 5, 6, 5, 5, 4, 4, 10] },
    "episodes.update": { episodeId: w.episodeId, episode: validEpisode(w.club) },
    "episodes.addTest": { episodeId: w.episodeId, test: { test: "arabesque", side: "left", familiarPainReproduced: false, pain: 1 } },
    "episodes.updateClinicalProfile": { athleteId: w.athleteId, profile: { conditions: [], notes: "" } },
    "plans.save": { athleteId: w.athleteId, baseVersion: 1, phase: 1, body: phase1Body() },
    "adjuncts.record": { athleteId: w.athleteId, at: ago(5), kind: "shockwave", parameters: "", provider: "" },
    "adjuncts.enterRestrictions": { adjunctId: w.adjunctId, restrictions: "No sprints for 2 weeks" },
    "escalations.acknowledge": { alertId: w.escalationId, note: "Seen" },
    "invite.accept": { token: w.inviteToken, password: "a long password", confirm: "a long password" },
  };
}

/** Every path to a leaf of a plain value (objects and arrays walked), e.g. ["body", "prescriptions", 0, "sets"]. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((item, i) => leafPaths(item, [...prefix, i])) : [prefix];
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
  }
  return [prefix];
}

function replaced(value: unknown, path: readonly (string | number)[], leaf: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  if (Array.isArray(value)) return value.map((item: unknown, i) => (i === head ? replaced(item, rest, leaf) : item));
  const record = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  return { ...record, [head]: replaced(record[head], rest, leaf) };
}

/** The malformed inputs for one procedure; `valid` is its valid input when it writes. */
export function malformedInputs(world: World, path: string): fc.Arbitrary<unknown> {
  const realIds = [
    world.athleteId, world.episodeId, world.testId, world.adjunctId, world.escalationId, world.alertId, world.squadSessionId,
    world.logId, world.runId, world.checkInId, world.invitedAthleteId, world.club.squadIds.distance, world.club.squadIds.field,
    world.club.coach.userId, world.club.physio.userId, world.logKey, world.inviteToken,
  ];
  const leaf: fc.Arbitrary<unknown> = fc.oneof(
    nastyStrings, nastyNumbers, nastyDates, fc.constantFrom(...realIds), fc.uuid(), fc.string({ maxLength: 30 }),
    fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined),
  );
  const { value: nested } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...fieldNames), tie("value"), { maxKeys: 5 }),
    ),
  }));
  const fieldShaped = fc.dictionary(fc.constantFrom(...fieldNames), nested, { minKeys: 1, maxKeys: 10 });
  const garbage = fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true });

  const valid = validWrites(world)[path];
  const shapes: fc.WeightedArbitrary<unknown>[] = [
    { weight: 1, arbitrary: garbage },
    { weight: 3, arbitrary: fieldShaped },
    { weight: 1, arbitrary: leaf },
  ];
  if (valid) {
    const paths = leafPaths(valid);
    const oneField = fc.tuple(fc.constantFrom(...paths), leaf).map(([at, value]) => replaced(valid, at, value));
    const twoFields = fc
      .tuple(fc.constantFrom(...paths), leaf, fc.constantFrom(...paths), leaf)
      .map(([a, x, b, y]) => replaced(replaced(valid, a, x), b, y));
    shapes.push({ weight: 4, arbitrary: oneField }, { weight: 1, arbitrary: twoFields });
  }
  return fc.oneof(...shapes);
}
