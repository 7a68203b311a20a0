import { COMPLIANCE_EXPLANATION, type Compliance, type CompliancePeriod } from "@loadline/domain";

/** "3 of 4 check-ins, 2 of 3 sessions, 1 of 1 VISA-H": what a percentage is made of. */
function breakdown(period: CompliancePeriod): string {
  const parts = [
    period.checkIns.expected > 0 ? `${period.checkIns.done} of ${period.checkIns.expected} check-ins` : null,
    period.sessions.expected > 0 ? `${period.sessions.done} of ${period.sessions.expected} sessions` : null,
    period.questionnaires.expected > 0 ? `${period.questionnaires.done} of ${period.questionnaires.expected} VISA-H` : null,
  ].filter((p) => p !== null);
  if (parts.length === 0) return period.countedDays === 0 ? "no full day since joining" : "nothing expected";
  return parts.join(", ");
}

function PeriodLine({ period }: { period: CompliancePeriod }) {
  const detail = breakdown(period);
  return (
    <div title={`${period.days} days: ${detail}`}>
      <span className="text-muted-foreground">{period.days} d:</span> {period.percent === null ? <span className="text-muted-foreground">—</span> : `${period.percent}%`}
      <span className="sr-only"> ({detail})</span>
    </div>
  );
}

/** The compliance cell of the board and the caseload: the 7- and 28-day percentages. */
export function ComplianceCell({ compliance }: { compliance: Compliance | null }) {
  if (!compliance) return <span className="text-muted-foreground">—</span>;
  return (
    <div className="text-sm tabular-nums" data-testid="compliance">
      <PeriodLine period={compliance.last7} />
      <PeriodLine period={compliance.last28} />
    </div>
  );
}

/** The sentence under a table with a compliance column: what it counts. */
export function ComplianceExplanation() {
  return <p className="text-xs text-muted-foreground">{COMPLIANCE_EXPLANATION}</p>;
}
