"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { loggableActivities, sessionLogInputSchema, sessionLogLabels, sessionTypesWithLoad, type ActivityKind, type SessionLogInput } from "@loadline/domain";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { Textarea } from "@loadline/ui/textarea";
import { labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { LogFormFrame } from "../../_components/log-form-frame";
import { ActivityChoices, FullTrainingChoices } from "../../_components/activity-choices";
import { FeedbackPanel, type Feedback } from "../../_components/feedback-panel";
import { PainScale } from "../../_components/pain-scale";
import { SavedOnDevice } from "../../_components/saved-on-device";
import { useLogSave } from "../../_components/use-offline-save";
import { dateTimeFieldValue, numberOrUndefined, useIdempotencyKey } from "../../_components/use-log-form";
import { DateTimeField } from "@/components/date-time-field";

type Values = z.input<typeof sessionLogInputSchema>;

const typeLabels = { strength: "Strength / rehab exercises", cross_training: "Cross-training (walk, bike, pool)", field: "Field / team training" } as const;
const activityLegend = { strength: "Did it include any of these?", cross_training: "What did you do?", field: "What did it include?" } as const;

export interface EditableSession {
  id: string;
  at: Date;
  type: "strength" | "field" | "cross_training";
  minutes: number;
  rpe: number;
  painDuring: number;
  painAfter: number | null;
  asPrescribed: boolean;
  activities: string[];
  heavy: boolean;
  heaviestRm: number | null;
  fullIntensity: boolean;
  fullTraining: boolean;
  notes: string;
}

/** What an activity imported on the run form (a ride, a hike, gym work) brings to this form. */
export interface SessionPrefill {
  type: "strength" | "field" | "cross_training";
  minutes?: number;
  activities: ("walking" | "cycling" | "pool_running")[];
  at?: Date;
}

/** The session log: type, minutes, RPE, pain during/after as big tap targets, as prescribed, note. */
export function SessionForm({ editing, prefill }: { editing?: EditableSession; prefill?: SessionPrefill }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const form = useForm<Values, unknown, SessionLogInput>({
    resolver: labelledResolver(sessionLogInputSchema, sessionLogLabels),
    mode: "onTouched",
    defaultValues: editing
      ? {
          at: dateTimeFieldValue(editing.at),
          type: editing.type,
          minutes: editing.minutes,
          rpe: editing.rpe,
          painDuring: editing.painDuring,
          painAfter: editing.painAfter ?? undefined,
          asPrescribed: editing.asPrescribed,
          activities: editing.activities.filter((a): a is ActivityKind => (loggableActivities[editing.type] as readonly string[]).includes(a)),
          heavy: editing.heavy,
          heaviestRm: editing.heaviestRm ?? undefined,
          fullIntensity: editing.fullIntensity,
          fullTraining: editing.fullTraining,
          notes: editing.notes,
        }
      : prefill
        ? { at: dateTimeFieldValue(prefill.at), type: prefill.type, minutes: prefill.minutes, asPrescribed: true, activities: prefill.activities, notes: "" }
        : { at: dateTimeFieldValue(), type: "strength", asPrescribed: true, activities: [], notes: "" },
  });
  // An imported activity's values win over an old draft, so the draft is not restored then.
  const save = useLogSave(form, { kind: "session", idempotencyKey, draftKey: "loadline:draft:session", draft: !editing && !prefill, onSaved: (result: { feedback: Feedback }) => setFeedback(result.feedback) });
  const { offline } = save;
  const create = useMutation(trpc.athleteLogs.logSession.mutationOptions(save.create));
  const update = useMutation(trpc.athleteLogs.updateSession.mutationOptions(save.update));
  const pending = create.isPending || update.isPending;
  const failed = create.isError || update.isError;
  const { errors } = form.formState;
  const type = form.watch("type");
  const withLoad = sessionTypesWithLoad.includes(type);
  // A change of type drops what the new type cannot carry, so nothing hidden is sent.
  useEffect(() => {
    const allowed: readonly string[] = loggableActivities[type];
    const current = form.getValues("activities");
    const chosen = Array.isArray(current) ? current : [];
    if (chosen.some((a) => !allowed.includes(a))) form.setValue("activities", chosen.filter((a) => allowed.includes(a)));
    if (!withLoad) {
      form.setValue("heavy", false);
      form.setValue("heaviestRm", undefined);
    }
  }, [type, withLoad, form]);

  if (offline.kept) {
    return (
      <SavedOnDevice
        what="Session"
        anotherLabel="Log another"
        onAnother={() => {
          form.reset({ at: dateTimeFieldValue(), type: "strength", asPrescribed: true, activities: [], notes: "" });
          renewKey();
          offline.reset();
        }}
      />
    );
  }

  if (feedback) {
    return (
      <FeedbackPanel
        title={editing ? "Session updated" : "Session saved"}
        feedback={feedback}
        anotherLabel={editing ? "All logs" : "Log another"}
        onAnother={() => {
          if (editing) {
            router.push("/me/log");
            return;
          }
          form.reset({ at: dateTimeFieldValue(), type: "strength", asPrescribed: true, activities: [], notes: "" });
          renewKey();
          setFeedback(null);
        }}
      />
    );
  }

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
      saveLabel="Save session"
    >
      <Field label="Type of session" htmlFor="type" error={errors.type?.message} required>
        <NativeSelect className="h-12 text-base" {...form.register("type")}>
          {Object.entries(typeLabels).map(([value, label]) => (
            <NativeSelectOption key={value} value={value}>
              {label}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <ActivityChoices
        key={type}
        options={loggableActivities[type]}
        legend={activityLegend[type]}
        register={form.register("activities")}
        error={errors.activities?.message}
      />
      <div className="grid grid-cols-2 gap-4">
        <Field label="Minutes" htmlFor="minutes" error={errors.minutes?.message} required>
          <Input className="h-12 text-base" inputMode="decimal" {...form.register("minutes", { setValueAs: numberOrUndefined })} />
        </Field>
        <Field label="Effort (RPE 0-10)" htmlFor="rpe" description="0 rest, 10 maximal" error={errors.rpe?.message} required>
          <Input className="h-12 text-base" inputMode="numeric" {...form.register("rpe", { setValueAs: numberOrUndefined })} />
        </Field>
      </div>
      <Controller
        control={form.control}
        name="painDuring"
        render={({ field, fieldState }) => (
          <PainScale name="painDuring" legend="Buttock pain during the session" required value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <Controller
        control={form.control}
        name="painAfter"
        render={({ field, fieldState }) => (
          <PainScale
            name="painAfter"
            legend="Pain after (later the same day)"
            description="Leave empty if it is too early to tell; you can add it by editing this log today."
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <label className="flex min-h-12 items-center gap-3 rounded-lg border px-3 text-sm">
        <input type="checkbox" className="size-5 accent-primary" {...form.register("asPrescribed")} />
        Done as my physio prescribed
      </label>
      {withLoad ? (
        <div className="grid grid-cols-2 items-end gap-4">
          <label className="flex min-h-12 items-center gap-3 rounded-lg border px-3 text-sm">
            <input type="checkbox" className="size-5 accent-primary" {...form.register("heavy")} />
            Heavy session
          </label>
          <Field label="Heaviest load (RM)" htmlFor="heaviestRm" description="e.g. 8 for an 8-rep maximum" error={errors.heaviestRm?.message}>
            <Input className="h-12 text-base" inputMode="numeric" {...form.register("heaviestRm", { setValueAs: numberOrUndefined })} />
          </Field>
        </div>
      ) : null}
      <FullTrainingChoices fullTraining={form.register("fullTraining")} fullIntensity={form.register("fullIntensity")} />
      <Field label="Note (optional)" htmlFor="notes" error={errors.notes?.message}>
        <Textarea rows={2} {...form.register("notes")} />
      </Field>
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
