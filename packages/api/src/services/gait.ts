import { createGaitAssessment, deleteGaitAssessment, getAthlete, getGaitAssessment, physioGaitNotesAllowed, updateGaitAssessment, type Database } from "@loadline/db";
import { assertDateInRange, assertGaitCorrectable, DomainError, gaitLabels as L, type Actor, type GaitAssessment } from "@loadline/domain";
import { assertCan } from "../trpc";
import { afterClinicalWrite } from "./assessments";
import { recordAudit } from "./audit";

/*
 * Gait assessments are the coach's notes on how an athlete runs (and the physio's, where the
 * club allows it). The athlete's Today reads the latest one's cues, so every write re-assesses
 * the athlete. Each version is kept in the athlete's record history (as logs are), where the
 * physio reads it.
 */

export interface GaitFields {
  at?: Date | undefined;
  surface: "treadmill" | "overground";
  speedKmh: number | null;
  cadenceSpm: number | null;
  faults: GaitAssessment["faults"];
  cues: string[];
  notes: string;
  videoUrl: string | null;
}

/** May this staff member record a gait assessment in their club now (coach always; physio when the owner allows it)? */
export async function mayWriteGait(db: Database, actor: Actor): Promise<boolean> {
  if (actor.role === "coach") return true;
  if (actor.role !== "physio") return false;
  return physioGaitNotesAllowed(db, actor.organisationId);
}

/** Refuses a physio whose club keeps gait notes to coaches, with the sentence that says how to change it. */
async function assertMayWriteGait(db: Database, actor: Actor, athleteId?: string): Promise<void> {
  const physioGaitNotes = await physioGaitNotesAllowed(db, actor.organisationId);
  if (actor.role === "physio" && !physioGaitNotes) {
    throw new DomainError("forbidden", "Your club lets coaches record gait assessments; the owner can allow physios in the club settings.");
  }
  assertCan(actor, "gait.write", { organisationId: actor.organisationId, ...(athleteId ? { athleteId } : {}), club: { physioGaitNotes } });
}

function values(input: GaitFields, at: Date) {
  return {
    at,
    surface: input.surface,
    speedKmh: input.speedKmh ?? null,
    cadenceSpm: input.cadenceSpm ?? null,
    faults: input.faults,
    cues: [...new Set(input.cues)],
    notes: input.notes,
    videoUrl: input.videoUrl || null,
  };
}

/** Records an assessment: authorized against the club's setting, written, audited, and the athlete re-assessed so Today shows the cues. */
export async function recordGaitAssessment(db: Database, actor: Actor, now: Date, input: GaitFields & { athleteId: string }) {
  await assertMayWriteGait(db, actor, input.athleteId);
  const athlete = await getAthlete(db, actor.organisationId, input.athleteId);
  if (!athlete) throw new DomainError("not_found", "No such athlete in your club.");
  const at = input.at ?? now;
  assertDateInRange(at, now, "at", "past", L.at);
  const created = await createGaitAssessment(db, actor.organisationId, actor.userId, { athleteId: athlete.id, ...values(input, at) }, now);
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "write", entity: "gait_assessment", entityId: created.id, detail: `Recorded a gait assessment: ${input.faults.map((f) => f.code).join(", ")}` },
  ]);
  await afterClinicalWrite(db, actor.organisationId, [athlete.id], now);
  return created;
}

/** The writer's own assessment, still inside the correction window. */
async function ownCorrectable(db: Database, actor: Actor, now: Date, assessmentId: string) {
  await assertMayWriteGait(db, actor);
  const row = await getGaitAssessment(db, actor.organisationId, assessmentId);
  if (!row || row.deletedAt) throw new DomainError("not_found", "This gait assessment does not exist or was deleted.");
  if (row.assessorId !== actor.userId) throw new DomainError("forbidden", "Only the coach who recorded a gait assessment can correct or delete it.");
  assertGaitCorrectable(row.createdAt, now);
  return row;
}

export async function correctGaitAssessment(db: Database, actor: Actor, now: Date, input: GaitFields & { assessmentId: string }) {
  const row = await ownCorrectable(db, actor, now, input.assessmentId);
  const at = input.at ?? row.at;
  assertDateInRange(at, now, "at", "past", L.at);
  const updated = await updateGaitAssessment(db, actor.organisationId, row.id, values(input, at), actor.userId, now);
  if (!updated) throw new DomainError("not_found", "This gait assessment does not exist or was deleted.");
  await recordAudit(db, actor, now, [{ athleteId: row.athleteId, action: "write", entity: "gait_assessment", entityId: row.id, detail: "Corrected a gait assessment" }]);
  await afterClinicalWrite(db, actor.organisationId, [row.athleteId], now);
  return { id: updated.id, message: "Gait assessment corrected. The earlier version stays in the athlete's history." };
}

export async function removeGaitAssessment(db: Database, actor: Actor, now: Date, input: { assessmentId: string }) {
  const row = await ownCorrectable(db, actor, now, input.assessmentId);
  const deleted = await deleteGaitAssessment(db, actor.organisationId, row.id, actor.userId, now);
  if (!deleted) throw new DomainError("not_found", "This gait assessment does not exist or was deleted.");
  await recordAudit(db, actor, now, [{ athleteId: row.athleteId, action: "write", entity: "gait_assessment", entityId: row.id, detail: "Deleted a gait assessment" }]);
  await afterClinicalWrite(db, actor.organisationId, [row.athleteId], now);
  return { id: deleted.id, message: "Gait assessment deleted. It stays in the athlete's history for the physio." };
}
