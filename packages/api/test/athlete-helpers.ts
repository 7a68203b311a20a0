import type { TRPCError } from "@trpc/server";
import type { DatabaseHandle } from "@loadline/db";
import { athleteProfiles, planVersions, squadMemberships, users } from "@loadline/db/schema";
import type { Actor } from "@loadline/domain";
import { NOW, type Club } from "./fixtures";

export const DAY = 86_400_000;
export const at = (daysAgo: number, hour = 7) => new Date(NOW.getTime() - daysAgo * DAY + (hour - 9) * 3_600_000);

/** The tRPC code a call fails with, or "OK". */
export const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: TRPCError) => e.code);

/** The field errors a BAD_REQUEST carries (see errorFormatter in src/trpc.ts). */
export async function fieldErrorsOf(p: Promise<unknown>): Promise<Record<string, string[]>> {
  try {
    await p;
  } catch (error) {
    const e = error as TRPCError & { cause?: unknown };
    const { fieldErrorsOf: extract } = await import("../src/errors");
    return extract(e.cause) ?? {};
  }
  throw new Error("expected the call to fail");
}

let keyCounter = 0;
export const key = (label = "form") => `${label}-${++keyCounter}-${Math.random().toString(36).slice(2, 10)}`;

/** A second athlete in the same club. */
export async function addAthlete(handle: DatabaseHandle, club: Club, name: string): Promise<Actor> {
  const [u] = await handle.db
    .insert(users)
    .values({ organisationId: club.organisationId, role: "athlete", name, email: `${name.toLowerCase().replace(/\W+/g, ".")}-${key()}@x.test`, passwordHash: "x" })
    .returning();
  const [p] = await handle.db.insert(athleteProfiles).values({ organisationId: club.organisationId, userId: u!.id, eventOrSport: "5000 m" }).returning();
  await handle.db.insert(squadMemberships).values({ organisationId: club.organisationId, squadId: club.squadIds.distance, userId: u!.id });
  return { userId: u!.id, role: "athlete", organisationId: club.organisationId, athleteId: p!.id };
}

/** A phase-2 plan for the club's athlete, as the physio would write it. */
export async function givePlan(handle: DatabaseHandle, club: Club, athlete: Actor = club.athlete, phase: 1 | 2 | 3 | 4 = 2): Promise<void> {
  await handle.db.insert(planVersions).values({
    organisationId: club.organisationId,
    athleteId: athlete.athleteId!,
    version: 1,
    phase,
    phaseStartedAt: at(20),
    authorId: club.physio.userId,
    changeSummary: "Start",
    createdAt: at(20),
    content: {
      prescriptions: [
        { id: "p1", exercise: "Hip thrust", category: "heavy_slow_resistance", sets: 4, reps: 8, repetitionMaximum: 10, tempo: "3-0-3", sessionsPerWeek: 3, heavy: true, highTendonLoad: false },
        { id: "p2", exercise: "Side plank", category: "glute_core", sets: 3, holdSeconds: 30, sessionsPerWeek: 3, heavy: false, highTendonLoad: false },
      ],
      allowedActivities: [],
      forbiddenActivities: [],
      thresholds: {},
      returnToSportElements: [],
    },
  });
}
