"use client";
import type { UseFormReturn } from "react-hook-form";
import { activityKinds, phaseInfo, type Phase } from "@loadline/domain";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { humanize } from "../../_components/labels";
import type { PlanFormOutput, PlanFormValues } from "./plan-form";

/** The activities the plan forbids (R16), prefilled from the phase; a change from the phase's default is marked. */
export function PlanActivities({ form, phase }: { form: UseFormReturn<PlanFormValues, unknown, PlanFormOutput>; phase: Phase }) {
  const forbidden = form.watch("forbidden");
  const phaseDefaults: readonly string[] = phaseInfo[phase].forbiddenActivities;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Activities</h2>
        </CardTitle>
        <p className="text-sm text-muted-foreground">Prefilled from phase {phase}. Ticked activities are forbidden (R16).</p>
      </CardHeader>
      <CardContent>
        <fieldset className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
          <legend className="sr-only">Forbidden activities</legend>
          {activityKinds
            .filter((a) => a !== "static_hamstring_stretch")
            .map((a) => (
              <label key={a} className="flex items-center gap-2 text-sm font-medium">
                <input type="checkbox" value={a} className="size-4 accent-primary" {...form.register("forbidden")} />
                {humanize(a)}
                {phaseDefaults.includes(a) !== forbidden.includes(a) ? <span className="text-xs text-muted-foreground"> (changed)</span> : null}
              </label>
            ))}
        </fieldset>
      </CardContent>
    </Card>
  );
}
