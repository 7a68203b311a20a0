import { createGaitAssessment, getAthlete, physioGaitNotesAllowed, type Database } from "@loadline/db";
import { assertDateInRange, DomainError, gaitLabels as L, type Actor, type GaitAssessment } from "@loadline/domain";
import { assertCan } from "../trpc";
import { afterClinicalWrite } from "./assessments";
import { recordAudit } from "./audit";

export interface NewGaitAssessment {
  athleteId: string;
  at?: Date;
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

/**
 * A coach (or, where the club allows it, a physio) records a gait assessment: authorized against
 * the club's setting, written, audited, and the athlete re-assessed so Today shows the cues.
 */
export async function recordGaitAssessment(db: Database, actor: Actor, now: Date, input: NewGaitAssessment) {
  const physioGaitNotes = await physioGaitNotesAllowed(db, actor.organisationId);
  if (actor.role === "physio" && !physioGaitNotes) {
    throw new DomainError("forbidden", "Your club lets coaches record gait assessments; the owner can allow physios in the club settings.");
  }
  assertCan(actor, "gait.write", { organisationId: actor.organisationId, athleteId: input.athleteId, club: { physioGaitNotes } });
  const athlete = await getAthlete(db, actor.organisationId, input.athleteId);
  if (!athlete) throw new DomainError("not_found", "No such athlete in your club.");
  const at = input.at ?? now;
  assertDateInRange(at, now, "at", "past", L.at);
  const created = await createGaitAssessment(db, actor.organisationId, actor.userId, {
    athleteId: athlete.id,
    at,
    surface: input.surface,
    speedKmh: input.speedKmh,
    cadenceSpm: input.cadenceSpm,
    faults: input.faults,
    cues: [...new Set(input.cues)],
    notes: input.notes,
    videoUrl: input.videoUrl || null,
  });
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "write", entity: "gait_assessment", entityId: created.id, detail: `Recorded a gait assessment: ${input.faults.map((f) => f.code).join(", ")}` },
  ]);
  // The athlete's Today shows the cues from the assessment: refresh it now.
  await afterClinicalWrite(db, actor.organisationId, [athlete.id], now);
  return created;
}
