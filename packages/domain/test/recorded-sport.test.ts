import { describe, expect, it } from "vitest";
import { recordedSports, sessionForRecordedSport } from "../src";

describe("where an imported activity is logged", () => {
  it("keeps only runs (and files that do not say) on the run form", () => {
    expect(sessionForRecordedSport("running", "running")).toEqual({ form: "run" });
    expect(sessionForRecordedSport("unknown", "")).toEqual({ form: "run" });
  });
  it("offers rides, walks and hikes as cross-training with the matching activity", () => {
    expect(sessionForRecordedSport("cycling", "mountain biking")).toEqual({ form: "session", type: "cross_training", activities: ["cycling"] });
    expect(sessionForRecordedSport("hiking", "hiking")).toEqual({ form: "session", type: "cross_training", activities: ["walking"] });
    expect(sessionForRecordedSport("walking", "walking")).toEqual({ form: "session", type: "cross_training", activities: ["walking"] });
    for (const sport of ["swimming", "skiing", "cardio"] as const) {
      expect(sessionForRecordedSport(sport, sport)).toEqual({ form: "session", type: "cross_training", activities: [] });
    }
  });
  it("offers gym work as strength and team sports as field sessions", () => {
    expect(sessionForRecordedSport("strength", "strength training")).toEqual({ form: "session", type: "strength", activities: [] });
    expect(sessionForRecordedSport("team_sport", "soccer")).toEqual({ form: "session", type: "field", activities: [] });
  });
  it("refuses other sports with a sentence naming the sport", () => {
    const golf = sessionForRecordedSport("other", "golf");
    expect(golf).toEqual({ form: "none", reason: expect.stringMatching(/^This file holds a golf activity, which Loadline does not log\./) as unknown });
    expect(sessionForRecordedSport("other", "")).toMatchObject({ reason: expect.stringMatching(/^This file holds an activity,/) as unknown });
  });
  it("has a target for every recorded sport", () => {
    for (const sport of recordedSports) expect(sessionForRecordedSport(sport, sport).form).toMatch(/run|session|none/);
  });
});
