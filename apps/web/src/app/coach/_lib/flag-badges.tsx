import { isActionable, severityRank } from "@loadline/domain";
import { Badge } from "@loadline/ui/badge";
import { severityLabels } from "./labels";
import type { Severity } from "./types";

interface FlagView {
  ruleId: string;
  severity: Severity;
  message: string;
  medicalReview: boolean;
}

/**
 * Open flags as severity badges; each badge is a focusable button named by the domain's plain
 * sentences, which the surrounding `FlagTipArea` shows as a tip on hover or focus. Plain
 * elements, no tooltip component per badge: a board holds hundreds of them. Information-only
 * flags are left to the overview so the row stays calm.
 */
export function FlagBadges({ flags }: { flags: FlagView[] }) {
  const shown = flags.filter((f) => isActionable(f));
  if (shown.length === 0) return <span className="text-sm text-muted-foreground">None</span>;
  // One badge per rule: the worst of its flags, with every sentence.
  const byRule = new Map<string, FlagView[]>();
  for (const flag of shown) byRule.set(flag.ruleId, [...(byRule.get(flag.ruleId) ?? []), flag]);
  const groups = [...byRule.entries()]
    .map(([ruleId, list]) => ({ ruleId, list, severity: list.reduce<Severity>((worst, f) => (severityRank(f.severity) > severityRank(worst) ? f.severity : worst), "info") }))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Open flags">
      {groups.map((group) => {
        const sentences = [...new Set(group.list.map((f) => f.message))];
        return (
          <li key={group.ruleId}>
            <button
              type="button"
              className="rounded-md focus-visible:outline-2 focus-visible:outline-ring"
              aria-label={`${group.ruleId} ${severityLabels[group.severity]}: ${sentences.join(" ")}`}
              data-flag-tip={sentences.join("\n")}
            >
              <Badge variant={group.severity}>{group.severity === "escalate" ? "Medical review needed" : `${group.ruleId} · ${severityLabels[group.severity]}`}</Badge>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
