import { describe, expect, it } from "vitest";
import type { CompliancePeriod } from "@loadline/domain";
import { columnFiltersOf, sortingOf, sortParamOf, visibleRows, type BoardFilters } from "../src/app/coach/board/board-model";
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
    expect(names(visibleRows(all, noFilters, ""))).toEqual(["Dev", "Eli", "Ada", "Cleo", "Fay", "Ben"]);
  });

  it("sorts by name A-Z, and the reverse", () => {
    expect(names(visibleRows(all, noFilters, "name"))).toEqual(["Ada", "Ben", "Cleo", "Dev", "Eli", "Fay"]);
    expect(names(visibleRows(all, noFilters, "-name"))).toEqual(["Fay", "Eli", "Dev", "Cleo", "Ben", "Ada"]);
  });

  it("keeps ties in name order in both directions", () => {
    // Ben and Fay are both available; Dev has no assessment (-1, lowest).
    expect(names(visibleRows(all, noFilters, "availability"))).toEqual(["Dev", "Ben", "Fay", "Cleo", "Ada", "Eli"]);
    expect(names(visibleRows(all, noFilters, "-availability"))).toEqual(["Eli", "Ada", "Cleo", "Ben", "Fay", "Dev"]);
  });

  it("sorts by a hidden column (last log: never logged counts as longest ago)", () => {
    expect(names(visibleRows([eli, ada, ben], noFilters, "-lastLog"))).toEqual(["Eli", "Ada", "Ben"]);
  });

  it("falls back to the flags order for an unknown sort parameter", () => {
    expect(sortingOf("-nonsense")).toEqual([{ id: "flags", desc: true }]);
    expect(sortingOf("squads")).toEqual([{ id: "flags", desc: true }]);
    expect(sortParamOf(sortingOf("pain"))).toBe("pain");
    expect(sortParamOf(sortingOf(""))).toBe("-flags");
  });
});

describe("the board's filters", () => {
  it("searches the name or the event, ignoring case", () => {
    expect(names(visibleRows(all, { ...noFilters, q: "cle" }, "name"))).toEqual(["Cleo"]);
    expect(names(visibleRows(all, { ...noFilters, q: " HURDLES " }, "name"))).toEqual(["Cleo"]);
  });

  it("filters by availability, worst actionable flag and phase; a row not assessed yet is hidden by them", () => {
    expect(names(visibleRows(all, { ...noFilters, availability: "rehab" }, "name"))).toEqual(["Ada"]);
    expect(names(visibleRows(all, { ...noFilters, severity: "amber" }, "name"))).toEqual(["Cleo", "Fay"]);
    // Information-only flags count as none.
    expect(names(visibleRows(all, { ...noFilters, severity: "none" }, "name"))).toEqual(["Ben"]);
    expect(names(visibleRows(all, { ...noFilters, phase: "rehab" }, "name"))).toEqual(["Ada", "Cleo"]);
    expect(names(visibleRows(all, { ...noFilters, phase: "2" }, "name"))).toEqual(["Ada"]);
    expect(names(visibleRows(all, { ...noFilters, phase: "none" }, "name"))).toEqual(["Ben", "Eli", "Fay"]);
  });

  it("shows a row not assessed yet under the name and squad filters", () => {
    expect(names(visibleRows(all, { ...noFilters, q: "dev" }, "name"))).toEqual(["Dev"]);
    expect(names(visibleRows(all, { ...noFilters, squad: { filter: DISTANCE, mine: [] } }, "name"))).toEqual(["Ada", "Ben", "Dev", "Eli", "Fay"]);
  });

  it("narrows to the coach's squads or one squad", () => {
    expect(names(visibleRows(all, { ...noFilters, squad: { filter: "mine", mine: [SPRINT] } }, "name"))).toEqual(["Cleo"]);
    expect(names(visibleRows(all, { ...noFilters, squad: { filter: SPRINT, mine: [] } }, "name"))).toEqual(["Cleo"]);
  });

  it("ignores an unknown phase value rather than hiding every row", () => {
    expect(columnFiltersOf({ ...noFilters, phase: "7" })).toEqual([{ id: "squads", value: { filter: "all", mine: [] } }]);
    expect(visibleRows(all, { ...noFilters, phase: "7" }, "name")).toHaveLength(all.length);
  });
});
