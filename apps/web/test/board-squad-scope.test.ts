import { describe, expect, it } from "vitest";
import { boardQueryInput, boardSquadFilter } from "../src/app/coach/board/squad-scope";

const mine = ["11111111-1111-4111-8111-111111111111"];
const other = "22222222-2222-4222-8222-222222222222";

describe("the squads the board asks the server for", () => {
  it("opens on the coach's own squads, and on every squad for a coach without one", () => {
    expect(boardSquadFilter(undefined, mine)).toBe("mine");
    expect(boardSquadFilter("", [])).toBe("all");
    expect(boardQueryInput("mine", mine)).toEqual({ squadIds: mine });
  });

  it("asks for one squad or all of them on request, and never sends a mistyped id", () => {
    expect(boardQueryInput(boardSquadFilter(other, mine), mine)).toEqual({ squadIds: [other] });
    expect(boardQueryInput(boardSquadFilter("all", mine), mine)).toEqual({});
    expect(boardQueryInput("not-a-squad", mine)).toEqual({});
  });
});
