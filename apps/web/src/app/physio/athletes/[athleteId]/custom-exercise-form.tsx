"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { exerciseCategories, phases, type ExerciseCategory, type Phase } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Checkbox } from "@loadline/ui/checkbox";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Textarea } from "@loadline/ui/textarea";
import { useTRPC } from "@/trpc/react";
import { humanize, serverFieldErrors } from "../../_components/labels";

const demands = ["low", "moderate", "high"] as const;

/** A club's own exercise, added to the library (then prescribed like any other). */
export function CustomExerciseForm({ phase, onCreated }: { phase: Phase; onCreated: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [category, setCategory] = useState<ExerciseCategory>("glute_core");
  const [chosenPhases, setChosenPhases] = useState<Phase[]>([phase]);
  const [heavy, setHeavy] = useState(false);
  const [highTendonLoad, setHighTendonLoad] = useState(false);
  const [hipFlexionDemand, setHipFlexionDemand] = useState<(typeof demands)[number]>("low");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.exercises.create.mutationOptions({
      onError: (error) => {
        const fields = serverFieldErrors(error);
        setErrors(Object.keys(fields).length > 0 ? fields : { _form: error.message });
      },
      onSuccess: async (row) => {
        toast.success(`${row.name} added to the library`);
        setErrors({});
        setName("");
        setDescription("");
        await queryClient.invalidateQueries({ queryKey: trpc.exercises.pathKey() });
        onCreated(row.id);
      },
    }),
  );
  return (
    <details className="rounded-lg border p-3">
      <summary className="cursor-pointer text-sm font-medium">New custom exercise</summary>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        {errors._form ? (
          <p role="alert" className="text-sm font-medium text-destructive sm:col-span-2">
            {errors._form}
          </p>
        ) : null}
        <Field label="Exercise name" htmlFor="custom-name" error={errors.name} required>
          <Input id="custom-name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Exercise category" htmlFor="custom-category" error={errors.category}>
          <NativeSelect id="custom-category" value={category} onChange={(e) => setCategory(e.target.value as ExerciseCategory)}>
            {exerciseCategories.map((c) => (
              <NativeSelectOption key={c} value={c}>
                {humanize(c)}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <fieldset className="grid gap-2">
          <legend className="text-sm font-medium">Phases</legend>
          <div className="flex flex-wrap gap-3">
            {phases.map((p) => (
              <div key={p} className="flex items-center gap-2">
                <Checkbox
                  id={`custom-phase-${p}`}
                  checked={chosenPhases.includes(p)}
                  onCheckedChange={(checked) => setChosenPhases(checked ? [...chosenPhases, p].sort() : chosenPhases.filter((x) => x !== p))}
                />
                <Label htmlFor={`custom-phase-${p}`}>Phase {p}</Label>
              </div>
            ))}
          </div>
          {errors.phases ? <p className="text-sm font-medium text-destructive">{errors.phases}</p> : null}
        </fieldset>
        <Field label="Hip flexion demand" htmlFor="custom-hip" error={errors.hipFlexionDemand}>
          <NativeSelect id="custom-hip" value={hipFlexionDemand} onChange={(e) => setHipFlexionDemand(e.target.value as (typeof demands)[number])}>
            {demands.map((d) => (
              <NativeSelectOption key={d} value={d}>
                {humanize(d)}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <div className="flex items-center gap-2">
          <Checkbox id="custom-heavy" checked={heavy} onCheckedChange={(checked) => setHeavy(checked === true)} />
          <Label htmlFor="custom-heavy">Heavy (R8)</Label>
        </div>
        <div className="flex items-center gap-2">
          <Checkbox id="custom-tendon" checked={highTendonLoad} onCheckedChange={(checked) => setHighTendonLoad(checked === true)} />
          <Label htmlFor="custom-tendon">High tendon load (R7)</Label>
        </div>
        <Field label="Description" htmlFor="custom-description" error={errors.description} className="sm:col-span-2">
          <Textarea id="custom-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <div className="sm:col-span-2">
          <Button
            type="button"
            variant="outline"
            disabled={create.isPending}
            onClick={() => create.mutate({ name, category, phases: chosenPhases, heavy, highTendonLoad, hipFlexionDemand, description })}
          >
            Add to the library
          </Button>
        </div>
      </div>
    </details>
  );
}
