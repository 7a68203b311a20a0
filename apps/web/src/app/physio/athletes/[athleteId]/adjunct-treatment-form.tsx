"use client";
import type { ReactNode } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { adjunctChangesSchema, adjunctLabels, adjunctTreatmentKinds, calendarDateInput, newAdjunctSchema, sides, type AdjunctTreatmentKind } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { Textarea } from "@loadline/ui/textarea";
import { DateField } from "@/components/date-field";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { humanize } from "../../_components/labels";

export const kindLabel: Record<AdjunctTreatmentKind, string> = {
  shockwave: "Shockwave (ESWT)",
  prp: "PRP injection",
  autologous_blood: "Autologous blood injection",
  corticosteroid_injection: "Corticosteroid injection",
  surgery: "Surgery",
};

/** A treatment as the form holds it: the day chosen, not yet an instant. */
const treatmentFormSchema = adjunctChangesSchema.extend({
  at: calendarDateInput(adjunctLabels.at),
  restrictions: newAdjunctSchema.shape.restrictions,
});
type Values = z.input<typeof treatmentFormSchema>;
export type TreatmentValues = z.output<typeof treatmentFormSchema>;

const sideOrNull = (value: unknown) => (value === "" || value === null || value === undefined ? null : value);
const restrictionsOrNull = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);

interface ServerError {
  message: string;
  data?: { fieldErrors?: Record<string, string[]> | null } | null;
}

/**
 * Recording a treatment and correcting one are the same fields (recording adds the restrictions):
 * every error at once at its field, the values kept when the API refuses.
 */
export function AdjunctTreatmentForm({
  id,
  initial,
  withRestrictions,
  submitLabel,
  size = "default",
  className,
  onSubmit,
  actions,
}: {
  id: string;
  initial?: Partial<Values>;
  withRestrictions: boolean;
  submitLabel: string;
  size?: "default" | "sm";
  className: string;
  /** Sends the treatment; resolves when saved (the form then empties the one-off fields). */
  onSubmit: (values: TreatmentValues) => Promise<unknown>;
  actions?: ReactNode;
}) {
  const blank: Values = { kind: "shockwave", at: "", side: null, parameters: "", provider: "", restrictions: null, ...initial };
  const form = useForm<Values, unknown, TreatmentValues>({ resolver: labelledResolver(treatmentFormSchema, adjunctLabels), defaultValues: blank });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      className={className}
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        try {
          await onSubmit(values);
          form.reset({ ...values, parameters: "", restrictions: null });
        } catch (error) {
          applyServerErrors(form, error as ServerError);
        }
      })}
    >
      {errors.root ? (
        <Alert variant="destructive" className="sm:col-span-2">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Treatment" htmlFor={`${id}-kind`} error={errors.kind?.message} required>
        <NativeSelect id={`${id}-kind`} {...form.register("kind")}>
          {adjunctTreatmentKinds.map((k) => (
            <NativeSelectOption key={k} value={k}>
              {kindLabel[k]}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Date" htmlFor={`${id}-date`} error={errors.at?.message} required>
        <Controller
          control={form.control}
          name="at"
          render={({ field }) => <DateField id={`${id}-date`} label="Date" optional={!initial?.at} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
        />
      </Field>
      <Field label="Side" htmlFor={`${id}-side`} error={errors.side?.message}>
        <NativeSelect id={`${id}-side`} {...form.register("side", { setValueAs: sideOrNull })}>
          <NativeSelectOption value="">Not recorded</NativeSelectOption>
          {sides.map((s) => (
            <NativeSelectOption key={s} value={s}>
              {humanize(s)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Provider" htmlFor={`${id}-provider`} error={errors.provider?.message}>
        <Input id={`${id}-provider`} {...form.register("provider")} />
      </Field>
      <Field label="Parameters" htmlFor={`${id}-parameters`} error={errors.parameters?.message} className="sm:col-span-2">
        <Input id={`${id}-parameters`} placeholder="e.g. 2,000 pulses at 2.5 bar" {...form.register("parameters")} />
      </Field>
      {withRestrictions ? (
        <Field label="Restrictions after it" htmlFor={`${id}-restrictions`} error={errors.restrictions?.message} className="sm:col-span-2">
          <Textarea id={`${id}-restrictions`} rows={2} {...form.register("restrictions", { setValueAs: restrictionsOrNull })} />
        </Field>
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" size={size} disabled={isSubmitting}>
          {submitLabel}
        </Button>
        {actions}
      </div>
    </form>
  );
}
