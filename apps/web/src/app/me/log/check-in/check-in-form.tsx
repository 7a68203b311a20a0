"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { checkInInputSchema, checkInLabels, redFlagQuestions, type CheckInInput } from "@loadline/domain";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { LogFormFrame } from "../../_components/log-form-frame";
import { FeedbackPanel, type Feedback, type RedFlagAdvice } from "../../_components/feedback-panel";
import { PainScale } from "../../_components/pain-scale";
import { SavedOnDevice } from "../../_components/saved-on-device";
import { useLogSave } from "../../_components/use-offline-save";
import { dateTimeFieldValue, numberOrUndefined, useIdempotencyKey } from "../../_components/use-log-form";
import { DateTimeField } from "@/components/date-time-field";

type Values = z.input<typeof checkInInputSchema>;

export type EditableCheckIn = Omit<CheckInInput, "at"> & { id: string; at: Date };

const sameDay = redFlagQuestions.filter((q) => q.urgency === "same_day");
const prompt = redFlagQuestions.filter((q) => q.urgency === "prompt");

/**
 * The morning check-in: morning pain, stiffness, the 3-bridge load test, sitting, and the
 * red-flag questions in plain words (R20). A "yes" is answered at once with what to do.
 */
export function CheckInForm({ editing }: { editing?: EditableCheckIn }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const [result, setResult] = useState<{ feedback: Feedback; redFlagAdvice: RedFlagAdvice | null } | null>(null);
  const fresh = (): Partial<Values> => ({ at: dateTimeFieldValue(), redFlags: [] });
  const form = useForm<Values, unknown, CheckInInput>({
    resolver: labelledResolver(checkInInputSchema, checkInLabels),
    mode: "onTouched",
    defaultValues: editing ? { ...editing, at: dateTimeFieldValue(editing.at) } : fresh(),
  });
  const save = useLogSave(form, { kind: "checkIn", idempotencyKey, draftKey: "loadline:draft:check-in", draft: !editing, onSaved: (r: { feedback: Feedback; redFlagAdvice: RedFlagAdvice | null }) => setResult(r) });
  const { offline } = save;
  const create = useMutation(trpc.checkIns.create.mutationOptions(save.create));
  const update = useMutation(trpc.checkIns.update.mutationOptions(save.update));
  const pending = create.isPending || update.isPending;
  const failed = create.isError || update.isError;
  const { errors } = form.formState;

  if (offline.kept) {
    return (
      <SavedOnDevice
        what="Check-in"
        anotherLabel="All logs"
        onAnother={() => {
          form.reset(fresh());
          renewKey();
          offline.reset();
          router.push("/me/log");
        }}
      />
    );
  }

  if (result) {
    return (
      <FeedbackPanel
        title={editing ? "Check-in updated" : "Check-in saved"}
        feedback={result.feedback}
        redFlagAdvice={result.redFlagAdvice}
        anotherLabel="All logs"
        onAnother={() => {
          if (!editing) {
            form.reset(fresh());
            renewKey();
          }
          router.push("/me/log");
        }}
      />
    );
  }

  const redFlagGroup = (legend: string, questions: readonly { id: string; label: string }[]) => (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {questions.map((q) => (
        <label key={q.id} className="flex min-h-12 items-center gap-3 rounded-lg border px-3 py-2 text-sm has-[:checked]:border-destructive has-[:checked]:bg-destructive/10">
          <input type="checkbox" value={q.id} className="size-5 shrink-0 accent-destructive" {...form.register("redFlags")} />
          {q.label}
        </label>
      ))}
    </fieldset>
  );

  return (
    <LogFormFrame
      onSubmit={form.handleSubmit((input) => {
        if (editing) update.mutate({ ...input, id: editing.id });
        else if (!offline.keepIfOffline(input)) create.mutate({ ...input, idempotencyKey });
      })}
      rootError={errors.root?.message}
      pending={pending}
      retrying={create.isPending && create.failureCount > 0}
      failed={failed}
      editing={editing !== undefined}
      saveLabel="Save check-in"
    >
      <Controller
        control={form.control}
        name="morningPain"
        render={({ field, fieldState }) => (
          <PainScale name="morningPain" legend="Buttock pain this morning" required zoned={false} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <Controller
        control={form.control}
        name="loadTestPain"
        render={({ field, fieldState }) => (
          <PainScale
            name="loadTestPain"
            zoned={false}
            legend="Load test: pain on 3 single-leg bridges"
            description="Lie on your back, affected foot on the floor, lift your hips 3 times on that leg."
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="restPain"
        render={({ field, fieldState }) => (
          <PainScale name="restPain" legend="Pain at rest (sitting or lying still)" zoned={false} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <div className="grid grid-cols-2 gap-4">
        <Field label="Morning stiffness (min)" htmlFor="stiffnessMinutes" error={errors.stiffnessMinutes?.message}>
          <Input className="h-12 text-base" inputMode="numeric" {...form.register("stiffnessMinutes", { setValueAs: numberOrUndefined })} />
        </Field>
        <Field label="Longest sit yesterday (min)" htmlFor="longestSitMinutes" error={errors.longestSitMinutes?.message}>
          <Input className="h-12 text-base" inputMode="numeric" {...form.register("longestSitMinutes", { setValueAs: numberOrUndefined })} />
        </Field>
        <Field label="Can sit before pain (min)" htmlFor="sittingToleranceMinutes" error={errors.sittingToleranceMinutes?.message}>
          <Input className="h-12 text-base" inputMode="numeric" {...form.register("sittingToleranceMinutes", { setValueAs: numberOrUndefined })} />
        </Field>
        <label className="flex min-h-12 items-center gap-3 self-end rounded-lg border px-3 text-sm">
          <input type="checkbox" className="size-5 accent-primary" {...form.register("cushionUsed")} />
          I used a cushion
        </label>
      </div>
      <div className="grid gap-4 rounded-lg border p-4">
        <div>
          <h2 className="text-base font-semibold">Anything unusual?</h2>
          <p className="text-sm text-muted-foreground">Tick only what is true for you since your last check-in. Most days, none of these apply.</p>
        </div>
        {redFlagGroup("Needs a doctor today", sameDay)}
        {redFlagGroup("Needs your physio soon", prompt)}
      </div>
      <Field label="When" htmlFor="at" error={errors.at?.message} required>
        {(control) => (
          <Controller
            control={form.control}
            name="at"
            render={({ field }) => (
              <DateTimeField {...control} label="When" className="h-12 text-base" value={typeof field.value === "string" ? field.value : dateTimeFieldValue(field.value)} onChange={field.onChange} onBlur={field.onBlur} />
            )}
          />
        )}
      </Field>
    </LogFormFrame>
  );
}
