import { z } from "zod";
import { getAthleteByUser, getLatestPlanVersion, listPlanVersions } from "@loadline/db";
import {
  defaultThresholds,
  diffPlans,
  effectiveForbiddenActivities,
  phaseInfo,
  planBodySchema,
  wholeNumber,
  plainText,
  dateTimeInput,
  type Actor,
  DomainError,
  clearedByReview,
  phaseChangeOptions,
  redFlagOpen,
} from "@loadline/domain";
import { getAssessment } from "../services/assessments";
import { clinicalSubject, recordAudit } from "../services/audit";
import { changePhase, dischargeAthlete, phasedBody, savePlanVersion } from "../services/plan-versioning";
import { procedureFor, router } from "../trpc";
import type { Context } from "../context";

const athleteId = z.uuid({ error: "athleteId must be an id" });
const version = (field: string) => wholeNumber(field, 0, 1_000_000);

/** The athlete a plan read is about: the given one for physios, always their own for athletes. */
async function planSubject(ctx: Context & { actor: Actor }, requested: string | undefined) {
  if (ctx.actor.role === "athlete") {
    const own = await getAthleteByUser(ctx.db, ctx.actor.organisationId, ctx.actor.userId);
    if (!own) throw new DomainError("not_found", "No athlete profile for this account.");
    if (requested !== undefined && requested !== own.id) throw new DomainError("forbidden", "Your role cannot do this.");
    return own;
  }
  if (requested === undefined) throw new DomainError("invalid", "athleteId is required");
  return clinicalSubject(ctx.db, ctx.actor, "plan.read", requested);
}

export const plansRouter = router({
  /**
   * The current plan with the phase in plain words, the effective forbidden activities, the
   * engine's defaults (for the editor), and for physios the exit checklist of the current phase.
   */
  current: procedureFor("plan.read")
    .input(z.object({ athleteId: athleteId.optional() }))
    .query(async ({ ctx, input }) => {
      const athlete = await planSubject(ctx, input.athleteId);
      const plan = await getLatestPlanVersion(ctx.db, ctx.actor.organisationId, athlete.id);
      const isPhysio = ctx.actor.role === "physio";
      const assessment = isPhysio && plan ? await getAssessment(ctx.db, ctx.actor.organisationId, athlete.id, ctx.now) : null;
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: athlete.id, action: "read", entity: "plan_version", entityId: plan?.id ?? null, detail: plan ? `Viewed plan version ${plan.version}` : "Viewed plan (none yet)" },
      ], ctx.pageViewId ?? null);
      return {
        athlete: { id: athlete.id, name: athlete.name },
        plan: plan
          ? {
              id: plan.id,
              version: plan.version,
              phase: plan.phase,
              phaseName: phaseInfo[plan.phase].name,
              phaseStartedAt: plan.phaseStartedAt,
              createdAt: plan.createdAt,
              authorName: plan.authorName,
              changeSummary: plan.changeSummary,
              body: phasedBody(plan),
              effectiveForbiddenActivities: effectiveForbiddenActivities({ ...phasedBody(plan) }),
            }
          : null,
        defaults: defaultThresholds,
        exitCriteria: assessment?.exitCriteria ?? [],
        // What the phase panel offers (the domain's gate); null without a plan or for a coach.
        phaseOptions: plan && isPhysio ? phaseChangeOptions(plan.phase, assessment?.exitCriteria ?? [], redFlagOpen(assessment?.flags)) : null,
        // A block a physio review lifts says so: it waits in the review queue (the Escalations tab).
        progressionBlocks: (assessment?.progression.reasons ?? []).map((r) => ({
          ...r,
          waitsForReview: (assessment?.flags ?? []).some((f) => f.ruleId === r.ruleId && f.message === r.message && clearedByReview(f)),
        })),
      };
    }),

  /** Every version: who, when, what changed (summary and phase change with reason). */
  history: procedureFor("episode.read")
    .input(z.object({ athleteId }))
    .query(async ({ ctx, input }) => {
      const athlete = await clinicalSubject(ctx.db, ctx.actor, "episode.read", input.athleteId);
      const versions = await listPlanVersions(ctx.db, ctx.actor.organisationId, athlete.id);
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: athlete.id, action: "read", entity: "plan_version", detail: `Viewed plan history (${versions.length} versions)` },
      ], ctx.pageViewId ?? null);
      return versions
        .map((v) => ({
          id: v.id,
          version: v.version,
          phase: v.phase,
          createdAt: v.createdAt,
          authorName: v.authorName,
          changeSummary: v.changeSummary,
          phaseChange: v.phaseChange,
          phaseChangeReason: v.phaseChangeReason,
        }))
        .reverse();
    }),

  /** A readable diff of two versions (in either order). */
  diff: procedureFor("episode.read")
    .input(z.object({ athleteId, from: version("from").min(1, "from must be 1 or more"), to: version("to").min(1, "to must be 1 or more") }))
    .query(async ({ ctx, input }) => {
      const athlete = await clinicalSubject(ctx.db, ctx.actor, "episode.read", input.athleteId);
      const versions = await listPlanVersions(ctx.db, ctx.actor.organisationId, athlete.id);
      const from = versions.find((v) => v.version === input.from);
      const to = versions.find((v) => v.version === input.to);
      if (!from || !to) throw new DomainError("not_found", "No such plan version.");
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: athlete.id, action: "read", entity: "plan_version", detail: `Compared plan versions ${from.version} and ${to.version}` },
      ], ctx.pageViewId ?? null);
      return { from: from.version, to: to.version, changes: diffPlans(phasedBody(from), phasedBody(to)) };
    }),

  /** Save a new version on top of `baseVersion` (0 for the first plan); CONFLICT when someone saved first. */
  save: procedureFor("plan.write")
    .input(
      z.object({
        athleteId,
        baseVersion: version("baseVersion"),
        phase: z.literal([1, 2, 3, 4], { error: "phase must be 1, 2, 3 or 4" }).optional(),
        changeSummary: plainText("changeSummary", { max: 500, multiline: true }).optional(),
        /** First version only: when the athlete began the starting phase, if before today. */
        phaseStartedAt: dateTimeInput("phaseStartedAt").optional(),
        body: planBodySchema,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      return savePlanVersion(ctx.db, ctx.actor, ctx.now, input);
    }),

  /** Advance (all criteria met, or override with reason) or move back (with reason). */
  changePhase: procedureFor("plan.write")
    .input(
      z.object({
        athleteId,
        baseVersion: version("baseVersion"),
        toPhase: z.number({ error: "toPhase must be 1, 2, 3 or 4" }).int("toPhase must be 1, 2, 3 or 4").min(0, "toPhase must be 1, 2, 3 or 4").max(10, "toPhase must be 1, 2, 3 or 4"),
        overrideReason: plainText("overrideReason", { max: 1000, multiline: true }).optional(),
        reason: plainText("reason", { max: 1000, multiline: true }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      return changePhase(ctx.db, ctx.actor, ctx.now, input);
    }),

  /** Discharge from phase 4: every discharge criterion met (E4.1-E4.4), or an override with a reason. Closes the episode. */
  discharge: procedureFor("plan.write")
    .input(
      z.object({
        athleteId,
        baseVersion: version("baseVersion"),
        note: plainText("note", { max: 1000, multiline: true }).optional(),
        overrideReason: plainText("overrideReason", { max: 1000, multiline: true }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      return dischargeAthlete(ctx.db, ctx.actor, ctx.now, input);
    }),
});
