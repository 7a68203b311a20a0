import type { ActivityKind } from "./vocabulary";

/**
 * The kinds of activity a watch or phone file can record, as far as Loadline needs to tell them
 * apart. `unknown` is a file that does not say (many GPX exports); `other` is a sport Loadline
 * has no log for (golf, driving, sailing...).
 */
export const recordedSports = ["running", "cycling", "walking", "hiking", "swimming", "skiing", "strength", "cardio", "team_sport", "other", "unknown"] as const;
export type RecordedSport = (typeof recordedSports)[number];

/** Where an imported activity belongs: the run log, a session log of some type, or nowhere. */
export type RecordedSportTarget =
  | { form: "run" }
  | { form: "session"; type: "strength" | "field" | "cross_training"; activities: ActivityKind[] }
  | { form: "none"; reason: string };

/**
 * Which log an imported activity belongs in. Only running loads the tendon the way the run
 * rules (R1-R7) assume, so anything else must never be counted as running volume: rides,
 * walks and swims are cross-training, gym work is strength, team sports are field sessions.
 * A file that does not name its sport is treated as a run because the athlete chose the run
 * form; the form says so.
 */
export function sessionForRecordedSport(sport: RecordedSport, sportName: string): RecordedSportTarget {
  switch (sport) {
    case "running":
    case "unknown":
      return { form: "run" };
    case "cycling":
      return { form: "session", type: "cross_training", activities: ["cycling"] };
    case "walking":
    case "hiking":
      return { form: "session", type: "cross_training", activities: ["walking"] };
    case "swimming":
    case "skiing":
    case "cardio":
      return { form: "session", type: "cross_training", activities: [] };
    case "strength":
      return { form: "session", type: "strength", activities: [] };
    case "team_sport":
      return { form: "session", type: "field", activities: [] };
    case "other":
      return {
        form: "none",
        reason: `This file holds ${sportName === "" ? "an activity" : `a ${sportName} activity`}, which Loadline does not log. Log your runs, strength, cross-training or field sessions instead.`,
      };
  }
}
