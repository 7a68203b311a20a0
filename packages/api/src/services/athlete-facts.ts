import { getAthleteClinicalProfile, setAthleteClinicalProfile, type Database } from "@loadline/db";
import { type Actor, type AthleteClinicalProfile } from "@loadline/domain";
import { afterClinicalWrite } from "./assessments";
import { clinicalSubject, recordAudit } from "./audit";

const emptyProfile: AthleteClinicalProfile = { conditions: [], notes: "", preInjuryWeeklyKm: null, bmi: null, usualCadenceSpm: null };

const factLabels: Record<keyof AthleteClinicalProfile, string> = {
  conditions: "conditions",
  notes: "notes",
  preInjuryWeeklyKm: "pre-injury weekly km",
  bmi: "BMI",
  usualCadenceSpm: "usual cadence",
};

function changedFacts(before: AthleteClinicalProfile, after: AthleteClinicalProfile): string[] {
  return (Object.keys(factLabels) as (keyof AthleteClinicalProfile)[])
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => factLabels[key]);
}

/** The athlete's conditions, notes and clinician-recorded facts (audited read). */
export async function readClinicalProfile(db: Database, actor: Actor, now: Date, athleteId: string, pageViewId: string | null = null): Promise<AthleteClinicalProfile> {
  const athlete = await clinicalSubject(db, actor, "episode.read", athleteId);
  const profile = (await getAthleteClinicalProfile(db, actor.organisationId, athlete.id)) ?? emptyProfile;
  await recordAudit(db, actor, now, [{ athleteId: athlete.id, action: "read", entity: "athlete_profile", entityId: athlete.id, detail: "Viewed conditions, notes and athlete facts" }], pageViewId);
  return profile;
}

/**
 * The physio edits conditions, notes and the facts the rules read (pre-injury volume for E3.3,
 * BMI and conditions for R21, usual cadence for the gait hint): one write, its audit entry
 * naming what changed, and the re-assessment.
 */
export async function updateClinicalProfile(db: Database, actor: Actor, now: Date, athleteId: string, profile: AthleteClinicalProfile): Promise<AthleteClinicalProfile> {
  const athlete = await clinicalSubject(db, actor, "episode.write", athleteId);
  const before = (await getAthleteClinicalProfile(db, actor.organisationId, athlete.id)) ?? emptyProfile;
  await setAthleteClinicalProfile(db, actor.organisationId, athlete.id, profile, now);
  const changed = changedFacts(before, profile);
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "write", entity: "athlete_profile", entityId: athlete.id, detail: changed.length > 0 ? `Edited ${changed.join(", ")}` : "Saved conditions and notes (no change)" },
  ]);
  await afterClinicalWrite(db, actor.organisationId, [athlete.id], now);
  return profile;
}
