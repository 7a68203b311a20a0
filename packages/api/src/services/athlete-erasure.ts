import { DomainError, erasureConfirmed, SYSTEM_ACTOR_ID, type Actor, type AthleteErasureInput } from "@loadline/domain";
import { athletesPastRetention, eraseAthleteRecords, findErasableAthlete, insertAuditEntries, withOrganisation, type Database, type Transaction } from "@loadline/db";
import { fieldError } from "../errors";
import { assertCan } from "../trpc";

/**
 * Erase an athlete at their request (docs/data-protection.md): their personal data is removed
 * or anonymised, their clinical episodes, plans and the audit trail are kept pseudonymised.
 * The owner types the athlete's name to confirm. Runs in the procedure's one transaction; the
 * audit entry names the athlete by id only, never by the erased name or email.
 */
export async function eraseAthlete(db: Database, actor: Actor, now: Date, input: AthleteErasureInput): Promise<{ athleteId: string; erased: true }> {
  assertCan(actor, "athlete.erase", { organisationId: actor.organisationId, athleteId: input.athleteId });
  const athlete = await findErasableAthlete(db, actor.organisationId, input.athleteId);
  if (!athlete) throw new DomainError("not_found", "No such athlete in your club.");
  if (!erasureConfirmed(athlete.name, input.confirmName)) {
    throw fieldError("confirmName", "Type the athlete's name exactly as shown to confirm");
  }
  await eraseAndAudit(db, actor.organisationId, input.athleteId, now, actor.userId, "erased at the athlete's request");
  return { athleteId: input.athleteId, erased: true };
}

async function eraseAndAudit(db: Database | Transaction, organisationId: string, athleteId: string, now: Date, actorId: string, detail: string): Promise<boolean> {
  const erased = await eraseAthleteRecords(db, organisationId, athleteId, now);
  if (!erased) return false;
  await insertAuditEntries(db, organisationId, [{ actorId, athleteId, action: "write", entity: "athlete_erasure", entityId: athleteId, detail, at: now }]);
  return true;
}

/**
 * The retention job: erase every athlete archived longer than their club's setting, each in its
 * own tenant transaction (one failure does not hold back the rest), audited as done by the
 * system. Idempotent: an athlete erased already is not listed, and one erased in between is
 * skipped by the erasure itself. Returns how many were erased.
 */
export async function eraseArchivedPastRetention(db: Database, now: Date): Promise<{ erased: number }> {
  const due = await athletesPastRetention(db, now);
  let erased = 0;
  for (const { organisationId, athleteId, months } of due) {
    const done = await withOrganisation(db, organisationId, (tx) =>
      eraseAndAudit(tx, organisationId, athleteId, now, SYSTEM_ACTOR_ID, `erased by the club's retention setting (archived over ${months} months)`),
    );
    if (done) erased += 1;
  }
  return { erased };
}
