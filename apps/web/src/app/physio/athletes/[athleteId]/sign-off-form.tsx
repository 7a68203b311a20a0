"use client";
import type { ReactNode } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { planLabels, plainText } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Textarea } from "@loadline/ui/textarea";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";

/*
 * Whether an override reason is needed is the domain's decision (the phase options the server
 * sends); the server also refuses an empty one, naming the unmet criteria, and that sentence
 * shows at the field.
 */
const signOffSchema = z.object({
  overrideReason: plainText(planLabels.overrideReason, { max: 1000, multiline: true }),
  note: plainText("Note", { max: 1000, multiline: true }),
});
type Values = z.input<typeof signOffSchema>;

interface ServerError {
  message: string;
  data?: { fieldErrors?: Record<string, string[]> | null } | null;
}

/** Why advance and discharge are unavailable: the gate refuses both while an escalation is open. */
function RedFlagBlock() {
  return (
    <Alert variant="destructive">
      <AlertDescription>A red flag is still open: resolve the medical review in the Escalations tab first. No advance or discharge, even with an override, until then.</AlertDescription>
    </Alert>
  );
}

/**
 * A sign-off (advance a phase, discharge): with every criterion met, one sentence and the button;
 * otherwise a reason to override. Discharge adds an optional note.
 */
export function SignOffForm({
  id,
  needsOverride,
  blockedByRedFlag,
  allMet,
  overrideLabel,
  overrideDescription,
  noteLabel,
  submitLabel,
  onSubmit,
}: {
  id: string;
  needsOverride: boolean;
  blockedByRedFlag: boolean;
  /** The sentence shown when no override is needed. */
  allMet: ReactNode;
  overrideLabel: string;
  overrideDescription: string;
  /** A note field beside the reason (discharge). */
  noteLabel?: string;
  submitLabel: string;
  onSubmit: (input: { overrideReason?: string; note?: string }) => Promise<unknown>;
}) {
  const form = useForm<Values>({ resolver: labelledResolver(signOffSchema, { overrideReason: overrideLabel, note: noteLabel ?? "Note" }), defaultValues: { overrideReason: "", note: "" } });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      className="grid gap-3"
      noValidate
      onSubmit={form.handleSubmit(async ({ overrideReason, note }) => {
        try {
          await onSubmit({ ...(needsOverride ? { overrideReason } : {}), ...(noteLabel && note.trim() ? { note } : {}) });
          form.reset({ overrideReason: "", note: "" });
        } catch (error) {
          applyServerErrors(form, error as ServerError);
        }
      })}
    >
      {errors.root ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      {blockedByRedFlag ? <RedFlagBlock /> : null}
      {!needsOverride ? (
        <p className="text-sm">{allMet}</p>
      ) : (
        <Field label={overrideLabel} htmlFor={`${id}-override`} description={overrideDescription} error={errors.overrideReason?.message} required>
          <Textarea id={`${id}-override`} rows={3} {...form.register("overrideReason")} />
        </Field>
      )}
      {noteLabel ? (
        <Field label={noteLabel} htmlFor={`${id}-note`} error={errors.note?.message}>
          <Textarea id={`${id}-note`} rows={2} {...form.register("note")} />
        </Field>
      ) : null}
      <Button type="submit" className="w-fit" disabled={isSubmitting || blockedByRedFlag}>
        {submitLabel}
      </Button>
    </form>
  );
}
