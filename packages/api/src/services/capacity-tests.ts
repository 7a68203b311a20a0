import { getOpenEpisode, insertCapacityTest, listCapacityTests, type CapacityTestRow, type Database } from "@loadline/db";
import {
  assertAffectedSideFits,
  assertDateInRange,
  capacitySymmetryPct,
  capacityTestInfo,
  capacityTestValues,
  DomainError,
  type Actor,
  type CapacityTestInput,
} from "@loadline/domain";
import { afterClinicalWrite } from "./assessments";
import { clinicalSubject, recordAudit } from "./audit";

/** A stored test as the physio's page shows it: each side's value, the symmetry and the criterion it feeds. */
function present(row: CapacityTestRow & { recordedByName?: string }) {
  const side = row.affectedSide;
  const otherSide = side === "left" ? "right" : side === "right" ? "left" : null;
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    label: capacityTestInfo[row.kind].label,
    criterion: capacityTestInfo[row.kind].criterion,
    unit: capacityTestInfo[row.kind].unit,
    pain: row.pain,
    affectedSide: side,
    left: side === "left" ? row.affected : otherSide === "left" ? row.other : null,
    right: side === "right" ? row.affected : otherSide === "right" ? row.other : null,
    affected: row.affected,
    other: row.other,
    symmetryPct: capacitySymmetryPct(row),
    notes: row.notes,
    recordedByName: row.recordedByName ?? null,
  };
}

/**
 * A physio records a capacity test (drop lunge, single-leg bridge reps, prone-curl 10RM) in the
 * procedure's transaction: the test, its audit entry and the athlete's re-assessment, so the
 * phase-2 exit checklist (E2.2, E2.3) reads it.
 */
export async function recordCapacityTest(db: Database, actor: Actor, now: Date, athleteId: string, input: CapacityTestInput) {
  const athlete = await clinicalSubject(db, actor, "capacityTest.write", athleteId);
  assertDateInRange(input.at, now, "at", "past");
  const episode = await getOpenEpisode(db, actor.organisationId, athlete.id);
  if (!episode) throw new DomainError("precondition_failed", "Open an injury episode first: a capacity test compares the affected side with the other.");
  assertAffectedSideFits(episode.side, input.affectedSide);
  const row = await insertCapacityTest(db, actor.organisationId, { ...capacityTestValues(input), athleteId: athlete.id, recordedById: actor.userId }, now);
  const shown = present(row);
  const result =
    shown.symmetryPct !== null ? `${shown.affected ?? "–"} vs ${shown.other ?? "–"} (${shown.symmetryPct} %)` : shown.pain !== null ? `pain ${shown.pain}/10` : "no value";
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "write", entity: "capacity_test", entityId: row.id, detail: `Recorded ${shown.label}, ${row.affectedSide ?? "no"} side affected: ${result}` },
  ]);
  await afterClinicalWrite(db, actor.organisationId, [athlete.id], now);
  return shown;
}

/** The athlete's capacity-test history, newest first (audited read). */
export async function capacityTestHistory(db: Database, actor: Actor, now: Date, athleteId: string) {
  const athlete = await clinicalSubject(db, actor, "capacityTest.read", athleteId);
  const rows = await listCapacityTests(db, actor.organisationId, athlete.id);
  await recordAudit(db, actor, now, [{ athleteId: athlete.id, action: "read", entity: "capacity_test", detail: `Viewed ${rows.length} capacity test(s)` }]);
  return rows.map(present);
}
