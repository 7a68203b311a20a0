"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { runLogInputSchema, surfaces, type RunLogInput } from "@loadline/domain";
import { importRunFile, RunImportError, type ImportedRun } from "@loadline/run-import";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { Textarea } from "@loadline/ui/textarea";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { LogFormFrame } from "../../_components/log-form-frame";
import { FeedbackPanel, type Feedback } from "../../_components/feedback-panel";
import { PainScale } from "../../_components/pain-scale";
import { localDateTimeValue, numberOrUndefined, useDraft, useIdempotencyKey } from "../../_components/use-log-form";

/** Form values: pain starts unset (no default score), so the athlete must choose one. */
type Values = Omit<z.input<typeof runLogInputSchema>, "painDuring"> & { painDuring?: number };

const surfaceLabels: Record<(typeof surfaces)[number], string> = {
  road: "Road",
  track: "Track",
  trail: "Trail",
  grass: "Grass",
  treadmill: "Treadmill",
  sand: "Sand",
  mixed: "Mixed",
};

export type EditableRun = Omit<RunLogInput, "at"> & { id: string; at: Date };

const emptyRun = (): Values => ({ at: localDateTimeValue(), strides: 0, sprints: 0, walkRun: false, asPrescribed: true, notes: "" });

/**
 * The run log. A GPX, TCX or FIT file is read here in the browser (it never leaves the phone)
 * and fills distance, duration, climb, steepest gradient and cadence; a bad file leaves the
 * form exactly as it was and says why.
 */
export function RunForm({ editing }: { editing?: EditableRun }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const fileInputId = useId();
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [importState, setImportState] = useState<{ kind: "ok"; run: ImportedRun; fileName: string } | { kind: "error"; message: string } | null>(null);
  const form = useForm<Values, unknown, RunLogInput>({
    resolver: zodResolver(runLogInputSchema) as unknown as Resolver<Values, unknown, RunLogInput>,
    mode: "onTouched",
    defaultValues: editing ? { ...editing, at: localDateTimeValue(editing.at) } : emptyRun(),
  });
  const clearDraft = useDraft(form, "loadline:draft:run", !editing);
  const onDone = (result: { feedback: Feedback }) => {
    clearDraft();
    setFeedback(result.feedback);
    void queryClient.invalidateQueries();
  };
  const create = useMutation(trpc.athleteLogs.logRun.mutationOptions({ onSuccess: onDone, onError: (e) => applyServerErrors(form, e) }));
  const update = useMutation(trpc.athleteLogs.updateRun.mutationOptions({ onSuccess: onDone, onError: (e) => applyServerErrors(form, e) }));
  const pending = create.isPending || update.isPending;
  const failed = create.isError || update.isError;
  const { errors } = form.formState;

  async function onFile(file: File | undefined) {
    if (!file) return;
    try {
      const run = await importRunFile(file.name, new Uint8Array(await file.arrayBuffer()));
      const fill = (key: "distanceKm" | "minutes" | "elevationGainM" | "steepestGradientPct" | "cadenceSpm", value: number | null) => {
        if (value !== null) form.setValue(key, value, { shouldDirty: true, shouldValidate: true });
      };
      fill("distanceKm", run.distanceKm);
      fill("minutes", run.minutes);
      fill("elevationGainM", run.elevationGainM);
      fill("steepestGradientPct", run.steepestGradientPct);
      fill("cadenceSpm", run.cadenceSpm);
      if (run.startedAt) form.setValue("at", localDateTimeValue(run.startedAt), { shouldDirty: true });
      form.setValue("importedFrom", run.format);
      setImportState({ kind: "ok", run, fileName: file.name });
    } catch (error) {
      // The form keeps every value: nothing was filled before the file was fully read.
      setImportState({
        kind: "error",
        message: error instanceof RunImportError ? error.message : "This file could not be read. Export it again from your watch app, or type the run in.",
      });
    }
  }

  if (feedback) {
    return (
      <FeedbackPanel
        title={editing ? "Run updated" : "Run saved"}
        feedback={feedback}
        anotherLabel={editing ? "All logs" : "Log another"}
        onAnother={() => {
          if (editing) {
            router.push("/me/log");
            return;
          }
          form.reset(emptyRun());
          setImportState(null);
          renewKey();
          setFeedback(null);
        }}
      />
    );
  }

  const numberField = (name: "distanceKm" | "minutes" | "elevationGainM" | "steepestGradientPct" | "cadenceSpm" | "strides" | "sprints", label: string, description?: string) => (
    <Field label={label} htmlFor={name} description={description} error={errors[name]?.message}>
      <Input className="h-12 text-base" inputMode="decimal" {...form.register(name, { setValueAs: numberOrUndefined })} />
    </Field>
  );

  return (
    <LogFormFrame
      onSubmit={form.handleSubmit((input) => {
        if (editing) update.mutate({ ...input, id: editing.id });
        else create.mutate({ ...input, idempotencyKey });
      })}
      rootError={errors.root?.message}
      pending={pending}
      failed={failed}
      editing={editing !== undefined}
      saveLabel="Save run"
    >
      <div className="grid gap-2 rounded-lg border border-dashed p-4">
        <label htmlFor={fileInputId} className="text-sm font-medium">
          Import from your watch (GPX, TCX or FIT)
        </label>
        <input
          id={fileInputId}
          type="file"
          accept=".gpx,.tcx,.fit,application/gpx+xml,application/vnd.garmin.tcx+xml,application/octet-stream"
          className="text-sm file:mr-3 file:h-11 file:rounded-md file:border file:bg-secondary file:px-4 file:text-sm file:font-medium"
          onChange={(event) => void onFile(event.target.files?.[0])}
          aria-describedby={importState ? `${fileInputId}-status` : undefined}
        />
        <div id={`${fileInputId}-status`} aria-live="polite">
          {importState?.kind === "ok" ? (
            <Alert variant="info" data-testid="import-result">
              <AlertTitle>Read {importState.fileName}</AlertTitle>
              <AlertDescription>
                {importState.run.distanceKm !== null ? `${importState.run.distanceKm} km` : "No distance"}
                {importState.run.minutes !== null ? ` in ${importState.run.minutes} min` : ""}
                {importState.run.elevationGainM !== null ? `, ${importState.run.elevationGainM} m climb` : ""}. Check the values below, then add
                your pain.
              </AlertDescription>
            </Alert>
          ) : importState?.kind === "error" ? (
            <Alert variant="destructive" role="alert">
              <AlertTitle>Could not import this file</AlertTitle>
              <AlertDescription>{importState.message}</AlertDescription>
            </Alert>
          ) : null}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-4">
        {numberField("distanceKm", "Distance (km)")}
        {numberField("minutes", "Duration (min)")}
        {numberField("elevationGainM", "Climb (m)")}
        {numberField("steepestGradientPct", "Steepest gradient (%)")}
        {numberField("cadenceSpm", "Cadence (steps/min)")}
        <Field label="Surface" htmlFor="surface" error={errors.surface?.message}>
          <NativeSelect className="h-12 text-base" {...form.register("surface", { setValueAs: (v: unknown) => (v === "" ? undefined : v) })}>
            <NativeSelectOption value="">Not stated</NativeSelectOption>
            {surfaces.map((s) => (
              <NativeSelectOption key={s} value={s}>
                {surfaceLabels[s]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        {numberField("strides", "Strides (count)")}
        {numberField("sprints", "Sprints (count)")}
      </div>
      <label className="flex min-h-12 items-center gap-3 rounded-lg border px-3 text-sm">
        <input type="checkbox" className="size-5 accent-primary" {...form.register("walkRun")} />
        Walk-run (walking breaks)
      </label>
      <Field label="Effort (RPE 0-10)" htmlFor="rpe" error={errors.rpe?.message}>
        <Input className="h-12 text-base" inputMode="numeric" {...form.register("rpe", { setValueAs: numberOrUndefined })} />
      </Field>
      <Controller
        control={form.control}
        name="painDuring"
        render={({ field, fieldState }) => (
          <PainScale name="painDuring" legend="Buttock pain during the run" required value={field.value as number | undefined} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <Controller
        control={form.control}
        name="painAfter"
        render={({ field, fieldState }) => (
          <PainScale name="painAfter" legend="Pain after (later the same day)" value={field.value as number | undefined} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <Field label="Note (optional)" htmlFor="notes" error={errors.notes?.message}>
        <Textarea rows={2} {...form.register("notes")} />
      </Field>
      <Field label="When" htmlFor="at" error={errors.at?.message} required>
        <Input type="datetime-local" className="h-12 text-base" {...form.register("at")} />
      </Field>
    </LogFormFrame>
  );
}
