import { alertIdentity, isActionable, raisesAlert, severityRank } from "./flags";
import type { Flag } from "./types";
import type { RuleId, Severity, Zone } from "./vocabulary";

/**
 * The life of an alert (docs/clinical-model.md, "Alerts"). An alert is one occurrence of one
 * condition (`alertIdentity`): raised when the engine first reports it, kept current while the
 * engine keeps reporting it, and retired the first time a re-assessment no longer does (the
 * planned session changed or went, restrictions were entered, the window passed). A condition
 * reported again after that is a new alert, whatever happened to the old one.
 */
export type AlertStatus = "new" | "acknowledged" | "resolved" | "retired";

/**
 * Days an acknowledged alert stays in the coach's "acknowledged" list before it is archived
 * (still in the athlete's flag history and under "archived"). Product default: two weeks
 * covers a training block's review without the list growing for good.
 */
export const ACKNOWLEDGED_ALERT_ARCHIVE_DAYS = 14;

/** Rules only a physio clears: a coach may acknowledge their alerts but never resolve them. */
export const physioClearedRules: readonly RuleId[] = ["R4", "R19", "R20", "R21", "R22"];

/**
 * Alerts a physio review clears (one review record: rule, reviewer, note, time), so they go to
 * the physio's review queue: R19, R20, and R4's "two reds" block (the per-session R4 outcome is
 * superseded by the next session and needs no review).
 */
export function clearedByReview(flag: Pick<Flag, "ruleId" | "severity" | "cause">): boolean {
  if (flag.ruleId === "R19" || flag.ruleId === "R20" || flag.severity === "escalate") return true;
  return flag.ruleId === "R4" && (flag.cause ?? "").startsWith("two_reds:");
}

/**
 * Whether resolving an escalation of this rule records a physio review: R4's two-reds block,
 * R19's clock and R20's red flags count from the rule's last review.
 */
export function resolvingRecordsReview(ruleId: string): boolean {
  return ruleId === "R4" || ruleId === "R19" || ruleId === "R20";
}

/** Whether a coach may resolve this alert (non-clinical rules only; clinical ones are the physio's). */
export function coachMayResolve(alert: { ruleId: string; severity: Severity; sensitive: boolean }): boolean {
  if (alert.severity === "escalate" || alert.sensitive) return false;
  return !(physioClearedRules as readonly string[]).includes(alert.ruleId);
}

/** Whether a coach may acknowledge this alert: everything but medical reviews and clinical detail. */
export function coachMayAcknowledge(alert: { severity: Severity; sensitive: boolean }): boolean {
  return alert.severity !== "escalate" && !alert.sensitive;
}

/** An alert's status from its stored times: resolved, then retired, then acknowledged, then new. */
export function alertStatus(alert: { acknowledgedAt: Date | null; resolvedAt: Date | null; retiredAt: Date | null }): AlertStatus {
  if (alert.resolvedAt) return "resolved";
  if (alert.retiredAt) return "retired";
  if (alert.acknowledgedAt) return "acknowledged";
  return "new";
}

/** The sentence a retired alert shows: why it closed by itself. */
export function retiredAlertSentence(ruleId: string): string {
  if (ruleId === "R22") return "Closed: the physio entered restrictions, or the treatment's window passed.";
  if (ruleId === "R16") return "Retired: the session or plan behind it changed, so the activity is no longer a problem.";
  return "Retired: the engine no longer raises this flag (what caused it changed or passed).";
}

export interface AlertRowFromFlag {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  evidence: { recordIds: string[]; values: Flag["evidence"]["values"] };
  sensitive: boolean;
  /** `alertIdentity`: unique among an athlete's current (not retired) alerts. */
  fingerprint: string;
  /** When the cause happened (the session, the planned session, the check-in). */
  causeAt: Date;
  needsReview: boolean;
}

/**
 * The alert rows an assessment asks for: one per condition. Two flags of one condition (a rule
 * reporting the same cause twice) become one row, the worse one's.
 */
export function alertsFromFlags(flags: readonly Flag[]): AlertRowFromFlag[] {
  const byIdentity = new Map<string, AlertRowFromFlag>();
  for (const f of flags) {
    if (!raisesAlert(f)) continue;
    const fingerprint = alertIdentity(f);
    const previous = byIdentity.get(fingerprint);
    if (previous && severityRank(previous.severity) >= severityRank(f.severity)) continue;
    byIdentity.set(fingerprint, {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      evidence: { recordIds: [...f.evidence.recordIds], values: { ...f.evidence.values } },
      sensitive: f.sensitive,
      fingerprint,
      causeAt: f.at,
      needsReview: clearedByReview(f),
    });
  }
  return [...byIdentity.values()];
}

/** What a rule's flag is about, when it is not the pain response, for `outcomeFlagDisagreement`. */
const flagSubjects: Partial<Record<RuleId, string>> = {
  R7: "high-load sessions were too close together",
  R8: "the number or spacing of heavy strength sessions",
  R10: "the week's running volume rose too fast",
  R11: "the run was much longer than recent runs",
  R14: "the run changed more than one thing at once",
  R15: "the run stepped up before the previous level was consolidated",
  R16: "the activity itself is not allowed in this phase, whatever the pain",
  R17: "long static stretching is not advised in this phase",
};

/**
 * One sentence when a session's outcome (R4, the pain response) and a flag on the same session
 * disagree in colour, so both can be read together; null when they agree or the flag is about
 * the pain itself.
 */
export function outcomeFlagDisagreement(outcomeZone: Zone, flag: { ruleId: string; severity: Severity }): string | null {
  const subject = flagSubjects[flag.ruleId as RuleId];
  if (!subject || !isActionable(flag)) return null;
  const zoneRank = { green: 0, amber: 1, red: 2 }[outcomeZone];
  if (severityRank(flag.severity) <= zoneRank) return null;
  const zone = { green: "Green", amber: "Amber", red: "Red" }[outcomeZone];
  return `${zone} outcome because the pain during, after and the next morning stayed in that zone; the ${flag.severity} ${flag.ruleId} flag is because ${subject}. Both apply.`;
}

export interface CollapsibleAlert {
  athleteId: string;
  ruleId: string;
  severity: Severity;
  message: string;
  status: AlertStatus;
}

/** Identical alerts (same athlete, rule, colour, sentence and status) listed as one. */
export interface CollapsedAlerts<T extends CollapsibleAlert> {
  key: string;
  /** The first of the group in the list's order (the newest when the list is newest first). */
  first: T;
  alerts: T[];
}

/**
 * Collapses identical alerts into one entry with their count and each one's cause (which session
 * it belongs to), keeping the list's order of first appearance.
 */
export function collapseAlerts<T extends CollapsibleAlert>(alerts: readonly T[]): CollapsedAlerts<T>[] {
  const groups = new Map<string, CollapsedAlerts<T>>();
  for (const alert of alerts) {
    const key = [alert.athleteId, alert.ruleId, alert.severity, alert.status, alert.message].join("|");
    const group = groups.get(key);
    if (group) group.alerts.push(alert);
    else groups.set(key, { key, first: alert, alerts: [alert] });
  }
  return [...groups.values()];
}
