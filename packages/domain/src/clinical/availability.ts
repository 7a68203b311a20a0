import type { Flag } from "./types";
import type { Availability, Phase } from "./vocabulary";
import { availabilityValues } from "./vocabulary";

/** Rules whose flags never change availability: R13 is information only; R21 is context. */
const informationOnlyRules = new Set(["R13", "R21"]);

/** Pain and volume rules whose red flag keeps an athlete without a plan on modified training. */
const noPlanRedRules = new Set(["R1", "R2", "R3", "R4", "R10", "R11"]);

/**
 * Availability for the squad board, from phase, flags and escalations. Checked top-down; the
 * first match wins, so adding a flag can only make an athlete less available.
 *
 * With a plan (phase 1-4):
 *
 * 1. `unavailable`: an open red flag (any `escalate` flag, R20).
 * 2. `rehab` (own rehab programme only): phase 1 or 2; or a progression pause that needs the
 *    physio (two reds within 7 days under R4, or a pending post-injection/surgery restriction
 *    under R22).
 * 3. `modified` (joins the squad with changes): phase 3; or phase 4 with any amber or red flag
 *    other than the information-only R13/R21.
 * 4. `available`: phase 4 with no amber, red or escalate flag.
 *
 * Without a plan (`phase` null: a healthy athlete, not in rehab; never `rehab`):
 * 1. `unavailable`: any `escalate` flag (R20).
 * 2. `modified`: an open red pain or volume flag (R1, R2, R3, R4, R10, R11) or an R5 amber trend.
 * 3. `available`: otherwise (amber pain, R6-R8, R18 and the information-only R13/R21 do not count).
 * @param phase the current phase, or null without a plan
 * @param flags the assessment's flags
 */
export function deriveAvailability(phase: Phase | null, flags: readonly Flag[]): Availability {
  if (flags.some((f) => f.severity === "escalate")) return "unavailable";
  if (phase === null) {
    const restricted = flags.some(
      (f) => (noPlanRedRules.has(f.ruleId) && f.severity === "red") || (f.ruleId === "R5" && f.severity === "amber"),
    );
    return restricted ? "modified" : "available";
  }
  if (phase <= 2) return "rehab";
  const physioPause = flags.some(
    (f) => (f.ruleId === "R4" && f.evidence.values.reds !== undefined) || (f.ruleId === "R22" && f.blocksProgression),
  );
  if (physioPause) return "rehab";
  if (phase === 3) return "modified";
  const concerning = flags.some((f) => !informationOnlyRules.has(f.ruleId) && (f.severity === "amber" || f.severity === "red"));
  return concerning ? "modified" : "available";
}

/** Rank of an availability value: available 0 ... unavailable 3 (higher is less available). */
export function availabilityRank(value: Availability): number {
  return availabilityValues.indexOf(value);
}
