import { and, asc, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { sessionLogs } from "../schema";

export interface SessionLoadRow {
  athleteId: string;
  at: Date;
  type: string;
  minutes: number | null;
  distanceKm: number | null;
  rpe: number | null;
}

/**
 * The load fields of the athletes' sessions since a date, oldest first, for the squad load
 * export: no pain, notes or activities (those are the athlete's and the physio's). Bounded by
 * `since` and the athlete list, on the (organisation, athlete, at) index.
 */
export async function listSessionLoads(db: Database, organisationId: string, athleteIds: string[], since: Date): Promise<SessionLoadRow[]> {
  if (athleteIds.length === 0) return [];
  return db
    .select({
      athleteId: sessionLogs.athleteId,
      at: sessionLogs.at,
      type: sessionLogs.type,
      minutes: sessionLogs.minutes,
      distanceKm: sessionLogs.distanceKm,
      rpe: sessionLogs.rpe,
    })
    .from(sessionLogs)
    .where(
      and(
        eq(sessionLogs.organisationId, organisationId),
        inArray(sessionLogs.athleteId, athleteIds),
        isNull(sessionLogs.deletedAt),
        gte(sessionLogs.at, since),
      ),
    )
    .orderBy(asc(sessionLogs.at));
}
