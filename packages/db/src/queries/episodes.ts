import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { EpisodeInput, ProvocationTestInput } from "@loadline/domain";
import type { Database } from "../client";
import { athleteProfiles, injuryEpisodes, provocationTests, users } from "../schema";

export type EpisodeRow = typeof injuryEpisodes.$inferSelect;
export type ProvocationTestRow = typeof provocationTests.$inferSelect;

export interface EpisodeDetail extends EpisodeRow {
  owningClinicianName: string;
  provocationTests: ProvocationTestRow[];
}

/** Episodes of one athlete, newest first, with their provocation tests and clinician name. */
export async function listEpisodes(db: Database, organisationId: string, athleteId: string): Promise<EpisodeDetail[]> {
  const rows = await db
    .select({ episode: injuryEpisodes, clinician: users.name })
    .from(injuryEpisodes)
    .innerJoin(users, eq(users.id, injuryEpisodes.owningClinicianId))
    .where(and(eq(injuryEpisodes.organisationId, organisationId), eq(injuryEpisodes.athleteId, athleteId)))
    .orderBy(desc(injuryEpisodes.createdAt));
  if (rows.length === 0) return [];
  const tests = await db
    .select()
    .from(provocationTests)
    .where(
      and(
        eq(provocationTests.organisationId, organisationId),
        inArray(
          provocationTests.episodeId,
          rows.map((r) => r.episode.id),
        ),
      ),
    )
    .orderBy(asc(provocationTests.at));
  return rows.map((r) => ({
    ...r.episode,
    owningClinicianName: r.clinician,
    provocationTests: tests.filter((t) => t.episodeId === r.episode.id),
  }));
}

export async function getEpisode(db: Database, organisationId: string, episodeId: string): Promise<EpisodeRow | null> {
  const [row] = await db
    .select()
    .from(injuryEpisodes)
    .where(and(eq(injuryEpisodes.organisationId, organisationId), eq(injuryEpisodes.id, episodeId)))
    .limit(1);
  return row ?? null;
}

/** The athlete's open (active) episode, if any. */
export async function getOpenEpisode(db: Database, organisationId: string, athleteId: string): Promise<EpisodeRow | null> {
  const [row] = await db
    .select()
    .from(injuryEpisodes)
    .where(
      and(eq(injuryEpisodes.organisationId, organisationId), eq(injuryEpisodes.athleteId, athleteId), eq(injuryEpisodes.status, "active")),
    )
    .orderBy(desc(injuryEpisodes.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertEpisode(
  db: Database,
  organisationId: string,
  athleteId: string,
  input: EpisodeInput,
  now: Date,
): Promise<EpisodeRow> {
  const [row] = await db
    .insert(injuryEpisodes)
    .values({ ...input, organisationId, athleteId, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error("could not open the episode");
  return row;
}

export async function updateEpisode(
  db: Database,
  organisationId: string,
  episodeId: string,
  input: EpisodeInput,
  now: Date,
): Promise<EpisodeRow | null> {
  const [row] = await db
    .update(injuryEpisodes)
    .set({ ...input, updatedAt: now })
    .where(and(eq(injuryEpisodes.organisationId, organisationId), eq(injuryEpisodes.id, episodeId)))
    .returning();
  return row ?? null;
}

/** Close an active episode (status resolved); a closing note is appended to the clinical notes. */
export async function closeEpisode(
  db: Database,
  organisationId: string,
  episodeId: string,
  closingNote: string,
  now: Date,
): Promise<EpisodeRow | null> {
  const current = await getEpisode(db, organisationId, episodeId);
  if (!current || current.status !== "active") return null;
  const notes = [current.clinicalNotes, `Closed ${now.toISOString().slice(0, 10)}: ${closingNote}`].filter(Boolean).join("\n\n");
  const [row] = await db
    .update(injuryEpisodes)
    .set({ status: "resolved", closedAt: now, clinicalNotes: notes, updatedAt: now })
    .where(and(eq(injuryEpisodes.organisationId, organisationId), eq(injuryEpisodes.id, episodeId)))
    .returning();
  return row ?? null;
}

export async function insertProvocationTest(
  db: Database,
  organisationId: string,
  episode: Pick<EpisodeRow, "id" | "athleteId">,
  input: ProvocationTestInput,
  at: Date,
): Promise<ProvocationTestRow> {
  const [row] = await db
    .insert(provocationTests)
    .values({ ...input, organisationId, athleteId: episode.athleteId, episodeId: episode.id, at })
    .returning();
  if (!row) throw new Error("could not record the test");
  return row;
}

export async function getProvocationTest(db: Database, organisationId: string, testId: string): Promise<ProvocationTestRow | null> {
  const [row] = await db
    .select()
    .from(provocationTests)
    .where(and(eq(provocationTests.organisationId, organisationId), eq(provocationTests.id, testId)));
  return row ?? null;
}

export async function deleteProvocationTest(db: Database, organisationId: string, testId: string): Promise<ProvocationTestRow | null> {
  const [row] = await db
    .delete(provocationTests)
    .where(and(eq(provocationTests.organisationId, organisationId), eq(provocationTests.id, testId)))
    .returning();
  return row ?? null;
}

export interface OpenEpisodeSummary {
  episodeId: string;
  athleteId: string;
  athleteName: string;
  side: EpisodeRow["side"];
  openedAt: Date;
  owningClinicianName: string;
}

/** Every active episode of the organisation (the caseload's rows), athletes not archived. */
export async function listOpenEpisodes(db: Database, organisationId: string): Promise<OpenEpisodeSummary[]> {
  const clinician = alias(users, "clinician");
  const rows = await db
    .select({
      episodeId: injuryEpisodes.id,
      athleteId: injuryEpisodes.athleteId,
      athleteName: users.name,
      side: injuryEpisodes.side,
      openedAt: injuryEpisodes.createdAt,
      owningClinicianName: clinician.name,
    })
    .from(injuryEpisodes)
    .innerJoin(athleteProfiles, eq(athleteProfiles.id, injuryEpisodes.athleteId))
    .innerJoin(users, eq(users.id, athleteProfiles.userId))
    .innerJoin(clinician, eq(clinician.id, injuryEpisodes.owningClinicianId))
    .where(and(eq(injuryEpisodes.organisationId, organisationId), eq(injuryEpisodes.status, "active"), isNull(athleteProfiles.archivedAt)))
    .orderBy(asc(users.name));
  // One open episode per athlete on the caseload (the newest, should two ever be open).
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.athleteId) ? false : (seen.add(r.athleteId), true)));
}

/** Reopen a closed episode (its plan counts again); the reason is appended to its notes. Null when it is not closed. */
export async function reopenEpisode(db: Database, organisationId: string, episodeId: string, reason: string, now: Date): Promise<EpisodeRow | null> {
  const current = await getEpisode(db, organisationId, episodeId);
  if (!current || current.status !== "resolved") return null;
  const notes = [current.clinicalNotes, `Reopened ${now.toISOString().slice(0, 10)}: ${reason}`].filter(Boolean).join("\n\n");
  const [row] = await db
    .update(injuryEpisodes)
    .set({ status: "active", closedAt: null, clinicalNotes: notes.slice(0, 5000), updatedAt: now })
    .where(and(eq(injuryEpisodes.organisationId, organisationId), eq(injuryEpisodes.id, episodeId)))
    .returning();
  return row ?? null;
}
