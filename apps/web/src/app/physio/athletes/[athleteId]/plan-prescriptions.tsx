"use client";
import { useState } from "react";
import { activityKinds, activityLabels, exerciseCategories, type ActivityKind, type PlanBody, type Phase } from "@loadline/domain";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { humanize } from "../../_components/labels";
import { CustomExerciseForm } from "./custom-exercise-form";

export type Prescription = PlanBody["prescriptions"][number];
export type LibraryChoice = { id: string; version: number; name: string; category: string; heavy: boolean; highTendonLoad: boolean; phases: number[]; custom: boolean };
type NumberKey = "sets" | "reps" | "holdSeconds" | "intensityPct" | "repetitionMaximum" | "sessionsPerWeek";

const numberOrUndefined = (value: string) => (value.trim() === "" ? undefined : Number(value.replace(",", ".")));

/** A new prescription from a library entry, with the usual starting dose for its kind. */
function prescriptionOf(exercise: LibraryChoice): Prescription {
  const isometric = exercise.category === "isometric";
  return {
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
  };
}

/** The plan's prescriptions: added from the library (or a new custom exercise), each row's dose edited in place. */
export function PrescriptionsEditor({
  prescriptions,
  onChange,
  library,
  phase,
  errorAt,
}: {
  prescriptions: Prescription[];
  onChange: (next: Prescription[]) => void;
  library: LibraryChoice[];
  phase: Phase;
  errorAt: (index: number, key: string) => string | undefined;
}) {
  const [picked, setPicked] = useState("");
  const phaseExercises = library.filter((e) => e.phases.includes(phase));
  const otherExercises = library.filter((e) => !e.phases.includes(phase));
  const effectivePhase = phase;
  const addExercise = () => {
    const exercise = library.find((e) => e.id === picked);
    if (!exercise || prescriptions.some((p) => p.exercise === exercise.name)) return;
    onChange([...prescriptions, prescriptionOf(exercise)]);
    setPicked("");
  };
  const update = (index: number, patch: Partial<Prescription>) => onChange(prescriptions.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const setNumber = (index: number, key: NumberKey, value: string) => {
    const parsed = numberOrUndefined(value);
    onChange(
      prescriptions.map((p, i) => {
        if (i !== index) return p;
        const next = { ...p };
        if (parsed === undefined) delete next[key];
        else next[key] = parsed;
        return next;
      }),
    );
  };
  return (
    <>
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
                  <Button type="button" size="sm" variant="ghost" className="ml-auto" onClick={() => onChange(prescriptions.filter((_, i) => i !== index))}>
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
                  <Field label="Sets" error={errorAt(index, "sets")}>
                    <Input inputMode="numeric" value={p.sets ?? ""} onChange={(e) => setNumber(index, "sets", e.target.value)} />
                  </Field>
                  <Field label="Reps" error={errorAt(index, "reps")}>
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
                  <Field label="Counts as" description="For the phase gates (R16) and stretching (R17)" className="col-span-2" error={errorAt(index, "activity")}>
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
    </>
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
