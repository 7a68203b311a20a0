"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  activityKinds,
  activityOverrides,

  exerciseCategories,
  phaseInfo,
  type ActivityKind,
  type PlanBody,
  type Phase,
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
import { Textarea } from "@loadline/ui/textarea";
import { useTRPC } from "@/trpc/react";
import { formatDateTime, humanize, serverFieldErrors } from "../../_components/labels";

type Prescription = PlanBody["prescriptions"][number];

const numberOrUndefined = (value: string) => (value.trim() === "" ? undefined : Number(value));

/**
 * The plan editor. It keeps the version it started from: saving sends that as `baseVersion`,
 * so when another physio saved in between, the server refuses with a conflict message naming
 * their change, and nothing is overwritten.
 */
export function PlanEditor({ athleteId, hasOpenEpisode }: { athleteId: string; hasOpenEpisode: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: current } = useSuspenseQuery(trpc.plans.current.queryOptions({ athleteId }));
  const { data: library } = useSuspenseQuery(trpc.exercises.list.queryOptions());
  const plan = current.plan;
  const [baseVersion, setBaseVersion] = useState(plan?.version ?? 0);
  const [phase, setPhase] = useState<Phase>(plan?.phase ?? 1);
  const [prescriptions, setPrescriptions] = useState<Prescription[]>(plan?.body.prescriptions ?? []);
  const [forbidden, setForbidden] = useState<ActivityKind[]>(
    plan ? plan.effectiveForbiddenActivities : [...phaseInfo[1].forbiddenActivities],
  );
  const [thresholds, setThresholds] = useState<PlanBody["thresholds"]>(plan?.body.thresholds ?? {});
  const [notes, setNotes] = useState(plan?.body.notes ?? "");
  const [changeSummary, setChangeSummary] = useState("");
  const [picked, setPicked] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<string | null>(null);

  const save = useMutation(
    trpc.plans.save.mutationOptions({
      onError: (error) => {
        if (error.data?.code === "CONFLICT") {
          setConflict(error.message);
          return;
        }
        const fields = serverFieldErrors(error);
        setErrors(Object.keys(fields).length > 0 ? fields : { _form: error.message });
      },
      onSuccess: async (row) => {
        setBaseVersion(row.version);
        setChangeSummary("");
        setErrors({});
        setConflict(null);
        toast.success(`Saved plan version ${row.version}`);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.plans.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.caseload.list.queryKey() }),
        ]);
      },
    }),
  );

  if (!hasOpenEpisode && !plan) {
    return (
      <Alert>
        <AlertTitle>No open episode</AlertTitle>
        <AlertDescription>Open an injury episode first; the plan belongs to it.</AlertDescription>
      </Alert>
    );
  }

  const effectivePhase = plan?.phase ?? phase;
  const phaseExercises = library.filter((e) => e.phases.includes(effectivePhase));
  const otherExercises = library.filter((e) => !e.phases.includes(effectivePhase));
  const addExercise = () => {
    const exercise = library.find((e) => e.id === picked);
    if (!exercise || prescriptions.some((p) => p.exercise === exercise.name)) return;
    const isometric = exercise.category === "isometric";
    setPrescriptions([
      ...prescriptions,
      {
        id: exercise.id,
        exercise: exercise.name,
        category: exercise.category as Prescription["category"],
        sets: isometric ? 5 : 3,
        ...(isometric ? { holdSeconds: 45, intensityPct: 70 } : { reps: exercise.heavy ? 8 : 10 }),
        ...(exercise.heavy ? { repetitionMaximum: 15, tempo: "3-0-3" } : {}),
        sessionsPerWeek: isometric ? 7 : exercise.heavy ? 2 : 3,
        heavy: exercise.heavy,
        highTendonLoad: exercise.highTendonLoad,
      },
    ]);
    setPicked("");
  };
  const update = (index: number, patch: Partial<Prescription>) =>
    setPrescriptions(prescriptions.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const setNumber = (index: number, key: "sets" | "reps" | "holdSeconds" | "intensityPct" | "repetitionMaximum" | "sessionsPerWeek", value: string) => {
    const parsed = numberOrUndefined(value);
    const next = { ...prescriptions[index]! } as Record<string, unknown>;
    if (parsed === undefined) delete next[key];
    else next[key] = parsed;
    setPrescriptions(prescriptions.map((p, i) => (i === index ? (next as Prescription) : p)));
  };
  const phaseDefaults = phaseInfo[effectivePhase].forbiddenActivities;
  const submit = () => {
    setErrors({});
    const body: PlanBody = {
      prescriptions,
      ...activityOverrides(effectivePhase, forbidden),
      thresholds,
      returnToSportElements: plan?.body.returnToSportElements ?? [],
      ...(plan?.body.targetEasyRun ? { targetEasyRun: plan.body.targetEasyRun } : {}),
      ...(plan?.body.maintenancePlan ? { maintenancePlan: plan.body.maintenancePlan } : {}),
      ...(plan?.body.visaHBaseline !== undefined ? { visaHBaseline: plan.body.visaHBaseline } : {}),
      ...(notes ? { notes } : {}),
    };
    save.mutate({ athleteId, baseVersion, ...(plan ? {} : { phase }), body, ...(changeSummary.trim() ? { changeSummary } : {}) });
  };
  const spacing = thresholds.spacing ?? {};
  const pain = thresholds.pain ?? {};
  const heavyStrength = thresholds.heavyStrength ?? {};
  const defaults = current.defaults;

  return (
    <div className="grid gap-6">
      {conflict ? (
        <Alert variant="red" role="alert">
          <AlertTitle>Not saved: someone else changed this plan</AlertTitle>
          <AlertDescription>
            <p>{conflict}</p>
            <Button
              className="mt-2 w-fit"
              variant="outline"
              onClick={async () => {
                await queryClient.invalidateQueries({ queryKey: trpc.plans.pathKey() });
                window.location.reload();
              }}
            >
              Reload the latest version
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}
      {errors._form ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errors._form}</AlertDescription>
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{plan ? `Rehab plan · version ${baseVersion}` : "New rehab plan"}</h2>
          </CardTitle>
          {plan ? (
            <p className="text-sm text-muted-foreground">
              Phase {plan.phase}: {plan.phaseName}. Last saved by {plan.authorName}, {formatDateTime(plan.createdAt)}. Change the phase in the Phase
              change tab.
            </p>
          ) : null}
        </CardHeader>
        <CardContent className="grid gap-4">
          {!plan ? (
            <Field label="Starting phase" error={errors.phase}>
              <NativeSelect
                value={String(phase)}
                onChange={(e) => {
                  const next = Number(e.target.value) as Phase;
                  setPhase(next);
                  setForbidden([...phaseInfo[next].forbiddenActivities]);
                }}
              >
                {([1, 2, 3, 4] as const).map((p) => (
                  <NativeSelectOption key={p} value={String(p)}>
                    Phase {p}: {phaseInfo[p].name}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
          ) : null}
          <div className="flex flex-wrap items-end gap-2">
            <Field label="Add an exercise from the library" className="min-w-72">
              <NativeSelect value={picked} onChange={(e) => setPicked(e.target.value)}>
                <NativeSelectOption value="">Choose an exercise</NativeSelectOption>
                <optgroup label={`Phase ${effectivePhase}`}>
                  {phaseExercises.map((e) => (
                    <NativeSelectOption key={e.id} value={e.id}>
                      {e.name}
                      {e.custom ? " (custom)" : ""}
                    </NativeSelectOption>
                  ))}
                </optgroup>
                <optgroup label="Other phases">
                  {otherExercises.map((e) => (
                    <NativeSelectOption key={e.id} value={e.id}>
                      {e.name}
                      {e.custom ? " (custom)" : ""}
                    </NativeSelectOption>
                  ))}
                </optgroup>
              </NativeSelect>
            </Field>
            <Button type="button" variant="outline" onClick={addExercise} disabled={!picked}>
              Add exercise
            </Button>
          </div>
          {prescriptions.length === 0 ? <p className="text-sm text-muted-foreground">No exercises prescribed yet.</p> : null}
          <ul className="grid gap-3" aria-label="Prescriptions">
            {prescriptions.map((p, index) => (
              <li key={p.id} className="rounded-lg border p-3">
                <div className="mb-2 flex flex-wrap items-center gap-2">
                  <span className="font-medium">{p.exercise}</span>
                  <Badge variant="secondary">{humanize(p.category)}</Badge>
                  {p.heavy ? <Badge variant="outline">Heavy</Badge> : null}
                  {p.highTendonLoad ? <Badge variant="amber">High tendon load</Badge> : null}
                  <Button type="button" size="sm" variant="ghost" className="ml-auto" onClick={() => setPrescriptions(prescriptions.filter((_, i) => i !== index))}>
                    Remove<span className="sr-only"> {p.exercise}</span>
                  </Button>
                </div>
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8">
                  <Field label="Sets" error={errors[`body.prescriptions.${index}.sets`]}>
                    <Input inputMode="numeric" value={p.sets ?? ""} onChange={(e) => setNumber(index, "sets", e.target.value)} />
                  </Field>
                  <Field label="Reps" error={errors[`body.prescriptions.${index}.reps`]}>
                    <Input inputMode="numeric" value={p.reps ?? ""} onChange={(e) => setNumber(index, "reps", e.target.value)} />
                  </Field>
                  <Field label="Hold (s)">
                    <Input inputMode="numeric" value={p.holdSeconds ?? ""} onChange={(e) => setNumber(index, "holdSeconds", e.target.value)} />
                  </Field>
                  <Field label="Effort %">
                    <Input inputMode="numeric" value={p.intensityPct ?? ""} onChange={(e) => setNumber(index, "intensityPct", e.target.value)} />
                  </Field>
                  <Field label="RM">
                    <Input inputMode="numeric" value={p.repetitionMaximum ?? ""} onChange={(e) => setNumber(index, "repetitionMaximum", e.target.value)} />
                  </Field>
                  <Field label="Tempo">
                    <Input value={p.tempo ?? ""} onChange={(e) => update(index, e.target.value ? { tempo: e.target.value } : { tempo: undefined })} />
                  </Field>
                  <Field label="Per week">
                    <Input inputMode="numeric" value={p.sessionsPerWeek ?? ""} onChange={(e) => setNumber(index, "sessionsPerWeek", e.target.value)} />
                  </Field>
                  <Field label="Category">
                    <NativeSelect value={p.category} onChange={(e) => update(index, { category: e.target.value as Prescription["category"] })}>
                      {exerciseCategories.map((c) => (
                        <NativeSelectOption key={c} value={c}>
                          {humanize(c)}
                        </NativeSelectOption>
                      ))}
                    </NativeSelect>
                  </Field>
                </div>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Activities</h2>
          </CardTitle>
          <p className="text-sm text-muted-foreground">Prefilled from phase {effectivePhase}. Ticked activities are forbidden (R16).</p>
        </CardHeader>
        <CardContent>
          <fieldset className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
            <legend className="sr-only">Forbidden activities</legend>
            {activityKinds
              .filter((a) => a !== "static_hamstring_stretch")
              .map((a) => (
                <div key={a} className="flex items-center gap-2">
                  <Checkbox
                    id={`forbid-${a}`}
                    checked={forbidden.includes(a)}
                    onCheckedChange={(checked) => setForbidden(checked ? [...forbidden, a] : forbidden.filter((x) => x !== a))}
                  />
                  <Label htmlFor={`forbid-${a}`}>
                    {humanize(a)}
                    {phaseDefaults.includes(a) !== forbidden.includes(a) ? <span className="text-xs text-muted-foreground"> (changed)</span> : null}
                  </Label>
                </div>
              ))}
          </fieldset>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Rule thresholds</h2>
          </CardTitle>
          <p className="text-sm text-muted-foreground">Leave empty to use the engine&apos;s default (shown as the placeholder).</p>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Pain profile (R1/R2)">
            <NativeSelect
              value={pain.profile ?? ""}
              onChange={(e) => {
                const { profile: _old, ...rest } = pain;
                void _old;
                setThresholds({ ...thresholds, pain: e.target.value ? { ...rest, profile: e.target.value as "pht" | "silbernagel" } : rest });
              }}
            >
              <NativeSelectOption value="">Default ({defaults.pain.profile === "pht" ? "PHT 0-2 green" : "Silbernagel"})</NativeSelectOption>
              <NativeSelectOption value="pht">PHT: green 0-2, amber 3, red 4+</NativeSelectOption>
              <NativeSelectOption value="silbernagel">Silbernagel: green 0-3, amber 4-5, red 6+</NativeSelectOption>
            </NativeSelect>
          </Field>
          <Field label="High-load spacing, hours (R7)" error={errors["body.thresholds.spacing.highLoadHours"]}>
            <Input
              inputMode="numeric"
              placeholder={String(defaults.spacing.highLoadHours)}
              value={spacing.highLoadHours ?? ""}
              onChange={(e) => {
                const value = numberOrUndefined(e.target.value);
                const { highLoadHours: _old, ...rest } = spacing;
                void _old;
                setThresholds({ ...thresholds, spacing: value === undefined ? rest : { ...rest, highLoadHours: value } });
              }}
            />
          </Field>
          <Field label="Heavy sessions gap, hours (R8)" error={errors["body.thresholds.heavyStrength.minGapHours"]}>
            <Input
              inputMode="numeric"
              placeholder={String(defaults.heavyStrength.minGapHours)}
              value={heavyStrength.minGapHours ?? ""}
              onChange={(e) => {
                const value = numberOrUndefined(e.target.value);
                const { minGapHours: _old, ...rest } = heavyStrength;
                void _old;
                setThresholds({ ...thresholds, heavyStrength: value === undefined ? rest : { ...rest, minGapHours: value } });
              }}
            />
          </Field>
          <div className="flex items-center gap-2 pt-6">
            <Checkbox
              id="relaxed-spacing"
              checked={spacing.relaxed ?? defaults.spacing.relaxed}
              onCheckedChange={(checked) => setThresholds({ ...thresholds, spacing: { ...spacing, relaxed: checked === true } })}
            />
            <Label htmlFor="relaxed-spacing">Relax spacing to {defaults.spacing.relaxedHours} h after {defaults.spacing.greenExposuresToRelax} green exposures</Label>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardContent className="grid gap-4 pt-6">
          <Field label="Notes for the athlete" error={errors["body.notes"]}>
            <Textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </Field>
          <Field label="Change summary" description="Optional: without one, the history lists what changed." error={errors.changeSummary}>
            <Input value={changeSummary} onChange={(e) => setChangeSummary(e.target.value)} />
          </Field>
          <Button type="button" className="w-fit" onClick={submit} disabled={save.isPending}>
            {plan ? "Save new version" : "Create plan"}
          </Button>
        </CardContent>
      </Card>
    </div>
  );
}

