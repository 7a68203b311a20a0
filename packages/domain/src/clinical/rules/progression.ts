import { confirmedGreen } from "./pain";
import { ENGINE_READ } from "../read-window";
import type { AssessmentContext, PreparedSession } from "../context";
import { checkInsBetween, flagWindowStart, runsBetween, sessionsBetween } from "../context";
import { flag } from "../flags";
import type { ExercisePrescription } from "../schemas/plan";
import type { RunLog } from "../schemas/logs";
import { DAY_MS, HOUR_MS, stable } from "../time";
import type { Flag, ProgressionVariable, SessionOutcome } from "../types";
import type { ActivityKind } from "../vocabulary";

type RunSession = PreparedSession & { log: RunLog };

function paceMinPerKm(run: RunLog): number | null {
  return run.distanceKm !== undefined && run.minutes !== undefined ? run.minutes / run.distanceKm : null;
}

/**
 * R14: the variables `current` progressed compared with `reference` (normally the last green
 * run). Only steps up count: a shorter or slower run is a step back, not a new variable.
 * distance or duration > 10 % longer; pace > 5 % faster; a gradient > 2 % appears; strides or
 * sprints appear; more runs in the 7 days ending at the run than in the 7 days ending at the
 * reference (once the reference had a rhythm); a different surface.
 */
export function changedVariables(
  ctx: AssessmentContext,
  current: PreparedSession,
  reference: PreparedSession,
  options: { includeFrequency: boolean } = { includeFrequency: true },
): ProgressionVariable[] {
  const { volumePct, pacePct, gradientPct } = ctx.thresholds.progression;
  const changed: ProgressionVariable[] = [];
  // Only runs are compared (callers pass ctx.runs), so the run fields are present.
  const cur = (current as RunSession).log;
  const ref = (reference as RunSession).log;
  const up = (before: number | undefined, after: number | undefined) =>
    before !== undefined && after !== undefined && stable(((after - before) / before) * 100) > volumePct;
  const distanceUp = up(ref.distanceKm, cur.distanceKm);
  const durationUp = up(ref.minutes, cur.minutes);
  if (distanceUp || durationUp) changed.push("volume");
  const curPace = paceMinPerKm(cur);
  const refPace = paceMinPerKm(ref);
  if (curPace !== null && refPace !== null && stable(((refPace - curPace) / refPace) * 100) > pacePct) changed.push("pace");
  if ((cur.steepestGradientPct ?? 0) > gradientPct && (ref.steepestGradientPct ?? 0) <= gradientPct) changed.push("gradient");
  if (cur.strides + cur.sprints > 0 && ref.strides + ref.sprints === 0) changed.push("strides_or_sprints");
  if (options.includeFrequency) {
    // Frequency is only comparable once the reference run had a rhythm (an earlier run within
    // 14 days); otherwise the second run of a programme would always count as "more often".
    const weekly = (run: PreparedSession) => runsBetween(ctx, run.t - 7 * DAY_MS, run.t).length;
    const establishedRhythm = runsBetween(ctx, reference.t - 14 * DAY_MS, reference.t).length > 1;
    if (establishedRhythm && weekly(current) > weekly(reference)) changed.push("frequency");
  }
  if (cur.surface !== undefined && ref.surface !== undefined && cur.surface !== ref.surface) changed.push("surface");
  return changed;
}

/** R14's variables as a coach says them. */
export const progressionVariableWords: Readonly<Record<ProgressionVariable, string>> = {
  volume: "longer",
  pace: "faster",
  gradient: "hillier",
  strides_or_sprints: "strides or sprints added",
  frequency: "more runs a week",
  surface: "different surface",
};

/** Two runs are the same level when neither progressed any variable over the other. */
function sameLevel(ctx: AssessmentContext, a: PreparedSession, b: PreparedSession): boolean {
  const noFrequency = { includeFrequency: false };
  return changedVariables(ctx, a, b, noFrequency).length === 0 && changedVariables(ctx, b, a, noFrequency).length === 0;
}

/** Green runs within the look-back before `before` (inclusive) that are at the level of `level`. */
function greenRunsAtLevel(
  ctx: AssessmentContext,
  level: PreparedSession,
  before: number,
  zoneOf: (session: PreparedSession) => SessionOutcome["zone"] | "incomplete",
): number {
  const window = runsBetween(ctx, before - ctx.thresholds.volume.spikeLookbackDays * DAY_MS, before);
  return window.filter((run) => zoneOf(run) === "green" && sameLevel(ctx, run, level)).length;
}

export interface ProgressionCheck {
  changedVariables: ProgressionVariable[];
  levelConsolidated: boolean | null;
  flags: Flag[];
}

/**
 * R14 and R15 over the runs of the look-back window: more than one variable changed against the
 * last green run is amber (and the coach is told); a step up before the previous level was done
 * twice with green outcomes is amber. Not applied without a plan (not in rehab): no flags, no
 * changed variables, `levelConsolidated` null.
 */
export function progressionChecks(ctx: AssessmentContext, outcomes: readonly SessionOutcome[]): ProgressionCheck {
  if (ctx.plan === null) return { changedVariables: [], levelConsolidated: null, flags: [] };
  const zoneById = new Map<string, SessionOutcome["zone"] | "incomplete">();
  outcomes.forEach((o) => zoneById.set(o.sessionId, confirmedGreen(o) ? "green" : o.zone === "green" ? "incomplete" : o.zone));
  // An incomplete outcome (a morning missing) is not green: missing data never counts as tolerated.
  const zoneOf = (s: PreparedSession) => zoneById.get(s.id) as SessionOutcome["zone"] | "incomplete";
  const flags: Flag[] = [];
  const from = flagWindowStart(ctx);
  const required = ctx.thresholds.progression.consolidateGreenCount;
  let lastGreen: PreparedSession | undefined;
  let latestChanged: ProgressionVariable[] = [];
  const referenceMaxAge = ENGINE_READ.progressionReferenceDays * DAY_MS;
  for (const run of ctx.runs) {
    // A level last run green weeks ago is not the level the athlete runs at now: no reference.
    const reference = lastGreen && run.t - lastGreen.t <= referenceMaxAge ? lastGreen : undefined;
    if (reference && run.t > from) {
      const changed = changedVariables(ctx, run, reference);
      latestChanged = changed;
      if (changed.length > 1) {
        flags.push(
          flag(
            "R14",
            "amber",
            run.t,
            `This run changed ${changed.length} things at once (${changed.map((v) => progressionVariableWords[v]).join(", ")}); change only one at a time.`,
            [reference.id, run.id],
            { changed: changed.join(","), count: changed.length, audience: "coach" },
          ),
        );
      }
      if (changed.length > 0) {
        const greenAtLevel = greenRunsAtLevel(ctx, reference, reference.t, zoneOf);
        if (greenAtLevel < required) {
          flags.push(
            flag(
              "R15",
              "amber",
              run.t,
              greenAtLevel === 0
                ? `This run stepped up before the previous run had gone green even once; do each level ${timesWords(required)} with a good next morning before the next step.`
                : `This run stepped up after the previous level went green only ${timesWords(greenAtLevel)}; do each level ${timesWords(required)} with a good next morning before the next step.`,
              [reference.id, run.id],
              { greenAtLevel, required },
            ),
          );
        }
      }
    } else if (run.t > from) {
      latestChanged = [];
    }
    if (zoneOf(run) === "green") lastGreen = run;
  }
  const latest = ctx.runs[ctx.runs.length - 1];
  const levelConsolidated = latest ? greenRunsAtLevel(ctx, latest, latest.t, zoneOf) >= required : null;
  return { changedVariables: latestChanged, levelConsolidated, flags };
}

/** The activity a prescription stands for, for the phase gate. */
export function prescriptionActivity(prescription: ExercisePrescription): ActivityKind | null {
  if (prescription.activity) return prescription.activity;
  if (prescription.category === "plyometric") return "plyometrics";
  if (prescription.heavy) return "heavy_gym";
  return null;
}

/**
 * R16 phase gates: an activity forbidden in the current phase is red if prescribed in the plan,
 * planned for the athlete's squad within the look-ahead, or logged since the phase began.
 * Phase 4: hills, sprints and plyometrics in the same 7-day block is amber.
 * No gates without a plan (not in rehab).
 */
export function phaseGateFlags(ctx: AssessmentContext): Flag[] {
  const { plan, phase } = ctx;
  if (plan === null || phase === null) return [];
  const flags: Flag[] = [];
  for (const prescription of plan.prescriptions) {
    const activity = prescriptionActivity(prescription);
    if (activity && ctx.forbidden.has(activity)) {
      flags.push(
        flag("R16", "red", plan.createdAt.getTime(), `The plan prescribes ${prescription.exercise}, which is not allowed in phase ${phase}.`, [prescription.id], {
          activity,
          phase,
          source: "prescribed",
        }),
      );
    }
  }
  const horizon = ctx.now + ctx.thresholds.flags.plannedLookaheadDays * DAY_MS;
  const squadIds = new Set(ctx.timeline.athlete.squadIds);
  for (const planned of ctx.timeline.squadSessions) {
    const t = planned.at.getTime();
    if (t < ctx.now || t > horizon || (squadIds.size > 0 && !squadIds.has(planned.squadId))) continue;
    if (ctx.forbidden.has(planned.kind)) {
      flags.push(
        flag("R16", "red", t, `A squad ${planned.kind.replaceAll("_", " ")} session is planned, but it is not allowed in phase ${phase}.`, [planned.id], {
          activity: planned.kind,
          phase,
          source: "planned",
        }),
      );
    }
  }
  const since = Math.max(ctx.phaseStart, flagWindowStart(ctx));
  for (const session of sessionsBetween(ctx, since - 1, ctx.now)) {
    const forbidden = [...session.activities].filter((a) => ctx.forbidden.has(a)).sort();
    if (forbidden.length > 0) {
      flags.push(
        flag("R16", "red", session.t, `Logged ${forbidden.join(", ").replaceAll("_", " ")}, which is not allowed in phase ${phase}.`, [session.id], {
          activity: forbidden.join(","),
          phase,
          source: "logged",
        }),
      );
    }
  }
  if (phase === 4) flags.push(...sameBlockFlags(ctx));
  return flags;
}

/** Phase 4: never add hills, sprints and plyometrics in the same block (logged last 7 days + planned next 7). */
function sameBlockFlags(ctx: AssessmentContext): Flag[] {
  const seen = new Map<ActivityKind, string>();
  const block: ActivityKind[] = ["hills", "sprint", "plyometrics"];
  for (const session of sessionsBetween(ctx, ctx.now - 7 * DAY_MS, ctx.now)) {
    for (const a of block) if (session.activities.has(a) && !seen.has(a)) seen.set(a, session.id);
  }
  const squadIds = new Set(ctx.timeline.athlete.squadIds);
  for (const planned of ctx.timeline.squadSessions) {
    const t = planned.at.getTime();
    if (t < ctx.now || t > ctx.now + 7 * DAY_MS || (squadIds.size > 0 && !squadIds.has(planned.squadId))) continue;
    if (block.includes(planned.kind) && !seen.has(planned.kind)) seen.set(planned.kind, planned.id);
  }
  if (seen.size < block.length) return [];
  return [
    flag("R16", "amber", ctx.now, "Hills, sprints and plyometrics fall in the same week; add only one of them per block.", [...seen.values()], {
      block: block.join(","),
    }, { cause: "same_block" }),
  ];
}

/**
 * R17: long static hamstring stretches into hip flexion in phases 1-2 are amber (prescribed or
 * logged). Not applied without a plan (not in rehab).
 */
export function stretchingFlags(ctx: AssessmentContext): Flag[] {
  const { plan, phase } = ctx;
  if (plan === null || phase === null || phase > 2) return [];
  const flags: Flag[] = [];
  for (const prescription of plan.prescriptions) {
    if (prescription.activity === "static_hamstring_stretch") {
      flags.push(
        flag("R17", "amber", plan.createdAt.getTime(), `${prescription.exercise}: long static hamstring stretches compress the tendon in phases 1-2.`, [prescription.id], {
          source: "prescribed",
        }),
      );
    }
  }
  for (const session of sessionsBetween(ctx, flagWindowStart(ctx), ctx.now)) {
    if (session.activities.has("static_hamstring_stretch")) {
      flags.push(
        flag("R17", "amber", session.t, "Long static hamstring stretching into hip flexion irritates the tendon at this stage; avoid it for now.", [session.id], {
          source: "logged",
        }),
      );
    }
  }
  return flags;
}

/**
 * R18: a continuous sit > 30 min on the latest check-in prompts a break and a cushion (info);
 * a falling 7-day mean sitting tolerance is amber.
 */
export function sittingFlags(ctx: AssessmentContext): Flag[] {
  const flags: Flag[] = [];
  const { maxContinuousMinutes } = ctx.thresholds.sitting;
  const recent = checkInsBetween(ctx, ctx.now - ctx.thresholds.nextMorning.baselineWindowHours * HOUR_MS, ctx.now);
  const latestSit = [...recent].reverse().find((c) => c.checkIn.longestSitMinutes !== undefined);
  const longestSitMinutes = latestSit?.checkIn.longestSitMinutes;
  if (latestSit && longestSitMinutes !== undefined && longestSitMinutes > maxContinuousMinutes) {
    flags.push(
      flag(
        "R18",
        "info",
        latestSit.t,
        `Sat for ${longestSitMinutes} minutes in one go: get up at least every ${maxContinuousMinutes} minutes and use a cushion.`,
        [latestSit.id],
        { longestSitMinutes, maxContinuousMinutes },
      ),
    );
  }
  const mean = (from: number, to: number) => {
    const values = checkInsBetween(ctx, from, to)
      .map((c) => c.checkIn.sittingToleranceMinutes)
      .filter((v): v is number => v !== undefined);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  };
  const current = mean(ctx.now - 7 * DAY_MS, ctx.now);
  const previous = mean(ctx.now - 14 * DAY_MS, ctx.now - 7 * DAY_MS);
  if (current !== null && previous !== null && stable(current) < stable(previous)) {
    flags.push(
      flag("R18", "amber", ctx.now, `Sitting tolerance is falling (about ${Math.round(previous)} to ${Math.round(current)} minutes).`, [], {
        currentMean: stable(current),
        previousMean: stable(previous),
      }, { cause: "falling_tolerance" }),
    );
  }
  return flags;
}

/** "once", "twice", "3 times". */
function timesWords(count: number): string {
  return count === 1 ? "once" : count === 2 ? "twice" : `${count} times`;
}
