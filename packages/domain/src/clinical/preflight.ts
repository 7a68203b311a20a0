import type { Assessment } from "./types";
import { formatInClubTime } from "./calendar";
import { HOUR_MS, DAY_MS } from "./time";
import type { RuleId, SquadSessionKind } from "./vocabulary";
import { highTendonLoadActivities } from "./vocabulary";

/** A squad session the coach plans for an athlete. */
export interface PlannedSession {
  kind: SquadSessionKind;
  at: Date;
}

export type PreflightVerdict = "ok" | "modify" | "skip";

export interface PreflightReason {
  ruleId: RuleId;
  verdict: Exclude<PreflightVerdict, "ok">;
  /** Why, in plain words. */
  message: string;
  /** What to change (for `modify`) or do instead (for `skip`). */
  change: string;
}

export interface PreflightResult {
  verdict: PreflightVerdict;
  reasons: PreflightReason[];
}

/** Kinds that add a progression variable (distance, speed, gradient, impact) over an easy run. */
const stepUpKinds: readonly SquadSessionKind[] = ["long_run", "hills", "intervals", "strides", "sprint", "plyometrics", "field_drills"];


/**
 * Pre-flight check of a planned squad session for one athlete, from their assessment.
 *
 * For every athlete, with or without a plan (a rehab athlete never gets less protection than a
 * healthy one in the same situation):
 * - R20 open red flag: skip (medical review first);
 * - R4 red-outcome hold (`preflight.redOutcomeHold`: a red session in the look-back not yet
 *   cleared by a complete green outcome or a physio review, or two reds awaiting review): modify
 *   anything but a `recovery` session to easy work.
 *
 * With a plan, also:
 * - R16 kind forbidden in the current phase: skip;
 * - R7 high-load kind before `nextHighLoadAt` (phases 1-3): modify (swap for low-impact work);
 * - R8 heavy gym < 48 h after the last heavy session, or with the weekly maximum reached: modify;
 * - R14 a step-up kind while progression is blocked: modify (repeat the last green load).
 * The verdict is the strictest of the reasons; `ok` when none applies.
 * @param assessment the athlete's assessment (ideally evaluated at or shortly before `planned.at`)
 * @param planned the planned session kind and start time
 */
export function preflightCheck(assessment: Assessment, planned: PlannedSession): PreflightResult {
  const reasons: PreflightReason[] = [];
  const at = planned.at.getTime();
  const label = planned.kind.replaceAll("_", " ");

  const redFlag = assessment.flags.find((f) => f.ruleId === "R20");
  if (redFlag) {
    reasons.push({ ruleId: "R20", verdict: "skip", message: redFlag.message, change: "No training until the medical review has happened." });
  }

  const hold = assessment.preflight.redOutcomeHold;
  if (hold && !redFlag && planned.kind !== "recovery") {
    reasons.push({
      ruleId: "R4",
      verdict: "modify",
      message:
        hold.reason === "two_reds"
          ? "Two recent sessions were red for pain: easy work only until the physio has reviewed."
          : "A recent session was red for pain: easy work only until a session goes green or the physio reviews.",
      change: assessment.inRehab
        ? "Repeat the last green load instead (an easy flat run or their own rehab session): no heavy lifting, hills, speed, plyometrics or long run."
        : "Easy flat 30 min instead (or cycling), no hills, speed or heavy lifting.",
    });
  }

  if (!assessment.inRehab) return { verdict: verdictOf(reasons), reasons };

  if (assessment.preflight.effectiveForbiddenActivities.includes(planned.kind)) {
    reasons.push({
      ruleId: "R16",
      verdict: "skip",
      message: `${/^[aeiou]/.test(label) ? "An" : "A"} ${label} session is not allowed in ${assessment.phase !== null ? `phase ${assessment.phase}` : "this phase"}.`,
      change: "Do the athlete's own rehab session instead.",
    });
  }

  const isHighLoad = (highTendonLoadActivities as readonly string[]).includes(planned.kind);
  if (isHighLoad && assessment.nextHighLoadAt !== null && at < assessment.nextHighLoadAt.getTime()) {
    reasons.push({
      ruleId: "R7",
      verdict: "modify",
      message: `Too soon after the last high-load session; the next one is allowed from ${formatInClubTime(assessment.nextHighLoadAt, assessment.calendar)}.`,
      change: "Swap for cycling, pool running or strength work today.",
    });
  }

  if (planned.kind === "heavy_gym") {
    const { maxPerWeek, minGapHours } = assessment.thresholds.heavyStrength;
    const before = assessment.preflight.recentHeavySessionTimes.map((d) => d.getTime()).filter((t) => t <= at);
    const last = before.length > 0 ? Math.max(...before) : null;
    if (last !== null && at - last < minGapHours * HOUR_MS) {
      reasons.push({
        ruleId: "R8",
        verdict: "modify",
        message: heavyGapSentence(Math.floor((at - last) / HOUR_MS), minGapHours),
        change: "Make it a light session or move it to a later day.",
      });
    }
    const inWeek = before.filter((t) => t > at - 7 * DAY_MS).length;
    if (inWeek >= maxPerWeek) {
      reasons.push({
        ruleId: "R8",
        verdict: "modify",
        message: `Already ${inWeek} heavy sessions in the last 7 days; the most is ${maxPerWeek}.`,
        change: "Make it a light session.",
      });
    }
  }

  if (stepUpKinds.includes(planned.kind) && assessment.progression.blocked && !reasons.some((r) => r.verdict === "skip")) {
    const why = assessment.progression.reasons.map((r) => r.ruleId).join(", ");
    reasons.push({
      ruleId: "R14",
      verdict: "modify",
      message: `Progression is on hold (${why}), so no new variable this session.`,
      change: "Repeat the last green load: an easy flat run of the same length.",
    });
  }

  return { verdict: verdictOf(reasons), reasons };
}

/** R8's gap in words: "the same hour" rather than "only 0 hours". */
function heavyGapSentence(hours: number, minGapHours: number): string {
  const since = hours < 1 ? "Less than an hour" : `Only ${hours} hour${hours === 1 ? "" : "s"}`;
  return `${since} since the last heavy session; leave at least ${minGapHours} hours between heavy sessions.`;
}

/** The strictest verdict of the reasons; `ok` when none. */
function verdictOf(reasons: readonly PreflightReason[]): PreflightVerdict {
  return reasons.some((r) => r.verdict === "skip") ? "skip" : reasons.length > 0 ? "modify" : "ok";
}
