import { localParts } from "../calendar";
import type { AssessmentContext } from "../context";
import { checkInsBetween, sessionsBetween } from "../context";
import { flag, reviewEpoch } from "../flags";
import { DAY_MS, compareRecords, stable } from "../time";
import type { Flag } from "../types";
import type { AdjunctTreatmentKind, RedFlagId } from "../vocabulary";
import { progressionPausingAdjuncts, redFlagQuestions, sameDayRedFlags } from "../vocabulary";

/**
 * R19: no phase change in 12 weeks (phases 1-3; phase 4 ends in discharge, not a phase change),
 * or symptoms for 3 weeks despite reduced load: physio review (amber). A physio review with
 * rule id R19 restarts both clocks. Not applied without a plan (not in rehab).
 */
export function notProgressingFlags(ctx: AssessmentContext): Flag[] {
  const { plan, phase } = ctx;
  if (plan === null || phase === null) return [];
  const flags: Flag[] = [];
  const { noPhaseChangeWeeks, symptomaticWeeks, symptomaticMorningPain } = ctx.thresholds.escalation;
  const reviewed = ctx.lastReviewAt.R19 ?? Number.NEGATIVE_INFINITY;
  const clockStart = Math.max(ctx.phaseStart, reviewed);
  const weeksInPhase = stable((ctx.now - clockStart) / (7 * DAY_MS));
  if (phase < 4 && weeksInPhase >= noPhaseChangeWeeks) {
    flags.push(
      flag("R19", "amber", ctx.now, `No phase change for ${Math.floor(weeksInPhase)} weeks: ask the physio to review the plan.`, [plan.id], {
        weeksInPhase,
        noPhaseChangeWeeks,
      }, { cause: `no_phase_change:${new Date(clockStart).toISOString()}` }),
    );
  }
  // Symptomatic in every one of the last N weeks ...
  const span = symptomaticWeeks * 7 * DAY_MS;
  let symptomatic = ctx.now - span >= reviewed;
  const evidence: string[] = [];
  for (let week = 0; week < symptomaticWeeks && symptomatic; week += 1) {
    const end = ctx.now - week * 7 * DAY_MS;
    const list = checkInsBetween(ctx, end - 7 * DAY_MS, end);
    const mean = list.length === 0 ? 0 : list.reduce((sum, c) => sum + c.checkIn.morningPain, 0) / list.length;
    if (list.length === 0 || mean < symptomaticMorningPain) symptomatic = false;
    evidence.push(...list.map((c) => c.id));
  }
  // ... while the load went down compared with the N weeks before.
  const loadOf = (from: number, to: number) =>
    sessionsBetween(ctx, from, to).reduce((sum, s) => sum + (s.load ?? 0), 0);
  const recentLoad = loadOf(ctx.now - span, ctx.now);
  const earlierLoad = loadOf(ctx.now - 2 * span, ctx.now - span);
  if (symptomatic && earlierLoad > 0 && recentLoad <= earlierLoad) {
    flags.push(
      flag(
        "R19",
        "amber",
        ctx.now,
        `Symptoms have lasted ${symptomaticWeeks} weeks even though the load was reduced: ask the physio to review.`,
        evidence.sort(),
        { recentLoad: stable(recentLoad), earlierLoad: stable(earlierLoad), symptomaticWeeks },
        { cause: `symptomatic:${reviewEpoch(ctx.lastReviewAt.R19)}` },
      ),
    );
  }
  return flags;
}

/**
 * R20: red-flag answers since the last R20 review escalate and block all progression. Same-day
 * items ask for medical care today; the others for a prompt review. The evidence is marked
 * sensitive: coaches see only "medical review needed".
 */
export function redFlagFlags(ctx: AssessmentContext): Flag[] {
  const since = ctx.lastReviewAt.R20 ?? Number.NEGATIVE_INFINITY;
  const sameDay = new Map<RedFlagId, string[]>();
  const prompt = new Map<RedFlagId, string[]>();
  let sameDayAt = 0;
  let promptAt = 0;
  for (const c of ctx.checkIns) {
    if (c.t <= since) continue;
    for (const id of c.checkIn.redFlags) {
      const target = sameDayRedFlags.includes(id) ? sameDay : prompt;
      target.set(id, [...(target.get(id) ?? []), c.id]);
      if (target === sameDay) sameDayAt = Math.max(sameDayAt, c.t);
      else promptAt = Math.max(promptAt, c.t);
    }
  }
  const label = (id: RedFlagId) => redFlagQuestions.find((q) => q.id === id)?.label ?? id;
  const toFlag = (found: Map<RedFlagId, string[]>, at: number, sameDayCare: boolean): Flag => {
    const ids = [...found.keys()].sort();
    return flag(
      "R20",
      "escalate",
      at,
      sameDayCare ? "Medical review needed today: stop training until a doctor has seen the athlete." : "Medical review needed: no progression until a doctor or physio has reviewed.",
      [...new Set([...found.values()].flat())].sort(),
      { urgency: sameDayCare ? "same_day" : "prompt", questions: ids.join(","), labels: ids.map(label).join("; ") },
      { blocksProgression: true, sensitive: true, cause: `${sameDayCare ? "same_day" : "prompt"}:${reviewEpoch(ctx.lastReviewAt.R20)}` },
    );
  };
  const flags: Flag[] = [];
  if (sameDay.size > 0) flags.push(toFlag(sameDay, sameDayAt, true));
  if (prompt.size > 0) flags.push(toFlag(prompt, promptAt, false));
  return flags;
}

/**
 * R21: modifiers the physio should know about (info): autoimmune or metabolic disease, age over
 * the threshold (the literature says 35-40; default 35), BMI over the threshold.
 */
export function modifierFlags(ctx: AssessmentContext): Flag[] {
  const athlete = ctx.timeline.athlete;
  const flags: Flag[] = [];
  const { ageOver, bmiOver } = ctx.thresholds.modifiers;
  if (athlete.conditions.length > 0) {
    flags.push(
      flag("R21", "info", ctx.now, "Has a condition that can slow tendon healing; the physio may adjust the plan.", [athlete.id], {
        conditions: [...athlete.conditions].sort().join(","),
      }, { sensitive: true }),
    );
  }
  if (athlete.birthYear != null) {
    // Birth year only is stored, so age is the age reached this calendar year (in the club's zone).
    const age = localParts(ctx.now, ctx.calendar.timeZone).year - athlete.birthYear;
    if (age > ageOver) {
      flags.push(flag("R21", "info", ctx.now, `Age ${age}: tendons adapt more slowly; progress may take longer.`, [athlete.id], { age, ageOver }));
    }
  }
  if (athlete.bmi != null && athlete.bmi > bmiOver) {
    flags.push(
      flag("R21", "info", ctx.now, "Body mass index is above the modifier threshold; the physio may adjust loading.", [athlete.id], { bmi: athlete.bmi, bmiOver }, { sensitive: true }),
    );
  }
  return flags;
}

/** Adjunct treatments as people say them, after "the". */
const adjunctWords: Readonly<Record<AdjunctTreatmentKind, string>> = {
  shockwave: "shockwave",
  prp: "PRP injection",
  autologous_blood: "blood injection",
  corticosteroid_injection: "corticosteroid injection",
  surgery: "surgery",
};

/**
 * R22: adjuncts go alongside loading, never instead of it. After an injection (PRP, autologous
 * blood, corticosteroid) or surgery, automatic progression pauses until the physio enters
 * restrictions (amber, blocks); this pause needs a rehab plan and is not applied without one.
 * Any adjunct in the last 4 weeks followed by a week or more without strength work is amber.
 */
export function adjunctFlags(ctx: AssessmentContext): Flag[] {
  const flags: Flag[] = [];
  const adjuncts = ctx.timeline.adjuncts
    .filter((a) => a.at.getTime() <= ctx.now)
    .sort(compareRecords);
  for (const adjunct of adjuncts) {
    const t = adjunct.at.getTime();
    const kind = adjunctWords[adjunct.kind];
    if (ctx.plan !== null && (progressionPausingAdjuncts as readonly string[]).includes(adjunct.kind) && !adjunct.restrictions?.trim()) {
      flags.push(
        flag("R22", "amber", t, `After the ${kind}, progression is paused until the physio enters restrictions.`, [adjunct.id], { kind: adjunct.kind }, {
          blocksProgression: true,
          cause: `pause:${adjunct.id}`,
        }),
      );
    }
    const age = ctx.now - t;
    if (age >= 7 * DAY_MS && age <= 28 * DAY_MS) {
      const loading = sessionsBetween(ctx, t, ctx.now).filter((s) => s.log.type === "strength" || s.log.categories.length > 0);
      if (loading.length === 0) {
        flags.push(
          flag("R22", "amber", t, `No strength work logged since the ${kind}: treatments work alongside loading, not instead of it.`, [adjunct.id], {
            kind: adjunct.kind,
            daysSince: Math.floor(age / DAY_MS),
          }, { cause: `no_loading:${adjunct.id}` }),
        );
      }
    }
  }
  return flags;
}
