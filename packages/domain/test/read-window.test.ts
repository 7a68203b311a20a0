import { describe, expect, it } from "vitest";
import { assessAthlete, defaultThresholds, engineReadWindow, recentHistoryDays, withinReadWindow } from "../src/clinical";
import { variedTimeline } from "../src/testing/varied-timelines";
import { NOW } from "./helpers";

const DAY = 86_400_000;

describe("the engine's read window", () => {
  it("is derived from the thresholds: 66 days by default, longer when a plan widens a window", () => {
    expect(recentHistoryDays(defaultThresholds)).toBe(66);
    const wider = engineReadWindow({ phaseStartedAt: NOW, thresholds: { volume: { spikeLookbackDays: 60 } } }, NOW);
    expect((NOW.getTime() - wider.sessionsFrom.getTime()) / DAY).toBe(96);
  });

  it("reads the current phase from its start, but at most 365 days back", () => {
    const at = (days: number) => new Date(NOW.getTime() - days * DAY);
    expect(engineReadWindow(null, NOW).sessionsFrom).toEqual(at(66));
    expect(engineReadWindow({ phaseStartedAt: at(10) }, NOW).sessionsFrom).toEqual(at(66));
    expect(engineReadWindow({ phaseStartedAt: at(100) }, NOW).sessionsFrom).toEqual(at(101));
    expect(engineReadWindow({ phaseStartedAt: at(400) }, NOW).sessionsFrom).toEqual(at(365));
    // Check-ins start the R3 baseline look-back (3 days, plus a day) before the sessions.
    expect(engineReadWindow(null, NOW).checkInsFrom).toEqual(at(70));
  });

  // The window is only correct if the engine decides the same on it as on the whole history.
  it("gives the same assessment as the whole year of history, on varied timelines", () => {
    const differing: string[] = [];
    for (let athlete = 0; athlete < 120; athlete += 1) {
      const whole = variedTimeline(athlete, 365, NOW);
      const cut = withinReadWindow(whole, NOW);
      expect(cut.sessions.length).toBeLessThan(whole.sessions.length);
      const full = assessAthlete(whole, NOW);
      const windowed = assessAthlete(cut, NOW);
      if (JSON.stringify(windowed) !== JSON.stringify(full)) differing.push(whole.athlete.id);
      expect(windowed).toEqual(full);
    }
    expect(differing).toEqual([]);
  });

  it("keeps what the open-ended rules need, whatever its age: red flags since their review, injections without restrictions, the VISA-H baseline", () => {
    const whole = variedTimeline(12, 365, NOW);
    const cut = withinReadWindow(whole, NOW);
    expect(cut.adjuncts.map((a) => a.kind)).toContain("prp");
    expect(cut.visaH[0]).toEqual(whole.visaH[0]);
    expect(cut.visaH.at(-1)).toEqual(whole.visaH.at(-1));
    const oldRedFlags = whole.checkIns.filter((c) => c.redFlags.length > 0);
    for (const c of oldRedFlags) expect(cut.checkIns).toContainEqual(c);
  });
});
