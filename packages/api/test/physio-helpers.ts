import { TRPCError } from "@trpc/server";
import type { DatabaseHandle } from "@loadline/db";
import { morningCheckIns } from "@loadline/db/schema";
import type { PlanBody } from "@loadline/domain";
import { callerFor, NOW, type Club } from "./fixtures";

/** The tRPC code of a call's failure, or "OK". */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return "OK";
}

/** The error a call fails with (throws when it succeeds). */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** Field paths named by a BAD_REQUEST (zod issues or a domain error's field errors). */
export function fieldsOf(error: TRPCError): string[] {
  const cause = error.cause as { issues?: { path: PropertyKey[] }[]; fieldErrors?: Record<string, string[]> } | undefined;
  if (cause?.fieldErrors) return Object.keys(cause.fieldErrors);
  return (cause?.issues ?? []).map((i) => i.path.map(String).join("."));
}

export const validEpisode = (club: Club) => ({
  side: "right" as const,
  onsetDate: "2026-10-01",
  onsetType: "gradual" as const,
  suspectedTriggers: ["mileage_jump" as const],
  diagnosisMethod: "clinical" as const,
  differentialsExcluded: ["Lumbar referral"],
  owningClinicianId: club.physio.userId,
  clinicalNotes: "Deep buttock pain after a mileage jump.",
});

export const phase1Body = (holdSeconds = 30): PlanBody => ({
  prescriptions: [
    {
      id: "bridge",
      exercise: "Double-leg bridge hold",
      category: "isometric",
      sets: 5,
      holdSeconds,
      intensityPct: 70,
      sessionsPerWeek: 7,
      heavy: false,
      highTendonLoad: false,
    },
  ],
  allowedActivities: [],
  forbiddenActivities: [],
  thresholds: {},
  returnToSportElements: [],
  notes: "Isometrics daily",
});

/** Open an episode and write plan version 1 in phase 1 for the club's athlete. */
export async function startRehab(handle: DatabaseHandle, club: Club, now = NOW) {
  const physio = callerFor(handle, club.physio, now);
  const athleteId = club.athlete.athleteId!;
  const episode = await physio.episodes.open({ athleteId, episode: validEpisode(club) });
  const plan = await physio.plans.save({ athleteId, baseVersion: 0, phase: 1, body: phase1Body() });
  return { episode, plan, athleteId };
}

/** A morning check-in with a red-flag answer, straight into the table (the athlete feature owns the procedure). */
export async function insertRedFlagCheckIn(handle: DatabaseHandle, club: Club, at: Date, key: string) {
  await handle.db.insert(morningCheckIns).values({
    organisationId: club.organisationId,
    athleteId: club.athlete.athleteId!,
    at,
    morningPain: 3,
    redFlags: ["night_pain_waking"],
    idempotencyKey: key,
  });
}
