"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useForm, type Resolver } from "react-hook-form";
import { clubSettingsSchema, RETENTION_MONTHS_RANGE, VISA_H_INTERVAL_RANGE, type ClubSettingsInput } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { LocaleSelect, TimeZoneSelect } from "@/components/club-calendar-fields";
import { weekdayOptions } from "@/lib/club-options";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

export function ClubSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: settings } = useSuspenseQuery(trpc.club.settings.queryOptions());
  // The schema's week start is narrowed to a weekday type after parsing; the form holds the number.
  const form = useForm<ClubSettingsInput>({
    resolver: zodResolver(clubSettingsSchema) as Resolver<ClubSettingsInput>,
    defaultValues: {
      name: settings.name,
      timeZone: settings.timeZone,
      locale: settings.locale,
      weekStartsOn: settings.weekStartsOn,
      physioSecondFactorRequired: settings.physioSecondFactorRequired,
      checkInReminderEmails: settings.checkInReminderEmails,
      physioGaitNotes: settings.physioGaitNotes,
      visaHIntervalDays: settings.visaHIntervalDays,
      painGreenMax: settings.painGreenMax,
      painAmberMax: settings.painAmberMax,
      weeklyGreenMaxPct: settings.weeklyGreenMaxPct,
      archivedAthleteRetentionMonths: settings.archivedAthleteRetentionMonths,
    },
  });
  const save = useMutation(
    trpc.club.update.mutationOptions({
      onSuccess: async (result) => {
        toast.success(result.reassessed > 0 ? `Settings saved: ${result.reassessed} athletes are being re-assessed` : "Settings saved");
        await queryClient.invalidateQueries({ queryKey: trpc.club.settings.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.me.viewer.queryKey() });
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const readOnly = !settings.canEdit;
  const number = { valueAsNumber: true } as const;
  return (
    <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate className="grid gap-6">
      {errors.root?.message ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Club</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field label="Club name" htmlFor="club-name" error={errors.name?.message} className="sm:col-span-2">
            <Input disabled={readOnly} {...form.register("name")} />
          </Field>
          <Field label="Time zone" htmlFor="club-time-zone" error={errors.timeZone?.message}>
            <TimeZoneSelect disabled={readOnly} {...form.register("timeZone")} />
          </Field>
          <Field label="Date format" htmlFor="club-locale" error={errors.locale?.message}>
            <LocaleSelect disabled={readOnly} current={settings.locale} {...form.register("locale")} />
          </Field>
          <Field label="Week starts on" htmlFor="club-week-start" error={errors.weekStartsOn?.message}>
            <NativeSelect disabled={readOnly} {...form.register("weekStartsOn", number)}>
              {weekdayOptions.map((option) => (
                <NativeSelectOption key={option.value} value={option.value}>
                  {option.label}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <label className="flex items-start gap-2 text-sm sm:col-span-2">
            <input type="checkbox" className="mt-0.5 size-4 accent-primary" disabled={readOnly} {...form.register("physioSecondFactorRequired")} />
            <span>Physios must use a second factor (an authenticator app) before they can open clinical records.</span>
          </label>
          <label className="flex items-start gap-2 text-sm sm:col-span-2">
            <input type="checkbox" className="mt-0.5 size-4 accent-primary" disabled={readOnly} {...form.register("checkInReminderEmails")} />
            <span>
              Email athletes in rehab a reminder when their morning check-in is not done (sent from 10:00 club time, at most once a day, when this
              Loadline instance can send email). VISA-H reminders are always emailed when one is due.
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm sm:col-span-2">
            <input type="checkbox" className="mt-0.5 size-4 accent-primary" disabled={readOnly} {...form.register("physioGaitNotes")} />
            <span>Physios may record gait assessments too (coaches always can). The athlete sees the cues on their Today page.</span>
          </label>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Engine defaults for the club</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <p className="text-sm text-muted-foreground sm:col-span-2">
            The rules engine uses these for every athlete of the club; a physio&apos;s plan can still set its own per athlete.
          </p>
          <Field
            label="VISA-H reminder every (days)"
            htmlFor="club-visa-h"
            description={`${VISA_H_INTERVAL_RANGE.min}-${VISA_H_INTERVAL_RANGE.max} days.`}
            error={errors.visaHIntervalDays?.message}
          >
            <Input type="number" inputMode="numeric" disabled={readOnly} {...form.register("visaHIntervalDays", number)} />
          </Field>
          <Field label="Weekly running increase that stays green (%)" htmlFor="club-weekly" error={errors.weeklyGreenMaxPct?.message}>
            <Input type="number" inputMode="decimal" disabled={readOnly} {...form.register("weeklyGreenMaxPct", number)} />
          </Field>
          <Field label="Pain during loading: green up to (0-10)" htmlFor="club-pain-green" error={errors.painGreenMax?.message}>
            <Input type="number" inputMode="numeric" disabled={readOnly} {...form.register("painGreenMax", number)} />
          </Field>
          <Field label="Pain during loading: amber up to (0-10)" htmlFor="club-pain-amber" error={errors.painAmberMax?.message}>
            <Input type="number" inputMode="numeric" disabled={readOnly} {...form.register("painAmberMax", number)} />
          </Field>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Data protection</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Erase archived athletes after (months)"
            htmlFor="club-retention"
            className="sm:col-span-2"
            description={`Empty: off, archived athletes are kept until someone erases them. ${RETENTION_MONTHS_RANGE.min}-${RETENTION_MONTHS_RANGE.max} months. A nightly job erases athletes archived longer than this; clinical records are kept without their name (docs/data-protection.md).`}
            error={errors.archivedAthleteRetentionMonths?.message}
          >
            <Input
              type="number"
              inputMode="numeric"
              disabled={readOnly}
              {...form.register("archivedAthleteRetentionMonths", { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v)) })}
            />
          </Field>
        </CardContent>
      </Card>
      {readOnly ? (
        <p className="text-sm text-muted-foreground">Owner: {settings.owner?.name ?? "nobody"}. Only the owner can change these settings.</p>
      ) : (
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save settings"}
          </Button>
        </div>
      )}
    </form>
  );
}
