import { deleteAdjunct, getAdjunct, getOpenEpisode, insertAdjunct, listAdjuncts, setAdjunctRestrictions, updateAdjunct, type AdjunctRow, type Database } from "@loadline/db";
import {
  adjunctLabels,
  adjunctPausesProgression,
  adjunctTreatmentLabels,
  assertDateInRange,
  DomainError,
  type Actor,
  type AdjunctChangesInput,
  type NewAdjunctInput,
} from "@loadline/domain";
import { afterClinicalWrite } from "./assessments";
import { clinicalSubject, recordAudit } from "./audit";

/*
 * Adjunct treatments (injections, shockwave, surgery...) as the physio records, corrects and
 * deletes them. Each write authorizes, writes, audits and queues the athlete's re-assessment in
 * the procedure's one transaction, because R22 (progression paused until restrictions are
 * entered) reads these rows.
 */

const shown = <T extends AdjunctRow>(row: T) => ({ ...row, pausesProgression: adjunctPausesProgression(row) });

/** The treatment a write is about, of an athlete the actor may treat; a deleted one is NOT_FOUND. */
async function adjunctSubject(db: Database, actor: Actor, adjunctId: string) {
  const existing = await getAdjunct(db, actor.organisationId, adjunctId);
  if (!existing) throw new DomainError("not_found", "No such treatment in your club.");
  const athlete = await clinicalSubject(db, actor, "adjunct.write", existing.athleteId);
  return { existing, athlete };
}

export async function listAthleteAdjuncts(db: Database, actor: Actor, now: Date, athleteId: string, pageViewId: string | null) {
  const athlete = await clinicalSubject(db, actor, "episode.read", athleteId);
  const rows = await listAdjuncts(db, actor.organisationId, athlete.id);
  await recordAudit(db, actor, now, [{ athleteId: athlete.id, action: "read", entity: "adjunct_treatment", detail: `Viewed ${rows.length} adjunct treatment(s)` }], pageViewId);
  return rows.map(shown);
}

export async function recordAdjunct(db: Database, actor: Actor, now: Date, input: NewAdjunctInput) {
  const athlete = await clinicalSubject(db, actor, "adjunct.write", input.athleteId);
  assertDateInRange(input.at, now, "at", "past");
  const episode = await getOpenEpisode(db, actor.organisationId, athlete.id);
  const row = await insertAdjunct(db, actor.organisationId, { ...input, athleteId: athlete.id, episodeId: episode?.id ?? null, recordedById: actor.userId }, now);
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "write", entity: "adjunct_treatment", entityId: row.id, detail: `Recorded a treatment: ${adjunctTreatmentLabels[input.kind]}` },
  ]);
  await afterClinicalWrite(db, actor.organisationId, [athlete.id], now);
  return shown(row);
}

/** Enter or change the restrictions after a treatment; for injections and surgery this lifts the R22 pause. */
export async function enterAdjunctRestrictions(db: Database, actor: Actor, now: Date, adjunctId: string, restrictions: string) {
  const { existing, athlete } = await adjunctSubject(db, actor, adjunctId);
  const row = await setAdjunctRestrictions(db, actor.organisationId, existing.id, restrictions, now);
  if (!row) throw new DomainError("not_found", "No such treatment in your club.");
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "write", entity: "adjunct_treatment", entityId: existing.id, detail: existing.restrictions ? "Changed restrictions" : "Entered restrictions" },
  ]);
  await afterClinicalWrite(db, actor.organisationId, [athlete.id], now);
  return shown(row);
}

/**
 * Correct a recorded treatment (date, kind, side, parameters, provider). Changing the kind to an
 * injection or surgery without restrictions pauses progression again (R22); away from one lifts it.
 */
export async function editAdjunct(db: Database, actor: Actor, now: Date, adjunctId: string, changes: AdjunctChangesInput) {
  const { existing, athlete } = await adjunctSubject(db, actor, adjunctId);
  assertDateInRange(changes.at, now, "changes.at", "past", adjunctLabels.at);
  const row = await updateAdjunct(db, actor.organisationId, existing.id, changes, now);
  if (!row) throw new DomainError("not_found", "No such treatment in your club.");
  const changed = (["at", "kind", "side", "parameters", "provider"] as const).filter((k) =>
    k === "at" ? existing.at.getTime() !== changes.at.getTime() : (existing[k] ?? null) !== (changes[k] ?? null),
  );
  await recordAudit(db, actor, now, [
    {
      athleteId: athlete.id,
      action: "write",
      entity: "adjunct_treatment",
      entityId: existing.id,
      detail: `Edited a treatment (${adjunctTreatmentLabels[row.kind as keyof typeof adjunctTreatmentLabels] ?? row.kind}): ${changed.length > 0 ? changed.join(", ") : "nothing"} changed`,
    },
  ]);
  await afterClinicalWrite(db, actor.organisationId, [athlete.id], now);
  return shown(row);
}

/**
 * Delete a treatment recorded in error, with a reason. The row is kept (who, when, why; the
 * full-record export lists it) but no list or rule reads it again, so a pause it caused lifts
 * at the re-assessment queued here.
 */
export async function removeAdjunct(db: Database, actor: Actor, now: Date, adjunctId: string, reason: string) {
  const { existing, athlete } = await adjunctSubject(db, actor, adjunctId);
  const row = await deleteAdjunct(db, actor.organisationId, existing.id, actor.userId, reason, now);
  if (!row) throw new DomainError("not_found", "No such treatment in your club.");
  const label = adjunctTreatmentLabels[existing.kind as keyof typeof adjunctTreatmentLabels] ?? existing.kind;
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "write", entity: "adjunct_treatment", entityId: existing.id, detail: `Deleted a treatment (${label}). Reason: ${reason.slice(0, 200)}` },
  ]);
  await afterClinicalWrite(db, actor.organisationId, [athlete.id], now);
  return { id: row.id, deletedAt: row.deletedAt };
}
