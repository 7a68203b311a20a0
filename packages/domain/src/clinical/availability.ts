import type { Flag } from "./types";
import type { Availability, Phase } from "./vocabulary";
import { availabilityValues } from "./vocabulary";

/** Rules whose flags never change availability: R13 is information only; R21 is context. */
const informationOnlyRules = new Set(["R13", "R21"]);

/**
 * Availability for the squad board, from phase, flags and escalations. Checked top-down; the
 * first match wins, so adding a flag can only make an athlete less available:
 *
 * 1. `unavailable`: an open red flag (any `escalate` flag, R20).
 * 2. `rehab` (own rehab programme only): phase 1 or 2; or a progression pause that needs the
 *    physio (two reds within 7 days under R4, or a pending post-injection/surgery restriction
 *    under R22).
 * 3. `modified` (joins the squad with changes): phase 3; or phase 4 with any amber or red flag
 *    other than the information-only R13/R21.
 * 4. `available`: phase 4 with no amber, red or escalate flag.
 */
export function deriveAvailability(phase: Phase, flags: readonly Flag[]): Availability {
  if (flags.some((f) => f.severity === "escalate")) return "unavailable";
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
