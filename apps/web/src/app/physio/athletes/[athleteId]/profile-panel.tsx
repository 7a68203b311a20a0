"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { athleteClinicalProfileSchema, relevantConditions, type AthleteClinicalProfile, modifyingConditionLabels } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { toast } from "@loadline/ui/sonner";
import { Textarea } from "@loadline/ui/textarea";
import { CheckboxGroup } from "@/components/checkbox-group";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";

/** An empty number field is "not recorded" (null). */
const nullableNumber = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(typeof value === "string" ? value.replace(",", ".") : value));

const conditionLabels = modifyingConditionLabels;

/**
 * Relevant conditions (R21), notes and the facts the rules read that a clinician records: BMI
 * (R21, when the club records it), usual easy-pace cadence (the gait hint) and pre-injury weekly
 * running (E3.3). Clinical, so edited here and never shown to coaches.
 */
export function ProfilePanel({ athleteId }: { athleteId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshClinical();
  const { data } = useSuspenseQuery(trpc.episodes.clinicalProfile.queryOptions({ athleteId }));
  const form = useForm<AthleteClinicalProfile>({ resolver: zodResolver(athleteClinicalProfileSchema), defaultValues: data });
  const save = useMutation(
    trpc.episodes.updateClinicalProfile.mutationOptions({
      onSuccess: async (saved) => {
        form.reset(saved);
        toast.success("Profile saved");
        await refresh();
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Athlete facts, conditions and notes</CardTitle>
      </CardHeader>
      <CardContent>
        <form className="grid gap-4" noValidate onSubmit={form.handleSubmit((profile) => save.mutate({ athleteId, profile }))}>
          {errors.root ? (
            <Alert variant="destructive">
              <AlertDescription>{errors.root.message}</AlertDescription>
            </Alert>
          ) : null}
          <CheckboxGroup
            control={form.control}
            name="conditions"
            legend="Relevant conditions"
            options={relevantConditions.map((condition) => ({ value: condition, label: conditionLabels[condition] }))}
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Pre-injury weekly running (km)" htmlFor="profile-pre-injury" description="E3.3 compares the return with it." error={errors.preInjuryWeeklyKm?.message}>
              <Input id="profile-pre-injury" inputMode="decimal" {...form.register("preInjuryWeeklyKm", { setValueAs: nullableNumber })} />
            </Field>
            <Field label="Usual easy-pace cadence (steps/min)" htmlFor="profile-cadence" description="The gait hint compares a measured cadence with it." error={errors.usualCadenceSpm?.message}>
              <Input id="profile-cadence" inputMode="numeric" {...form.register("usualCadenceSpm", { setValueAs: nullableNumber })} />
            </Field>
            <Field label="BMI" htmlFor="profile-bmi" description="Only if your club records it; R21 tells you when it is above the plan's threshold." error={errors.bmi?.message}>
              <Input id="profile-bmi" inputMode="decimal" {...form.register("bmi", { setValueAs: nullableNumber })} />
            </Field>
          </div>
          <Field label="Notes" htmlFor="profile-notes" description="Seen by physios and the athlete, never by coaches." error={errors.notes?.message}>
            <Textarea id="profile-notes" rows={4} {...form.register("notes")} />
          </Field>
          <div>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save athlete facts"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
