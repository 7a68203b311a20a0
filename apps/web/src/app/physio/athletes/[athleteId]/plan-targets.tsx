"use client";
import type { UseFormReturn } from "react-hook-form";
import { activityKinds, activityLabels } from "@loadline/domain";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { Textarea } from "@loadline/ui/textarea";
import type { PlanFormOutput, PlanFormValues } from "./plan-form";

/** What the later exit criteria read: the target easy run, the VISA-H baseline, the sport elements and the maintenance plan. */
export function PlanTargets({ form }: { form: UseFormReturn<PlanFormValues, unknown, PlanFormOutput> }) {
  const { errors } = form.formState;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Targets and return to sport</h2>
        </CardTitle>
        <p className="text-sm text-muted-foreground">What the later exit criteria read: the target easy run (E3.1), the VISA-H baseline (E2.6), the sport elements (E4.1) and the maintenance plan (E4.4).</p>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Target easy run, km (E3.1)" htmlFor="plan-target-km" error={errors.targetKm?.message}>
            <Input id="plan-target-km" inputMode="decimal" {...form.register("targetKm")} />
          </Field>
          <Field label="Target easy run, minutes (E3.1)" htmlFor="plan-target-minutes" error={errors.targetMinutes?.message}>
            <Input id="plan-target-minutes" inputMode="numeric" {...form.register("targetMinutes")} />
          </Field>
          <Field label="VISA-H baseline (E2.6)" htmlFor="plan-visa-baseline" description="Empty: the first questionnaire is the baseline." error={errors.visaHBaseline?.message}>
            <Input id="plan-visa-baseline" inputMode="numeric" {...form.register("visaHBaseline")} />
          </Field>
        </div>
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Sport elements to do at full intensity before discharge (E4.1)</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
            {activityKinds.map((a) => (
              <label key={a} className="flex items-center gap-2 text-sm font-medium">
                <input type="checkbox" value={a} className="size-4 accent-primary" {...form.register("returnToSportElements")} />
                {activityLabels[a]}
              </label>
            ))}
          </div>
          {errors.returnToSportElements?.message ? <p className="text-sm font-medium text-destructive">{errors.returnToSportElements.message}</p> : null}
        </fieldset>
        <Field label="Maintenance plan (E4.4)" htmlFor="plan-maintenance" description="Heavy or eccentric work at least twice a week, in season too." error={errors.maintenancePlan?.message}>
          <Textarea id="plan-maintenance" rows={3} {...form.register("maintenancePlan")} />
        </Field>
      </CardContent>
    </Card>
  );
}
