import { describe, expect, it } from "vitest";
import type { CompliancePeriod } from "@loadline/domain";
import { boardColumns, boardUrl, columnFiltersOf, sortableColumnIds, visibleRows, type BoardFilters } from "../src/app/coach/board/board-model";
import type { BoardRow } from "../src/app/coach/_lib/types";

const EVALUATED_AT = Date.UTC(2026, 10, 30, 8);
const DISTANCE = "00000000-0000-4000-8000-000000000001";
const SPRINT = "00000000-0000-4000-8000-000000000002";

function period(days: number, percent: number | null): CompliancePeriod {
  const none = { expected: 0, done: 0 };
  return { days, countedDays: days, checkIns: none, sessions: none, questionnaires: none, expected: 0, done: 0, percent };
}

type View = NonNullable<BoardRow["assessment"]>;

function row(name: string, view: Partial<View> | null, extra: Partial<BoardRow> = {}): BoardRow {
  const assessment: View | null =
    view === null
      ? null
      : {
          evaluatedAt: EVALUATED_AT,
          availability: "available",
          medicalReviewNeeded: false,
          phase: null,
          inRehab: false,
          worstSeverity: null,
          progressionBlocked: false,
          flags: [],
          latestOutcome: null,
          nextHighLoadAt: null,
          workload: {
            weeklyVolume: { unit: "km", current: 0, previous: 0, changePct: null, zone: null, comparedWith: null },
            acwr: null,
            acwrZone: null,
            acwrSummary: "Not enough history.",
          },
          compliance: { last7: period(7, null), last28: period(28, null) },
          calendar: { timeZone: "Europe/London", locale: "en-GB" },
          ...view,
        };
  return {
    athlete: { id: `id-${name}`, name, eventOrSport: "1,500 m", squads: [{ id: DISTANCE, name: "Distance" }] },
    assessment,
    assessmentState: view === null ? "being_assessed" : "assessed",
    assessedAt: view === null ? null : EVALUATED_AT,
    assessedMinutesAgo: view === null ? null : 5,
    daysInPhase: null,
    pain14: [],
    daysSinceLastLog: 1,
    ...extra,
  };
}

type Flag = View["flags"][number];
const flag = (severity: Flag["severity"], ruleId: Flag["ruleId"] = "R3"): Flag => ({ ruleId, severity, message: `${ruleId} sentence.`, medicalReview: severity === "escalate" });

const names = (rows: BoardRow[]) =>
  rows.map((r) => r.athlete.name);

/** The sort as the URL gives it ("-flags": highest first). */
const sort = (param: string) => boardUrl.sort.parse(param || null);

const noFilters: BoardFilters = { q: "", availability: "", severity: "", phase: "", squad: { filter: "all", mine: [] } };

const ada = row("Ada", { availability: "rehab", phase: 2, inRehab: true, worstSeverity: "red", flags: [flag("red"), flag("amber", "R5")] });
const ben = row("Ben", { availability: "available", worstSeverity: "info", flags: [flag("info")] });
const cleo = row("Cleo", { availability: "modified", phase: 1, inRehab: true, worstSeverity: "amber", flags: [flag("amber")] }, { athlete: { id: "id-Cleo", name: "Cleo", eventOrSport: "Sprint hurdles", squads: [{ id: SPRINT, name: "Sprint" }] } });
const dev = row("Dev", null);
const eli = row("Eli", { availability: "unavailable", worstSeverity: "escalate", medicalReviewNeeded: true, flags: [flag("escalate", "R20")] }, { daysSinceLastLog: null });
const fay = row("Fay", { availability: "available", worstSeverity: "amber", flags: [flag("amber")] });
const all = [fay, eli, dev, cleo, ben, ada];

describe("the board's sort (TanStack Table model)", () => {
  it("opens on the most urgent first: not yet assessed, then medical review, red, amber by count, none; ties by name", () => {
    expect(names(visibleRows(all, noFilters, sort("")))).toEqual(["Dev", "Eli", "Ada", "Cleo", "Fay", "Ben"]);
  });

  it("sorts by name A-Z, and the reverse", () => {
    expect(names(visibleRows(all, noFilters, sort("name")))).toEqual(["Ada", "Ben", "Cleo", "Dev", "Eli", "Fay"]);
    expect(names(visibleRows(all, noFilters, sort("-name")))).toEqual(["Fay", "Eli", "Dev", "Cleo", "Ben", "Ada"]);
  });

  it("keeps ties in name order in both directions", () => {
    // Ben and Fay are both available; Dev has no assessment (-1, lowest).
    expect(names(visibleRows(all, noFilters, sort("availability")))).toEqual(["Dev", "Ben", "Fay", "Cleo", "Ada", "Eli"]);
    expect(names(visibleRows(all, noFilters, sort("-availability")))).toEqual(["Eli", "Ada", "Cleo", "Ben", "Fay", "Dev"]);
  });

  it("sorts by a hidden column (last log: never logged counts as longest ago)", () => {
    expect(names(visibleRows([eli, ada, ben], noFilters, sort("-lastLog")))).toEqual(["Eli", "Ada", "Ben"]);
  });

  it("reads the sort from the URL, falling back to the flags order for an unknown column", () => {
    expect(sort("-nonsense")).toEqual({ id: "flags", desc: true });
    expect(sort("squads")).toEqual({ id: "flags", desc: true });
    expect(sort("pain")).toEqual({ id: "pain", desc: false });
    // The default is left out of the URL; another sort is written the way it is read.
    expect(boardUrl.sort.serialize({ id: "flags", desc: true })).toBeNull();
    expect(boardUrl.sort.serialize({ id: "name", desc: true })).toBe("-name");
  });

  it("can sort by every column but the squads", () => {
    expect(boardColumns.map((c) => c.id).filter((id) => id !== "squads")).toEqual([...sortableColumnIds]);
  });
});

describe("the board's filters", () => {
  it("searches the name or the event, ignoring case", () => {
    expect(names(visibleRows(all, { ...noFilters, q: "cle" }, sort("name")))).toEqual(["Cleo"]);
    expect(names(visibleRows(all, { ...noFilters, q: " HURDLES " }, sort("name")))).toEqual(["Cleo"]);
  });

  it("filters by availability, worst actionable flag and phase; a row not assessed yet is hidden by them", () => {
    expect(names(visibleRows(all, { ...noFilters, availability: "rehab" }, sort("name")))).toEqual(["Ada"]);
    expect(names(visibleRows(all, { ...noFilters, severity: "amber" }, sort("name")))).toEqual(["Cleo", "Fay"]);
    // Information-only flags count as none.
    expect(names(visibleRows(all, { ...noFilters, severity: "none" }, sort("name")))).toEqual(["Ben"]);
    expect(names(visibleRows(all, { ...noFilters, phase: "rehab" }, sort("name")))).toEqual(["Ada", "Cleo"]);
    expect(names(visibleRows(all, { ...noFilters, phase: "2" }, sort("name")))).toEqual(["Ada"]);
    expect(names(visibleRows(all, { ...noFilters, phase: "none" }, sort("name")))).toEqual(["Ben", "Eli", "Fay"]);
  });

  it("shows a row not assessed yet under the name and squad filters", () => {
    expect(names(visibleRows(all, { ...noFilters, q: "dev" }, sort("name")))).toEqual(["Dev"]);
    expect(names(visibleRows(all, { ...noFilters, squad: { filter: DISTANCE, mine: [] } }, sort("name")))).toEqual(["Ada", "Ben", "Dev", "Eli", "Fay"]);
  });

  it("narrows to the coach's squads or one squad", () => {
    expect(names(visibleRows(all, { ...noFilters, squad: { filter: "mine", mine: [SPRINT] } }, sort("name")))).toEqual(["Cleo"]);
    expect(names(visibleRows(all, { ...noFilters, squad: { filter: SPRINT, mine: [] } }, sort("name")))).toEqual(["Cleo"]);
  });

  it("reads an unknown filter value in the URL as any, rather than hiding every row", () => {
    const phase = boardUrl.phase.parse("7");
    const severity = boardUrl.severity.parse("purple");
    expect([phase, severity]).toEqual(["", ""]);
    expect(columnFiltersOf({ ...noFilters, phase, severity })).toEqual([{ id: "squads", value: { filter: "all", mine: [] } }]);
    expect(boardUrl.phase.parse("3")).toBe("3");
  });
});

