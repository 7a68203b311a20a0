import {
  mentionedColleagues,
  readableNoteVisibilities,
  writableNoteVisibilities,
  DomainError,
  type Actor,
  type NoteInput,
} from "@loadline/domain";
import { getAthlete, insertAthleteNote, insertNotifications, listAthleteNotes, listStaff, type Database } from "@loadline/db";
import { fieldError } from "../errors";
import type { PushAfterCommit } from "../push/push-sender";
import { recordAudit } from "./audit";
import { assertCan } from "../trpc";

/** The athlete a note procedure is about: their own for an athlete, any of the club for staff. */
async function noteSubject(db: Database, actor: Actor, action: "athleteNote.read" | "athleteNote.write", athleteId: string) {
  assertCan(actor, action, { organisationId: actor.organisationId, athleteId });
  const athlete = await getAthlete(db, actor.organisationId, athleteId);
  if (!athlete) throw new DomainError("not_found", "No such athlete in your club.");
  return athlete;
}

/**
 * The thread about one athlete as the reader may see it: the query asks only for the
 * visibilities the reader's role may read, so a coach's answer cannot hold a clinical note.
 * Every read of clinical notes is audited.
 */
export async function readNoteThread(db: Database, actor: Actor, athleteId: string, now: Date) {
  const athlete = await noteSubject(db, actor, "athleteNote.read", athleteId);
  const notes = await listAthleteNotes(db, actor.organisationId, athlete.id, readableNoteVisibilities(actor.role));
  const clinical = notes.filter((n) => n.visibility === "clinical");
  if (clinical.length > 0) {
    await recordAudit(db, actor, now, [
      { athleteId: athlete.id, action: "read", entity: "athlete_note", detail: `Read ${clinical.length} clinical note(s)` },
    ]);
  }
  return {
    athlete: { id: athlete.id, name: athlete.name },
    writable: writableNoteVisibilities(actor.role),
    notes: notes.map((n) => ({
      id: n.id,
      authorName: n.authorName,
      authorRole: n.authorRole,
      visibility: n.visibility,
      body: n.body,
      createdAt: n.createdAt,
      mine: n.authorId === actor.userId,
    })),
  };
}

/**
 * Add a note to an athlete's thread. Colleagues mentioned by "@Full Name" who may read the
 * note get an in-app notification naming the author and athlete, never the note's text, and a
 * Web Push on the browsers where they turned it on, once the note has committed. The push says
 * only "New mention in Loadline" and the page to open: it passes through a browser vendor's
 * push service, so it carries no names and no health data.
 */
export async function addNote(db: Database, actor: Actor, now: Date, input: NoteInput & { athleteId: string }, push: PushAfterCommit | null = null) {
  const athlete = await noteSubject(db, actor, "athleteNote.write", input.athleteId);
  if (!writableNoteVisibilities(actor.role).includes(input.visibility)) {
    throw fieldError("visibility", "Clinical notes are for physios: choose staff or shared");
  }
  const note = await insertAthleteNote(db, actor.organisationId, {
    athleteId: athlete.id,
    authorId: actor.userId,
    visibility: input.visibility,
    body: input.body,
    createdAt: now,
  });
  const staff = await listStaff(db, actor.organisationId);
  const author = staff.find((s) => s.id === actor.userId);
  const mentioned = mentionedColleagues(
    input.body,
    staff.filter((s) => s.id !== actor.userId && readableNoteVisibilities(s.role).includes(input.visibility)),
  );
  await insertNotifications(
    db,
    actor.organisationId,
    mentioned.map((m) => ({
      userId: m.id,
      kind: "mention" as const,
      athleteId: athlete.id,
      noteId: note.id,
      message: `${author?.name ?? "A colleague"} mentioned you in a note about ${athlete.name}`.slice(0, 200),
      createdAt: now,
    })),
  );
  if (input.visibility === "clinical") {
    await recordAudit(db, actor, now, [{ athleteId: athlete.id, action: "write", entity: "athlete_note", entityId: note.id, detail: "Wrote a clinical note" }]);
  }
  push?.(
    mentioned.map((m) => ({
      userId: m.id,
      message: { title: "New mention in Loadline", body: "A colleague mentioned you in a note.", path: `/${m.role}/athletes/${athlete.id}` },
    })),
  );
  return { id: note.id, mentioned: mentioned.map((m) => m.name) };
}
