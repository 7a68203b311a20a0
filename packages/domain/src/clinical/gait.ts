import type { Thresholds } from "./config";
import { defaultThresholds } from "./config";
import type { CadenceHintResult } from "./types";
import type { GaitFaultCode } from "./vocabulary";

/** One gait fault as the coach sees it, with the cues that address it (clinical-model.md, "Gait faults and cues"). */
export interface GaitFaultInfo {
  code: GaitFaultCode;
  label: string;
  coachSees: string;
  cues: readonly string[];
}

/** The gait fault catalogue (clinical-model.md, "Gait faults and cues"). Form changes go in gradually, e.g. inside walk-run drills. */
export const gaitCatalogue: Readonly<Record<GaitFaultCode, GaitFaultInfo>> = {
  OVERSTRIDE: {
    code: "OVERSTRIDE",
    label: "Over-striding",
    coachSees: "Foot lands well ahead of the body, knee nearly straight, often heel first, low cadence; worse uphill.",
    cues: [
      "Land under the hips",
      "Shorter, quicker, lighter steps",
      "Cadence up 5-10 %",
      "Uphill: short stride and more hip flexion, a 'prancing' action",
    ],
  },
  SITTING_IN_BUCKET: {
    code: "SITTING_IN_BUCKET",
    label: "Sitting in the bucket",
    coachSees: "Crouched, knees bent, upright torso with little lean (or arched back); hamstrings paw the ground and pull the body along.",
    cues: ["Tall through the knees", "Short stride", "Lean from the ankles", "Run tall"],
  },
  HIPS_BACK_LEAN: {
    code: "HIPS_BACK_LEAN",
    label: "Hips back, body leaning",
    coachSees: "Hips left behind while the upper body leans forward or the spine arches, usually with an overstride.",
    cues: [
      "Feet land under the body with the heel settling",
      "Pelvis and torso aligned with a slight lean",
      "Relax the trunk so the core works",
    ],
  },
  TRUNK_FLEXION: {
    code: "TRUNK_FLEXION",
    label: "Trunk flexion",
    coachSees: "Excessive forward trunk lean or anterior pelvic tilt, which compresses the tendon.",
    cues: ["Run tall", "Squeeze the glutes", "Pelvic-control drills"],
  },
  ASYMMETRY: {
    code: "ASYMMETRY",
    label: "Asymmetry",
    coachSees: "Pelvis 'off' on one side, uneven stride, possible leg-length difference.",
    cues: ["Form correction", "Single-leg strength work", "Physio assessment"],
  },
};

/**
 * Cadence hint: a cadence well below the athlete's usual (default 5 % or more below), or below
 * ~165 steps/min at easy pace (*default*), hints at over-striding. A hint, not a diagnosis.
 * @param cadenceSpm measured cadence in steps per minute at easy pace
 * @param usualCadenceSpm the athlete's usual easy-pace cadence, when known
 */
export function cadenceHint(
  cadenceSpm: number,
  usualCadenceSpm?: number | null,
  thresholds: Pick<Thresholds, "gait"> = defaultThresholds,
): CadenceHintResult {
  const { minEasyCadence, belowUsualPct } = thresholds.gait;
  if (usualCadenceSpm !== undefined && usualCadenceSpm !== null && usualCadenceSpm > 0) {
    const belowPct = Math.round(((usualCadenceSpm - cadenceSpm) / usualCadenceSpm) * 1e6) / 1e4;
    if (belowPct >= belowUsualPct) {
      return {
        overstrideLikely: true,
        message: `Cadence ${cadenceSpm} is ${Math.round(belowPct)} % below the usual ${usualCadenceSpm} steps/min: check for over-striding.`,
      };
    }
  }
  if (cadenceSpm < minEasyCadence) {
    return {
      overstrideLikely: true,
      message: `Cadence ${cadenceSpm} is below ${minEasyCadence} steps/min at easy pace: check for over-striding.`,
    };
  }
  return { overstrideLikely: false, message: `Cadence ${cadenceSpm} steps/min gives no hint of over-striding.` };
}

/** The tone a gait fault's severity (1-3) is shown in: 3 needs work now, 2 worth watching, 1 minor. */
export function gaitSeverityTone(severity: number): "red" | "amber" | "info" {
  return severity >= 3 ? "red" : severity === 2 ? "amber" : "info";
}

/** The cadence field's hint on the gait form: when `cadenceHint` suspects over-striding, at the engine's defaults. */
export const cadenceFieldHint = `Below ~${defaultThresholds.gait.minEasyCadence} steps/min at easy pace, or ${defaultThresholds.gait.belowUsualPct} % below the athlete's usual, hints at over-striding.`;
