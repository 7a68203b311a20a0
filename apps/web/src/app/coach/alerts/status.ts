export const alertStatuses = ["new", "acknowledged", "all"] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** The inbox view from the URL (?status=), "new" by default. */
export const statusOf = (value: string | undefined): AlertStatus =>
  (alertStatuses as readonly string[]).includes(value ?? "") ? (value as AlertStatus) : "new";
