import {
  closeEpisode,
  deleteProvocationTest,
  getEpisode,
  getOpenEpisode,
  getProvocationTest,
  insertEpisode,
  insertProvocationTest,
  listStaff,
  readClubCalendar,
  reopenEpisode,
  updateEpisode,
  type Database,
} from "@loadline/db";
import { DomainError, onsetDateInFutureMessage, onsetDateIsInFuture, provocationTestInfo, type Actor, type EpisodeInput, type ProvocationTestInput } from "@loadline/domain";
import { fieldError } from "../errors";
import { afterClinicalWrite } from "./assessments";
import { clinicalSubject, recordAudit } from "./audit";

/** The owning clinician must be a physio of the same organisation. */
async function assertClinician(db: Database, organisationId: string, input: EpisodeInput) {
  const staff = await listStaff(db, organisationId);
  if (!staff.some((s) => s.id === input.owningClinicianId && s.role === "physio")) {
    throw fieldError("owningClinicianId", "Choose a physio of your club");
  }
}

/** The onset date may be the club's today, not a later day (the club's date, not UTC's). */
async function assertOnsetNotInFuture(db: Database, organisationId: string, input: EpisodeInput, now: Date) {
  const { timeZone } = await readClubCalendar(db, organisationId);
  if (onsetDateIsInFuture(input.onsetDate, now, timeZone)) throw fieldError("episode.onsetDate", onsetDateInFutureMessage);
}

async function episodeInOrg(db: Database, organisationId: string, id: string) {
  const episode = await getEpisode(db, organisationId, id);
  if (!episode) throw new DomainError("not_found", "No such episode in your club.");
  return episode;
}

/**
 * A physio opens an injury episode for an athlete without an open one: the owning clinician a
 * physio of the club, the onset not after the club's today. Written and audited in the
 * procedure's transaction.
 */
export async function openEpisode(db: Database, actor: Actor, now: Date, athleteId: string, input: EpisodeInput) {
  const athlete = await clinicalSubject(db, actor, "episode.write", athleteId);
  await assertClinician(db, actor.organisationId, input);
  await assertOnsetNotInFuture(db, actor.organisationId, input, now);
  if (await getOpenEpisode(db, actor.organisationId, athlete.id)) {
    throw new DomainError("conflict", `${athlete.name} already has an open episode: close it before opening another.`);
  }
  const episode = await insertEpisode(db, actor.organisationId, athlete.id, input, now);
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "write", entity: "injury_episode", entityId: episode.id, detail: `Opened ${episode.side}-side episode` },
  ]);
  return episode;
}

/** Edit an episode's details under the same checks as opening one; audited. */
export async function editEpisode(db: Database, actor: Actor, now: Date, episodeId: string, input: EpisodeInput) {
  const existing = await episodeInOrg(db, actor.organisationId, episodeId);
  await assertClinician(db, actor.organisationId, input);
  await assertOnsetNotInFuture(db, actor.organisationId, input, now);
  const episode = await updateEpisode(db, actor.organisationId, existing.id, input, now);
  await recordAudit(db, actor, now, [{ athleteId: existing.athleteId, action: "write", entity: "injury_episode", entityId: existing.id, detail: "Edited episode" }]);
  return episode;
}

/**
 * Close the active episode with a closing note. A closed episode ends the rehab plan, so the
 * athlete is re-assessed (as not in rehab) in the same transaction.
 */
export async function closeActiveEpisode(db: Database, actor: Actor, now: Date, episodeId: string, closingNote: string) {
  const existing = await episodeInOrg(db, actor.organisationId, episodeId);
  const episode = await closeEpisode(db, actor.organisationId, existing.id, closingNote, now);
  if (!episode) throw new DomainError("conflict", "This episode is already closed.");
  await recordAudit(db, actor, now, [{ athleteId: existing.athleteId, action: "write", entity: "injury_episode", entityId: existing.id, detail: "Closed episode" }]);
  await afterClinicalWrite(db, actor.organisationId, [existing.athleteId], now);
  return episode;
}

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
