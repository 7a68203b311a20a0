"use client";
import { isActionable } from "@loadline/domain";
import { Badge } from "@loadline/ui/badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@loadline/ui/tooltip";
import { severityLabels } from "./labels";
import type { Severity } from "./types";

interface FlagView {
  ruleId: string;
  severity: Severity;
  message: string;
  medicalReview: boolean;
}

/**
 * Open flags as severity badges; each badge is a focusable button whose tooltip is the
 * domain's plain sentence (also its accessible description). Information-only flags are left
 * to the overview so the row stays calm.
 */
export function FlagBadges({ flags }: { flags: FlagView[] }) {
  const shown = flags.filter((f) => isActionable(f));
  if (shown.length === 0) return <span className="text-sm text-muted-foreground">None</span>;
  // One badge per rule: the worst of its flags, with every sentence.
  const byRule = new Map<string, FlagView[]>();
  for (const flag of shown) byRule.set(flag.ruleId, [...(byRule.get(flag.ruleId) ?? []), flag]);
  const order: Severity[] = ["escalate", "red", "amber", "info"];
  const groups = [...byRule.entries()]
    .map(([ruleId, list]) => ({ ruleId, list, severity: order.find((s) => list.some((f) => f.severity === s)) ?? "amber" }))
    .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Open flags">
      {groups.map((group) => {
        const sentences = [...new Set(group.list.map((f) => f.message))];
        return (
          <li key={group.ruleId}>
            <Tooltip>
              <TooltipTrigger asChild>
                <button type="button" className="rounded-md focus-visible:outline-2 focus-visible:outline-ring" aria-label={`${group.ruleId} ${severityLabels[group.severity]}: ${sentences.join(" ")}`}>
                  <Badge variant={group.severity}>
                    {group.severity === "escalate" ? "Medical review needed" : `${group.ruleId} · ${severityLabels[group.severity]}`}
                  </Badge>
                </button>
              </TooltipTrigger>
              <TooltipContent className="max-w-xs">
                {sentences.map((s) => (
                  <p key={s}>{s}</p>
                ))}
              </TooltipContent>
            </Tooltip>
          </li>
        );
      })}
    </ul>
  );
}
