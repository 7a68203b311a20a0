"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { adjunctTreatmentKinds, localDateKey, sides, type AdjunctTreatmentKind, type Side } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@loadline/ui/alert-dialog";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Textarea } from "@loadline/ui/textarea";
import { useTRPC } from "@/trpc/react";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import { formatDate, humanize, serverFieldErrors } from "../../_components/labels";
import { useClubCalendar } from "@/components/club-calendar";
import { DateField } from "@/components/date-field";

const kindLabel: Record<AdjunctTreatmentKind, string> = {
  shockwave: "Shockwave (ESWT)",
  prp: "PRP injection",
  autologous_blood: "Autologous blood injection",
  corticosteroid_injection: "Corticosteroid injection",
  surgery: "Surgery",
};

export function AdjunctsPanel({ athleteId }: { athleteId: string }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const { data: adjuncts } = useSuspenseQuery(trpc.adjuncts.list.queryOptions({ athleteId }));
  const [kind, setKind] = useState<AdjunctTreatmentKind>("shockwave");
  const [date, setDate] = useState("");
  const [side, setSide] = useState<string>("");
  const [parameters, setParameters] = useState("");
  const [provider, setProvider] = useState("");
  const [restrictions, setRestrictions] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useMutation(
    trpc.adjuncts.record.mutationOptions({
      onError: (error) => {
        const fields = serverFieldErrors(error);
        setErrors(Object.keys(fields).length > 0 ? fields : { _form: error.message });
      },
      onSuccess: async () => {
        toast.success("Treatment recorded");
        setErrors({});
        setParameters("");
        setRestrictions("");
        await invalidate();
      },
    }),
  );
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Adjunct treatments</h2>
          </CardTitle>
          <p className="text-sm text-muted-foreground">
            Treatments go alongside loading, never instead of it. After an injection or surgery, automatic progression pauses until you enter
            restrictions (R22).
          </p>
        </CardHeader>
        <CardContent className="grid gap-3">
          {adjuncts.length === 0 ? <p className="text-sm text-muted-foreground">No treatments recorded.</p> : null}
          {adjuncts.map((a) => (
            <div key={a.id} className="rounded-lg border p-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{kindLabel[a.kind as AdjunctTreatmentKind] ?? humanize(a.kind)}</span>
                <span className="text-muted-foreground">
                  {formatDate(a.at, calendar)}
                  {a.side ? ` · ${a.side}` : ""} · recorded by {a.recordedByName}
                </span>
                {a.pausesProgression ? <Badge variant="amber">Progression paused</Badge> : null}
              </div>
              {a.parameters ? <p className="mt-1">Parameters: {a.parameters}</p> : null}
              {a.provider ? <p>Provider: {a.provider}</p> : null}
              {a.restrictions ? <EditableRestrictions adjunctId={a.id} restrictions={a.restrictions} /> : <RestrictionsForm adjunctId={a.id} />}
              <TreatmentActions treatment={a} label={`${kindLabel[a.kind as AdjunctTreatmentKind] ?? humanize(a.kind)} of ${formatDate(a.at, calendar)}`} />
            </div>
          ))}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Record a treatment</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <form
            className="grid gap-4 sm:grid-cols-2"
            onSubmit={(e) => {
              e.preventDefault();
              setErrors({});
              if (!date) {
                setErrors({ at: "Enter the treatment date" });
                return;
              }
              record.mutate({
                athleteId,
                at: new Date(`${date}T12:00:00Z`),
                kind,
                side: side ? (side as (typeof sides)[number]) : null,
                parameters,
                provider,
                restrictions: restrictions.trim() ? restrictions : null,
              });
            }}
          >
            {errors._form ? (
              <Alert variant="destructive" className="sm:col-span-2">
                <AlertDescription>{errors._form}</AlertDescription>
              </Alert>
            ) : null}
            <Field label="Treatment" error={errors.kind} required>
              <NativeSelect value={kind} onChange={(e) => setKind(e.target.value as AdjunctTreatmentKind)}>
                {adjunctTreatmentKinds.map((k) => (
                  <NativeSelectOption key={k} value={k}>
                    {kindLabel[k]}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
            <Field label="Date" htmlFor="treatment-date" error={errors.at} required>
              <DateField id="treatment-date" label="Date" optional value={date} onChange={setDate} />
            </Field>
            <Field label="Side" error={errors.side}>
              <NativeSelect value={side} onChange={(e) => setSide(e.target.value)}>
                <NativeSelectOption value="">Not recorded</NativeSelectOption>
                {sides.map((s) => (
                  <NativeSelectOption key={s} value={s}>
                    {humanize(s)}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
            <Field label="Provider" error={errors.provider}>
              <Input value={provider} onChange={(e) => setProvider(e.target.value)} />
            </Field>
            <Field label="Parameters" error={errors.parameters} className="sm:col-span-2">
              <Input value={parameters} onChange={(e) => setParameters(e.target.value)} placeholder="e.g. 2,000 pulses at 2.5 bar" />
            </Field>
            <Field label="Restrictions after it" error={errors.restrictions} className="sm:col-span-2">
              <Textarea rows={2} value={restrictions} onChange={(e) => setRestrictions(e.target.value)} />
            </Field>
            <Button type="submit" className="w-fit" disabled={record.isPending}>
              Record treatment
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}

/** Restrictions already entered, and a way to change them (each change is audited). */
function EditableRestrictions({ adjunctId, restrictions }: { adjunctId: string; restrictions: string }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <RestrictionsForm adjunctId={adjunctId} initial={restrictions} onDone={() => setEditing(false)} />;
  return (
    <p className="flex flex-wrap items-center gap-2">
      Restrictions: {restrictions}
      <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(true)}>
        Edit restrictions
      </Button>
    </p>
  );
}

function RestrictionsForm({ adjunctId, initial = "", onDone }: { adjunctId: string; initial?: string; onDone?: () => void }) {
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation(
    trpc.adjuncts.enterRestrictions.mutationOptions({
      onError: (e) => setError(serverFieldErrors(e).restrictions ?? e.message),
      onSuccess: async () => {
        toast.success(initial ? "Restrictions changed" : "Restrictions entered");
        await invalidate();
        onDone?.();
      },
    }),
  );
  return (
    <form
      className="mt-2 grid gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ adjunctId, restrictions: value });
      }}
    >
      <Field label="Restrictions" error={error}>
        <Input value={value} onChange={(e) => setValue(e.target.value)} />
      </Field>
      <Button type="submit" size="sm" variant="outline" className="w-fit" disabled={save.isPending}>
        {initial ? "Save restrictions" : "Enter restrictions"}
      </Button>
    </form>
  );
}

type Treatment = { id: string; at: Date; kind: string; side: string | null; parameters: string; provider: string };

/** Correct or delete a recorded treatment: both are audited and re-assess the athlete (R22 follows). */
function TreatmentActions({ treatment, label }: { treatment: Treatment; label: string }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <div className="mt-2 grid gap-2">
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" variant="outline" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          Edit treatment<span className="sr-only">: {label}</span>
        </Button>
        <Button type="button" size="sm" variant="ghost" className="text-destructive" onClick={() => setDeleting(true)}>
          Delete<span className="sr-only"> {label}</span>
        </Button>
      </div>
      {editing ? <EditTreatmentForm treatment={treatment} onDone={() => setEditing(false)} /> : null}
      <DeleteTreatmentDialog treatment={treatment} label={label} open={deleting} onOpenChange={setDeleting} />
    </div>
  );
}

function EditTreatmentForm({ treatment, onDone }: { treatment: Treatment; onDone: () => void }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const [kind, setKind] = useState(treatment.kind as AdjunctTreatmentKind);
  const [date, setDate] = useState(localDateKey(treatment.at.getTime(), calendar.timeZone));
  const [side, setSide] = useState(treatment.side ?? "");
  const [parameters, setParameters] = useState(treatment.parameters);
  const [provider, setProvider] = useState(treatment.provider);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation(
    trpc.adjuncts.update.mutationOptions({
      onError: (error) => {
        const fields = serverFieldErrors(error);
        setErrors(Object.keys(fields).length > 0 ? fields : { _form: error.message });
      },
      onSuccess: async (row) => {
        toast.success(row.pausesProgression ? "Treatment changed: progression is paused until you enter restrictions" : "Treatment changed");
        await invalidate();
        onDone();
      },
    }),
  );
  const id = `edit-${treatment.id}`;
  return (
    <form
      className="grid gap-3 rounded-lg border p-3 sm:grid-cols-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        if (!date) {
          setErrors({ "changes.at": "Enter the treatment date" });
          return;
        }
        // Same day as recorded: keep the stored time; another day is recorded at midday UTC, as a new treatment is.
        const sameDay = date === localDateKey(treatment.at.getTime(), calendar.timeZone);
        save.mutate({
          adjunctId: treatment.id,
          changes: { at: sameDay ? treatment.at : new Date(`${date}T12:00:00Z`), kind, side: side ? (side as Side) : null, parameters, provider },
        });
      }}
    >
      {errors._form ? (
        <Alert variant="destructive" className="sm:col-span-2">
          <AlertDescription>{errors._form}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Treatment" htmlFor={`${id}-kind`} error={errors["changes.kind"]} required>
        <NativeSelect id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AdjunctTreatmentKind)}>
          {adjunctTreatmentKinds.map((k) => (
            <NativeSelectOption key={k} value={k}>
              {kindLabel[k]}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Date" htmlFor={`${id}-date`} error={errors["changes.at"]} required>
        <DateField id={`${id}-date`} label="Date" value={date} onChange={setDate} />
      </Field>
      <Field label="Side" htmlFor={`${id}-side`} error={errors["changes.side"]}>
        <NativeSelect id={`${id}-side`} value={side} onChange={(e) => setSide(e.target.value)}>
          <NativeSelectOption value="">Not recorded</NativeSelectOption>
          {sides.map((s) => (
            <NativeSelectOption key={s} value={s}>
              {humanize(s)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Provider" htmlFor={`${id}-provider`} error={errors["changes.provider"]}>
        <Input id={`${id}-provider`} value={provider} onChange={(e) => setProvider(e.target.value)} />
      </Field>
      <Field label="Parameters" htmlFor={`${id}-parameters`} error={errors["changes.parameters"]} className="sm:col-span-2">
        <Input id={`${id}-parameters`} value={parameters} onChange={(e) => setParameters(e.target.value)} />
      </Field>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" size="sm" disabled={save.isPending}>
          Save treatment
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Deleting asks for confirmation and a reason; the treatment stays in the audit log and the full-record export. */
function DeleteTreatmentDialog({ treatment, label, open, onOpenChange }: { treatment: Treatment; label: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const remove = useMutation(
    trpc.adjuncts.delete.mutationOptions({
      onError: (e) => setError(serverFieldErrors(e).reason ?? e.message),
      onSuccess: async () => {
        toast.success("Treatment deleted; the athlete is being re-assessed");
        onOpenChange(false);
        await invalidate();
      },
    }),
  );
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setError("Reason: say why the treatment is deleted");
              return;
            }
            remove.mutate({ adjunctId: treatment.id, reason });
          }}
        >
          <AlertDialogHeader>
            <AlertDialogTitle>Delete the {label}?</AlertDialogTitle>
            <AlertDialogDescription>
              Use this for a treatment recorded in error. It leaves the athlete&apos;s list and the rules stop reading it (a pause it caused lifts); your reason is kept in the audit log and the full-record export.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <Field label="Reason for deleting" htmlFor={`delete-${treatment.id}-reason`} error={error} required>
            <Textarea id={`delete-${treatment.id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <AlertDialogFooter>
            <AlertDialogCancel type="button">Keep it</AlertDialogCancel>
            <Button type="submit" variant="destructive" disabled={remove.isPending}>
              Delete treatment
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
