"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import {
  diagnosisMethods,
  episodeInputSchema,
  episodeInputSchemaOn,
  episodeLabels,
  localDateKey,
  onsetTypes,
  sides,
  suspectedTriggerLabels,
  suspectedTriggers,
  TEXT_LIMITS,
  type EpisodeInput,
} from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Textarea } from "@loadline/ui/textarea";
import { CharacterCount } from "@/components/character-count";
import { useClubCalendar } from "@/components/club-calendar";
import { DateField } from "@/components/date-field";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { humanize } from "../../_components/labels";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import { diagnosisLabel, type Episode } from "./episode-details";

/** The episode as the form holds it: the differentials as the comma-separated text typed. */
const formSchemaOn = (today: string) =>
  episodeInputSchemaOn(today).extend({
    differentialsExcluded: z
      .string()
      .transform((text) => text.split(",").map((d) => d.trim()).filter(Boolean))
      .pipe(episodeInputSchema.shape.differentialsExcluded.unwrap()),
  });
type Values = z.input<ReturnType<typeof formSchemaOn>>;

/** Opening an episode, or correcting the open one: every error at once, each at its field (a future onset date included). */
export function EpisodeForm({ athleteId, episode, onDone }: { athleteId: string; episode: Episode | null; onDone: () => void }) {
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const calendar = useClubCalendar();
  const { data: clinicians } = useSuspenseQuery(trpc.episodes.clinicians.queryOptions());
  const form = useForm<Values, unknown, EpisodeInput>({
    // The club's today is read when the form checks, so a form left open over midnight still allows today.
    resolver: (values, context, options) => labelledResolver(formSchemaOn(localDateKey(Date.now(), calendar.timeZone)), episodeLabels)(values, context, options),
    defaultValues: {
      side: episode?.side ?? "right",
      onsetDate: episode?.onsetDate ?? "",
      onsetType: episode?.onsetType ?? "gradual",
      suspectedTriggers: (episode?.suspectedTriggers ?? []) as EpisodeInput["suspectedTriggers"],
      diagnosisMethod: episode?.diagnosisMethod ?? "clinical",
      differentialsExcluded: (episode?.differentialsExcluded ?? []).join(", "),
      owningClinicianId: episode?.owningClinicianId ?? clinicians[0]?.id ?? "",
      clinicalNotes: episode?.clinicalNotes ?? "",
    },
  });
  const onError = (error: Parameters<typeof applyServerErrors>[1]) => applyServerErrors(form, error);
  const openMutation = useMutation(trpc.episodes.open.mutationOptions({ onError }));
  const updateMutation = useMutation(trpc.episodes.update.mutationOptions({ onError }));
  const pending = openMutation.isPending || updateMutation.isPending;
  const { errors } = form.formState;
  const notes = form.watch("clinicalNotes") ?? "";
  const submit = async (input: EpisodeInput) => {
    if (episode) {
      await updateMutation.mutateAsync({ episodeId: episode.id, episode: input });
      toast.success("Episode updated");
    } else {
      await openMutation.mutateAsync({ athleteId, episode: input });
      toast.success("Episode opened");
    }
    await invalidate();
    onDone();
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{episode ? "Edit episode" : "Open an injury episode"}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <form className="grid gap-4 sm:grid-cols-2" onSubmit={form.handleSubmit((input) => submit(input).catch(() => undefined))} noValidate>
          {errors.root ? (
            <Alert variant="destructive" className="sm:col-span-2">
              <AlertDescription>{errors.root.message}</AlertDescription>
            </Alert>
          ) : null}
          <Field label={episodeLabels.side} htmlFor="episode-side" error={errors.side?.message} required>
            <NativeSelect id="episode-side" {...form.register("side")}>
              {sides.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {humanize(s)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label={episodeLabels.onsetDate} htmlFor="episode-onset" error={errors.onsetDate?.message} required>
            <Controller
              control={form.control}
              name="onsetDate"
              render={({ field }) => <DateField id="episode-onset" label={episodeLabels.onsetDate} optional value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            />
          </Field>
          <Field label={episodeLabels.onsetType} htmlFor="episode-onset-type" error={errors.onsetType?.message} required>
            <NativeSelect id="episode-onset-type" {...form.register("onsetType")}>
              {onsetTypes.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {humanize(s)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label={episodeLabels.diagnosisMethod} htmlFor="episode-diagnosis" error={errors.diagnosisMethod?.message} required>
            <NativeSelect id="episode-diagnosis" {...form.register("diagnosisMethod")}>
              {diagnosisMethods.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {diagnosisLabel(s)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <fieldset className="grid gap-2 sm:col-span-2">
            <legend className="mb-1 text-sm font-medium">Suspected trigger</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {suspectedTriggers.map((t) => (
                <label key={t} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" value={t} className="size-4 accent-primary" {...form.register("suspectedTriggers")} />
                  {suspectedTriggerLabels[t]}
                </label>
              ))}
            </div>
          </fieldset>
          <Field label={episodeLabels.differentialsExcluded} htmlFor="episode-differentials" description="Separate with commas" error={errors.differentialsExcluded?.message}>
            <Input id="episode-differentials" {...form.register("differentialsExcluded")} />
          </Field>
          <Field label={episodeLabels.owningClinicianId} htmlFor="episode-clinician" error={errors.owningClinicianId?.message} required>
            <NativeSelect id="episode-clinician" {...form.register("owningClinicianId")}>
              {clinicians.map((c) => (
                <NativeSelectOption key={c.id} value={c.id}>
                  {c.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field
            label={episodeLabels.clinicalNotes}
            htmlFor="episode-notes"
            error={errors.clinicalNotes?.message}
            className="sm:col-span-2"
            description={<CharacterCount value={notes} max={TEXT_LIMITS.note} />}
          >
            <Textarea id="episode-notes" rows={3} maxLength={TEXT_LIMITS.note} {...form.register("clinicalNotes")} />
          </Field>
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" disabled={pending}>
              {episode ? "Save episode" : "Open episode"}
            </Button>
            {episode ? (
              <Button type="button" variant="outline" onClick={onDone}>
                Cancel
              </Button>
            ) : null}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
