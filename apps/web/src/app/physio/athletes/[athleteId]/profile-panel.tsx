"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { athleteClinicalProfileSchema, relevantConditions, type AthleteClinicalProfile } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { toast } from "@loadline/ui/sonner";
import { Textarea } from "@loadline/ui/textarea";
import { CheckboxGroup } from "@/components/checkbox-group";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";

const conditionLabels: Record<(typeof relevantConditions)[number], string> = {
  autoimmune: "Autoimmune disease",
  haemochromatosis: "Haemochromatosis",
  diabetes: "Diabetes",
};

/** Relevant conditions (R21) and notes: clinical, so edited here and never shown to coaches. */
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
        <CardTitle>Conditions and notes</CardTitle>
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
          <Field label="Notes" htmlFor="profile-notes" description="Seen by physios and the athlete, never by coaches." error={errors.notes?.message}>
            <Textarea id="profile-notes" rows={4} {...form.register("notes")} />
          </Field>
          <div>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save conditions and notes"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
