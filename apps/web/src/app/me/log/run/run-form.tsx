"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { loggableActivities, runLogInputSchema, runLogLabels, sessionForRecordedSport, surfaces, type RunLogInput } from "@loadline/domain";
import type { ImportedActivity, ImportedFile } from "@loadline/run-import";
// The subpath keeps the parsers (and Garmin's SDK) out of the page: they load in the worker.
import { runPlausibility } from "@loadline/run-import/plausibility";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
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
import { ActivityChoice, NotARun, PlausibilityCheck, RunSummary } from "./imported-activity";
import { readActivityFile } from "./read-activity-file";
import { DateTimeField } from "@/components/date-time-field";

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

const emptyRun = (): Values => ({
  at: dateTimeFieldValue(),
  strides: 0,
  sprints: 0,
  walkRun: false,
  asPrescribed: true,
  activities: [],
  fullIntensity: false,
  fullTraining: false,
  notes: "",
});

/** The fields an imported activity fills. */
const importedFields = ["distanceKm", "minutes", "elevationGainM", "steepestGradientPct", "cadenceSpm"] as const;

type ImportState =
  | { kind: "reading"; fileName: string }
  | { kind: "ok"; file: ImportedFile; fileName: string; chosen: number }
  | { kind: "error"; message: string }
  | null;

/**
 * The run log. A GPX, TCX or FIT file is read here in the browser, in a worker (it never
 * leaves the phone), and fills distance, duration, climb, steepest gradient and cadence; a bad
 * file leaves the form exactly as it was and says why. A multisport file asks which activity
 * to log (the longest run first); a ride or gym session is offered as the matching session
 * log instead; figures that look implausible for a run need a tick before they are saved.
 */
export function RunForm({ editing }: { editing?: EditableRun }) {
  const trpc = useTRPC();
  const router = useRouter();
  const fileInputId = useId();
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [importState, setImportState] = useState<ImportState>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const form = useForm<Values, unknown, RunLogInput>({
    resolver: labelledResolver(runLogInputSchema, runLogLabels) as unknown as Resolver<Values, unknown, RunLogInput>,
    mode: "onTouched",
    defaultValues: editing ? { ...editing, at: dateTimeFieldValue(editing.at) } : emptyRun(),
  });
  const save = useLogSave(form, { kind: "run", idempotencyKey, draftKey: "loadline:draft:run", draft: !editing, onSaved: (result: { feedback: Feedback }) => setFeedback(result.feedback) });
  const { offline } = save;
  const create = useMutation(trpc.athleteLogs.logRun.mutationOptions(save.create));
  const update = useMutation(trpc.athleteLogs.updateRun.mutationOptions(save.update));
  const pending = create.isPending || update.isPending;
  const failed = create.isError || update.isError;
  const { errors } = form.formState;

  const chosen = importState?.kind === "ok" ? importState.file.activities[importState.chosen] : undefined;
  const target = chosen ? sessionForRecordedSport(chosen.sport, chosen.sportName) : null;
  // Checked against what is in the form now, so correcting a figure clears the warning.
  const [distanceNow, minutesNow] = form.watch(["distanceKm", "minutes"]);
  const warnings = target?.form === "run" ? runPlausibility({ distanceKm: distanceNow, minutes: minutesNow }) : [];

  /** Fill the form from a run; fields the previous choice filled and this one lacks are cleared. */
  function fill(activity: ImportedActivity, previous: ImportedActivity | undefined) {
    for (const key of importedFields) {
      const value = activity[key];
      if (value !== null) form.setValue(key, value, { shouldDirty: true, shouldValidate: true });
      else if (previous && previous[key] !== null) form.setValue(key, undefined, { shouldDirty: true });
    }
    if (activity.startedAt) form.setValue("at", dateTimeFieldValue(activity.startedAt), { shouldDirty: true });
  }

  function choose(file: ImportedFile, fileName: string, index: number, previous: ImportedActivity | undefined) {
    const activity = file.activities[index]!;
    const isRun = (a: ImportedActivity) => sessionForRecordedSport(a.sport, a.sportName).form === "run";
    // Only a run filled the form, so only a run's values are cleared when the choice changes.
    const filledBefore = previous && isRun(previous) ? previous : undefined;
    setImportState({ kind: "ok", file, fileName, chosen: index });
    setConfirmed(false);
    setConfirmError(null);
    if (isRun(activity)) {
      fill(activity, filledBefore);
      form.setValue("importedFrom", file.format);
    } else if (filledBefore) {
      // The run form keeps nothing from an activity that is not a run.
      for (const key of importedFields) if (filledBefore[key] !== null) form.setValue(key, undefined, { shouldDirty: true });
      form.setValue("importedFrom", undefined);
    }
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    // What an earlier file filled is replaced (or cleared) by the new one.
    const before = chosen;
    setImportState({ kind: "reading", fileName: file.name });
    const reply = await readActivityFile(file);
    // The form keeps every value on failure: nothing is filled before the file is fully read.
    if (!reply.ok) setImportState({ kind: "error", message: reply.message });
    else choose(reply.file, file.name, reply.file.suggested, before);
  }

  if (offline.kept) {
    return (
      <SavedOnDevice
        what="Run"
        anotherLabel="Log another"
        onAnother={() => {
          form.reset(emptyRun());
          setImportState(null);
          setConfirmed(false);
          renewKey();
          offline.reset();
        }}
      />
    );
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
          setConfirmed(false);
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
        if (warnings.length > 0 && !confirmed) {
          setConfirmError("Correct the distance or the duration, or tick that the figures are right, before saving.");
          document.getElementById(`${fileInputId}-confirm`)?.focus();
          return;
        }
        if (editing) update.mutate({ ...input, id: editing.id });
        else if (!offline.keepIfOffline(input)) create.mutate({ ...input, idempotencyKey });
      })}
      rootError={errors.root?.message}
      pending={pending}
      retrying={create.isPending && create.failureCount > 0}
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
        {importState?.kind === "ok" && importState.file.activities.length > 1 ? (
          <ActivityChoice
            name={`${fileInputId}-activity`}
            file={importState.file}
            chosen={importState.chosen}
            onChoose={(index) => choose(importState.file, importState.fileName, index, importState.file.activities[importState.chosen])}
          />
        ) : null}
        <div id={`${fileInputId}-status`} aria-live="polite" className="grid gap-3">
          {importState?.kind === "reading" ? <p className="text-sm text-muted-foreground">Reading {importState.fileName}…</p> : null}
          {chosen && importState?.kind === "ok" && target ? (
            target.form === "run" ? (
              <RunSummary activity={chosen} fileName={importState.fileName} />
            ) : (
              <NotARun activity={chosen} target={target} />
            )
          ) : null}
          {importState?.kind === "error" ? (
            <Alert variant="destructive" role="alert">
              <AlertTitle>Could not import this file</AlertTitle>
              <AlertDescription>{importState.message}</AlertDescription>
            </Alert>
          ) : null}
        </div>
        {warnings.length > 0 ? (
          <PlausibilityCheck
            id={`${fileInputId}-confirm`}
            warnings={warnings}
            confirmed={confirmed}
            onConfirm={(value) => {
              setConfirmed(value);
              if (value) setConfirmError(null);
            }}
            error={confirmError}
          />
        ) : null}
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
      <ActivityChoices options={loggableActivities.run} legend="Was it any of these?" register={form.register("activities")} error={errors.activities?.message} />
      <FullTrainingChoices fullTraining={form.register("fullTraining")} fullIntensity={form.register("fullIntensity")} />
      <Field label="Effort (RPE 0-10)" htmlFor="rpe" error={errors.rpe?.message}>
        <Input className="h-12 text-base" inputMode="numeric" {...form.register("rpe", { setValueAs: numberOrUndefined })} />
      </Field>
      <Controller
        control={form.control}
        name="painDuring"
        render={({ field, fieldState }) => (
          <PainScale name="painDuring" legend="Buttock pain during the run" required value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <Controller
        control={form.control}
        name="painAfter"
        render={({ field, fieldState }) => (
          <PainScale name="painAfter" legend="Pain after (later the same day)" value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
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
