"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { checkInLabels } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { useTRPC } from "@/trpc/react";
import { serverFieldErrors } from "../../_components/labels";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";

type Figures = { minutes: number | null; distanceKm: number | null; rpe: number | null; painDuring: number; painAfter: number | null };
const text = (value: number | null) => (value === null ? "" : String(value));
const fields = [
  { key: "painDuring", label: "Pain during" },
  { key: "painAfter", label: "Pain after" },
  { key: "rpe", label: "RPE" },
  { key: "minutes", label: "Minutes" },
  { key: "distanceKm", label: "Distance (km)", runOnly: true },
] as const;

/**
 * A physio's correction of a logged session's figures, with a reason: it goes into the log's
 * history, where the athlete sees who corrected it and why. Only changed figures are sent.
 */
export function CorrectLog({ athleteId, log, onDone }: { athleteId: string; log: Figures & { id: string; type: string }; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshClinical();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.key, text(log[f.key])])));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const correct = useMutation(
    trpc.athleteRecords.correctLog.mutationOptions({
      onError: (error) => {
        const found = serverFieldErrors(error);
        setErrors(Object.keys(found).length > 0 ? found : { _form: error.message });
      },
      onSuccess: async (result) => {
        toast.success(`Log corrected: ${result.summary}`);
        await refresh();
        onDone();
      },
    }),
  );
  const shown = fields.filter((f) => !("runOnly" in f) || log.type === "run");
  return (
    <form
      className="grid gap-2 rounded-lg border p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const changed: Record<string, number> = {};
        for (const f of shown) {
          const typed = values[f.key]?.trim() ?? "";
          if (typed !== "" && typed !== text(log[f.key])) changed[f.key] = Number(typed.replace(",", "."));
        }
        correct.mutate({ athleteId, logId: log.id, correction: { ...changed, reason } });
      }}
    >
      {errors._form ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {errors._form}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {shown.map((f) => (
          <Field key={f.key} label={f.label} htmlFor={`correct-${log.id}-${f.key}`} error={errors[`correction.${f.key}`]}>
            <Input
              id={`correct-${log.id}-${f.key}`}
              inputMode="decimal"
              value={values[f.key] ?? ""}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
            />
          </Field>
        ))}
      </div>
      <Field label="Reason for the correction" htmlFor={`correct-${log.id}-reason`} description="The athlete sees it in the log's history." error={errors["correction.reason"]} required>
        <Input id={`correct-${log.id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={correct.isPending}>
          Save correction
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

const checkInFields = [
  { key: "morningPain", label: checkInLabels.morningPain },
  { key: "loadTestPain", label: checkInLabels.loadTestPain },
  { key: "restPain", label: checkInLabels.restPain },
  { key: "stiffnessMinutes", label: checkInLabels.stiffnessMinutes },
  { key: "longestSitMinutes", label: checkInLabels.longestSitMinutes },
  { key: "sittingToleranceMinutes", label: checkInLabels.sittingToleranceMinutes },
] as const;

const cushionChoice = (value: boolean | null) => (value === null ? "" : value ? "yes" : "no");

/**
 * A physio's correction of a morning check-in (pains, stiffness, sitting), with a reason the
 * athlete sees in its history. Warning-sign answers are not corrected here: they went to the
 * escalation queue, where the physio reviews them.
 */
export function CorrectCheckIn({
  athleteId,
  checkIn,
  onDone,
}: {
  athleteId: string;
  checkIn: {
    id: string;
    morningPain: number;
    loadTestPain: number | null;
    restPain: number | null;
    stiffnessMinutes: number | null;
    longestSitMinutes: number | null;
    sittingToleranceMinutes: number | null;
    cushionUsed: boolean | null;
    redFlags: string[];
  };
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshClinical();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(checkInFields.map((f) => [f.key, text(checkIn[f.key])])));
  const [cushion, setCushion] = useState(cushionChoice(checkIn.cushionUsed));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const correct = useMutation(
    trpc.athleteRecords.correctCheckIn.mutationOptions({
      onError: (error) => {
        const found = serverFieldErrors(error);
        setErrors(Object.keys(found).length > 0 ? found : { _form: error.message });
      },
      onSuccess: async (result) => {
        toast.success(`Check-in corrected: ${result.summary}`);
        await refresh();
        onDone();
      },
    }),
  );
  return (
    <form
      className="mt-2 grid gap-2 rounded-lg border p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const changed: Record<string, number> = {};
        for (const f of checkInFields) {
          const typed = values[f.key]?.trim().replace(",", ".") ?? "";
          if (typed !== "" && typed !== text(checkIn[f.key])) changed[f.key] = Number(typed);
        }
        const cushionUsed = cushion !== "" && cushion !== cushionChoice(checkIn.cushionUsed) ? cushion === "yes" : undefined;
        correct.mutate({ athleteId, checkInId: checkIn.id, correction: { ...changed, ...(cushionUsed === undefined ? {} : { cushionUsed }), reason } });
      }}
    >
      {errors._form ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {errors._form}
        </p>
      ) : null}
      <div className="grid gap-2 sm:grid-cols-3">
        {checkInFields.map((f) => (
          <Field key={f.key} label={f.label} htmlFor={`correct-${checkIn.id}-${f.key}`} error={errors[`correction.${f.key}`]}>
            <Input id={`correct-${checkIn.id}-${f.key}`} inputMode="decimal" value={values[f.key] ?? ""} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
          </Field>
        ))}
        <Field label={checkInLabels.cushionUsed} htmlFor={`correct-${checkIn.id}-cushion`} error={errors["correction.cushionUsed"]}>
          <NativeSelect id={`correct-${checkIn.id}-cushion`} value={cushion} onChange={(e) => setCushion(e.target.value)}>
            <NativeSelectOption value="">Not answered</NativeSelectOption>
            <NativeSelectOption value="yes">Yes</NativeSelectOption>
            <NativeSelectOption value="no">No</NativeSelectOption>
          </NativeSelect>
        </Field>
      </div>
      <p className="text-xs text-muted-foreground">
        {checkIn.redFlags.length > 0 ? "This check-in answered a warning-sign question. " : ""}
        Warning-sign answers are not corrected here: each one raised an escalation, which you review and resolve in the Escalations tab, so the answer stays on the record.
      </p>
      <Field label="Reason for the correction" htmlFor={`correct-${checkIn.id}-reason`} description="The athlete sees it in the check-in's history." error={errors["correction.reason"]} required>
        <Input id={`correct-${checkIn.id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={correct.isPending}>
          Save correction
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
