import { TRPCError, type inferRouterInputs } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { athleteProfiles } from "@loadline/db/schema";
import type { Actor, Role } from "@loadline/domain";
import type { AppRouter } from "../src/root";
import { callerFor, makeClub, NOW, TEST_AUTH, TEST_P256DH, testPushSender, type Club } from "./fixtures";
import { phase1Body, validEpisode } from "./physio-helpers";

/**
 * Helpers for the authorization matrix (test/authorization-matrix.test.ts): typed procedure
 * paths, a way to call any procedure by path, and a club whose records carry recognisable
 * clinical secrets.
 */

// ---------------------------------------------------------------------------------------------
// Procedure paths and their inputs, from the router's own types.

export type RouterInputs = inferRouterInputs<AppRouter>;

/** "roster.list", "episodes.open", ...: every procedure of `appRouter` (two levels deep). */
export type ProcedurePath = {
  [N in Extract<keyof RouterInputs, string>]: `${N}.${Extract<keyof RouterInputs[N], string>}`;
}[Extract<keyof RouterInputs, string>];

/** The input type of one procedure path. */
export type InputOf<P extends ProcedurePath> = P extends `${infer N}.${infer M}`
  ? N extends keyof RouterInputs
    ? M extends keyof RouterInputs[N]
      ? RouterInputs[N][M]
      : never
    : never
  : never;

export type Caller = ReturnType<typeof callerFor>;
type Procedure = (input: unknown) => Promise<unknown>;

/** The caller's function for a dotted path (the caller is a proxy, so any path resolves). */
export function procedureAt(caller: Caller, path: string): Procedure {
  let node: unknown = caller;
  for (const segment of path.split(".")) node = (node as Record<string, unknown>)[segment];
  if (typeof node !== "function") throw new Error(`no procedure at ${path}`);
  return node as Procedure;
}

/** What a call came to: "OK" with its data, or the tRPC code with the message. */
export type Outcome = { code: "OK"; data: unknown } | { code: TRPCError["code"]; message: string };

export async function outcomeOf(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return { code: "OK", data: await promise };
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
}

/**
 * A random link token (an invite, reset or confirmation path's): 20 or more URL-safe characters
 * with both cases. Such a token can spell any short word ("prp" once), so it is not searched.
 * The planted secrets are upper-case words or lower-case phrases, never this.
 */
const RANDOM_TOKEN = /[A-Za-z0-9_-]{20,}/g;
const isRandomToken = (run: string) => /[a-z]/.test(run) && /[A-Z]/.test(run);

/** Everything a response or error carries, as one lower-case string to search for secrets. */
export function serialise(outcome: Outcome): string {
  return JSON.stringify(outcome)
    .replace(RANDOM_TOKEN, (run) => (isRandomToken(run) ? "<token>" : run))
    .toLowerCase();
}

/** The tokens of `candidates` that occur in `text` (case-insensitive). */
export function leaked(text: string, candidates: readonly string[]): string[] {
  return candidates.filter((c) => text.includes(c.toLowerCase()));
}

// ---------------------------------------------------------------------------------------------
// A club with one athlete ("the subject") whose records hold every kind of clinical detail.

/** Strings planted in the subject's clinical records. None of them may ever reach a coach. */
export const planted = {
  episodeNote: "SECRET-EPISODE-NOTE imaging shows partial tear",
  differential: "SECRET-DIFFERENTIAL sciatic nerve",
  planNote: "SECRET-PLAN-NOTE avoid deep flexion",
  maintenancePlan: "SECRET-MAINTENANCE-PLAN",
  adjunctParameters: "SECRET-ADJUNCT-PARAMETERS 3 ml",
  adjunctProvider: "SECRET-ADJUNCT-PROVIDER clinic",
  sessionNote: "SECRET-LOG-NOTE took ibuprofen",
  runNote: "SECRET-RUN-NOTE",
  clinicalNote: "SECRET-CLINICAL-NOTE query lumbar origin",
  condition: "haemochromatosis",
  /** Written by the physio when acknowledging the subject's escalation (planted by one test only). */
  escalationNote: "SECRET-ESCALATION-NOTE GP referral",
} as const;

/** The planted strings every world carries (the escalation note is planted by one test only). */
export function plantedInRecords(): string[] {
  return Object.entries(planted)
    .filter(([key]) => key !== "escalationNote")
    .map(([, value]) => value);
}

/**
 * Words a coach-facing response must not contain (case-insensitive): the planted strings, the
 * red-flag answers (ids and labels), the adjunct kind, the provocation test, and the names of
 * clinical fields (their presence alone would show a clinical record was serialised).
 */
export const coachSecrets: readonly string[] = [
  ...plantedInRecords(),
  // Red-flag answers (R20): ids and the question labels.
  "night_pain",
  "Night pain that wakes",
  "daily_painkillers",
  "painkillers",
  // The adjunct (PRP) and the provocation test.
  "prp",
  "platelet",
  "puranen",
  // Clinical field names.
  "clinicalNotes",
  "diagnosisMethod",
  "differentialsExcluded",
  "provocationTests",
  "redFlags",
  "evidence",
  "exitCriteria",
  "visaH",
  "conditions",
  "restrictions",
  "owningClinician",
];

export interface World {
  club: Club;
  /** The subject: the club's athlete, with an episode, a plan, an adjunct and a red-flag check-in. */
  athleteId: string;
  athleteName: string;
  episodeId: string;
  testId: string;
  adjunctId: string;
  /** A second treatment, which the matrix's allowed call deletes (so `adjunctId` stays for the others). */
  deletableAdjunctId: string;
  /** The subject's R20 escalation (red-flag check-in). */
  escalationId: string;
  /** A non-escalation alert in the coach inbox (the subject's red run). */
  alertId: string;
  /** An alert a coach may resolve (a non-clinical rule). */
  resolvableAlertId: string;
  squadSessionId: string;
  /** A library exercise with an image (version `exerciseVersion`). */
  exerciseId: string;
  exerciseVersion: number;
  /** The coach's gait assessment of the subject. */
  gaitAssessmentId: string;
  /** The subject's own calendar subscription (an athlete feed). */
  calendarSubscriptionId: string;
  /** The subject's own Web Push subscription (its endpoint). */
  pushEndpoint: string;
  logId: string;
  logKey: string;
  runId: string;
  runKey: string;
  checkInId: string;
  checkInKey: string;
  visaHKey: string;
  /** An athlete added by the coach who has not accepted the invite yet. */
  invitedAthleteId: string;
  inviteToken: string;
  /** Every id and name of this club's records: none may reach another organisation. */
  organisationTokens: string[];
  /** The subject's own ids, names and secrets: none may reach another athlete. */
  subjectTokens: string[];
}

const HOUR_MS = 3_600_000;
/** A 1x1 PNG. */
export const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
let serial = 0;
/** A unique suffix for emails, names and idempotency keys. */
export const unique = (label: string) => `${label}-${++serial}-${Math.random().toString(36).slice(2, 8)}`;

export const actorOf = (club: Club, role: Role): Actor => club[role];

/** A club built through the API as staff and the athlete would, with clinical secrets planted. */
export async function buildWorld(handle: DatabaseHandle, name: string): Promise<World> {
  const club = await makeClub(handle, name);
  const athleteId = club.athlete.athleteId!;
  const coach = callerFor(handle, club.coach);
  const physio = callerFor(handle, club.physio);
  const athlete = callerFor(handle, club.athlete);
  // Free text is tagged with the club's name, so each organisation's secrets are told apart.
  const mark = (text: string) => `${text} [${name}]`;

  // R21: a relevant condition (sensitive, physio-only).
  await handle.db.update(athleteProfiles).set({ conditions: [planted.condition] }).where(eq(athleteProfiles.id, athleteId));

  const episode = await physio.episodes.open({
    athleteId,
    episode: { ...validEpisode(club), diagnosisMethod: "mri", clinicalNotes: mark(planted.episodeNote), differentialsExcluded: [mark(planted.differential)] },
  });
  const test = await physio.episodes.addTest({
    episodeId: episode.id,
    test: { test: "puranen_orava", side: "right", familiarPainReproduced: true, pain: 5 },
  });
  await physio.plans.save({
    athleteId,
    baseVersion: 0,
    phase: 1,
    body: { ...phase1Body(), notes: mark(planted.planNote), maintenancePlan: mark(planted.maintenancePlan) },
  });
  const adjunct = await physio.adjuncts.record({
    athleteId,
    at: new Date(NOW.getTime() - 24 * HOUR_MS),
    kind: "prp",
    side: "right",
    parameters: mark(planted.adjunctParameters),
    provider: mark(planted.adjunctProvider),
  });
  const deletableAdjunct = await physio.adjuncts.record({ athleteId, at: new Date(NOW.getTime() - 30 * HOUR_MS), kind: "shockwave" });

  const checkInKey = unique("checkin");
  const { checkIn } = await athlete.checkIns.create({
    idempotencyKey: checkInKey,
    at: new Date(NOW.getTime() - 2 * HOUR_MS),
    morningPain: 3,
    loadTestPain: 3,
    redFlags: ["night_pain_waking", "daily_painkillers"],
  });
  const logKey = unique("session");
  const { log } = await athlete.athleteLogs.logSession({
    idempotencyKey: logKey,
    at: new Date(NOW.getTime() - 3 * HOUR_MS),
    type: "strength",
    minutes: 30,
    rpe: 5,
    painDuring: 2,
    notes: mark(planted.sessionNote),
  });
  const runKey = unique("run");
  const { log: run } = await athlete.athleteLogs.logRun({
    idempotencyKey: runKey,
    at: new Date(NOW.getTime() - 26 * HOUR_MS),
    distanceKm: 6,
    minutes: 36,
    painDuring: 6,
    cadenceSpm: 168,
    notes: mark(planted.runNote),
  });
  const visaHKey = unique("visa");
  await athlete.visaH.submit({ idempotencyKey: visaHKey, at: new Date(NOW.getTime() - HOUR_MS), items: [5, 5, 6, 5, 5, 4, 4, 10] });

  const gait = await coach.gait.create({
    athleteId,
    surface: "overground",
    speedKmh: 12,
    cadenceSpm: 162,
    faults: [{ code: "OVERSTRIDE", severity: 2, side: "both" }],
    cues: ["Shorter, quicker, lighter steps"],
    notes: "Coach gait note",
  });
  const squadSession = await coach.planner.create({
    squadId: club.squadIds.distance,
    at: new Date(NOW.getTime() + 24 * HOUR_MS),
    kind: "hills",
    durationMinutes: 60,
    title: "Hill reps",
    notes: "",
  });
  await physio.notes.add({ athleteId, visibility: "clinical", body: mark(planted.clinicalNote) });
  const [firstExercise] = await physio.exercises.list();
  if (!firstExercise) throw new Error(`world ${name}: the library is empty`);
  const { exercise } = await physio.exercises.setMedia({ exerciseId: firstExercise.id, baseVersion: firstExercise.version, howTo: "Slow and steady", videoUrl: null, image: { base64: TINY_PNG } });
  const subscription = await athlete.calendar.subscribe({});
  const pushEndpoint = `https://push.matrix.test/${unique("endpoint")}`;
  await callerFor(handle, club.athlete, NOW, testPushSender).push.subscribe({ endpoint: pushEndpoint, keys: { p256dh: TEST_P256DH, auth: TEST_AUTH } });
  const invitedEmail = `${unique("invited")}@matrix.test`;
  const added = await coach.roster.add({
    name: `Invited of ${name}`,
    email: invitedEmail,
    squadIds: [club.squadIds.field],
    eventOrSport: "800 m",
    birthYear: 2001,
    sex: "unspecified",
    preInjuryWeeklyKm: null,
    previousHamstringInjury: false,
  });

  // roster.add answers only the link (see the enumeration rule), so the new athlete is looked up.
  const invitedAthleteId = (await coach.roster.list()).find((a) => a.email === invitedEmail)?.id;
  if (!invitedAthleteId) throw new Error(`world ${name}: the invited athlete is not on the roster`);
  const inbox = await coach.alerts.list({ status: "all" });
  const escalations = await physio.escalations.list();
  const escalation = escalations.find((e) => e.athleteId === athleteId && e.ruleId === "R20");
  const alert = inbox.find((a) => a.athleteId === athleteId && a.severity !== "escalate");
  const resolvable = inbox.find((a) => a.athleteId === athleteId && a.canResolve);
  if (!escalation || !alert || !resolvable) throw new Error(`world ${name}: expected an R20 escalation and coach alerts (one resolvable) for the subject`);

  const profile = await coach.roster.get({ athleteId });
  const ids = {
    organisationId: club.organisationId,
    coach: club.coach.userId,
    physio: club.physio.userId,
    athleteUser: club.athlete.userId,
    athleteId,
    distance: club.squadIds.distance,
    field: club.squadIds.field,
    episode: episode.id,
    test: test.id,
    adjunct: adjunct.id,
    escalation: escalation.id,
    alert: alert.id,
    squadSession: squadSession.id,
    log: log.id,
    run: run.id,
    checkIn: checkIn.id,
    invited: invitedAthleteId,
    exercise: exercise.id,
    gait: gait.id,
  };
  const texts = plantedInRecords()
    .filter((text) => text !== planted.condition)
    .map(mark);
  const subjectTokens = [athleteId, club.athlete.userId, log.id, run.id, checkIn.id, episode.id, adjunct.id, escalation.id, profile.name, ...texts];
  return {
    club,
    athleteId,
    athleteName: profile.name,
    episodeId: episode.id,
    testId: test.id,
    adjunctId: adjunct.id,
    deletableAdjunctId: deletableAdjunct.id,
    escalationId: escalation.id,
    alertId: alert.id,
    resolvableAlertId: resolvable.id,
    squadSessionId: squadSession.id,
    exerciseId: exercise.id,
    exerciseVersion: exercise.version,
    gaitAssessmentId: gait.id,
    calendarSubscriptionId: subscription.id,
    pushEndpoint,
    logId: log.id,
    logKey,
    runId: run.id,
    runKey,
    checkInId: checkIn.id,
    checkInKey,
    visaHKey,
    invitedAthleteId,
    inviteToken: added.invitePath.replace("/invite/", ""),
    organisationTokens: [...Object.values(ids), name, ...texts],
    subjectTokens,
  };
}
