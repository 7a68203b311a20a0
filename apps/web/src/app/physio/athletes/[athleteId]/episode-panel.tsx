"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import {
  closingNoteSchema,
  diagnosisMethods,
  episodeInputSchemaOn,
  episodeLabels,
  localDateKey,
  onsetTypes,
  TEXT_LIMITS,
  provocationTestInfo,
  provocationTestKinds,
  sides,
  suspectedTriggerLabels,
  suspectedTriggers,
  type EpisodeInput,
} from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Checkbox } from "@loadline/ui/checkbox";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { Textarea } from "@loadline/ui/textarea";
import { useTRPC } from "@/trpc/react";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import { formatDate, formatDay, humanize, serverFieldErrors } from "../../_components/labels";
import { useClubCalendar } from "@/components/club-calendar";
import { CharacterCount } from "@/components/character-count";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { DateField } from "@/components/date-field";
import { clientFieldErrors } from "@/lib/form-errors";

type Episode = inferRouterOutputs<AppRouter>["episodes"]["list"]["episodes"][number];

export function EpisodePanel({ athleteId }: { athleteId: string }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.episodes.list.queryOptions({ athleteId }));
  const open = data.episodes.find((e) => e.status === "active") ?? null;
  const past = data.episodes.filter((e) => e.status !== "active");
  const [editing, setEditing] = useState(false);
  return (
    <div className="grid gap-6">
      {open ? (
        editing ? (
          <EpisodeForm athleteId={athleteId} episode={open} onDone={() => setEditing(false)} />
        ) : (
          <EpisodeDetails episode={open} onEdit={() => setEditing(true)} />
        )
      ) : (
        <EpisodeForm athleteId={athleteId} episode={null} onDone={() => undefined} />
      )}
      {open ? <ProvocationTests episode={open} /> : null}
      {open ? <CloseEpisode episode={open} /> : null}
      {past.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Closed episodes</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            {past.map((e) => (
              <div key={e.id} className="grid gap-2 rounded-lg border p-3">
                <span>
                  {humanize(e.side)} side, opened {formatDate(e.createdAt, calendar)}, closed {e.closedAt ? formatDate(e.closedAt, calendar) : ""}
                </span>
                {open ? null : <ReopenEpisode episode={e} />}
              </div>
            ))}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

function EpisodeDetails({ episode, onEdit }: { episode: Episode; onEdit: () => void }) {
  const calendar = useClubCalendar();
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between">
        <CardTitle>
          <h2>Open episode</h2>
        </CardTitle>
        <Button variant="outline" onClick={onEdit}>
          Edit episode
        </Button>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted-foreground">Side</dt>
          <dd>{humanize(episode.side)}</dd>
          <dt className="text-muted-foreground">Onset</dt>
          <dd>
            {formatDay(episode.onsetDate, calendar)} ({episode.onsetType})
          </dd>
          <dt className="text-muted-foreground">Suspected trigger</dt>
          <dd>{episode.suspectedTriggers.map((t) => suspectedTriggerLabels[t as keyof typeof suspectedTriggerLabels] ?? t).join(", ") || "None recorded"}</dd>
          <dt className="text-muted-foreground">Diagnosed by</dt>
          <dd>{episode.diagnosisMethod === "mri" ? "MRI" : humanize(episode.diagnosisMethod)}</dd>
          <dt className="text-muted-foreground">Differentials excluded</dt>
          <dd>{episode.differentialsExcluded.join(", ") || "None recorded"}</dd>
          <dt className="text-muted-foreground">Owning clinician</dt>
          <dd>{episode.owningClinicianName}</dd>
          <dt className="text-muted-foreground">Opened</dt>
          <dd>{formatDate(episode.createdAt, calendar)}</dd>
          <dt className="text-muted-foreground">Clinical notes</dt>
          <dd className="whitespace-pre-wrap">{episode.clinicalNotes || "None"}</dd>
        </dl>
      </CardContent>
    </Card>
  );
}

function EpisodeForm({ athleteId, episode, onDone }: { athleteId: string; episode: Episode | null; onDone: () => void }) {
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const { data: clinicians } = useSuspenseQuery(trpc.episodes.clinicians.queryOptions());
  const [values, setValues] = useState<EpisodeInput>(() => ({
    side: episode?.side ?? "right",
    onsetDate: episode?.onsetDate ?? "",
    onsetType: episode?.onsetType ?? "gradual",
    suspectedTriggers: (episode?.suspectedTriggers ?? []) as EpisodeInput["suspectedTriggers"],
    diagnosisMethod: episode?.diagnosisMethod ?? "clinical",
    differentialsExcluded: episode?.differentialsExcluded ?? [],
    owningClinicianId: episode?.owningClinicianId ?? clinicians[0]?.id ?? "",
    clinicalNotes: episode?.clinicalNotes ?? "",
  }));
  const calendar = useClubCalendar();
  const [differentials, setDifferentials] = useState((episode?.differentialsExcluded ?? []).join(", "));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onError = (error: unknown) => {
    const fields = serverFieldErrors(error);
    setErrors(Object.keys(fields).length > 0 ? fields : { _form: (error as Error).message });
  };
  const openMutation = useMutation(trpc.episodes.open.mutationOptions({ onError }));
  const updateMutation = useMutation(trpc.episodes.update.mutationOptions({ onError }));
  const err = (field: string) => errors[`episode.${field}`] ?? errors[field];
  const set = <K extends keyof EpisodeInput>(key: K, value: EpisodeInput[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { ...values, differentialsExcluded: differentials.split(",").map((d) => d.trim()).filter(Boolean) };
    // Every error of the form at once, each at its field (a future onset date included), before sending.
    const checked = clientFieldErrors(episodeInputSchemaOn(localDateKey(Date.now(), calendar.timeZone)).safeParse(input), episodeLabels);
    setErrors(checked);
    if (Object.keys(checked).length > 0) return;
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
  const pending = openMutation.isPending || updateMutation.isPending;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{episode ? "Edit episode" : "Open an injury episode"}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <form className="grid gap-4 sm:grid-cols-2" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
          {errors._form ? (
            <Alert variant="destructive" className="sm:col-span-2">
              <AlertDescription>{errors._form}</AlertDescription>
            </Alert>
          ) : null}
          <Field label="Side" error={err("side")} required>
            <NativeSelect value={values.side} onChange={(e) => set("side", e.target.value as EpisodeInput["side"])}>
              {sides.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {humanize(s)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Onset date" htmlFor="episode-onset" error={err("onsetDate")} required>
            <DateField id="episode-onset" label="Onset date" optional value={values.onsetDate} onChange={(day) => set("onsetDate", day)} />
          </Field>
          <Field label="Onset" error={err("onsetType")} required>
            <NativeSelect value={values.onsetType} onChange={(e) => set("onsetType", e.target.value as EpisodeInput["onsetType"])}>
              {onsetTypes.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {humanize(s)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label="How diagnosed" error={err("diagnosisMethod")} required>
            <NativeSelect value={values.diagnosisMethod} onChange={(e) => set("diagnosisMethod", e.target.value as EpisodeInput["diagnosisMethod"])}>
              {diagnosisMethods.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {s === "mri" ? "MRI" : humanize(s)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <fieldset className="grid gap-2 sm:col-span-2">
            <legend className="mb-1 text-sm font-medium">Suspected trigger</legend>
            <div className="flex flex-wrap gap-4">
              {suspectedTriggers.map((t) => (
                <div key={t} className="flex items-center gap-2">
                  <Checkbox
                    id={`trigger-${t}`}
                    checked={values.suspectedTriggers.includes(t)}
                    onCheckedChange={(checked) =>
                      set("suspectedTriggers", checked ? [...values.suspectedTriggers, t] : values.suspectedTriggers.filter((x) => x !== t))
                    }
                  />
                  <Label htmlFor={`trigger-${t}`}>{suspectedTriggerLabels[t]}</Label>
                </div>
              ))}
            </div>
          </fieldset>
          <Field label="Differentials excluded" description="Separate with commas" error={err("differentialsExcluded")}>
            <Input value={differentials} onChange={(e) => setDifferentials(e.target.value)} />
          </Field>
          <Field label="Owning clinician" error={err("owningClinicianId")} required>
            <NativeSelect value={values.owningClinicianId} onChange={(e) => set("owningClinicianId", e.target.value)}>
              {clinicians.map((c) => (
                <NativeSelectOption key={c.id} value={c.id}>
                  {c.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Clinical notes" error={err("clinicalNotes")} className="sm:col-span-2" description={<CharacterCount value={values.clinicalNotes} max={TEXT_LIMITS.note} />}>
            <Textarea rows={3} maxLength={TEXT_LIMITS.note} value={values.clinicalNotes} onChange={(e) => set("clinicalNotes", e.target.value)} />
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

function ProvocationTests({ episode }: { episode: Episode }) {
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const [test, setTest] = useState<(typeof provocationTestKinds)[number]>("puranen_orava");
  const [side, setSide] = useState<(typeof sides)[number]>(episode.side);
  const [familiar, setFamiliar] = useState(true);
  const [pain, setPain] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation(
    trpc.episodes.addTest.mutationOptions({
      onError: (error) => setErrors(serverFieldErrors(error)),
      onSuccess: async () => {
        setPain("");
        setErrors({});
        await invalidate();
      },
    }),
  );
  const remove = useMutation(trpc.episodes.removeTest.mutationOptions({ onSuccess: () => invalidate() }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Provocation tests</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p className="text-sm text-muted-foreground">
          Reported accuracy (Cacchio 2012) is shown for information only; no rule reads these results.
        </p>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Test</TableHead>
              <TableHead>Side</TableHead>
              <TableHead>Familiar pain</TableHead>
              <TableHead>Pain</TableHead>
              <TableHead>Reported accuracy</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {episode.provocationTests.map((t) => (
              <TableRow key={t.id}>
                <TableCell>{t.info.label}</TableCell>
                <TableCell>{humanize(t.side)}</TableCell>
                <TableCell>{t.familiarPainReproduced ? "Reproduced" : "Not reproduced"}</TableCell>
                <TableCell>{t.pain}/10</TableCell>
                <TableCell>
                  {t.info.accuracy ? (
                    <Badge variant="info">
                      Sensitivity {t.info.accuracy.sensitivityPct} %, specificity {t.info.accuracy.specificityPct} %
                    </Badge>
                  ) : (
                    <span className="text-muted-foreground">Not reported</span>
                  )}
                </TableCell>
                <TableCell>
                  <Button variant="ghost" size="sm" onClick={() => remove.mutate({ testId: t.id })}>
                    Remove<span className="sr-only"> {t.info.label}</span>
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {episode.provocationTests.length === 0 ? (
              <TableRow>
                <TableCell colSpan={6} className="text-center text-muted-foreground">
                  No tests recorded.
                </TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
        <form
          className="grid items-end gap-3 sm:grid-cols-5"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ episodeId: episode.id, test: { test, side, familiarPainReproduced: familiar, pain: pain === "" ? Number.NaN : Number(pain) } });
          }}
        >
          <Field label="Test">
            <NativeSelect value={test} onChange={(e) => setTest(e.target.value as typeof test)}>
              {provocationTestKinds.map((k) => (
                <NativeSelectOption key={k} value={k}>
                  {provocationTestInfo[k].label}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Test side">
            <NativeSelect value={side} onChange={(e) => setSide(e.target.value as typeof side)}>
              {sides.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {humanize(s)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Test pain (0-10)" error={errors["test.pain"]}>
            <Input type="number" min={0} max={10} value={pain} onChange={(e) => setPain(e.target.value)} />
          </Field>
          <div className="flex items-center gap-2 pb-2">
            <Checkbox id="familiar-pain" checked={familiar} onCheckedChange={(c) => setFamiliar(c === true)} />
            <Label htmlFor="familiar-pain">Familiar pain reproduced</Label>
          </div>
          <Button type="submit" disabled={add.isPending}>
            Record test
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

function CloseEpisode({ episode }: { episode: Episode }) {
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const close = useMutation(
    trpc.episodes.close.mutationOptions({
      onError: (e) => setError(serverFieldErrors(e).closingNote ?? e.message),
      onSuccess: async () => {
        toast.success("Episode closed");
        await invalidate();
      },
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Close the episode</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <Alert className="mb-4">
          <AlertTitle>Discharge</AlertTitle>
          <AlertDescription>Closing takes the athlete off your caseload. Record why (e.g. discharge criteria E4.1-E4.4 met).</AlertDescription>
        </Alert>
        <form
          className="grid gap-3"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const checked = closingNoteSchema.safeParse(note);
            setError(checked.success ? undefined : checked.error.issues[0]?.message);
            if (checked.success) setConfirming(true);
          }}
        >
          <Field label={episodeLabels.closingNote} error={error} description={<CharacterCount value={note} max={TEXT_LIMITS.note} />}>
            <Textarea rows={2} maxLength={TEXT_LIMITS.note} value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title="Close this episode?"
            description="The athlete leaves your caseload and their rehab plan ends: they are assessed as not in rehab from now on. Open a new episode if the pain comes back."
            confirmLabel="Close episode"
            destructive
            onConfirm={() => close.mutate({ episodeId: episode.id, closingNote: note })}
          />
          <Button type="submit" variant="outline" className="w-fit" disabled={close.isPending}>
            Close episode
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

/** Reopen a closed episode (a recurrence, or a discharge by mistake): its plan counts again. */
function ReopenEpisode({ episode }: { episode: Episode }) {
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const reopen = useMutation(
    trpc.episodes.reopen.mutationOptions({
      onError: (e) => setError(serverFieldErrors(e).reason ?? e.message),
      onSuccess: async () => {
        toast.success("Episode reopened");
        setError(undefined);
        await invalidate();
      },
    }),
  );
  return (
    <form
      className="grid gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        reopen.mutate({ episodeId: episode.id, reason });
      }}
    >
      <Field label="Reason for reopening" error={error}>
        <Textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <Button type="submit" size="sm" variant="outline" className="w-fit" disabled={reopen.isPending}>
        Reopen episode
      </Button>
    </form>
  );
}
