"use client";
import type { ReactNode } from "react";
import { Controller, useForm } from "react-hook-form";
import type { AppRouter, inferRouterInputs } from "@loadline/api";
import { exerciseCategories, exerciseLabels, phases, type Phase } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { Textarea } from "@loadline/ui/textarea";
import { applyServerErrors } from "@/lib/form-errors";
import { humanize } from "../_components/labels";

/** The fields of a library entry, as the API takes them for a new custom exercise and for an edit. */
export type ExerciseValues = inferRouterInputs<AppRouter>["exercises"]["create"];

const demands = ["low", "moderate", "high"] as const;

interface ServerError {
  message: string;
  data?: { fieldErrors?: Record<string, string[]> | null } | null;
}

/**
 * One form for a library entry: a new custom exercise (from the plan editor) and an edit of an
 * entry (a new version). The API's schema checks it; each of its sentences shows at its field
 * and what was typed stays.
 */
export function ExerciseForm({
  id,
  initial,
  submitLabel,
  resetAfterSave = false,
  onSubmit,
  before,
}: {
  id: string;
  initial: ExerciseValues;
  submitLabel: string;
  /** Empties the name and description after a save (a new exercise); an edit keeps its values. */
  resetAfterSave?: boolean;
  onSubmit: (values: ExerciseValues) => Promise<unknown>;
  before?: ReactNode;
}) {
  const form = useForm<ExerciseValues>({ defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      className="mt-3 grid gap-3 sm:grid-cols-2"
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        try {
          await onSubmit(values);
          if (resetAfterSave) form.reset({ ...values, name: "", description: "" });
        } catch (error) {
          applyServerErrors(form, error as ServerError);
        }
      })}
    >
      {before}
      {errors.root ? (
        <p role="alert" className="text-sm font-medium text-destructive sm:col-span-2">
          {errors.root.message}
        </p>
      ) : null}
      <Field label={`Exercise ${exerciseLabels.name.toLowerCase()}`} htmlFor={`${id}-name`} error={errors.name?.message} required>
        <Input id={`${id}-name`} {...form.register("name")} />
      </Field>
      <Field label={`Exercise ${exerciseLabels.category.toLowerCase()}`} htmlFor={`${id}-category`} error={errors.category?.message}>
        <NativeSelect id={`${id}-category`} {...form.register("category")}>
          {exerciseCategories.map((c) => (
            <NativeSelectOption key={c} value={c}>
              {humanize(c)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <Controller
        control={form.control}
        name="phases"
        render={({ field, fieldState }) => (
          <fieldset className="grid gap-2">
            <legend className="text-sm font-medium">{exerciseLabels.phases}</legend>
            <div className="flex flex-wrap gap-3">
              {phases.map((p) => (
                <label key={p} className="flex items-center gap-2 text-sm font-medium">
                  <input
                    type="checkbox"
                    className="size-4 accent-primary"
                    checked={field.value.includes(p)}
                    onChange={(e) => field.onChange(e.target.checked ? [...field.value, p].sort() : field.value.filter((x: Phase) => x !== p))}
                    onBlur={field.onBlur}
                  />
                  Phase {p}
                </label>
              ))}
            </div>
            {fieldState.error?.message ? <p className="text-sm font-medium text-destructive">{fieldState.error.message}</p> : null}
          </fieldset>
        )}
      />
      <Field label={exerciseLabels.hipFlexionDemand} htmlFor={`${id}-hip`} error={errors.hipFlexionDemand?.message}>
        <NativeSelect id={`${id}-hip`} {...form.register("hipFlexionDemand")}>
          {demands.map((d) => (
            <NativeSelectOption key={d} value={d}>
              {humanize(d)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" className="size-4 accent-primary" {...form.register("heavy")} />
        Heavy (R8)
      </label>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" className="size-4 accent-primary" {...form.register("highTendonLoad")} />
        High tendon load (R7)
      </label>
      <Field label={exerciseLabels.description} htmlFor={`${id}-description`} error={errors.description?.message} className="sm:col-span-2">
        <Textarea id={`${id}-description`} rows={2} {...form.register("description")} />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" variant="outline" disabled={isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
