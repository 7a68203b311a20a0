import { assertDateInRange, DomainError, type Actor, type SquadSessionInput } from "@loadline/domain";
import { countOwnSquads, createSquadSession, deleteSquadSession, getSquadSession, listBoardAthletes, updateSquadSession, type Database } from "@loadline/db";
import { fieldError } from "../errors";
import { afterClinicalWrite } from "./assessments";

/** A squad of the actor's club, or a refusal at the squad field. */
export async function assertOwnSquad(db: Database, organisationId: string, squadId: string) {
  if ((await countOwnSquads(db, organisationId, [squadId])) !== 1) throw fieldError("squadId", "Choose a squad of your club");
}

/** Athletes of a squad: their assessments change when the squad's plan changes (R16). */
async function squadAthleteIds(db: Database, organisationId: string, squadIds: string[]): Promise<string[]> {
  return (await listBoardAthletes(db, organisationId, squadIds)).map((a) => a.id);
}

function notFound(): never {
  throw new DomainError("not_found", "No such planned session in your club.");
}

/** Plan a session for a squad of the club; its athletes are re-assessed. */
export async function createPlannedSession(db: Database, actor: Actor, now: Date, input: SquadSessionInput) {
  const { organisationId, userId } = actor;
  assertDateInRange(input.at, now, "at", "planned");
  await assertOwnSquad(db, organisationId, input.squadId);
  const created = await createSquadSession(db, organisationId, userId, input);
  await afterClinicalWrite(db, organisationId, await squadAthleteIds(db, organisationId, [input.squadId]), now);
  return created;
}

/** Change a planned session (possibly moving it to another squad); the athletes of both squads are re-assessed. */
export async function updatePlannedSession(db: Database, actor: Actor, now: Date, input: SquadSessionInput & { id: string }) {
  const { organisationId } = actor;
  const { id, ...values } = input;
  assertDateInRange(values.at, now, "at", "planned");
  const existing = (await getSquadSession(db, organisationId, id)) ?? notFound();
  await assertOwnSquad(db, organisationId, values.squadId);
  if (!(await updateSquadSession(db, organisationId, id, values))) notFound();
  const squads = [...new Set([existing.squadId, values.squadId])];
  await afterClinicalWrite(db, organisationId, await squadAthleteIds(db, organisationId, squads), now);
  return { id };
}

/** Remove a planned session; its squad's athletes are re-assessed. */
export async function removePlannedSession(db: Database, actor: Actor, now: Date, id: string) {
  const { organisationId } = actor;
  const existing = (await getSquadSession(db, organisationId, id)) ?? notFound();
  await deleteSquadSession(db, organisationId, id);
  await afterClinicalWrite(db, organisationId, await squadAthleteIds(db, organisationId, [existing.squadId]), now);
  return { id };
}
