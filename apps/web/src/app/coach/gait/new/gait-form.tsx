"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { cadenceFieldHint, gaitCatalogue, gaitFaultCodes, gaitLabels as L, pastInstantOfDay, type GaitFaultCode } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Textarea } from "@loadline/ui/textarea";
import { useClubCalendar } from "@/components/club-calendar";
import { DateField } from "@/components/date-field";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

/** An optional number box: empty is "not measured"; anything else a number in range (the text is kept while wrong). */
const optionalNumber = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || (Number.isFinite(Number(v.replace(",", "."))) && Number(v.replace(",", ".")) >= min && Number(v.replace(",", ".")) <= max), {
      message: `${label} must be a number between ${min} and ${max}`,
    })
    .transform((v) => (v === "" ? ("" as const) : Number(v.replace(",", "."))));

const faultEntry = z.object({ present: z.boolean(), severity: z.enum(["1", "2", "3"]), side: z.enum(["", "left", "right", "both"]) });

/** The form's own shape (checkboxes and selects hold strings); mapped to the API's schema on submit. */
const gaitFormSchemaOn = (today: string) => z
  .object({
    athleteId: z.string().min(1, `${L.athleteId}: choose an athlete`),
    // The club's today is the latest day an assessment can have happened: checked here, at the field, with the rest.
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${L.at}: choose a date`)
      .refine((day) => day <= today, `${L.at} cannot be in the future`),
    surface: z.enum(["treadmill", "overground"]),
    speedKmh: optionalNumber(L.speedKmh, 1, 40),
    cadenceSpm: optionalNumber(L.cadenceSpm, 60, 260),
    faults: z.object(Object.fromEntries(gaitFaultCodes.map((c) => [c, faultEntry])) as Record<GaitFaultCode, typeof faultEntry>),
    cues: z.array(z.string()),
    writtenCues: z.string().max(1000, "At most 1000 characters"),
    notes: z.string().max(2000, "At most 2000 characters"),
    videoUrl: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter a web link (https://...)" })]),
  })
  .refine((v) => gaitFaultCodes.some((c) => v.faults[c].present), { message: "Record at least one fault", path: ["faults"] })
  .refine((v) => v.cues.length > 0 || v.writtenCues.trim().length > 0, { message: "Choose or write at least one cue", path: ["cues"] });
type GaitFormSchema = ReturnType<typeof gaitFormSchemaOn>;
type GaitFormValues = z.input<GaitFormSchema>;

/** An assessment being corrected: its id, its day in the club's zone, and its values. */
export interface GaitCorrection {
  id: string;
  date: string;
  surface: "treadmill" | "overground";
  speedKmh: number | null;
  cadenceSpm: number | null;
  faults: { code: GaitFaultCode; severity: 1 | 2 | 3; side?: "left" | "right" | "both" | undefined }[];
  cues: string[];
  notes: string;
  videoUrl: string | null;
}

function valuesOf(existing: GaitCorrection, athleteId: string): GaitFormValues {
  const chosen = new Set(existing.faults.map((f) => f.code));
  const catalogueCues = new Set(gaitFaultCodes.filter((c) => chosen.has(c)).flatMap((c) => gaitCatalogue[c].cues));
  return {
    athleteId,
    date: existing.date,
    surface: existing.surface,
    speedKmh: existing.speedKmh === null ? "" : String(existing.speedKmh),
    cadenceSpm: existing.cadenceSpm === null ? "" : String(existing.cadenceSpm),
    faults: Object.fromEntries(
      gaitFaultCodes.map((c) => {
        const fault = existing.faults.find((f) => f.code === c);
        return [c, { present: fault !== undefined, severity: String(fault?.severity ?? 2) as "1" | "2" | "3", side: fault?.side ?? "" }];
      }),
    ) as GaitFormValues["faults"],
    cues: existing.cues.filter((cue) => catalogueCues.has(cue)),
    writtenCues: existing.cues.filter((cue) => !catalogueCues.has(cue)).join("\n"),
    notes: existing.notes,
    videoUrl: existing.videoUrl ?? "",
  };
}

export function GaitForm({
  athletes,
  athleteId,
  initialFault,
  today,
  onSaved,
  existing,
}: {
  athletes: { id: string; name: string }[];
  athleteId: string;
  initialFault: GaitFaultCode | null;
  today: string;
  /** Where the form is part of another page (the physio's athlete page): stay there; by default the coach goes to the athlete. */
  onSaved?: (athleteId: string) => Promise<unknown> | void;
  /** Correct this assessment instead of recording a new one. */
  existing?: GaitCorrection;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const calendar = useClubCalendar();
  const gaitFormSchema = useMemo(() => gaitFormSchemaOn(today), [today]);
  const form = useForm<GaitFormValues, unknown, z.output<GaitFormSchema>>({
    resolver: labelledResolver(gaitFormSchema, L),
    mode: "onTouched",
    defaultValues: existing ? valuesOf(existing, athleteId) : {
      athleteId,
      date: today,
      surface: "overground",
      speedKmh: "",
      cadenceSpm: "",
      faults: Object.fromEntries(gaitFaultCodes.map((c) => [c, { present: c === initialFault, severity: "2", side: "" }])),
      cues: [],
      writtenCues: "",
      notes: "",
      videoUrl: "",
    },
  });
  const faults = useWatch({ control: form.control, name: "faults" });
  const create = useMutation(
    trpc.gait.create.mutationOptions({
      onSuccess: async (_created, input) => {
        await queryClient.invalidateQueries({ queryKey: trpc.gait.squadFaults.queryKey() });
        toast.success("Gait assessment saved; the athlete sees the cues on Today");
        if (onSaved) {
          form.reset();
          await onSaved(input.athleteId);
        } else {
          router.push(`/coach/athletes/${input.athleteId}`);
        }
      },
      onError: (error) => applyServerErrors(form, error, { at: "date" }),
    }),
  );
  const correct = useMutation(
    trpc.gait.correct.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.gait.squadFaults.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.board.athlete.queryKey({ athleteId }) });
        toast.success(result.message);
        router.push(`/coach/athletes/${athleteId}`);
      },
      onError: (error) => applyServerErrors(form, error, { at: "date" }),
    }),
  );
  const pending = create.isPending || correct.isPending;
  const { errors } = form.formState;
  const register = form.register;

  const submit = form.handleSubmit((values) => {
    const written = values.writtenCues
      .split("\n")
      .map((c) => c.trim())
      .filter(Boolean);
    const fields = {
      surface: values.surface,
      speedKmh: values.speedKmh === "" ? null : values.speedKmh,
      cadenceSpm: values.cadenceSpm === "" ? null : values.cadenceSpm,
      faults: gaitFaultCodes
        .filter((c) => values.faults[c].present)
        .map((c) => ({ code: c, severity: Number(values.faults[c].severity) as 1 | 2 | 3, side: values.faults[c].side || undefined })),
      cues: [...values.cues, ...written],
      notes: values.notes,
      videoUrl: values.videoUrl || null,
    };
    if (existing) {
      // An unchanged day keeps the recorded time; another day at the club's midday (now, for this morning).
      correct.mutate({ ...fields, assessmentId: existing.id, at: values.date === existing.date ? undefined : pastInstantOfDay(values.date, calendar.timeZone, new Date()) });
      return;
    }
    create.mutate({
      ...fields,
      athleteId: values.athleteId,
      // Today means "now" (the server's clock); an earlier day at the club's midday.
      at: values.date === today ? undefined : pastInstantOfDay(values.date, calendar.timeZone, new Date()),
    });
  });

  const chosenFaults = gaitFaultCodes.filter((c) => faults[c]?.present);

  return (
    <form onSubmit={submit} noValidate className="grid max-w-3xl gap-6">
      {errors.root?.message ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Athlete" htmlFor="athleteId" error={errors.athleteId?.message} required>
          <NativeSelect disabled={existing !== undefined} {...register("athleteId")}>
            <NativeSelectOption value="">Choose…</NativeSelectOption>
            {athletes.map((a) => (
              <NativeSelectOption key={a.id} value={a.id}>
                {a.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Date" htmlFor="date" error={errors.date?.message} required>
          {(control) => (
            <Controller
              control={form.control}
              name="date"
              render={({ field }) => <DateField {...control} label="Date" value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            />
          )}
        </Field>
        <Field label="Surface" htmlFor="surface" error={errors.surface?.message} required>
          <NativeSelect {...register("surface")}>
            <NativeSelectOption value="overground">Overground</NativeSelectOption>
            <NativeSelectOption value="treadmill">Treadmill</NativeSelectOption>
          </NativeSelect>
        </Field>
        <Field label="Speed (km/h)" htmlFor="speedKmh" error={errors.speedKmh?.message}>
          <Input inputMode="decimal" {...register("speedKmh")} />
        </Field>
        <Field label="Cadence (steps/min)" htmlFor="cadenceSpm" description={cadenceFieldHint} error={errors.cadenceSpm?.message}>
          <Input inputMode="numeric" {...register("cadenceSpm")} />
        </Field>
      </div>

      <fieldset className="grid gap-3" aria-describedby={errors.faults?.message ? "faults-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Faults seen</legend>
        {errors.faults?.message ? (
          <p id="faults-error" className="text-sm text-destructive">
            {errors.faults.message}
          </p>
        ) : null}
        {gaitFaultCodes.map((code) => {
          const info = gaitCatalogue[code];
          const present = faults[code]?.present ?? false;
          return (
            <div key={code} className="grid gap-2 rounded-lg border p-3 sm:grid-cols-[1fr_auto_auto] sm:items-center">
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-0.5 size-4 accent-primary" {...register(`faults.${code}.present`)} />
                <span>
                  <span className="font-medium">{info.label}</span> <span className="text-xs text-muted-foreground">({code})</span>
                  <span className="block text-muted-foreground">{info.coachSees}</span>
                </span>
              </label>
              <Field label={`Severity of ${info.label}`} htmlFor={`severity-${code}`} labelClassName="sr-only">
                <NativeSelect disabled={!present} {...register(`faults.${code}.severity`)}>
                  <NativeSelectOption value="1">Severity 1 (mild)</NativeSelectOption>
                  <NativeSelectOption value="2">Severity 2</NativeSelectOption>
                  <NativeSelectOption value="3">Severity 3 (marked)</NativeSelectOption>
                </NativeSelect>
              </Field>
              <Field label={`Side of ${info.label}`} htmlFor={`side-${code}`} labelClassName="sr-only">
                <NativeSelect disabled={!present} {...register(`faults.${code}.side`)}>
                  <NativeSelectOption value="">Side not noted</NativeSelectOption>
                  <NativeSelectOption value="left">Left</NativeSelectOption>
                  <NativeSelectOption value="right">Right</NativeSelectOption>
                  <NativeSelectOption value="both">Both</NativeSelectOption>
                </NativeSelect>
              </Field>
            </div>
          );
        })}
      </fieldset>

      <fieldset className="grid gap-2" aria-describedby={errors.cues?.message ? "cues-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Cues for the athlete</legend>
        {errors.cues?.message ? (
          <p id="cues-error" className="text-sm text-destructive">
            {errors.cues.message}
          </p>
        ) : null}
        {chosenFaults.length === 0 ? <p className="text-sm text-muted-foreground">Tick a fault to see its catalogue cues, or write your own below.</p> : null}
        {chosenFaults.map((code) => (
          <div key={code} className="grid gap-1">
            <p className="text-xs font-medium text-muted-foreground">{gaitCatalogue[code].label}</p>
            {gaitCatalogue[code].cues.map((cue) => (
              <label key={cue} className="flex items-center gap-2 text-sm">
                <input type="checkbox" className="size-4 accent-primary" value={cue} {...register("cues")} />
                {cue}
              </label>
            ))}
          </div>
        ))}
        <Field label="Your own cues (one per line)" htmlFor="writtenCues" error={errors.writtenCues?.message}>
          <Textarea rows={2} {...register("writtenCues")} />
        </Field>
      </fieldset>

      <Field label="Notes" htmlFor="notes" error={errors.notes?.message}>
        <Textarea rows={3} {...register("notes")} />
      </Field>
      <Field label="Video link" htmlFor="videoUrl" description="Optional, e.g. a clip in your club's video library." error={errors.videoUrl?.message}>
        <Input type="url" placeholder="https://" {...register("videoUrl")} />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : existing ? "Save correction" : "Save gait assessment"}
        </Button>
      </div>
    </form>
  );
}
