"use client";
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import {
  EXERCISE_IMAGE_MAX_BYTES,
  EXERCISE_IMAGE_RULE,
  EXERCISE_IMAGE_TYPES,
  exerciseMediaLabels,
  HOW_TO_MAX_LENGTH,
  howToText,
  videoLink,
  type Phase,
} from "@loadline/domain";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Checkbox } from "@loadline/ui/checkbox";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { toast } from "@loadline/ui/sonner";
import { Textarea } from "@loadline/ui/textarea";
import { useTRPC } from "@/trpc/react";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { formatDateTime, humanize } from "../_components/labels";
import { useClubCalendar } from "@/components/club-calendar";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { ExerciseForm, type ExerciseValues } from "./exercise-form";

type Entry = inferRouterOutputs<AppRouter>["exercises"]["list"][number];

export function ExerciseLibrary() {
  const trpc = useTRPC();
  const { data: library } = useSuspenseQuery(trpc.exercises.list.queryOptions({ includeRetired: true }));
  const [showRetired, setShowRetired] = useState(false);
  const active = library.filter((e) => !e.retired);
  const retired = library.filter((e) => e.retired);
  return (
    <div className="grid gap-4">
      <div className="flex items-center gap-2">
        <Checkbox id="show-retired" checked={showRetired} onCheckedChange={(checked) => setShowRetired(checked === true)} />
        <Label htmlFor="show-retired">Show retired exercises ({retired.length})</Label>
      </div>
      <ul className="grid gap-3" aria-label="Library exercises">
        {[...active, ...(showRetired ? retired : [])].map((entry) => (
          <li key={entry.id}>
            <LibraryEntry entry={entry} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function LibraryEntry({ entry }: { entry: Entry }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.exercises.pathKey() });
  const [error, setError] = useState<string | null>(null);
  // Asked for when opened: one query per entry the physio looks at, not one per entry listed.
  const [historyOpen, setHistoryOpen] = useState(false);
  const toggle = useMutation(
    (entry.retired ? trpc.exercises.restore : trpc.exercises.retire).mutationOptions({
      onError: (e) => setError(e.message),
      onSuccess: async (result) => {
        setError(null);
        toast.success(result.message);
        await refresh();
      },
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2 text-base">
          <h2>{entry.name}</h2>
          <Badge variant="outline">Version {entry.version}</Badge>
          {entry.custom ? <Badge variant="outline">Custom</Badge> : null}
          {entry.retired ? <Badge variant="amber">Retired</Badge> : null}
          {entry.hasImage ? <Badge variant="outline">Image</Badge> : null}
        </CardTitle>
        <p className="text-sm text-muted-foreground">
          {humanize(entry.category)} · phases {entry.phases.join(", ")} · hip flexion {entry.hipFlexionDemand}
          {entry.heavy ? " · heavy" : ""}
          {entry.highTendonLoad ? " · high tendon load" : ""}
        </p>
      </CardHeader>
      <CardContent className="grid gap-3">
        {entry.description ? <p className="text-sm">{entry.description}</p> : null}
        {entry.howTo ? <p className="text-sm whitespace-pre-line">How-to: {entry.howTo}</p> : null}
        {entry.hasImage ? (
          <img src={`/api/exercise-media/${entry.id}/${entry.version}`} alt={`How to do ${entry.name}`} className="max-h-48 w-auto rounded border" />
        ) : null}
        {error ? (
          <p role="alert" className="text-sm font-medium text-destructive">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" size="sm" disabled={toggle.isPending} onClick={() => toggle.mutate({ exerciseId: entry.id, baseVersion: entry.version })}>
            {entry.retired ? "Restore" : "Retire"}
            <span className="sr-only"> {entry.name}</span>
          </Button>
        </div>
        <details className="rounded-lg border p-3">
          <summary className="cursor-pointer text-sm font-medium">
            How-to and media<span className="sr-only"> of {entry.name}</span>
          </summary>
          <MediaForm entry={entry} onSaved={refresh} />
        </details>
        <details className="rounded-lg border p-3">
          <summary className="cursor-pointer text-sm font-medium">
            Edit<span className="sr-only"> {entry.name}</span>
          </summary>
          <EditForm entry={entry} onSaved={refresh} />
        </details>
        <details className="rounded-lg border p-3" onToggle={(e) => setHistoryOpen(e.currentTarget.open)}>
          <summary className="cursor-pointer text-sm font-medium">
            History<span className="sr-only"> of {entry.name}</span>
          </summary>
          {historyOpen ? <History exerciseId={entry.id} /> : null}
        </details>
      </CardContent>
    </Card>
  );
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error("could not read the file"));
    reader.onload = () => (typeof reader.result === "string" ? resolve(reader.result.replace(/^data:[^,]*,/, "")) : reject(new Error("could not read the file")));
    reader.readAsDataURL(file);
  });
}

/** The media form as filled in: the how-to and link the API checks, the file picked (its size checked before reading it). */
const mediaFormSchema = z.object({
  howTo: howToText(),
  videoUrl: z.union([z.literal(""), videoLink()]),
  image: z
    .custom<FileList | undefined>()
    .refine((files) => !files?.[0] || files[0].size <= EXERCISE_IMAGE_MAX_BYTES, `${exerciseMediaLabels.image} must be at most 5 MB`),
  removeImage: z.boolean(),
});
type MediaValues = z.input<typeof mediaFormSchema>;

function MediaForm({ entry, onSaved }: { entry: Entry; onSaved: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const id = useId();
  const blank = { howTo: entry.howTo, videoUrl: entry.videoUrl ?? "", image: undefined, removeImage: false };
  const form = useForm<MediaValues>({ resolver: labelledResolver(mediaFormSchema, exerciseMediaLabels), defaultValues: blank });
  const save = useMutation(trpc.exercises.setMedia.mutationOptions());
  const { errors, isSubmitting } = form.formState;
  const picked = form.watch("image")?.[0];
  return (
    <form
      className="mt-3 grid gap-3"
      noValidate
      onSubmit={form.handleSubmit(async ({ howTo, videoUrl, image: files, removeImage }) => {
        const file = files?.[0];
        const image = file ? { base64: await readAsBase64(file) } : removeImage ? ("remove" as const) : undefined;
        try {
          const result = await save.mutateAsync({ exerciseId: entry.id, baseVersion: entry.version, howTo, videoUrl, ...(image ? { image } : {}) });
          toast.success(result.message);
          form.reset({ howTo, videoUrl, image: undefined, removeImage: false });
          await onSaved();
        } catch (error) {
          applyServerErrors(form, error as Parameters<typeof applyServerErrors>[1], { "image.base64": "image" });
        }
      })}
    >
      {errors.root ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {errors.root.message}
        </p>
      ) : null}
      <Field label="How-to" htmlFor={`${id}-howto`} description={`What the athlete reads on Today; at most ${HOW_TO_MAX_LENGTH.toLocaleString("en-GB")} characters.`} error={errors.howTo?.message}>
        <Textarea id={`${id}-howto`} rows={3} maxLength={HOW_TO_MAX_LENGTH} {...form.register("howTo")} />
      </Field>
      <Field label="Video link" htmlFor={`${id}-video`} description="An https:// link (YouTube, Vimeo or any site); the athlete sees it as a link." error={errors.videoUrl?.message}>
        <Input id={`${id}-video`} type="url" inputMode="url" placeholder="https://" {...form.register("videoUrl")} />
      </Field>
      <Field label="Image" htmlFor={`${id}-image`} description={`${EXERCISE_IMAGE_RULE}. The type is checked from the file's content.`} error={errors.image?.message}>
        <Input id={`${id}-image`} type="file" accept={EXERCISE_IMAGE_TYPES.join(",")} {...form.register("image")} />
      </Field>
      {entry.hasImage ? (
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" className="size-4 accent-primary" disabled={picked !== undefined} {...form.register("removeImage")} />
          Remove the current image
        </label>
      ) : null}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          Save how-to and media
        </Button>
      </div>
    </form>
  );
}

function EditForm({ entry, onSaved }: { entry: Entry; onSaved: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const id = useId();
  const save = useMutation(trpc.exercises.edit.mutationOptions());
  return (
    <ExerciseForm
      id={id}
      initial={{
        name: entry.name,
        category: entry.category as ExerciseValues["category"],
        phases: entry.phases as Phase[],
        heavy: entry.heavy,
        highTendonLoad: entry.highTendonLoad,
        hipFlexionDemand: entry.hipFlexionDemand,
        description: entry.description,
      }}
      submitLabel="Save as a new version"
      onSubmit={async (values) => {
        const result = await save.mutateAsync({ exerciseId: entry.id, baseVersion: entry.version, ...values });
        toast.success(result.message);
        await onSaved();
      }}
    />
  );
}

function History({ exerciseId }: { exerciseId: string }) {
  const trpc = useTRPC();
  const calendar = useClubCalendar();
  const { data, error } = useQuery(trpc.exercises.history.queryOptions({ exerciseId }));
  if (error) return <p className="mt-3 text-sm text-destructive">{error.message}</p>;
  if (!data) return <p className="mt-3 text-sm text-muted-foreground">Loading the versions…</p>;
  return (
    <ol className="mt-3 grid gap-1 text-sm">
      {data.map((v) => (
        <li key={v.version}>
          Version {v.version} ({formatDateTime(v.createdAt, calendar)}): {v.change}
        </li>
      ))}
    </ol>
  );
}
