import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  assertDateInRange,
  calendarDateInput,
  DomainError,
  dateTimeInput,
  finiteNumber,
  nameText,
  noteText,
  runLogInputSchema,
  TEXT_LIMITS,
} from "../src";

const NOW = new Date("2026-11-21T09:00:00Z");

/** The first message zod gives for `value`, or "ok". */
function verdict(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  return result.success ? "ok" : (result.error.issues[0]?.message ?? "?");
}

describe("text", () => {
  it("refuses NUL and other control characters in names", () => {
    for (const bad of ["Ada\u0000", "Ada\u0007Lovelace", "Ada\nLovelace", "Ada\tL", "\u009bAda", "Ada\u007f"]) {
      expect([bad, verdict(nameText("Name"), bad)]).toEqual([bad, "Name must not contain control characters"]);
    }
  });

  it("allows tabs and line breaks in notes, nothing else of the kind", () => {
    expect(verdict(noteText("notes"), "Felt fine.\n\tWarm-up\r\nthen hills")).toBe("ok");
    expect(verdict(noteText("notes"), "before\u0000after")).toBe("notes must not contain control characters");
  });

  it("refuses half a surrogate pair, keeps real emoji", () => {
    expect(verdict(noteText("notes"), "bad \ud800 text")).toBe("notes contains a character that is not valid text");
    expect(verdict(noteText("notes"), "great run 🏃")).toBe("ok");
  });

  it("limits names to 100, notes to 5,000 characters (after trimming)", () => {
    expect(TEXT_LIMITS).toEqual({ name: 100, title: 200, note: 5000 });
    expect(verdict(nameText("Name"), "a".repeat(100))).toBe("ok");
    expect(verdict(nameText("Name"), "a".repeat(101))).toBe("Name must be at most 100 characters");
    expect(verdict(nameText("Name"), `  ${"a".repeat(100)}  `)).toBe("ok");
    expect(verdict(noteText("notes"), "a".repeat(5001))).toBe("notes must be at most 5,000 characters");
    expect(verdict(nameText("Name"), "   ")).toBe("Name is required");
  });

  it("refuses what is not text", () => {
    for (const bad of [1, null, {}, [], true]) expect(verdict(nameText("Name"), bad)).toBe("Name must be text");
  });
});

describe("numbers", () => {
  it("refuses values outside the physical range, however finite", () => {
    const speed = finiteNumber("speedKmh", 0, 40);
    for (const bad of [1e308, -1e308, 41, -0.1, Number.MAX_VALUE, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(verdict(speed, bad)).toMatch(/^speedKmh must be (a number )?between 0 and 40$/);
    }
    expect(verdict(speed, 12.5)).toBe("ok");
    expect(verdict(speed, "12")).toBe("speedKmh must be a number between 0 and 40");
  });

  it("log forms cap distances and counts", () => {
    const run = (extra: Record<string, unknown>) => runLogInputSchema.safeParse({ at: "2026-11-20T07:00Z", painDuring: 2, distanceKm: 5, ...extra });
    expect(run({ elevationGainM: 1e308 }).success).toBe(false);
    expect(run({ strides: 1e9 }).success).toBe(false);
    expect(run({ distanceKm: 1e308 }).success).toBe(false);
  });
});

describe("date-times", () => {
  const at = dateTimeInput("at");

  it("accepts ISO 8601 strings and Dates", () => {
    expect(at.parse("2026-11-20T07:30:00Z")).toEqual(new Date("2026-11-20T07:30:00Z"));
    expect(at.parse("2026-11-20T07:30:00.123+01:00")).toEqual(new Date("2026-11-20T06:30:00.123Z"));
    expect(at.parse("2026-11-20T07:30")).toBeInstanceOf(Date);
    expect(at.parse(new Date("2026-11-20T07:30:00Z"))).toEqual(new Date("2026-11-20T07:30:00Z"));
  });

  it("refuses numbers and strings that are not ISO date-times", () => {
    for (const bad of [0.5, -1, 0, 1_763_000_000_000, "0", "0.5", "-1", "", "2026-11-20", "20/11/2026 07:00", "2026-11-20 07:00", "yesterday", null, {}, []]) {
      expect([bad, verdict(at, bad)]).toEqual([bad, "at must be a date and time such as 2026-11-21T09:00Z"]);
    }
  });

  it("refuses days that do not exist rather than rolling them over", () => {
    for (const bad of ["2026-02-30T10:00Z", "2026-02-29T10:00Z", "2026-04-31T10:00Z", "2026-13-01T10:00Z", "2026-00-10T10:00Z", "2026-11-20T24:00Z", "2026-11-20T10:60Z"]) {
      expect([bad, verdict(at, bad)]).toEqual([bad, "at is not a real date and time"]);
    }
    expect(verdict(at, "2028-02-29T10:00Z")).toBe("ok");
  });

  it("refuses years before 1900 and invalid Dates", () => {
    expect(verdict(at, "1899-12-31T23:59Z")).toBe("at must be a date from 1900 on");
    expect(verdict(at, new Date("1800-01-01T00:00:00Z"))).toBe("at must be a date from 1900 on");
    expect(verdict(at, new Date(Number.NaN))).toBe("at must be a date and time such as 2026-11-21T09:00Z");
  });

  it("checks the future against the request's clock: never for the past, two years for plans", () => {
    expect(() => assertDateInRange(new Date("2026-11-21T09:00:30Z"), NOW, "at", "past")).not.toThrow();
    expect(() => assertDateInRange(new Date("2026-11-21T09:02:00Z"), NOW, "at", "past")).toThrow(DomainError);
    expect(() => assertDateInRange(new Date("2028-11-21T12:00:00Z"), NOW, "at", "planned")).not.toThrow();
    try {
      assertDateInRange(new Date("2028-11-22T00:00:00Z"), NOW, "at", "planned");
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).fieldErrors).toEqual({ at: ["Date and time must be within 2 years from today"] });
    }
  });
});

describe("calendar dates", () => {
  const day = calendarDateInput("onsetDate");

  it("accepts real days as YYYY-MM-DD", () => {
    expect(day.parse("2026-02-28")).toBe("2026-02-28");
    expect(day.parse("2024-02-29")).toBe("2024-02-29");
  });

  it("refuses impossible days, other formats, numbers and years before 1900", () => {
    expect(verdict(day, "2026-02-30")).toBe("onsetDate is not a real date");
    expect(verdict(day, "2026-02-29")).toBe("onsetDate is not a real date");
    for (const bad of ["0", "0.5", "-1", "2026-2-3", "2026-02-03T00:00Z"]) expect(verdict(day, bad)).toBe("onsetDate must be a date such as 2026-11-21");
    expect(verdict(day, 0.5)).toBe("onsetDate must be a date such as 2026-11-21");
    expect(verdict(day, "1899-12-31")).toBe("onsetDate must be a date from 1900 on");
  });
});
