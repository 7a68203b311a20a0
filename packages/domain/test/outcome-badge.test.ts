import { describe, expect, it } from "vitest";
import { outcomeBadge } from "../src/clinical";

describe("outcome badge on screens", () => {
  it("a green outcome with a missing morning never shows green", () => {
    expect(outcomeBadge({ zone: "green", pending: false, incomplete: true })).toEqual({ tone: "incomplete", label: "Incomplete: log your morning pain" });
    expect(outcomeBadge({ zone: "green", pending: false, incomplete: false })).toEqual({ tone: "green", label: "Green" });
  });

  it("amber and red keep their zone and say a morning is missing; pending says so", () => {
    expect(outcomeBadge({ zone: "amber", pending: false, incomplete: true })).toEqual({ tone: "amber", label: "Amber (a morning is missing)" });
    expect(outcomeBadge({ zone: "green", pending: true, incomplete: false })).toEqual({ tone: "green", label: "Green (next morning pending)" });
  });
});
