import type { RecordedSport } from "@loadline/domain";

export interface SportOfFile {
  sport: RecordedSport;
  /** The sport in plain lower-case words as the file names it ("trail running"), "" if unnamed. */
  name: string;
}

/** "crossCountrySkiing" / "mountain_biking" / "Biking" -> "cross country skiing" / ... */
export function sportWords(raw: string): string {
  return raw
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
}

const teamSports = new Set(["soccer", "basketball", "american football", "rugby", "hockey", "lacrosse", "volleyball", "cricket", "baseball", "team sport", "tennis", "racket"]);
const cardio = new Set(["fitness equipment", "training", "hiit", "rowing", "elliptical", "stair climbing", "indoor rowing", "cardio training", "jump rope", "dance", "boxing", "mixed martial arts", "floor climbing", "paddling", "kayaking", "canoeing", "stand up paddleboarding", "inline skating", "ice skating", "rock climbing", "mountaineering"]);

/**
 * The kind of activity from the sport a file names: FIT's sport and sub-sport enums, TCX's
 * `Sport` attribute or a GPX `<type>` (free text: "running", "Ride", "mountain_biking", or
 * Strava's old numeric codes). Sub-sports decide where the sport is too broad: a "training"
 * session may be strength work, "fitness equipment" may be a treadmill run or an indoor bike.
 */
export function sportOf(rawSport: string | null, rawSubSport: string | null = null): SportOfFile {
  const words = sportWords(rawSport ?? "");
  const sub = sportWords(rawSubSport ?? "");
  const named = (sport: RecordedSport, name = sub !== "" && sub !== "generic" ? `${sub} ${words}`.trim() : words): SportOfFile => ({ sport, name });
  // Strava's numeric activity types in older GPX exports.
  const strava: Record<string, RecordedSport> = { "1": "cycling", "4": "hiking", "9": "running", "10": "walking" };
  if (words in strava) return { sport: strava[words]!, name: "" };
  if (words === "" || words === "generic" || words === "other" || words === "all") return { sport: "unknown", name: "" };
  if (sub.includes("treadmill") || sub === "indoor running") return named("running", "treadmill running");
  if (sub.includes("cycling") || sub === "spin") return named("cycling", sub);
  if (sub === "strength training") return named("strength", "strength training");
  if (/motor|driv|flying|boat|sail|golf/.test(words)) return { sport: "other", name: words };
  if (/\brun|running|jog|trail/.test(words)) return named("running");
  if (/bik|cycl|ride|mtb/.test(words)) return named("cycling");
  if (/walk/.test(words)) return named("walking", words);
  if (/hik|snowshoe/.test(words)) return named("hiking", words);
  if (/swim/.test(words)) return named("swimming", words);
  if (/ski|snowboard/.test(words)) return named("skiing", words);
  if (/strength|weight|gym/.test(words)) return named("strength", words);
  if (teamSports.has(words)) return named("team_sport", words);
  if (cardio.has(words)) return named("cardio", words);
  return { sport: "other", name: words };
}
