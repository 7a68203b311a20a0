"use client";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { checkInCorrectionSchema, checkInLabels, logCorrectionSchema, type CheckInCorrection, type LogCorrection } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { checkedBy } from "@/components/form-pipe";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";

/** A figure as stored: a number, a yes/no answer, or not recorded. */
type Stored = number | boolean | null;
/** A field of the correction: a number typed, or a yes/no answer chosen. */
type Spec = { key: string; label: string; yesNo?: boolean; stored: Stored };
type Values = Record<string, string>;

const textOf = (value: Stored) => (value === null ? "" : typeof value === "boolean" ? (value ? "yes" : "no") : String(value));

/**
 * The correction the form sends: only what was changed from the stored value, with the reason;
 * the domain's schema then checks it (ranges, at least one change) and its sentences show at
 * the fields.
 */
export function correctionSchema<C>(specs: readonly Spec[], schema: z.ZodType<C>) {
  return z.record(z.string(), z.string()).transform((values, ctx) => {
    const changed: Record<string, number | boolean | string> = { reason: values.reason ?? "" };
    for (const spec of specs) {
      const typed = values[spec.key]?.trim() ?? "";
      if (typed === "" || typed === textOf(spec.stored)) continue;
      changed[spec.key] = spec.yesNo ? typed === "yes" : Number(typed.replace(",", "."));
    }
    return checkedBy(schema, changed, ctx);
  });
}

interface ServerError {
  message: string;
  data?: { fieldErrors?: Record<string, string[]> | null } | null;
}

/**
 * A physio's correction of a figure an athlete logged, with a reason the athlete sees in the
 * record's history. Only changed figures are sent; every error shows at once at its field.
 */
function CorrectionForm<C>({
  id,
  specs,
  schema,
  what,
  note,
  gridClassName,
  className,
  onSubmit,
  onDone,
}: {
  id: string;
  specs: readonly Spec[];
  schema: z.ZodType<C>;
  /** "log" or "check-in": the history the reason goes into. */
  what: string;
  note?: ReactNode;
  gridClassName: string;
  className: string;
  onSubmit: (correction: C) => Promise<unknown>;
  onDone: () => void;
}) {
  const labels = { ...Object.fromEntries(specs.map((s) => [s.key, s.label])), reason: "Reason for the correction" };
  const form = useForm<Values, unknown, C>({
    resolver: labelledResolver(correctionSchema(specs, schema), labels),
    defaultValues: { ...Object.fromEntries(specs.map((s) => [s.key, textOf(s.stored)])), reason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const errorOf = (key: string) => errors[key]?.message;
  return (
    <form
      className={className}
      noValidate
      onSubmit={form.handleSubmit(async (correction) => {
        try {
          await onSubmit(correction);
          onDone();
        } catch (error) {
          applyServerErrors(form, error as ServerError);
        }
      })}
    >
      {errors.root ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {errors.root.message}
        </p>
      ) : null}
      <div className={gridClassName}>
        {specs.map((s) => (
          <Field key={s.key} label={s.label} htmlFor={`${id}-${s.key}`} error={errorOf(s.key)}>
            {s.yesNo ? (
              <NativeSelect id={`${id}-${s.key}`} {...form.register(s.key)}>
                <NativeSelectOption value="">Not answered</NativeSelectOption>
                <NativeSelectOption value="yes">Yes</NativeSelectOption>
                <NativeSelectOption value="no">No</NativeSelectOption>
              </NativeSelect>
            ) : (
              <Input id={`${id}-${s.key}`} inputMode="decimal" {...form.register(s.key)} />
            )}
          </Field>
        ))}
      </div>
      {note}
      <Field label="Reason for the correction" htmlFor={`${id}-reason`} description={`The athlete sees it in the ${what}'s history.`} error={errorOf("reason")} required>
        <Input id={`${id}-reason`} {...form.register("reason")} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          Save correction
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

type Figures = { minutes: number | null; distanceKm: number | null; rpe: number | null; painDuring: number; painAfter: number | null };
const logSpecs: readonly { key: keyof Figures; label: string; runOnly?: boolean }[] = [
  { key: "painDuring", label: "Pain during" },
  { key: "painAfter", label: "Pain after" },
  { key: "rpe", label: "RPE" },
  { key: "minutes", label: "Minutes" },
  { key: "distanceKm", label: "Distance (km)", runOnly: true },
];

/** A physio's correction of a logged session's or run's figures. */
export function CorrectLog({ athleteId, log, onDone }: { athleteId: string; log: Figures & { id: string; type: string }; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshClinical();
  const correct = useMutation(trpc.athleteRecords.correctLog.mutationOptions());
  return (
    <CorrectionForm<LogCorrection>
      id={`correct-${log.id}`}
      specs={logSpecs.filter((s) => !s.runOnly || log.type === "run").map((s) => ({ key: s.key, label: s.label, stored: log[s.key] }))}
      schema={logCorrectionSchema}
      what="log"
      className="grid gap-2 rounded-lg border p-3"
      gridClassName="grid grid-cols-2 gap-2 sm:grid-cols-5"
      onDone={onDone}
      onSubmit={async (correction) => {
        const result = await correct.mutateAsync({ athleteId, logId: log.id, correction });
        toast.success(`Log corrected: ${result.summary}`);
        await refresh();
      }}
    />
  );
}

type CheckInFigures = {
  morningPain: number;
  loadTestPain: number | null;
  restPain: number | null;
  stiffnessMinutes: number | null;
  longestSitMinutes: number | null;
  sittingToleranceMinutes: number | null;
  cushionUsed: boolean | null;
};
const checkInSpecs: readonly { key: keyof CheckInFigures; label: string; yesNo?: boolean }[] = [
  { key: "morningPain", label: checkInLabels.morningPain },
  { key: "loadTestPain", label: checkInLabels.loadTestPain },
  { key: "restPain", label: checkInLabels.restPain },
  { key: "stiffnessMinutes", label: checkInLabels.stiffnessMinutes },
  { key: "longestSitMinutes", label: checkInLabels.longestSitMinutes },
  { key: "sittingToleranceMinutes", label: checkInLabels.sittingToleranceMinutes },
  { key: "cushionUsed", label: checkInLabels.cushionUsed, yesNo: true },
];

/**
 * A physio's correction of a morning check-in (pains, stiffness, sitting). Warning-sign answers
 * are not corrected here: they went to the escalation queue, where the physio reviews them.
 */
export function CorrectCheckIn({
  athleteId,
  checkIn,
  onDone,
}: {
  athleteId: string;
  checkIn: CheckInFigures & { id: string; redFlags: string[] };
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshClinical();
  const correct = useMutation(trpc.athleteRecords.correctCheckIn.mutationOptions());
  return (
    <CorrectionForm<CheckInCorrection>
      id={`correct-${checkIn.id}`}
      specs={checkInSpecs.map((s) => ({ ...s, stored: checkIn[s.key] }))}
      schema={checkInCorrectionSchema}
      what="check-in"
      className="mt-2 grid gap-2 rounded-lg border p-3"
      gridClassName="grid gap-2 sm:grid-cols-3"
      note={
        <p className="text-xs text-muted-foreground">
          {checkIn.redFlags.length > 0 ? "This check-in answered a warning-sign question. " : ""}
          Warning-sign answers are not corrected here: each one raised an escalation, which you review and resolve in the Escalations tab, so the answer stays on the record.
        </p>
      }
      onDone={onDone}
      onSubmit={async (correction) => {
        const result = await correct.mutateAsync({ athleteId, checkInId: checkIn.id, correction });
        toast.success(`Check-in corrected: ${result.summary}`);
        await refresh();
      }}
    />
  );
}
