"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm, type Resolver } from "react-hook-form";
import { ownAthleteProfileSchema, relevantConditions, sexes, type OwnAthleteProfileInput, modifyingConditionLabels } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { CheckboxGroup } from "@/components/checkbox-group";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

const sexLabels: Record<(typeof sexes)[number], string> = { female: "Female", male: "Male", other: "Other", unspecified: "Prefer not to say" };
const conditionLabels = modifyingConditionLabels;
const numberOrNull = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

/** The athlete's own profile: what they tell the club about themselves. Squads stay with the coach. */
export function OwnProfileForm({ profile }: { profile: OwnAthleteProfileInput }) {
  const trpc = useTRPC();
  const form = useForm<OwnAthleteProfileInput>({ resolver: zodResolver(ownAthleteProfileSchema) as Resolver<OwnAthleteProfileInput>, defaultValues: profile });
  const save = useMutation(
    trpc.me.updateProfile.mutationOptions({
      onSuccess: () => toast.success("Profile saved"),
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const register = form.register;
  return (
    <form onSubmit={form.handleSubmit((values) => save.mutate(values))} className="grid gap-4" noValidate aria-label="Your profile">
      {errors.root?.message ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Event or sport" htmlFor="own-event" error={errors.eventOrSport?.message}>
        <Input {...register("eventOrSport")} />
      </Field>
      <Field label="Birth year" htmlFor="own-birth-year" error={errors.birthYear?.message}>
        <Input inputMode="numeric" {...register("birthYear", { setValueAs: numberOrNull })} />
      </Field>
      <Field label="Sex" htmlFor="own-sex" error={errors.sex?.message}>
        <NativeSelect {...register("sex")}>
          {sexes.map((sex) => (
            <NativeSelectOption key={sex} value={sex}>
              {sexLabels[sex]}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Weekly running before the injury (km)" htmlFor="own-weekly" error={errors.preInjuryWeeklyKm?.message}>
        <Input inputMode="decimal" {...register("preInjuryWeeklyKm", { setValueAs: numberOrNull })} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-primary" {...register("previousHamstringInjury")} />I have injured a hamstring before
      </label>
      <CheckboxGroup
        control={form.control}
        name="conditions"
        legend="Conditions your physio should know about"
        options={relevantConditions.map((c) => ({ value: c, label: conditionLabels[c] }))}
      />
      <p className="text-xs text-muted-foreground">Your physio sees these; your coach does not.</p>
      <Button type="submit" variant="outline" disabled={save.isPending}>
        Save profile
      </Button>
    </form>
  );
}
