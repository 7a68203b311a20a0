import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Phase } from "@loadline/domain";
import type { Database } from "../client";
import { planVersions, users, type PlanContent } from "../schema";

export type PlanVersionRow = typeof planVersions.$inferSelect;

export interface PlanVersionWithAuthor extends PlanVersionRow {
  authorName: string;
}

/** The latest plan version of an athlete (with its author), or null when none exists. */
export async function getLatestPlanVersion(db: Database, organisationId: string, athleteId: string): Promise<PlanVersionWithAuthor | null> {
  const [row] = await db
    .select({ plan: planVersions, authorName: users.name })
    .from(planVersions)
    .innerJoin(users, eq(users.id, planVersions.authorId))
    .where(and(eq(planVersions.organisationId, organisationId), eq(planVersions.athleteId, athleteId)))
    .orderBy(desc(planVersions.version))
    .limit(1);
  return row ? { ...row.plan, authorName: row.authorName } : null;
}

/** Every version of an athlete's plan, oldest first. */
export async function listPlanVersions(db: Database, organisationId: string, athleteId: string): Promise<PlanVersionWithAuthor[]> {
  const rows = await db
    .select({ plan: planVersions, authorName: users.name })
    .from(planVersions)
    .innerJoin(users, eq(users.id, planVersions.authorId))
    .where(and(eq(planVersions.organisationId, organisationId), eq(planVersions.athleteId, athleteId)))
    .orderBy(asc(planVersions.version));
  return rows.map((r) => ({ ...r.plan, authorName: r.authorName }));
}

export interface NewPlanVersion {
  athleteId: string;
  episodeId: string | null;
  version: number;
  phase: Phase;
  phaseStartedAt: Date;
  content: PlanContent;
  authorId: string;
  changeSummary: string;
  phaseChange: "advance" | "advance_override" | "regress" | null;
  phaseChangeReason: string | null;
  createdAt: Date;
}

/** A unique violation: another save took this version number first. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * Insert version n+1. Optimistic concurrency: when version n+1 already exists (another physio
 * saved first) nothing is written and `conflict` is returned; the caller shows the other change.
 */
export async function insertPlanVersion(
  db: Database,
  organisationId: string,
  input: NewPlanVersion,
): Promise<{ ok: true; row: PlanVersionRow } | { ok: false; conflict: true }> {
  try {
    // Its own (sub)transaction: inside a request's transaction this is a savepoint, so a unique
    // violation rolls back only this insert and the caller can still read the other change.
    const row = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(planVersions)
        .values({ ...input, organisationId })
        .returning();
      return inserted;
    });
    if (!row) throw new Error("could not save the plan");
    return { ok: true, row };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, conflict: true };
    throw error;
  }
}

/** The current phase and its start of each athlete that has a plan (one query). */
export async function currentPhases(
  db: Database,
  organisationId: string,
  athleteIds: string[],
): Promise<Map<string, { phase: Phase; phaseStartedAt: Date; version: number }>> {
  if (athleteIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([planVersions.athleteId], {
      athleteId: planVersions.athleteId,
      phase: planVersions.phase,
      phaseStartedAt: planVersions.phaseStartedAt,
      version: planVersions.version,
    })
    .from(planVersions)
    .where(and(eq(planVersions.organisationId, organisationId), inArray(planVersions.athleteId, athleteIds)))
    .orderBy(planVersions.athleteId, desc(planVersions.version));
  return new Map(rows.map(({ athleteId, ...rest }) => [athleteId, rest]));
}
