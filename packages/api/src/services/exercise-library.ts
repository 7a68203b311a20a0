import { fileTypeFromBuffer } from "file-type";
import {
  assertExerciseImage,
  DomainError,
  EXERCISE_IMAGE_MAX_BYTES,
  exerciseMediaLabels as M,
  type Actor,
  type ExerciseCategory,
  type Phase,
} from "@loadline/domain";
import {
  createCustomExercise,
  exerciseNameTaken,
  getExercise,
  getExerciseVersion,
  listExerciseVersions,
  writeExerciseVersion,
  type Database,
  type ExerciseChange,
  type ExerciseRow,
} from "@loadline/db";
import { fieldError } from "../errors";
import { exerciseImageKey, type MediaStore } from "../storage/media-store";
import { assertCan } from "../trpc";
import { recordAudit } from "./audit";

/*
 * The club's exercise library as physios keep it. Each write is one use case: the policy, a new
 * version of the entry (refused when someone changed it since the form was opened), an audit
 * line, and the answer the form shows. The library feeds no engine input (plans carry their own
 * copy of what the rules read), so nothing is queued for re-assessment.
 */

export interface ExerciseFields {
  name: string;
  category: ExerciseCategory;
  phases: Phase[];
  heavy: boolean;
  highTendonLoad: boolean;
  hipFlexionDemand: "low" | "moderate" | "high";
  description: string;
}

/** What the physio's library page shows of one entry. */
export function libraryEntry(row: ExerciseRow) {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    phases: row.phases,
    heavy: row.heavy,
    highTendonLoad: row.highTendonLoad,
    hipFlexionDemand: row.hipFlexionDemand,
    description: row.description,
    custom: row.custom,
    version: row.version,
    howTo: row.howTo,
    videoUrl: row.videoUrl,
    hasImage: row.imageKey !== null,
    retired: row.retiredAt !== null,
    retiredAt: row.retiredAt,
    updatedAt: row.updatedAt,
  };
}

async function entryToChange(db: Database, actor: Actor, exerciseId: string, baseVersion: number): Promise<ExerciseRow> {
  assertCan(actor, "exercise.write", { organisationId: actor.organisationId });
  const row = await getExercise(db, actor.organisationId, exerciseId);
  if (!row) throw new DomainError("not_found", "No such exercise in your club's library.");
  if (row.version !== baseVersion) throw staleEntry();
  return row;
}

function staleEntry(): DomainError {
  return new DomainError("conflict", "Someone changed this exercise while you were editing it. Reload to see their version, then make your change again.");
}

async function saveVersion(db: Database, actor: Actor, now: Date, row: ExerciseRow, change: ExerciseChange, summary: string) {
  const saved = await writeExerciseVersion(db, actor.organisationId, row.id, row.version, change, { authorId: actor.userId, summary, now });
  if (!saved) throw staleEntry();
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "exercise", entityId: saved.id, detail: `${summary}: ${saved.name} (version ${saved.version})` }]);
  return saved;
}

/** Add a custom exercise to the library. */
export async function createExercise(db: Database, actor: Actor, now: Date, input: ExerciseFields) {
  assertCan(actor, "exercise.write", { organisationId: actor.organisationId });
  if (await exerciseNameTaken(db, actor.organisationId, input.name)) throw fieldError("name", "An exercise with this name already exists");
  const row = await createCustomExercise(db, actor.organisationId, actor.userId, input);
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "exercise", entityId: row.id, detail: `Added to the library: ${row.name}` }]);
  return libraryEntry(row);
}

/** Edit an entry's name, tags and description: a new version; plans keep the version they prescribed. */
export async function editExercise(db: Database, actor: Actor, now: Date, input: ExerciseFields & { exerciseId: string; baseVersion: number }) {
  const row = await entryToChange(db, actor, input.exerciseId, input.baseVersion);
  if (input.name !== row.name && (await exerciseNameTaken(db, actor.organisationId, input.name, row.id))) {
    throw fieldError("name", "An exercise with this name already exists");
  }
  const { exerciseId: _id, baseVersion: _base, ...fields } = input;
  const saved = await saveVersion(db, actor, now, row, fields, "Edited");
  return { exercise: libraryEntry(saved), message: `Saved ${saved.name} as version ${saved.version}. Plans that prescribe an earlier version keep it.` };
}

/** Retire an entry: no longer offered for new prescriptions; plans that hold it keep it. */
export async function retireExercise(db: Database, actor: Actor, now: Date, input: { exerciseId: string; baseVersion: number }) {
  const row = await entryToChange(db, actor, input.exerciseId, input.baseVersion);
  if (row.retiredAt) throw new DomainError("conflict", `${row.name} is already retired.`);
  const saved = await saveVersion(db, actor, now, row, { retiredAt: now }, "Retired");
  return { exercise: libraryEntry(saved), message: `${saved.name} is retired: it is no longer offered for new prescriptions. Plans that hold it keep it.` };
}

export async function restoreExercise(db: Database, actor: Actor, now: Date, input: { exerciseId: string; baseVersion: number }) {
  const row = await entryToChange(db, actor, input.exerciseId, input.baseVersion);
  if (!row.retiredAt) throw new DomainError("conflict", `${row.name} is not retired.`);
  const saved = await saveVersion(db, actor, now, row, { retiredAt: null }, "Restored");
  return { exercise: libraryEntry(saved), message: `${saved.name} is back in the library.` };
}

/** Bytes of an upload sent as base64 (the tRPC body is JSON); the limit is checked on the decoded size. */
export function decodeUpload(base64: string): Buffer {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length > EXERCISE_IMAGE_MAX_BYTES) throw fieldError("image", `${M.image} must be at most 5 MB`);
  return bytes;
}

export interface MediaInput {
  exerciseId: string;
  baseVersion: number;
  howTo: string;
  /** null: no video link. */
  videoUrl: string | null;
  /** A new image (base64), "remove" to drop the current one, or absent to keep it. */
  image?: { base64: string } | "remove";
}

/**
 * The how-to, video link and image of an entry: a new version. The image's type is read from
 * its bytes (a PNG renamed .jpg is a PNG; an HTML file renamed .png is refused), never from
 * its name or the browser's claim. The file is stored before the version commits; if the
 * transaction then fails, the file is left unreferenced, never a version without its file.
 */
export async function setExerciseMedia(db: Database, actor: Actor, now: Date, media: MediaStore, input: MediaInput) {
  const row = await entryToChange(db, actor, input.exerciseId, input.baseVersion);
  const change: ExerciseChange = { howTo: input.howTo, videoUrl: input.videoUrl };
  let upload: { key: string; bytes: Buffer; type: string } | null = null;
  if (input.image === "remove") {
    change.imageKey = null;
    change.imageType = null;
  } else if (input.image) {
    const bytes = decodeUpload(input.image.base64);
    const type = assertExerciseImage((await fileTypeFromBuffer(bytes))?.mime, bytes.length);
    upload = { key: exerciseImageKey(actor.organisationId, row.id, type), bytes, type };
    change.imageKey = upload.key;
    change.imageType = type;
  }
  const parts = [
    input.howTo !== row.howTo ? "how-to" : null,
    (input.videoUrl ?? null) !== row.videoUrl ? "video link" : null,
    input.image === "remove" ? "image removed" : upload ? "image" : null,
  ].filter((p): p is string => p !== null);
  if (upload) await media.put(upload.key, upload.bytes, upload.type);
  const saved = await saveVersion(db, actor, now, row, change, parts.length > 0 ? `Media changed (${parts.join(", ")})` : "Media saved");
  return { exercise: libraryEntry(saved), message: `Saved the how-to and media of ${saved.name} (version ${saved.version}).` };
}

/** Every version of an entry, newest first, with who wrote it. */
export async function exerciseHistory(db: Database, actor: Actor, exerciseId: string) {
  assertCan(actor, "exercise.read", { organisationId: actor.organisationId });
  const row = await getExercise(db, actor.organisationId, exerciseId);
  if (!row) throw new DomainError("not_found", "No such exercise in your club's library.");
  const versions = await listExerciseVersions(db, actor.organisationId, row.id);
  return versions.map((v) => ({
    version: v.version,
    change: v.change,
    name: v.name,
    howTo: v.howTo,
    videoUrl: v.videoUrl,
    hasImage: v.imageKey !== null,
    authorId: v.authorId,
    createdAt: v.createdAt,
  }));
}

/** The image of one version of an entry, for any member of the club (the athlete's Today shows it). */
export async function exerciseImage(db: Database, actor: Actor, media: MediaStore, input: { exerciseId: string; version: number }) {
  assertCan(actor, "exerciseMedia.read", { organisationId: actor.organisationId });
  const version = await getExerciseVersion(db, actor.organisationId, input.exerciseId, input.version);
  if (!version?.imageKey || !version.imageType) throw new DomainError("not_found", "This exercise has no image.");
  const bytes = await media.get(version.imageKey);
  if (!bytes) throw new DomainError("not_found", "This exercise has no image.");
  return { bytes, contentType: version.imageType };
}
