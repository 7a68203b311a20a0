import { confirmedGreen } from "./pain";
import type { AssessmentContext, PreparedSession } from "../context";
import { flagWindowStart, sessionsBetween } from "../context";
import { flag } from "../flags";
import { DAY_MS, HOUR_MS, stable } from "../time";
import type { Flag, SessionOutcome } from "../types";
import { highTendonLoadActivities } from "../vocabulary";

/** R7 result: the spacing in force and the next allowed start. */
export interface HighLoadSpacing {
  /** Hours required between high-load starts, or null in phase 4 or without a plan (no spacing rule). */
  spacingHours: number | null;
  /** Green high-tendon-load exposures in the current phase. */
  greenExposures: number;
  /** Earliest start of the next high-load session, or null when none is restricted. */
  nextHighLoadAt: number | null;
  /** False when the phase gate forbids every high-load activity (phases 1-2 without running enabled). */
  highLoadAllowed: boolean;
}

/**
 * R7: in phases 1-3, starts of running, jumping, sprint, hill and plyometric sessions must be
 * >= 72 h apart; after >= 4 green exposures a physio may relax it to 48 h (`spacing.relaxed`).
 * Without a plan (not in rehab) there is no spacing rule: `spacingHours` and `nextHighLoadAt` are null.
 */
export function highLoadSpacing(ctx: AssessmentContext, outcomes: readonly SessionOutcome[]): HighLoadSpacing {
  const { spacing } = ctx.thresholds;
  let greenExposures = 0;
  let last: PreparedSession | undefined;
  for (let index = 0; index < ctx.sessions.length; index += 1) {
    const session = ctx.sessions[index] as PreparedSession;
    if (!session.highLoad) continue;
    last = session;
    if (session.t >= ctx.phaseStart && confirmedGreen(outcomes[index] as SessionOutcome)) greenExposures += 1;
  }
  const highLoadAllowed = highTendonLoadActivities.some((activity) => !ctx.forbidden.has(activity));
  if (ctx.phase === 4 || ctx.phase === null) return { spacingHours: null, greenExposures, nextHighLoadAt: null, highLoadAllowed };
  const relaxedInForce = spacing.relaxed && greenExposures >= spacing.greenExposuresToRelax;
  const spacingHours = relaxedInForce ? spacing.relaxedHours : spacing.highLoadHours;
  return {
    spacingHours,
    greenExposures,
    nextHighLoadAt: last ? last.t + spacingHours * HOUR_MS : null,
    highLoadAllowed,
  };
}

/** R7 flags: high-load starts closer than the spacing (amber), and a relaxation not yet earned (info). */
export function spacingFlags(ctx: AssessmentContext, spacing: HighLoadSpacing): Flag[] {
  if (spacing.spacingHours === null) return [];
  const flags: Flag[] = [];
  const required = spacing.spacingHours * HOUR_MS;
  const from = flagWindowStart(ctx);
  let previous: PreparedSession | undefined;
  for (const session of ctx.sessions) {
    if (!session.highLoad) continue;
    if (previous && session.t > from && session.t - previous.t < required) {
      const gapHours = stable((session.t - previous.t) / HOUR_MS);
      flags.push(
        flag(
          "R7",
          "amber",
          session.t,
          `High-load sessions were only ${Math.floor(gapHours)} hours apart; they need at least ${spacing.spacingHours} hours between them.`,
          [previous.id, session.id],
          { gapHours, requiredHours: spacing.spacingHours },
        ),
      );
    }
    previous = session;
  }
  const { relaxed, greenExposuresToRelax } = ctx.thresholds.spacing;
  if (relaxed && spacing.greenExposures < greenExposuresToRelax) {
    flags.push(
      flag(
        "R7",
        "info",
        ctx.now,
        `The shorter gap between high-load sessions starts after ${greenExposuresToRelax} green ones; ${countWords(spacing.greenExposures, "so far")}, so they stay ${ctx.thresholds.spacing.highLoadHours} hours apart.`,
        [],
        { greenExposures: spacing.greenExposures, required: greenExposuresToRelax },
      ),
    );
  }
  return flags;
}

/**
 * R8: 2-3 heavy sessions in any rolling 7 days, >= 48 h apart. More than 3 is amber (checked for
 * every window ending at a recent heavy session); a gap under 48 h is amber; fewer than 2 in
 * phase 2 is amber once the athlete has been in phase 2 for a full week.
 * R9: in phase 4, fewer than 2 heavy or eccentric sessions in the last 7 days is amber (same
 * full-week grace). Without a plan only the "more than 3" and "48 h" checks of R8 apply.
 */
export function heavyStrengthFlags(ctx: AssessmentContext): Flag[] {
  const flags: Flag[] = [];
  const { maxPerWeek, minPerWeek, minGapHours, maintenanceMinPerWeek } = ctx.thresholds.heavyStrength;
  const from = flagWindowStart(ctx);
  const heavy = sessionsBetween(ctx, from - 7 * DAY_MS, ctx.now).filter((s) => s.heavy);
  heavy.forEach((session, index) => {
    if (session.t <= from) return;
    const inWindow = heavy.filter((s) => s.t > session.t - 7 * DAY_MS && s.t <= session.t);
    if (inWindow.length > maxPerWeek) {
      flags.push(
        flag("R8", "amber", session.t, `${inWindow.length} heavy strength sessions in 7 days; the most is ${maxPerWeek}.`, inWindow.map((s) => s.id), {
          heavySessions: inWindow.length,
          maxPerWeek,
        }),
      );
    }
    const previous = heavy[index - 1];
    if (previous && session.t - previous.t < minGapHours * HOUR_MS) {
      const gapHours = stable((session.t - previous.t) / HOUR_MS);
      flags.push(
        flag(
          "R8",
          "amber",
          session.t,
          `Heavy strength sessions were only ${Math.floor(gapHours)} hours apart; leave at least ${minGapHours} hours.`,
          [previous.id, session.id],
          { gapHours, minGapHours },
        ),
      );
    }
  });
  const fullWeekInPhase = ctx.now - ctx.phaseStart >= 7 * DAY_MS;
  const lastWeek = sessionsBetween(ctx, ctx.now - 7 * DAY_MS, ctx.now);
  if (ctx.phase === 2 && fullWeekInPhase) {
    const count = lastWeek.filter((s) => s.heavy).length;
    if (count < minPerWeek) {
      flags.push(
        flag("R8", "amber", ctx.now, count === 0 ? `No heavy strength session in the last 7 days; phase 2 needs at least ${minPerWeek} a week.` : `Only ${count} heavy strength session${count === 1 ? "" : "s"} in the last 7 days; phase 2 needs at least ${minPerWeek}.`, lastWeek.filter((s) => s.heavy).map((s) => s.id), {
          heavySessions: count,
          minPerWeek,
        }, { cause: "too_few" }),
      );
    }
  }
  if (ctx.phase === 4 && fullWeekInPhase) {
    const maintenance = lastWeek.filter(
      (s) => s.heavy || s.log.categories.includes("eccentric") || s.log.categories.includes("heavy_slow_resistance"),
    );
    if (maintenance.length < maintenanceMinPerWeek) {
      flags.push(
        flag(
          "R9",
          "amber",
          ctx.now,
          `${maintenance.length === 0 ? "No heavy or eccentric session" : `Only ${maintenance.length} heavy or eccentric session${maintenance.length === 1 ? "" : "s"}`} this week; keep at least ${maintenanceMinPerWeek} a week to protect the tendon.`,
          maintenance.map((s) => s.id),
          { maintenanceSessions: maintenance.length, minPerWeek: maintenanceMinPerWeek },
          { cause: "maintenance" },
        ),
      );
    }
  }
  return flags;
}

/** "none so far", "1 so far", "3 so far". */
function countWords(count: number, tail: string): string {
  return `${count === 0 ? "none" : count} ${tail}`;
}
