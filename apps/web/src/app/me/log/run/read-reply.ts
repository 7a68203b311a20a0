import { importRunFile, RunImportError, type ImportedFile } from "@loadline/run-import";

/** What reading a file gives the form: the activities in it, or a sentence saying why not. */
export type ReadReply = { ok: true; file: ImportedFile } | { ok: false; message: string };

/** A request to the reading worker (the bytes are copied, so the page keeps its own). */
export interface ReadRequest {
  name: string;
  bytes: ArrayBuffer;
}

const UNREADABLE = "This file could not be read. Export it again from your watch app, or type the run in.";

/** Read a file where this runs (the worker, or the page if workers are unavailable). */
export function readReply(name: string, bytes: Uint8Array): ReadReply {
  try {
    return { ok: true, file: importRunFile(name, bytes) };
  } catch (error) {
    return { ok: false, message: error instanceof RunImportError ? error.message : UNREADABLE };
  }
}
