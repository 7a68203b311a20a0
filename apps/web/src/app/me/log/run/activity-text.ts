import { formatInClubTime, type Calendar } from "@loadline/domain";
import type { ImportedActivity } from "@loadline/run-import";

/** Plain words for what the importer read; one place, so every message says it the same way. */

const sportFallback: Record<ImportedActivity["sport"], string> = {
  running: "Run",
  cycling: "Ride",
  walking: "Walk",
  hiking: "Hike",
  swimming: "Swim",
  skiing: "Skiing",
  strength: "Strength training",
  cardio: "Cardio training",
  team_sport: "Team sport",
  other: "Other activity",
  unknown: "Activity (sport not stated)",
};

export function sportLabel(a: Pick<ImportedActivity, "sport" | "sportName">): string {
  if (a.sportName === "") return sportFallback[a.sport];
  return a.sportName.charAt(0).toUpperCase() + a.sportName.slice(1);
}

export function minutesText(minutes: number): string {
  if (minutes < 90) return `${Math.round(minutes)} min`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "moving 20 min, elapsed 25 min", or one figure when they agree. */
export function durationText(a: Pick<ImportedActivity, "movingMinutes" | "elapsedMinutes">): string | null {
  const { movingMinutes: moving, elapsedMinutes: elapsed } = a;
  if (moving !== null && elapsed !== null && Math.round(moving) !== Math.round(elapsed)) return `moving ${minutesText(moving)}, elapsed ${minutesText(elapsed)}`;
  const one = moving ?? elapsed;
  return one === null ? null : minutesText(one);
}

/** One line per activity for the choice in a multisport file; start times in the athlete's zone, as on every screen. */
export function choiceText(a: ImportedActivity, calendar: Pick<Calendar, "timeZone" | "locale">): string {
  const parts = [sportLabel(a)];
  if (a.distanceKm !== null) parts.push(`${a.distanceKm} km`);
  const duration = durationText(a);
  if (duration) parts.push(duration);
  if (a.startedAt) parts.push(`started ${formatInClubTime(a.startedAt, calendar, "time")}`);
  return parts.join(", ");
}

export function climbText(a: ImportedActivity): string | null {
  if (a.elevationGainM === null) return null;
  return `${a.elevationGainM} m climb (${a.elevationSource === "device" ? "from your watch" : "from the file's heights, smoothed"})`;
}

export function steepestText(a: ImportedActivity): string | null {
  if (a.steepestGradientPct === null || a.steepestClimb === null) return null;
  return `Steepest stretch ${a.steepestGradientPct} % from km ${a.steepestClimb.fromKm.toFixed(1)} to km ${a.steepestClimb.toKm.toFixed(1)}`;
}

export function cadenceText(a: ImportedActivity): string | null {
  if (a.cadenceSpm === null) return null;
  return `Cadence ${a.cadenceSpm} steps/min (${a.cadenceSource === "device" ? "your watch's average for the session" : "average while moving, stops left out"})`;
}

export const sessionTypeWords = { strength: "a strength session", cross_training: "a cross-training session", field: "a field session" } as const;
