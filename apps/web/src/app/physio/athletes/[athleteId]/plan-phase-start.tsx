"use client";
import { Controller, type UseFormReturn } from "react-hook-form";
import { phaseInfo } from "@loadline/domain";
import { Field } from "@loadline/ui/field";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { DateField } from "@/components/date-field";
import { phaseOfText, type PlanFormValues, type PlanFormOutput } from "./plan-form";

/** The first plan only: the starting phase (its forbidden activities are prefilled) and when the athlete began it. */
export function PlanPhaseStart({ form }: { form: UseFormReturn<PlanFormValues, unknown, PlanFormOutput> }) {
  const { errors } = form.formState;
  return (
    <>
      <Field
        label="Phase started on (optional)"
        htmlFor="plan-phase-start"
        description="If the athlete was already in this phase before their records were kept here: the exit criteria count the sessions logged since."
        error={errors.phaseStartDay?.message}
      >
        <Controller
          control={form.control}
          name="phaseStartDay"
          render={({ field }) => <DateField id="plan-phase-start" label="Phase started on (optional)" optional value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
        />
      </Field>
      <Field label="Starting phase" htmlFor="plan-phase" error={errors.phase?.message}>
        <NativeSelect
          id="plan-phase"
          {...form.register("phase", {
            onChange: (e: { target: { value: PlanFormValues["phase"] } }) => form.setValue("forbidden", [...phaseInfo[phaseOfText[e.target.value]].forbiddenActivities]),
          })}
        >
          {([1, 2, 3, 4] as const).map((p) => (
            <NativeSelectOption key={p} value={String(p)}>
              Phase {p}: {phaseInfo[p].name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
    </>
  );
}
