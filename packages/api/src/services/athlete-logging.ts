import {
  assertDateInRange,
  assertWithinEditWindow,
  DomainError,
  planSchema,
  sessionContentFromPrescriptions,
  type Actor,
  type CheckInInput,
  type Plan,
  type RunLogInput,
  type SessionLogInput,
} from "@loadline/domain";
import { getCurrentPlan, type CheckInValues, type Database, type SessionLogValues } from "@loadline/db";

/** The signed-in athlete's own profile id: always from the session, never from input. */
export function ownAthleteId(actor: Actor): string {
  if (!actor.athleteId) throw new DomainError("forbidden", "This account has no athlete profile.");
  return actor.athleteId;
}

/** The athlete's current plan, validated (defaults applied), or null without a plan. */
export async function currentPlan(db: Database, organisationId: string, athleteId: string): Promise<Plan | null> {
  const raw = await getCurrentPlan(db, organisationId, athleteId);
  if (!raw) return null;
  const parsed = planSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * A session form as stored columns. A strength session "done as prescribed" takes its
 * categories, heaviness and loading from the current plan, so E1.2, E2.5 and R8 see it.
 */
export function sessionValues(input: SessionLogInput, plan: Plan | null): SessionLogValues {
  const prescribed = input.type === "strength" && input.asPrescribed && plan ? sessionContentFromPrescriptions(plan.prescriptions) : null;
  return {
    at: input.at,
    type: input.type,
    minutes: input.minutes,
    rpe: input.rpe,
    painDuring: input.painDuring,
    painAfter: input.painAfter ?? null,
    asPrescribed: input.asPrescribed,
    activities: [...new Set([...input.activities, ...(prescribed?.activities ?? [])])],
    categories: prescribed?.categories ?? [],
    heavy: input.heavy || (prescribed?.heavy ?? false),
    heaviestRm: input.heaviestRm ?? prescribed?.heaviestRm ?? null,
    fullIntensity: input.fullIntensity,
    fullTraining: input.fullTraining,
    notes: input.notes ?? "",
  };
}

export function runValues(input: RunLogInput): SessionLogValues {
  return {
    at: input.at,
    type: "run",
    minutes: input.minutes ?? null,
    rpe: input.rpe ?? null,
    painDuring: input.painDuring,
    painAfter: input.painAfter ?? null,
    asPrescribed: input.asPrescribed,
    distanceKm: input.distanceKm ?? null,
    elevationGainM: input.elevationGainM ?? null,
    steepestGradientPct: input.steepestGradientPct ?? null,
    surface: input.surface ?? null,
    strides: input.strides,
    sprints: input.sprints,
    cadenceSpm: input.cadenceSpm ?? null,
    walkRun: input.walkRun,
    importedFrom: input.importedFrom ?? null,
    activities: input.activities,
    fullIntensity: input.fullIntensity,
    fullTraining: input.fullTraining,
    notes: input.notes ?? "",
  };
}

export function checkInValues(input: CheckInInput): CheckInValues {
  return {
    at: input.at,
    morningPain: input.morningPain,
    stiffnessMinutes: input.stiffnessMinutes ?? null,
    loadTestPain: input.loadTestPain ?? null,
    restPain: input.restPain ?? null,
    longestSitMinutes: input.longestSitMinutes ?? null,
    sittingToleranceMinutes: input.sittingToleranceMinutes ?? null,
    cushionUsed: input.cushionUsed ?? null,
    redFlags: input.redFlags,
  };
}

/** A log the athlete wants to change: theirs, not deleted, and inside the 24-hour window. */
export function assertEditable(row: { createdAt: Date; deletedAt: Date | null } | null, now: Date): asserts row is { createdAt: Date; deletedAt: null } {
  if (!row || row.deletedAt) throw new DomainError("not_found", "This log does not exist or was deleted.");
  assertWithinEditWindow(row.createdAt, now);
}

/** Logs may not be dated in the future (a minute of clock skew allowed). */
export function assertNotFuture(at: Date, now: Date, field = "at"): void {
  assertDateInRange(at, now, field, "past");
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  // Lengths and paces come back from `real` columns: compare at the precision they are stored in.
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  return (a ?? null) === (b ?? null);
}

/**
 * A repeated idempotency key must carry the same submission: a double submit returns the
 * first record, but a different body under a used key is a client bug or a replay, not a retry.
 */
export function assertSameSubmission(stored: object, submitted: object): void {
  const row = stored as Record<string, unknown>;
  const changed = Object.entries(submitted).filter(([key, value]) => !sameValue(row[key], value));
  if (changed.length > 0) {
    throw new DomainError("conflict", "This form was already saved with different values. Reload to see what was saved.", undefined, {
      detail: `idempotency key reused with different ${changed.map(([key]) => key).join(", ")}`,
    });
  }
}
