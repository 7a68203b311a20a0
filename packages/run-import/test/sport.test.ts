import { describe, expect, it } from "vitest";
import { sportOf, sportWords } from "../src/sport";

describe("the sport a file names", () => {
  it.each([
    ["running", null, "running"],
    ["Running", null, "running"],
    ["trail_running", null, "running"],
    ["running", "treadmill", "running"],
    ["fitnessEquipment", "treadmill", "running"],
    ["9", null, "running"],
    ["cycling", "mountain", "cycling"],
    ["Biking", null, "cycling"],
    ["Ride", null, "cycling"],
    ["mountain_biking", null, "cycling"],
    ["eBiking", null, "cycling"],
    ["fitnessEquipment", "indoorCycling", "cycling"],
    ["1", null, "cycling"],
    ["hiking", null, "hiking"],
    ["walking", null, "walking"],
    ["swimming", "lapSwimming", "swimming"],
    ["alpineSkiing", null, "skiing"],
    ["crossCountrySkiing", null, "skiing"],
    ["training", "strengthTraining", "strength"],
    ["training", "cardioTraining", "cardio"],
    ["fitnessEquipment", "elliptical", "cardio"],
    ["soccer", null, "team_sport"],
    ["motorcycling", null, "other"],
    ["golf", null, "other"],
    ["Other", null, "unknown"],
    ["generic", null, "unknown"],
    [null, null, "unknown"],
  ])("%s / %s is %s", (raw, sub, sport) => {
    expect(sportOf(raw, sub).sport).toBe(sport);
  });
  it("names the sport in plain words", () => {
    expect(sportWords("crossCountrySkiing")).toBe("cross country skiing");
    expect(sportOf("running", "trail").name).toBe("trail running");
    expect(sportOf("fitnessEquipment", "treadmill").name).toBe("treadmill running");
    expect(sportOf(null).name).toBe("");
  });
});
