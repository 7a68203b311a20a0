import { z } from "zod";
import { DomainError } from "../errors";
import { capacityTestLabels as L } from "../field-labels";
import { dateTimeInput, noteText } from "../input-primitives";
import { painScore, rangedNumber } from "./schemas/fields";
import type { CapacityTestKind } from "./vocabulary";

/*
 * The capacity tests a physio records for the phase-2 exit (E2.2 drop lunge, E2.3 strength
 * symmetry) as they are done in the clinic: one value per side, then the engine compares the
 * affected side with the other.
 */

/** A tested side: one leg. An episode on both sides still tests one leg as "affected". */
export const testedSides = ["left", "right"] as const;
export type TestedSide = (typeof testedSides)[number];

/** Each test in plain words, with the unit of its per-side value (none for the drop lunge). */
export const capacityTestInfo: Readonly<Record<CapacityTestKind, { label: string; criterion: string; unit: string | null; integer: boolean }>> = {
  drop_lunge: { label: "Drop lunge (pain on the affected leg)", criterion: "E2.2", unit: null, integer: true },
  single_leg_bridge_reps: { label: "Single-leg bridge: controlled reps each side", criterion: "E2.3", unit: "reps", integer: true },
  prone_curl_10rm: { label: "Prone leg curl 10RM each side", criterion: "E2.3", unit: "kg", integer: false },
};

const common = {
  at: dateTimeInput(L.at),
  /** The leg tested as affected: its value is the one compared with the other side. */
  affectedSide: z.enum(testedSides, { error: `${L.affectedSide}: choose left or right` }),
  notes: noteText(L.notes).default(""),
};

const reps = (field: string) => rangedNumber(field, 0, 1000).int(`${field} must be a whole number`);
const kilograms = (field: string) => rangedNumber(field, 0, 1000);

/** The capacity-test form: kind, date, affected side, pain, and for strength tests each side's value. */
export const capacityTestInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...common, kind: z.literal("drop_lunge"), pain: painScore(L.pain) }),
    z.object({ ...common, kind: z.literal("single_leg_bridge_reps"), left: reps(L.left), right: reps(L.right), pain: painScore(L.pain).optional() }),
    z.object({ ...common, kind: z.literal("prone_curl_10rm"), left: kilograms(L.left), right: kilograms(L.right), pain: painScore(L.pain).optional() }),
  ],
  { error: `${L.kind}: choose the drop lunge, the single-leg bridge or the prone leg curl` },
);
export type CapacityTestInput = z.infer<typeof capacityTestInputSchema>;

/** What is stored and what the engine reads: the affected side's value against the other side's. */
export interface CapacityTestValues {
  kind: CapacityTestKind;
  at: Date;
  affectedSide: TestedSide;
  pain: number | null;
  affected: number | null;
  other: number | null;
  notes: string;
}

export function capacityTestValues(input: CapacityTestInput): CapacityTestValues {
  const base = { kind: input.kind, at: input.at, affectedSide: input.affectedSide, notes: input.notes };
  if (input.kind === "drop_lunge") return { ...base, pain: input.pain, affected: null, other: null };
  const affected = input.affectedSide === "left" ? input.left : input.right;
  const other = input.affectedSide === "left" ? input.right : input.left;
  return { ...base, pain: input.pain ?? null, affected, other };
}

/** The side to preselect on the form: the episode's side when it is one leg; null for both (the physio chooses). */
export function defaultAffectedSide(episodeSide: "left" | "right" | "both" | null | undefined): TestedSide | null {
  return episodeSide === "left" || episodeSide === "right" ? episodeSide : null;
}

/** The affected side as a percentage of the other (E2.3's symmetry), for showing a test; null for a drop lunge. */
export function capacitySymmetryPct(values: { affected: number | null; other: number | null }): number | null {
  if (values.affected === null || values.other === null) return null;
  if (values.other <= 0) return 100;
  return Math.round((values.affected / values.other) * 1000) / 10;
}

/**
 * The affected side must be the episode's side when the episode is on one leg; with both sides
 * affected the physio says which leg they tested as affected.
 * @throws DomainError `invalid` naming `affectedSide`
 */
export function assertAffectedSideFits(episodeSide: "left" | "right" | "both", affectedSide: TestedSide): void {
  if (episodeSide !== "both" && episodeSide !== affectedSide) {
    const message = `affectedSide: the injury episode is on the ${episodeSide} side`;
    throw new DomainError("invalid", message, { affectedSide: [message] });
  }
}
