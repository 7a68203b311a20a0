"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useForm, type Path } from "react-hook-form";
import { zonedTimeToInstant } from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { toast } from "@loadline/ui/sonner";
import { Textarea } from "@loadline/ui/textarea";
import { useClubCalendar } from "@/components/club-calendar";
import { dayOfValue } from "@/components/date-field";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { formatDateTime } from "../../_components/labels";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import { PlanActivities } from "./plan-activities";
import { phaseOfText, planFieldOf, planFormSchema, planFormValuesOf, thresholdErrorsOf, type PlanFormOutput, type PlanFormValues } from "./plan-form";
import { PlanPhaseStart } from "./plan-phase-start";
import { PrescriptionsEditor } from "./plan-prescriptions";
import { PlanTargets } from "./plan-targets";
import { anyUnderMore, moreOpenAtStart, ThresholdsCard } from "./plan-thresholds";

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
  const [moreOpen, setMoreOpen] = useState(() => moreOpenAtStart(plan?.body.thresholds));
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm<PlanFormValues, unknown, PlanFormOutput>({
    resolver: labelledResolver(planFormSchema, {}),
    defaultValues: planFormValuesOf(plan),
  });
  const save = useMutation(
    trpc.plans.save.mutationOptions({
      onError: (error) => {
        if (error.data?.code === "CONFLICT") {
          setConflict(error.message);
          return;
        }
        const keys = Object.keys(error.data?.fieldErrors ?? {});
        // Every key the API names is a place on this form (a threshold, a prescription's field).
        applyServerErrors(form, error, Object.fromEntries(keys.map((k) => [k, planFieldOf(k) as Path<PlanFormValues>])));
        if (anyUnderMore(keys.map((k) => planFieldOf(k).replace(/^thresholds\./, "")))) setMoreOpen(true);
      },
      onSuccess: async (row) => {
        setBaseVersion(row.version);
        form.reset({ ...form.getValues(), changeSummary: "" });
        setConflict(null);
        toast.success(`Saved plan version ${row.version}`);
        await refreshClinical();
      },
    }),
  );
  const { errors } = form.formState;
  const thresholdErrors = thresholdErrorsOf(errors);
  const formPhase = form.watch("phase");

  if (!hasOpenEpisode && !plan) {
    return (
      <Alert>
        <AlertTitle>No open episode</AlertTitle>
        <AlertDescription>Open an injury episode first; the plan belongs to it.</AlertDescription>
      </Alert>
    );
  }

  const effectivePhase = plan?.phase ?? phaseOfText[formPhase];
  const submit = form.handleSubmit(
    ({ phase, phaseStartDay, body, changeSummary }) => {
      // The start of the day chosen, in the club's zone: today's date is then never in the future.
      const startDay = !plan ? dayOfValue(phaseStartDay) : null;
      const phaseStartedAt = startDay ? new Date(zonedTimeToInstant(startDay.year, startDay.month, startDay.day, 0, 0, calendar.timeZone)) : undefined;
      save.mutate({
        athleteId,
        baseVersion,
        ...(plan ? {} : { phase }),
        ...(phaseStartedAt ? { phaseStartedAt } : {}),
        body,
        ...(changeSummary ? { changeSummary } : {}),
      });
    },
    (invalid) => {
      if (anyUnderMore(Object.keys(thresholdErrorsOf(invalid)))) setMoreOpen(true);
    },
  );

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
      {errors.root ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errors.root.message}</AlertDescription>
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
          {!plan ? <PlanPhaseStart form={form} /> : null}
          <Controller
            control={form.control}
            name="prescriptions"
            render={({ field }) => (
              <PrescriptionsEditor
                prescriptions={field.value}
                onChange={field.onChange}
                library={library}
                phase={effectivePhase}
                errorAt={(index, key) => {
                  const row = errors.prescriptions?.[index];
                  return row && key in row ? (row as Record<string, { message?: string } | undefined>)[key]?.message : undefined;
                }}
              />
            )}
          />
        </CardContent>
      </Card>

      <PlanActivities form={form} phase={effectivePhase} />

      <Controller
        control={form.control}
        name="thresholds"
        render={({ field }) => (
          <ThresholdsCard
            values={field.value}
            onChange={(key, value) => field.onChange({ ...field.value, [key]: value })}
            defaults={current.defaults}
            errors={thresholdErrors}
            moreOpen={moreOpen}
            onMoreOpenChange={setMoreOpen}
          />
        )}
      />

      <PlanTargets form={form} />

      <Card>
        <CardContent className="grid gap-4 pt-6">
          <Field label="Notes for the athlete" htmlFor="plan-notes" error={errors.notes?.message}>
            <Textarea id="plan-notes" rows={3} {...form.register("notes")} />
          </Field>
          <Field label="Change summary" htmlFor="plan-change-summary" description="Optional: without one, the history lists what changed." error={errors.changeSummary?.message}>
            <Input id="plan-change-summary" {...form.register("changeSummary")} />
          </Field>
          <Button type="button" className="w-fit" onClick={() => void submit()} disabled={save.isPending}>
            {plan ? "Save new version" : "Create plan"}
          </Button>
        </CardContent>
      </Card>
    </div>
  );
}
