import { z } from "zod";
import { adjunctLabels as L } from "../field-labels";
import { dateTimeInput, plainText, titleText } from "../input-primitives";
import { adjunctTreatmentKinds, progressionPausingAdjuncts, sides } from "./vocabulary";

/*
 * What a physio writes about an adjunct treatment: recording it, correcting it, deleting one
 * recorded in error. Restrictions have their own write because entering them is what lifts the
 * R22 pause.
 */

const treatmentFields = {
  at: dateTimeInput(L.at),
  kind: z.enum(adjunctTreatmentKinds, { error: `${L.kind}: choose one of the options` }),
  side: z.enum(sides, { error: `${L.side}: choose left, right or both` }).nullable().default(null),
  parameters: plainText(L.parameters, { max: 500, multiline: true }).default(""),
  provider: titleText(L.provider).default(""),
};

export const newAdjunctSchema = z.object({
  athleteId: z.uuid({ error: `${L.athleteId}: choose an athlete` }),
  ...treatmentFields,
  restrictions: plainText(L.restrictions, { max: 1000, multiline: true }).nullable().default(null),
});
export type NewAdjunctInput = z.infer<typeof newAdjunctSchema>;

/** A correction of a recorded treatment: every field but the restrictions, sent whole. */
export const adjunctChangesSchema = z.object(treatmentFields);
export type AdjunctChangesInput = z.infer<typeof adjunctChangesSchema>;

/** Why a treatment is deleted (it was recorded in error): required, kept with the row and in the audit. */
export const adjunctDeletionReason = plainText(L.reason, { min: 1, max: 500, multiline: true });

/** R22: an injection or surgery with no restrictions entered pauses automatic progression. */
export function adjunctPausesProgression(row: { kind: string; restrictions: string | null }): boolean {
  return (progressionPausingAdjuncts as readonly string[]).includes(row.kind) && !row.restrictions?.trim();
}
