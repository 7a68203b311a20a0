import type { Evidence, EvidenceValue, Flag } from "./types";
import type { RuleId, Severity, Zone } from "./vocabulary";
import { severities, zones } from "./vocabulary";

/** Builds a flag; rule modules call this so every flag has the same shape. */
export function flag(
  ruleId: RuleId,
  severity: Severity,
  at: number,
  message: string,
  recordIds: string[],
  values: Record<string, EvidenceValue>,
  options: { blocksProgression?: boolean; sensitive?: boolean; cause?: string } = {},
): Flag {
  const evidence: Evidence = { recordIds, values };
  return {
    ruleId,
    severity,
    message,
    evidence,
    blocksProgression: options.blocksProgression ?? false,
    at: new Date(at),
    sensitive: options.sensitive ?? false,
    ...(options.cause !== undefined ? { cause: options.cause } : {}),
  };
}

/** Rank of a zone: green 0, amber 1, red 2. */
export function zoneRank(zone: Zone): number {
  return zones.indexOf(zone);
}

/** The worse of two zones. */
export function worseZone(a: Zone, b: Zone): Zone {
  return zoneRank(a) >= zoneRank(b) ? a : b;
}

/** Rank of a severity: info 0 ... escalate 3. */
export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}

/** The worst severity among flags, or null when there are none. */
export function worstSeverityOf(flags: readonly Flag[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of flags) {
    if (worst === null || severityRank(f.severity) > severityRank(worst)) worst = f.severity;
  }
  return worst;
}

/** Orders flags by rule number, then time, then first record id, for stable output. */
export function compareFlags(a: Flag, b: Flag): number {
  const rule = Number(a.ruleId.slice(1)) - Number(b.ruleId.slice(1));
  if (rule !== 0) return rule;
  const time = a.at.getTime() - b.at.getTime();
  if (time !== 0) return time;
  const idA = a.evidence.recordIds.join(",");
  const idB = b.evidence.recordIds.join(",");
  if (idA !== idB) return idA < idB ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** A review time as part of a flag's cause: the condition since that review ("none" before the first). */
export function reviewEpoch(reviewedAt: number | undefined): string {
  return reviewedAt === undefined ? "none" : new Date(reviewedAt).toISOString();
}

/**
 * The identity of the condition a flag reports: one condition is one alert. It is the rule and
 * the flag's cause when the rule names one (a condition over a rolling window, "two reds since
 * the last review", "paused after this injection"), else the records behind it (this session,
 * this planned session, this prescription). A condition with neither is one per rule. It never
 * holds the evaluation time, so re-assessing an unchanged history yields the same identity; a
 * new check-in or plan version does not make a new alert for a condition already raised.
 * docs/clinical-model.md ("Alert identity") lists the identity of every rule.
 */
export function alertIdentity(flag: Pick<Flag, "ruleId" | "evidence" | "cause">): string {
  if (flag.cause !== undefined) return `${flag.ruleId}|${flag.cause}`;
  const records = [...flag.evidence.recordIds].sort().join(",");
  return `${flag.ruleId}|${records || "condition"}`;
}

/** Whether a flag asks someone to act (amber, red or escalate); information-only flags are shown, never acted on. */
export function isActionable(flag: Pick<Flag, "severity">): boolean {
  return flag.severity !== "info";
}

/**
 * Whether a flag becomes an alert staff act on: amber, red or escalate, except R13, which shows
 * its zone but is information only (its validity is disputed), so it never lands in an inbox.
 */
export function raisesAlert(flag: Pick<Flag, "ruleId" | "severity">): boolean {
  return isActionable(flag) && flag.ruleId !== "R13";
}
