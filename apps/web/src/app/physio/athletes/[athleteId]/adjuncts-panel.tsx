"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { adjunctDeletionReason, adjunctLabels, localDateKey, pastInstantOfDay, plainText, type AdjunctTreatmentKind, type Side } from "@loadline/domain";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from "@loadline/ui/alert-dialog";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { toast } from "@loadline/ui/sonner";
import { useClubCalendar } from "@/components/club-calendar";
import { ReasonForm } from "@/components/reason-form";
import { useTRPC } from "@/trpc/react";
import { formatDate, humanize } from "../../_components/labels";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import { AdjunctTreatmentForm, kindLabel } from "./adjunct-treatment-form";

/** Restrictions entered after the treatment: required once entered (entering them lifts the R22 pause). */
const restrictionsSchema = plainText(adjunctLabels.restrictions, { max: 1000, min: 1, multiline: true });

export function AdjunctsPanel({ athleteId }: { athleteId: string }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const { data: adjuncts } = useSuspenseQuery(trpc.adjuncts.list.queryOptions({ athleteId }));
  const record = useMutation(trpc.adjuncts.record.mutationOptions());
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
          <AdjunctTreatmentForm
            id="treatment"
            withRestrictions
            submitLabel="Record treatment"
            className="grid gap-4 sm:grid-cols-2"
            onSubmit={async ({ at, ...treatment }) => {
              await record.mutateAsync({ athleteId, at: pastInstantOfDay(at, calendar.timeZone, new Date()), ...treatment });
              toast.success("Treatment recorded");
              await invalidate();
            }}
          />
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
  const save = useMutation(trpc.adjuncts.enterRestrictions.mutationOptions());
  return (
    <ReasonForm
      id={`restrictions-${adjunctId}`}
      label="Restrictions"
      schema={restrictionsSchema}
      serverKey="restrictions"
      initial={initial}
      singleLine
      submitLabel={initial ? "Save restrictions" : "Enter restrictions"}
      submitVariant="outline"
      size="sm"
      className="mt-2 grid gap-2"
      onSubmit={async (restrictions) => {
        await save.mutateAsync({ adjunctId, restrictions });
        toast.success(initial ? "Restrictions changed" : "Restrictions entered");
        await invalidate();
      }}
      {...(onDone ? { onDone } : {})}
    />
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
  const save = useMutation(trpc.adjuncts.update.mutationOptions());
  const recordedDay = localDateKey(treatment.at.getTime(), calendar.timeZone);
  return (
    <AdjunctTreatmentForm
      id={`edit-${treatment.id}`}
      initial={{ kind: treatment.kind as AdjunctTreatmentKind, at: recordedDay, side: treatment.side as Side | null, parameters: treatment.parameters, provider: treatment.provider }}
      withRestrictions={false}
      submitLabel="Save treatment"
      size="sm"
      className="grid gap-3 rounded-lg border p-3 sm:grid-cols-2"
      actions={
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      }
      onSubmit={async ({ at, kind, side, parameters, provider }) => {
        // Same day as recorded: keep the stored time; another day is recorded at the club's midday, as a new treatment is.
        const row = await save.mutateAsync({ adjunctId: treatment.id, changes: { kind, side, parameters, provider, at: at === recordedDay ? treatment.at : pastInstantOfDay(at, calendar.timeZone, new Date()) } });
        toast.success(row.pausesProgression ? "Treatment changed: progression is paused until you enter restrictions" : "Treatment changed");
        await invalidate();
        onDone();
      }}
    />
  );
}

/** Deleting asks for confirmation and a reason; the treatment stays in the audit log and the full-record export. */
function DeleteTreatmentDialog({ treatment, label, open, onOpenChange }: { treatment: Treatment; label: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const remove = useMutation(trpc.adjuncts.delete.mutationOptions());
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent>
        <ReasonForm
          id={`delete-${treatment.id}-reason`}
          label="Reason for deleting"
          schema={adjunctDeletionReason}
          serverKey="reason"
          required
          submitLabel="Delete treatment"
          submitVariant="destructive"
          className="grid gap-4"
          header={
            <AlertDialogHeader>
              <AlertDialogTitle>Delete the {label}?</AlertDialogTitle>
              <AlertDialogDescription>
                Use this for a treatment recorded in error. It leaves the athlete&apos;s list and the rules stop reading it (a pause it caused lifts); your reason is kept in the audit log and the full-record export.
              </AlertDialogDescription>
            </AlertDialogHeader>
          }
          actions={<AlertDialogCancel type="button">Keep it</AlertDialogCancel>}
          footer={(buttons) => <AlertDialogFooter>{buttons}</AlertDialogFooter>}
          onSubmit={async (reason) => {
            await remove.mutateAsync({ adjunctId: treatment.id, reason });
            toast.success("Treatment deleted; the athlete is being re-assessed");
            onOpenChange(false);
            await invalidate();
          }}
        />
      </AlertDialogContent>
    </AlertDialog>
  );
}
