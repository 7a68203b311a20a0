import type { FieldErrors } from "react-hook-form";
import { z } from "zod";
import { activityKinds, activityOverrides, planBodySchema, phaseInfo, type ActivityKind, type Phase, type PlanBody } from "@loadline/domain";
import { parseThresholdValues, thresholdValuesOf, type ThresholdValues } from "./plan-thresholds";
import type { Prescription } from "./plan-prescriptions";

/** The plan as the editor holds it: numbers as typed, the forbidden activities as ticked. */
export interface PlanFormValues {
  phase: "1" | "2" | "3" | "4";
  phaseStartDay: string;
  prescriptions: Prescription[];
  forbidden: ActivityKind[];
  thresholds: ThresholdValues;
  returnToSportElements: ActivityKind[];
  targetKm: string;
  targetMinutes: string;
  visaHBaseline: string;
  maintenancePlan: string;
  notes: string;
  changeSummary: string;
}

/** What a save sends beside the athlete and base version. */
export interface PlanFormOutput {
  phase: Phase;
  phaseStartDay: string;
  body: PlanBody;
  changeSummary?: string;
}

type PlanLike = {
  phase: Phase;
  effectiveForbiddenActivities: ActivityKind[];
  body: PlanBody;
} | null;

export const phaseOfText = { "1": 1, "2": 2, "3": 3, "4": 4 } as const satisfies Record<PlanFormValues["phase"], Phase>;

const text = (n: number | undefined) => (n === undefined ? "" : String(n));

export function planFormValuesOf(plan: PlanLike): PlanFormValues {
  return {
    phase: `${plan?.phase ?? 1}`,
    phaseStartDay: "",
    prescriptions: plan?.body.prescriptions ?? [],
    forbidden: plan ? plan.effectiveForbiddenActivities : [...phaseInfo[1].forbiddenActivities],
    thresholds: thresholdValuesOf(plan?.body.thresholds),
    returnToSportElements: plan?.body.returnToSportElements ?? [],
    targetKm: text(plan?.body.targetEasyRun?.distanceKm),
    targetMinutes: text(plan?.body.targetEasyRun?.minutes),
    visaHBaseline: text(plan?.body.visaHBaseline),
    maintenancePlan: plan?.body.maintenancePlan ?? "",
    notes: plan?.body.notes ?? "",
    changeSummary: "",
  };
}

/** Where an API or body-schema key is shown on the form ("body.targetEasyRun.minutes" -> "targetMinutes"). */
export function planFieldOf(key: string): string {
  const k = key.replace(/^body\./, "");
  if (k === "targetEasyRun" || k === "targetEasyRun.distanceKm") return "targetKm";
  if (k === "targetEasyRun.minutes") return "targetMinutes";
  if (k === "phaseStartedAt") return "phaseStartDay";
  return k;
}

const numberText = (value: string): number | undefined | null => {
  if (value.trim() === "") return undefined;
  const n = Number(value.replace(",", "."));
  return Number.isFinite(n) ? n : null;
};

/**
 * The editor's check, all errors at once: text that is not a number at its field, then the
 * domain's plan schema on the body it makes, each sentence at the field it names.
 */
export const planFormSchema = z
  .object({
    phase: z.enum(["1", "2", "3", "4"]),
    phaseStartDay: z.string(),
    prescriptions: z.array(z.custom<Prescription>()),
    forbidden: z.array(z.enum(activityKinds)),
    thresholds: z.record(z.string(), z.union([z.string(), z.boolean(), z.undefined()])),
    returnToSportElements: z.array(z.enum(activityKinds)),
    targetKm: z.string(),
    targetMinutes: z.string(),
    visaHBaseline: z.string(),
    maintenancePlan: z.string(),
    notes: z.string(),
    changeSummary: z.string(),
  })
  .transform((v, ctx): PlanFormOutput => {
    const phase = phaseOfText[v.phase];
    const thresholds = parseThresholdValues(v.thresholds);
    if ("errors" in thresholds) for (const [key, message] of Object.entries(thresholds.errors)) ctx.addIssue({ code: "custom", path: ["thresholds", ...key.split(".")], message });
    const numbers = { targetKm: numberText(v.targetKm), targetMinutes: numberText(v.targetMinutes), visaHBaseline: numberText(v.visaHBaseline) };
    for (const [key, value] of Object.entries(numbers)) if (value === null) ctx.addIssue({ code: "custom", path: [key], message: "Enter a number, or leave empty" });
    const distanceKm = numbers.targetKm ?? undefined;
    const minutes = numbers.targetMinutes ?? undefined;
    const baseline = numbers.visaHBaseline ?? undefined;
    const body = {
      prescriptions: v.prescriptions,
      ...activityOverrides(phase, v.forbidden),
      thresholds: "overrides" in thresholds ? thresholds.overrides : {},
      returnToSportElements: v.returnToSportElements,
      ...(distanceKm !== undefined || minutes !== undefined
        ? { targetEasyRun: { ...(distanceKm !== undefined ? { distanceKm } : {}), ...(minutes !== undefined ? { minutes } : {}) } }
        : {}),
      ...(v.maintenancePlan.trim() ? { maintenancePlan: v.maintenancePlan } : {}),
      ...(baseline !== undefined ? { visaHBaseline: baseline } : {}),
      ...(v.notes ? { notes: v.notes } : {}),
    };
    const checked = planBodySchema.safeParse(body);
    if (!checked.success) {
      for (const issue of checked.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: planFieldOf(issue.path.map(String).join(".")).split(".") });
      return z.NEVER;
    }
    return { phase, phaseStartDay: v.phaseStartDay, body: checked.data, ...(v.changeSummary.trim() ? { changeSummary: v.changeSummary } : {}) };
  });

/** The threshold errors of the form, by threshold key ("r1.painMax"). */
export function thresholdErrorsOf(errors: FieldErrors<PlanFormValues>): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== "object") return;
    const message = (node as { message?: unknown }).message;
    if (typeof message === "string" && path.length > 0) {
      out[path.join(".")] = message;
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== "ref" && key !== "type") walk(child, [...path, key]);
  };
  walk(errors.thresholds, []);
  return out;
}
