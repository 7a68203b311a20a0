import { z } from "zod";
import { defaultThresholds } from "./config";

/**
 * VISA-H (Cacchio et al., BJSM 2014): 8 items, total 0-100, higher is better. The licensed
 * wording is not public, so only short neutral labels live here; an organisation loads the
 * wording itself.
 */

/** Short neutral labels and allowed scores of the 8 VISA-H items. */
/*
 * Every VISA-H item scores higher for a better state, the opposite of the 0-10 pain ratings on
 * the log forms (0 = no pain there). So each item carries what its two ends mean, shown before
 * the athlete answers.
 */
const painItem = { allowed: "0-10", anchors: { low: "Severe pain", high: "No pain" } } as const;

export const visaHItems = [
  { item: 1, label: "Pain when sitting", ...painItem },
  { item: 2, label: "Pain with hip flexion", ...painItem },
  { item: 3, label: "Pain with walking or stairs", ...painItem },
  { item: 4, label: "Pain with stretching", ...painItem },
  { item: 5, label: "Pain with single-leg loading", ...painItem },
  { item: 6, label: "Pain with running or fast walking", ...painItem },
  { item: 7, label: "Sport participation", allowed: "0, 4, 7 or 10", anchors: { low: "Not taking part", high: "Full participation" } },
  { item: 8, label: "How long you can train", allowed: "0-30", anchors: { low: "Cannot train", high: "Train fully, no pain" } },
] as const;

/** The scores an item allows: 0-10 for items 1-6, 0/4/7/10 for item 7, 0-30 for item 8. */
export function visaHAllowedScores(item: number): number[] {
  if (item === 7) return [0, 4, 7, 10];
  return Array.from({ length: item === 8 ? 31 : 11 }, (_, i) => i);
}

/** One sentence before the questionnaire: which end of every item is good. */
export const visaHScaleHint = "For every question, a higher score is better: the right-hand end means no pain or full activity.";

const itemLabel = (item: number) => `Question ${item} (${visaHItems[item - 1]?.label.toLowerCase() ?? "answer"})`;

const itemSchema = (item: number, max: number) =>
  z
    .number({ error: `${itemLabel(item)}: choose a score from 0 to ${max}` })
    .int(`${itemLabel(item)} must be a whole number`)
    .min(0, `${itemLabel(item)} must be between 0 and ${max}`)
    .max(max, `${itemLabel(item)} must be between 0 and ${max}`);

/** The 8 item scores with a range check per item. */
export const visaHItemsSchema = z.tuple([
  itemSchema(1, 10),
  itemSchema(2, 10),
  itemSchema(3, 10),
  itemSchema(4, 10),
  itemSchema(5, 10),
  itemSchema(6, 10),
  z.literal([0, 4, 7, 10], { error: `${itemLabel(7)}: choose 0, 4, 7 or 10` }),
  itemSchema(8, 30),
], { error: "Answer all 8 questions" });
export type VisaHItems = z.infer<typeof visaHItemsSchema>;

/**
 * Scores a VISA-H response.
 * @param items the 8 item scores; each is range-checked
 * @returns the total, 0-100
 * @throws ZodError naming the offending item when a score is out of range
 */
export function scoreVisaH(items: readonly number[]): number {
  const valid = visaHItemsSchema.parse(items);
  return valid.reduce((sum, score) => sum + score, 0);
}

/** The result of comparing a VISA-H total with the baseline. */
export interface VisaHChange {
  baseline: number;
  current: number;
  /** current - baseline; positive is better. */
  change: number;
  /** True when the improvement reaches the meaningful change (default 13, borrowed from VISA-P). */
  meaningfulImprovement: boolean;
  /** True when the score fell by at least the meaningful change. */
  meaningfulWorsening: boolean;
}

/**
 * Compares a VISA-H total with the baseline. No validated minimal important change exists for
 * VISA-H; the default of 13 points is borrowed from VISA-P and can be overridden per plan.
 * @param baseline baseline total (0-100)
 * @param current current total (0-100)
 * @param meaningfulChange points that count as meaningful (default 13)
 */
export function visaHChange(
  baseline: number,
  current: number,
  meaningfulChange: number = defaultThresholds.visaH.meaningfulChange,
): VisaHChange {
  const change = current - baseline;
  return {
    baseline,
    current,
    change,
    meaningfulImprovement: change >= meaningfulChange,
    meaningfulWorsening: change <= -meaningfulChange,
  };
}
