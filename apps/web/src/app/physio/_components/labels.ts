import type { Severity } from "@loadline/domain";

/** Field errors a tRPC call failed with, keyed by the input path (e.g. `episode.side`). */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const data = (error as { data?: { fieldErrors?: Record<string, string[]> | null } | null } | null)?.data;
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(data?.fieldErrors ?? {})) if (messages[0]) out[key] = messages[0];
  return out;
}

export const severityLabel: Record<Severity, string> = { info: "Info", amber: "Amber", red: "Red", escalate: "Escalation" };

export const humanize = (value: string) => value.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

export const formatDate = (value: Date | string) =>
  new Date(value).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export const formatDateTime = (value: Date | string) =>
  new Date(value).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";
