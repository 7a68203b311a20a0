"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { CheckboxGroup } from "@/components/checkbox-group";
import { addAthleteSchema, sexes, type AddAthleteInput } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";

export type AthleteFormValues = AddAthleteInput;

const sexLabels: Record<(typeof sexes)[number], string> = {
  female: "Female",
  male: "Male",
  other: "Other",
  unspecified: "Prefer not to say",
};

/** Empty number inputs mean "not recorded" (null); anything else must parse as a number. */
const numberOrNull = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

/**
 * The athlete profile form, used to add (with email) and to edit. Validation reuses the
 * domain's schema, and the server's field errors land next to the same fields.
 */
export function AthleteForm({
  mode,
  squads,
  defaultValues,
  onSubmit,
  submitting,
  form: externalForm,
}: {
  mode: "add" | "edit";
  squads: { id: string; name: string }[];
  defaultValues: AthleteFormValues;
  onSubmit: (values: AthleteFormValues) => void;
  submitting: boolean;
  form?: ReturnType<typeof useAthleteForm>;
}) {
  const ownForm = useAthleteForm(defaultValues);
  const form = externalForm ?? ownForm;
  const { errors } = form.formState;
  const register = form.register;

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="grid max-w-2xl gap-5" noValidate>
      {errors.root?.message ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Full name" htmlFor="name" error={errors.name?.message} required>
          <Input autoComplete="off" {...register("name")} />
        </Field>
        {mode === "add" ? (
          <Field label="Email" htmlFor="email" description="They sign in with it; no email is sent." error={errors.email?.message} required>
            <Input type="email" autoComplete="off" {...register("email")} />
          </Field>
        ) : null}
        <Field label="Event or sport" htmlFor="eventOrSport" error={errors.eventOrSport?.message} required>
          <Input placeholder="e.g. 10,000 m, rugby sevens" {...register("eventOrSport")} />
        </Field>
        <Field label="Birth year" htmlFor="birthYear" error={errors.birthYear?.message}>
          <Input inputMode="numeric" placeholder="e.g. 1998" {...register("birthYear", { setValueAs: numberOrNull })} />
        </Field>
        <Field label="Sex" htmlFor="sex" error={errors.sex?.message}>
          <NativeSelect {...register("sex")}>
            {sexes.map((sex) => (
              <NativeSelectOption key={sex} value={sex}>
                {sexLabels[sex]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field
          label="Pre-injury weekly running (km)"
          htmlFor="preInjuryWeeklyKm"
          description="Used later to judge the return-to-running volume."
          error={errors.preInjuryWeeklyKm?.message}
        >
          <Input inputMode="decimal" {...register("preInjuryWeeklyKm", { setValueAs: numberOrNull })} />
        </Field>
      </div>

      <CheckboxGroup
        control={form.control}
        name="squadIds"
        legend="Squads"
        required
        options={squads.map((squad) => ({ value: squad.id, label: squad.name }))}
      />

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">History</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4 accent-primary" {...register("previousHamstringInjury")} />
          Previous hamstring injury
        </label>
      </fieldset>
      <p className="text-sm text-muted-foreground">Relevant conditions and notes are clinical: the physio records them on the athlete&apos;s clinical page.</p>

      <div>
        <Button type="submit" disabled={submitting}>
          {submitting ? "Saving…" : mode === "add" ? "Add athlete and create invite link" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}

/** Editing carries the athlete's stored email along (not shown), so one schema validates both modes. */
export function useAthleteForm(defaultValues: AthleteFormValues) {
  return useForm<AthleteFormValues>({
    resolver: zodResolver(addAthleteSchema) as Resolver<AthleteFormValues>,
    defaultValues,
    mode: "onTouched",
  });
}
