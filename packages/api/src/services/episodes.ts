import { getEpisode, getOpenEpisode, reopenEpisode, type Database } from "@loadline/db";
import { DomainError, type Actor } from "@loadline/domain";
import { afterClinicalWrite } from "./assessments";
import { clinicalSubject, recordAudit } from "./audit";

/**
 * Reopen a closed episode (a recurrence soon after discharge, or a discharge by mistake): its
 * plan counts again, from the version it had. Refused while the athlete has another open
 * episode. The write, its audit entry and the re-assessment share the procedure's transaction.
 */
export async function reopenClosedEpisode(db: Database, actor: Actor, now: Date, episodeId: string, reason: string) {
  const existing = await getEpisode(db, actor.organisationId, episodeId);
  if (!existing) throw new DomainError("not_found", "No such episode in your club.");
  await clinicalSubject(db, actor, "episode.write", existing.athleteId);
  if (existing.status !== "resolved") throw new DomainError("conflict", "This episode is already open.");
  if (await getOpenEpisode(db, actor.organisationId, existing.athleteId)) {
    throw new DomainError("conflict", "This athlete has another open episode: close it before reopening this one.");
  }
  const episode = await reopenEpisode(db, actor.organisationId, existing.id, reason, now);
  if (!episode) throw new DomainError("conflict", "This episode is already open.");
  await recordAudit(db, actor, now, [{ athleteId: existing.athleteId, action: "write", entity: "injury_episode", entityId: existing.id, detail: `Reopened episode: ${reason.slice(0, 200)}` }]);
  await afterClinicalWrite(db, actor.organisationId, [existing.athleteId], now);
  return episode;
}
