import { and, asc, desc, eq, getTableColumns, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { athleteProfiles, injuryEpisodes, planVersions } from "../schema";
import { planIsActive, toPlan } from "./timeline";

/** The phase history of an athlete: every plan version's phase and when it started, oldest first. */
export async function listPhaseHistory(db: Database, organisationId: string, athleteId: string) {
  return db
    .select({
      version: planVersions.version,
      phase: planVersions.phase,
      phaseStartedAt: planVersions.phaseStartedAt,
      createdAt: planVersions.createdAt,
      phaseChange: planVersions.phaseChange,
      changeSummary: planVersions.changeSummary,
    })
    .from(planVersions)
    .where(and(eq(planVersions.organisationId, organisationId), eq(planVersions.athleteId, athleteId)))
    .orderBy(asc(planVersions.version));
}

/** Whether an active (not archived) athlete profile with this id exists in the organisation. */
export async function athleteInOrganisation(db: Database, organisationId: string, athleteId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: athleteProfiles.id })
    .from(athleteProfiles)
    .where(and(eq(athleteProfiles.organisationId, organisationId), eq(athleteProfiles.id, athleteId), isNull(athleteProfiles.archivedAt)));
  return row !== undefined;
}

/** The athlete's current plan (latest version while the episode is open) as the domain's plan, or null. */
export async function getCurrentPlan(db: Database, organisationId: string, athleteId: string) {
  const [row] = await db
    .select(getTableColumns(planVersions))
    .from(planVersions)
    .leftJoin(injuryEpisodes, eq(injuryEpisodes.id, planVersions.episodeId))
    .where(and(eq(planVersions.organisationId, organisationId), eq(planVersions.athleteId, athleteId), planIsActive))
    .orderBy(desc(planVersions.version))
    .limit(1);
  return row ? toPlan(row) : null;
}
