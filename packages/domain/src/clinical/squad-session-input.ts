import { z } from "zod";
import { squadSessionLabels as L } from "../field-labels";
import { dateTimeInput, noteText, titleText, wholeNumber } from "../input-primitives";
import { squadSessionKinds } from "./vocabulary";

/** The longest planned squad session, in minutes. */
export const SQUAD_SESSION_MAX_MINUTES = 600;

/** A squad session as the coach's planner sends it; the server adds id and organisation. */
export const squadSessionInputSchema = z.object({
  squadId: z.uuid(`${L.squadId}: choose a squad`),
  at: dateTimeInput(L.at),
  kind: z.enum(squadSessionKinds, { error: `${L.kind}: choose one of the options` }),
  durationMinutes: wholeNumber(L.durationMinutes, 1, SQUAD_SESSION_MAX_MINUTES).nullable().default(null),
  title: titleText(L.title).default(""),
  notes: noteText(L.notes).default(""),
});
export type SquadSessionInput = z.infer<typeof squadSessionInputSchema>;

/**
 * Whether a planned time lies before `now`: the planner asks before saving one (a coach entering
 * last week's session on purpose, or a wrong day picked by mistake).
 */
export function plannedInThePast(at: Date, now: Date): boolean {
  return at.getTime() < now.getTime();
}
