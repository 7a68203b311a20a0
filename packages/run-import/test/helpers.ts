import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importRunFile, RunImportError, type ImportedActivity } from "../src";

export const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, "fixtures", name)));

/** The activity the form offers first (the longest run). */
export function imported(name: string, bytes = fixture(name)): ImportedActivity {
  const file = importRunFile(name, bytes);
  return file.activities[file.suggested]!;
}

export function failure(name: string, bytes = fixture(name)): RunImportError {
  try {
    importRunFile(name, bytes);
  } catch (error) {
    if (error instanceof RunImportError) return error;
    throw error;
  }
  throw new Error(`${name} imported without an error`);
}
