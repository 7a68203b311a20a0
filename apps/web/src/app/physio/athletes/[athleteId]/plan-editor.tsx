"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  activityKinds,
  activityLabels,
  activityOverrides,
  buildThresholdOverrides,
  exerciseCategories,
  phaseInfo,
  thresholdFieldKey,
  thresholdFields,
  thresholdGroups,
  thresholdValueAt,
  type ActivityKind,
  type PlanBody,
  type Phase,
  type ThresholdField,
  type ThresholdLeafValue,
  type Thresholds,
  zonedTimeToInstant,
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
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import { formatDateTime, humanize, serverFieldErrors } from "../../_components/labels";
import { useClubCalendar } from "@/components/club-calendar";
import { DateField, dayOfValue } from "@/components/date-field";
import { CustomExerciseForm } from "./custom-exercise-form";

type Prescription = PlanBody["prescriptions"][number];
type LibraryChoice = { id: string; version: number; name: string; category: string; heavy: boolean; highTendonLoad: boolean };

const numberOrUndefined = (value: string) => (value.trim() === "" ? undefined : Number(value));

/** Editor state of the thresholds: typed text for numbers, "" for "use the default". */
type ThresholdValues = Record<string, string | boolean | undefined>;

const thresholdErrorKey = (field: ThresholdField) => `body.thresholds.${thresholdFieldKey(field.path)}`;
const commonGroups = new Set<string>(thresholdGroups.filter((g) => g.common).map((g) => g.id));
const isCommon = (field: ThresholdField) => commonGroups.has(field.path[0]);

function thresholdValuesOf(overrides: PlanBody["thresholds"] | undefined): ThresholdValues {
  const values: ThresholdValues = {};
  for (const field of thresholdFields) {
    const value = thresholdValueAt(overrides, field.path);
    if (value !== undefined) values[thresholdFieldKey(field.path)] = typeof value === "number" ? String(value) : value;
  }
  return values;
}

/** The overrides to save, or the fields whose text is not a number. */
function parseThresholdValues(values: ThresholdValues): { overrides: PlanBody["thresholds"] } | { errors: Record<string, string> } {
  const parsed: Record<string, ThresholdLeafValue | undefined> = {};
  const errors: Record<string, string> = {};
  for (const field of thresholdFields) {
    const key = thresholdFieldKey(field.path);
    const value = values[key];
    if (value === undefined || value === "") continue;
    if (field.kind === "number") {
      const text = String(value).trim();
      if (text === "") continue;
      const number = Number(text);
      if (!Number.isFinite(number)) errors[thresholdErrorKey(field)] = "Enter a number, or leave empty for the default";
      else parsed[key] = number;
    } else {
      parsed[key] = value;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { overrides: buildThresholdOverrides(parsed) };
}

/**
 * The plan editor. It keeps the version it started from: saving sends that as `baseVersion`,
 * so when another physio saved in between, the server refuses with a conflict message naming
 * their change, and nothing is overwritten.
 */
export function PlanEditor({ athleteId, hasOpenEpisode }: { athleteId: string; hasOpenEpisode: boolean }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshClinical = useRefreshClinical();
  const { data: current } = useSuspenseQuery(trpc.plans.current.queryOptions({ athleteId }));
  const { data: library } = useSuspenseQuery(trpc.exercises.list.queryOptions());
  const plan = current.plan;
  const [baseVersion, setBaseVersion] = useState(plan?.version ?? 0);
  const [phase, setPhase] = useState<Phase>(plan?.phase ?? 1);
  const [phaseStartDay, setPhaseStartDay] = useState("");
  const [prescriptions, setPrescriptions] = useState<Prescription[]>(plan?.body.prescriptions ?? []);
  const [forbidden, setForbidden] = useState<ActivityKind[]>(
    plan ? plan.effectiveForbiddenActivities : [...phaseInfo[1].forbiddenActivities],
  );
  const [thresholdValues, setThresholdValues] = useState<ThresholdValues>(() => thresholdValuesOf(plan?.body.thresholds));
  const [moreOpen, setMoreOpen] = useState(() => thresholdFields.some((f) => !isCommon(f) && thresholdValueAt(plan?.body.thresholds, f.path) !== undefined));
  const [notes, setNotes] = useState(plan?.body.notes ?? "");
  const [elements, setElements] = useState<ActivityKind[]>(plan?.body.returnToSportElements ?? []);
  const [maintenancePlan, setMaintenancePlan] = useState(plan?.body.maintenancePlan ?? "");
  const [targetKm, setTargetKm] = useState(plan?.body.targetEasyRun?.distanceKm !== undefined ? String(plan.body.targetEasyRun.distanceKm) : "");
  const [targetMinutes, setTargetMinutes] = useState(plan?.body.targetEasyRun?.minutes !== undefined ? String(plan.body.targetEasyRun.minutes) : "");
  const [visaHBaseline, setVisaHBaseline] = useState(plan?.body.visaHBaseline !== undefined ? String(plan.body.visaHBaseline) : "");
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
        if (thresholdFields.some((f) => !isCommon(f) && fields[thresholdErrorKey(f)])) setMoreOpen(true);
      },
      onSuccess: async (row) => {
        setBaseVersion(row.version);
        setChangeSummary("");
        setErrors({});
        setConflict(null);
        toast.success(`Saved plan version ${row.version}`);
        await refreshClinical();
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
        // The plan keeps this version of the library entry, whatever the library becomes later.
        exerciseVersion: exercise.version,
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
    const parsedThresholds = parseThresholdValues(thresholdValues);
    if ("errors" in parsedThresholds) {
      setErrors(parsedThresholds.errors);
      if (thresholdFields.some((f) => !isCommon(f) && parsedThresholds.errors[thresholdErrorKey(f)])) setMoreOpen(true);
      return;
    }
    const thresholds = parsedThresholds.overrides;
    const numbers: Record<string, number | undefined> = {};
    const numberErrors: Record<string, string> = {};
    for (const [field, text] of [["body.targetEasyRun.distanceKm", targetKm], ["body.targetEasyRun.minutes", targetMinutes], ["body.visaHBaseline", visaHBaseline]] as const) {
      const value = numberOrUndefined(text);
      if (value !== undefined && !Number.isFinite(value)) numberErrors[field] = "Enter a number, or leave empty";
      numbers[field] = value;
    }
    if (Object.keys(numberErrors).length > 0) {
      setErrors(numberErrors);
      return;
    }
    const distanceKm = numbers["body.targetEasyRun.distanceKm"];
    const minutes = numbers["body.targetEasyRun.minutes"];
    const baseline = numbers["body.visaHBaseline"];
    const body: PlanBody = {
      prescriptions,
      ...activityOverrides(effectivePhase, forbidden),
      thresholds,
      returnToSportElements: elements,
      ...(distanceKm !== undefined || minutes !== undefined
        ? { targetEasyRun: { ...(distanceKm !== undefined ? { distanceKm } : {}), ...(minutes !== undefined ? { minutes } : {}) } }
        : {}),
      ...(maintenancePlan.trim() ? { maintenancePlan } : {}),
      ...(baseline !== undefined ? { visaHBaseline: baseline } : {}),
      ...(notes ? { notes } : {}),
    };
    // The start of the day chosen, in the club's zone: today's date is then never in the future.
    const startDay = !plan ? dayOfValue(phaseStartDay) : null;
    const phaseStartedAt = startDay ? new Date(zonedTimeToInstant(startDay.year, startDay.month, startDay.day, 0, 0, calendar.timeZone)) : undefined;
    save.mutate({
      athleteId,
      baseVersion,
      ...(plan ? {} : { phase }),
      ...(phaseStartedAt ? { phaseStartedAt } : {}),
      body,
      ...(changeSummary.trim() ? { changeSummary } : {}),
    });
  };

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
              Phase {plan.phase}: {plan.phaseName}. Last saved by {plan.authorName}, {formatDateTime(plan.createdAt, calendar)}. Change the phase in the Phase
              change tab.
            </p>
          ) : null}
        </CardHeader>
        <CardContent className="grid gap-4">
          {!plan ? (
            <Field
              label="Phase started on (optional)"
              htmlFor="plan-phase-start"
              description="If the athlete was already in this phase before their records were kept here: the exit criteria count the sessions logged since."
              error={errors.phaseStartedAt}
            >
              <DateField id="plan-phase-start" label="Phase started on (optional)" optional value={phaseStartDay} onChange={setPhaseStartDay} />
            </Field>
          ) : null}
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
          <CustomExerciseForm phase={effectivePhase} onCreated={setPicked} />
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
                <NewerLibraryVersion
                  prescription={p}
                  library={library}
                  onUse={(entry) =>
                    // The plan's own copy follows the version it now names.
                    update(index, { exerciseVersion: entry.version, exercise: entry.name, category: entry.category as Prescription["category"], heavy: entry.heavy, highTendonLoad: entry.highTendonLoad })
                  }
                />
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
                  <Field label="Counts as" description="For the phase gates (R16) and stretching (R17)" className="col-span-2" error={errors[`body.prescriptions.${index}.activity`]}>
                    <NativeSelect
                      aria-label={`${p.exercise} counts as`}
                      value={p.activity ?? ""}
                      onChange={(e) => update(index, { activity: e.target.value ? (e.target.value as ActivityKind) : undefined })}
                    >
                      <NativeSelectOption value="">Nothing gated</NativeSelectOption>
                      {activityKinds.map((a) => (
                        <NativeSelectOption key={a} value={a}>
                          {activityLabels[a]}
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

      <ThresholdsCard
        values={thresholdValues}
        onChange={(key, value) => setThresholdValues((old) => ({ ...old, [key]: value }))}
        defaults={current.defaults}
        errors={errors}
        moreOpen={moreOpen}
        onMoreOpenChange={setMoreOpen}
      />

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Targets and return to sport</h2>
          </CardTitle>
          <p className="text-sm text-muted-foreground">What the later exit criteria read: the target easy run (E3.1), the VISA-H baseline (E2.6), the sport elements (E4.1) and the maintenance plan (E4.4).</p>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Target easy run, km (E3.1)" htmlFor="plan-target-km" error={errors["body.targetEasyRun.distanceKm"] ?? errors["body.targetEasyRun"]}>
              <Input id="plan-target-km" inputMode="decimal" value={targetKm} onChange={(e) => setTargetKm(e.target.value)} />
            </Field>
            <Field label="Target easy run, minutes (E3.1)" htmlFor="plan-target-minutes" error={errors["body.targetEasyRun.minutes"]}>
              <Input id="plan-target-minutes" inputMode="numeric" value={targetMinutes} onChange={(e) => setTargetMinutes(e.target.value)} />
            </Field>
            <Field label="VISA-H baseline (E2.6)" htmlFor="plan-visa-baseline" description="Empty: the first questionnaire is the baseline." error={errors["body.visaHBaseline"]}>
              <Input id="plan-visa-baseline" inputMode="numeric" value={visaHBaseline} onChange={(e) => setVisaHBaseline(e.target.value)} />
            </Field>
          </div>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Sport elements to do at full intensity before discharge (E4.1)</legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
              {activityKinds.map((a) => (
                <div key={a} className="flex items-center gap-2">
                  <Checkbox
                    id={`element-${a}`}
                    checked={elements.includes(a)}
                    onCheckedChange={(checked) => setElements(checked ? [...elements, a] : elements.filter((x) => x !== a))}
                  />
                  <Label htmlFor={`element-${a}`}>{activityLabels[a]}</Label>
                </div>
              ))}
            </div>
            {errors["body.returnToSportElements"] ? <p className="text-sm font-medium text-destructive">{errors["body.returnToSportElements"]}</p> : null}
          </fieldset>
          <Field label="Maintenance plan (E4.4)" htmlFor="plan-maintenance" description="Heavy or eccentric work at least twice a week, in season too." error={errors["body.maintenancePlan"]}>
            <Textarea id="plan-maintenance" rows={3} value={maintenancePlan} onChange={(e) => setMaintenancePlan(e.target.value)} />
          </Field>
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


const formatDefault = (field: ThresholdField, value: ThresholdLeafValue | undefined): string => {
  if (field.kind === "boolean") return value ? "on" : "off";
  if (field.kind === "enum") return field.options.find((o) => o.value === value)?.label ?? String(value);
  return `${String(value)}${field.unit && field.unit !== "0-10" ? ` ${field.unit}` : ""}`;
};

const fieldLabel = (field: ThresholdField) =>
  `${field.label}${field.kind === "number" && field.unit ? `, ${field.unit}` : ""} (${field.ruleId})`;

/**
 * Every threshold the engine reads, rendered from the domain's descriptions and grouped by
 * rule: the common ones open, the rest under "More thresholds". Empty means the engine's
 * default, which each field shows.
 */
function ThresholdsCard({
  values,
  onChange,
  defaults,
  errors,
  moreOpen,
  onMoreOpenChange,
}: {
  values: ThresholdValues;
  onChange: (key: string, value: string | boolean | undefined) => void;
  defaults: Readonly<Thresholds>;
  errors: Record<string, string>;
  moreOpen: boolean;
  onMoreOpenChange: (open: boolean) => void;
}) {
  const fieldKeys = new Set(thresholdFields.map(thresholdErrorKey));
  const otherErrors = Object.entries(errors).filter(([key]) => key.startsWith("body.thresholds") && !fieldKeys.has(key));
  const renderGroup = (group: (typeof thresholdGroups)[number]) => (
    <fieldset key={group.id} className="grid gap-3 rounded-lg border p-3">
      <legend className="px-1 text-sm font-medium">
        {group.ruleIds} · {group.title}
      </legend>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {thresholdFields
          .filter((f) => f.path[0] === group.id)
          .map((field) => (
            <ThresholdInput
              key={thresholdFieldKey(field.path)}
              field={field}
              value={values[thresholdFieldKey(field.path)]}
              defaultValue={thresholdValueAt(defaults, field.path)}
              error={errors[thresholdErrorKey(field)]}
              onChange={(value) => onChange(thresholdFieldKey(field.path), value)}
            />
          ))}
      </div>
    </fieldset>
  );
  const overriddenMore = thresholdFields.filter((f) => !isCommon(f) && values[thresholdFieldKey(f.path)] !== undefined && values[thresholdFieldKey(f.path)] !== "").length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Rule thresholds</h2>
        </CardTitle>
        <p className="text-sm text-muted-foreground">Leave a field empty to use the engine&apos;s default, shown in it and under it.</p>
      </CardHeader>
      <CardContent className="grid gap-4">
        {otherErrors.map(([key, message]) => (
          <p key={key} role="alert" className="text-sm font-medium text-destructive">
            {key.replace("body.thresholds.", "")}: {message}
          </p>
        ))}
        {thresholdGroups.filter((g) => g.common).map(renderGroup)}
        <details open={moreOpen} onToggle={(e) => onMoreOpenChange(e.currentTarget.open)} className="rounded-lg border p-3">
          <summary className="cursor-pointer text-sm font-medium">
            More thresholds{overriddenMore > 0 ? ` (${overriddenMore} changed)` : ""}
          </summary>
          <div className="mt-3 grid gap-4">{thresholdGroups.filter((g) => !g.common).map(renderGroup)}</div>
        </details>
      </CardContent>
    </Card>
  );
}

function ThresholdInput({
  field,
  value,
  defaultValue,
  error,
  onChange,
}: {
  field: ThresholdField;
  value: string | boolean | undefined;
  defaultValue: ThresholdLeafValue | undefined;
  error: string | undefined;
  onChange: (value: string | boolean | undefined) => void;
}) {
  const id = `threshold-${thresholdFieldKey(field.path).replaceAll(".", "-")}`;
  const defaultText = `Default: ${formatDefault(field, defaultValue)}`;
  if (field.kind === "boolean") {
    const describedBy = [`${id}-description`, error ? `${id}-error` : null].filter(Boolean).join(" ");
    return (
      <div className="grid content-start gap-1 sm:col-span-2">
        <div className="flex items-center gap-2">
          <Checkbox
            id={id}
            checked={typeof value === "boolean" ? value : defaultValue === true}
            onCheckedChange={(checked) => onChange(checked === true)}
            aria-describedby={describedBy}
            {...(error ? { "aria-invalid": true } : {})}
          />
          <Label htmlFor={id}>{fieldLabel(field)}</Label>
        </div>
        <p id={`${id}-description`} className="text-xs text-muted-foreground">
          {field.hint ? `${field.hint} ` : ""}
          {defaultText}.
        </p>
        {error ? (
          <p id={`${id}-error`} className="text-sm font-medium text-destructive">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  if (field.kind === "enum") {
    return (
      <Field label={fieldLabel(field)} htmlFor={id} error={error} className="sm:col-span-2">
        <NativeSelect value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value || undefined)}>
          <NativeSelectOption value="">Default ({formatDefault(field, defaultValue)})</NativeSelectOption>
          {field.options.map((o) => (
            <NativeSelectOption key={o.value} value={o.value}>
              {o.label}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
    );
  }
  return (
    <Field
      label={fieldLabel(field)}
      htmlFor={id}
      error={error}
      description={
        <span className="text-xs">
          {field.hint ? `${field.hint} ` : ""}
          {defaultText}
        </span>
      }
    >
      <Input
        inputMode={field.integer ? "numeric" : "decimal"}
        placeholder={String(defaultValue ?? "")}
        value={typeof value === "string" ? value : ""}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/**
 * A prescription keeps the library version it was written from; when the library has moved on
 * (a new how-to or image), the physio can move this plan to it. The athlete sees the change
 * once the plan is saved.
 */
function NewerLibraryVersion({
  prescription,
  library,
  onUse,
}: {
  prescription: Prescription;
  library: LibraryChoice[];
  onUse: (entry: LibraryChoice) => void;
}) {
  const entry = library.find((e) => e.id === prescription.id);
  const pinned = prescription.exerciseVersion ?? 1;
  if (!entry || entry.version <= pinned) return null;
  return (
    <p className="mb-2 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
      This plan uses version {pinned} of the library entry; the library has version {entry.version}.
      <Button type="button" size="sm" variant="outline" onClick={() => onUse(entry)}>
        Use version {entry.version}
        <span className="sr-only"> of {prescription.exercise}</span>
      </Button>
    </p>
  );
}
