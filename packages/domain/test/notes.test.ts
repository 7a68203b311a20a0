import { describe, expect, it } from "vitest";
import { mentionedColleagues, noteInputSchema, readableNoteVisibilities, writableNoteVisibilities } from "../src";

const staff = [
  { id: "1", name: "Sam" },
  { id: "2", name: "Sam Lee" },
  { id: "3", name: "Priya Shah" },
];

describe("note mentions", () => {
  it("finds full names after @, longest first, in any case", () => {
    expect(mentionedColleagues("Thanks @sam lee, see @Priya Shah.", staff).map((s) => s.id)).toEqual(["2", "3"]);
    expect(mentionedColleagues("@Sam can you check?", staff).map((s) => s.id)).toEqual(["1"]);
  });
  it("ignores names run on into a longer word and bare names", () => {
    expect(mentionedColleagues("@Samuel and Priya Shah", staff)).toEqual([]);
  });
});

describe("note visibility", () => {
  it("keeps clinical notes from coaches and everything but shared notes from athletes", () => {
    expect(readableNoteVisibilities("coach")).not.toContain("clinical");
    expect(readableNoteVisibilities("athlete")).toEqual(["shared"]);
    expect(readableNoteVisibilities("physio")).toContain("clinical");
    expect(writableNoteVisibilities("coach")).toEqual(["staff", "shared"]);
    expect(writableNoteVisibilities("athlete")).toEqual([]);
  });
  it("requires a note body", () => {
    expect(noteInputSchema.safeParse({ visibility: "staff", body: "  " }).success).toBe(false);
    expect(noteInputSchema.safeParse({ visibility: "secret", body: "x" }).success).toBe(false);
  });
});
