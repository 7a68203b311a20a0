import { boardQueryInput, boardSquadFilter } from "../board/squad-scope";

export const alertStatuses = ["new", "acknowledged", "archived", "closed", "all"] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** The inbox view from the URL (?status=), "new" by default. */
export const statusOf = (value: string | undefined): AlertStatus =>
  (alertStatuses as readonly string[]).includes(value ?? "") ? (value as AlertStatus) : "new";

const isDay = (value: string | undefined): value is string => value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The server-side filters of the inbox from the URL: status, squads and the days raised. */
export interface InboxQuery {
  status: AlertStatus;
  squadIds?: string[];
  from?: string;
  to?: string;
}

/**
 * The inbox opens on the coach's own squads like the board (`?squad=all` for every squad, or one
 * squad's id); the server filters, so alerts of other squads are not loaded.
 */
export function inboxQueryOf(params: { get: (key: string) => string | null | undefined }, mine: readonly string[]): InboxQuery {
  const squad = inboxSquadFilter(params, mine);
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  return {
    status: statusOf(params.get("status") ?? undefined),
    ...boardQueryInput(squad, mine),
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) && (!isDay(from) || from <= to) ? { to } : {}),
  };
}

/** The inbox's squad filter: "mine", "all" or a squad id (the board's rule). */
export function inboxSquadFilter(params: { get: (key: string) => string | null | undefined }, mine: readonly string[]): string {
  return boardSquadFilter(params.get("squad") ?? undefined, mine);
}
