export const alertStatuses = ["new", "acknowledged", "archived", "closed", "all"] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** The inbox view from the URL (?status=), "new" by default. */
export const statusOf = (value: string | undefined): AlertStatus =>
  (alertStatuses as readonly string[]).includes(value ?? "") ? (value as AlertStatus) : "new";

const isDay = (value: string | undefined): value is string => value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The server-side filters of the inbox from the URL: status, squad and the days raised. */
export interface InboxQuery {
  status: AlertStatus;
  squadId?: string;
  from?: string;
  to?: string;
}

export function inboxQueryOf(params: { get: (key: string) => string | null | undefined }): InboxQuery {
  const squad = params.get("squad") ?? undefined;
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  return {
    status: statusOf(params.get("status") ?? undefined),
    ...(squad && /^[0-9a-f-]{36}$/i.test(squad) ? { squadId: squad } : {}),
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) && (!isDay(from) || from <= to) ? { to } : {}),
  };
}
