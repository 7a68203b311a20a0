import { urlParam, type UrlValues } from "@/lib/url-state";
import { boardQueryInput, boardSquadFilter } from "../board/squad-scope";

export const alertStatuses = ["new", "acknowledged", "archived", "closed", "all"] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** The inbox's filters in the URL; the server page reads them too, to prefetch the same list. */
export const inboxUrl = {
  status: urlParam.oneOf(alertStatuses, "new"),
  squad: urlParam.text(),
  from: urlParam.day(),
  to: urlParam.day(),
  severity: urlParam.oneOf(["", "escalate", "red", "amber"], ""),
  q: urlParam.text(),
};
export type InboxUrl = UrlValues<typeof inboxUrl>;

/** The server-side filters of the inbox from the URL: status, squads and the days raised. */
export interface InboxQuery {
  status: AlertStatus;
  squadIds?: string[];
  from?: string;
  to?: string;
}

/**
 * The inbox opens on the coach's own squads like the board (`?squad=all` for every squad, or one
 * squad's id); the server filters, so alerts of other squads are not loaded. A "to" before
 * "from" is dropped.
 */
export function inboxQueryOf(url: Pick<InboxUrl, "status" | "squad" | "from" | "to">, mine: readonly string[]): InboxQuery {
  return {
    status: url.status,
    ...boardQueryInput(inboxSquadFilter(url, mine), mine),
    ...(url.from ? { from: url.from } : {}),
    ...(url.to && (!url.from || url.from <= url.to) ? { to: url.to } : {}),
  };
}

/** The inbox's squad filter: "mine", "all" or a squad id (the board's rule). */
export function inboxSquadFilter(url: Pick<InboxUrl, "squad">, mine: readonly string[]): string {
  return boardSquadFilter(url.squad || undefined, mine);
}
