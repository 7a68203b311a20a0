import { deleteProvocationTest, getEpisode, getOpenEpisode, getProvocationTest, insertProvocationTest, reopenEpisode, type Database } from "@loadline/db";
import { DomainError, provocationTestInfo, type Actor, type ProvocationTestInput } from "@loadline/domain";
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

/**
 * A physio records a provocation test on an episode of an athlete of their club: authorized
 * against the episode's athlete, written and audited in the procedure's transaction. The rules
 * engine does not read these tests (they document the diagnosis), so no re-assessment is queued.
 */
export async function addProvocationTest(db: Database, actor: Actor, now: Date, episodeId: string, input: ProvocationTestInput) {
  const episode = await getEpisode(db, actor.organisationId, episodeId);
  if (!episode) throw new DomainError("not_found", "No such episode in your club.");
  const athlete = await clinicalSubject(db, actor, "episode.write", episode.athleteId);
  const test = await insertProvocationTest(db, actor.organisationId, episode, input, now);
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "write", entity: "provocation_test", entityId: test.id, detail: `Recorded ${provocationTestInfo[test.test].label}` },
  ]);
  return test;
}

/**
 * A physio removes a provocation test recorded by mistake: authorized against the test's athlete
 * like recording one, deleted and audited in the procedure's transaction (the rules engine does
 * not read these tests, so no re-assessment is queued).
 */
export async function removeProvocationTest(db: Database, actor: Actor, now: Date, testId: string) {
  const test = await getProvocationTest(db, actor.organisationId, testId);
  if (!test) throw new DomainError("not_found", "No such test in your club.");
  const athlete = await clinicalSubject(db, actor, "episode.write", test.athleteId);
  const removed = await deleteProvocationTest(db, actor.organisationId, test.id);
  if (!removed) throw new DomainError("not_found", "No such test in your club.");
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "write", entity: "provocation_test", entityId: removed.id, detail: `Removed ${provocationTestInfo[removed.test].label}` },
  ]);
  return { id: removed.id };
}
