import { z } from "zod";
import { noteText } from "./input-primitives";
import type { Role } from "./roles";

/**
 * Notes about an athlete. Each note is written for one audience:
 * - `staff`: the athlete's coaches and physios;
 * - `clinical`: physios only (coaches never receive it, not even as a count);
 * - `shared`: staff and the athlete it is about.
 */
export const noteVisibilities = ["staff", "clinical", "shared"] as const;
export type NoteVisibility = (typeof noteVisibilities)[number];

export const noteVisibilityLabels: Readonly<Record<NoteVisibility, string>> = {
  staff: "Staff (coaches and physios)",
  clinical: "Clinical (physios only)",
  shared: "Shared with the athlete",
};

/** The visibilities a role may read. */
export function readableNoteVisibilities(role: Role): NoteVisibility[] {
  switch (role) {
    case "physio":
      return ["staff", "clinical", "shared"];
    case "coach":
      return ["staff", "shared"];
    case "athlete":
      return ["shared"];
  }
}

/** The visibilities a role may write: coaches do not write clinical notes, athletes write none. */
export function writableNoteVisibilities(role: Role): NoteVisibility[] {
  if (role === "physio") return ["staff", "clinical", "shared"];
  if (role === "coach") return ["staff", "shared"];
  return [];
}

export const noteInputSchema = z.object({
  visibility: z.enum(noteVisibilities, { error: "Choose who may read the note" }),
  body: noteText("Note", 1),
});
export type NoteInput = z.infer<typeof noteInputSchema>;

const letter = /[\p{L}\p{N}]/u;

/**
 * The colleagues a note mentions: "@" followed by a colleague's full name (any case), not run on
 * into a longer word ("@Sam Lee" mentions Sam Lee, "@Samuel" does not mention Sam). Longest names are
 * matched first so "@Sam Lee" is not also taken as "@Sam".
 */
export function mentionedColleagues<T extends { id: string; name: string }>(body: string, colleagues: readonly T[]): T[] {
  const text = body.toLocaleLowerCase("en-GB");
  const found: { colleague: T; at: number }[] = [];
  const taken: [number, number][] = [];
  for (const colleague of [...colleagues].sort((a, b) => b.name.length - a.name.length)) {
    const needle = `@${colleague.name.trim().toLocaleLowerCase("en-GB")}`;
    if (needle.length < 2) continue;
    for (let from = text.indexOf(needle); from !== -1; from = text.indexOf(needle, from + 1)) {
      const end = from + needle.length;
      if (letter.test(text[end] ?? "")) continue;
      if (taken.some(([s, e]) => from < e && end > s)) continue;
      taken.push([from, end]);
      found.push({ colleague, at: from });
      break;
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.colleague);
}
