"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useTransition } from "react";
import { useForm } from "react-hook-form";
import { clubSetupSchema, DEFAULT_LOCALE, DEFAULT_TIME_ZONE, type ClubSetupInput } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { applyServerErrors } from "@/lib/form-errors";
import { signInAction } from "@/server/actions";
import { useTRPC } from "@/trpc/react";
import { LocaleSelect, TimeZoneSelect } from "@/components/club-calendar-fields";
import { timeZoneOptions } from "@/lib/club-options";

export function SetupForm() {
  const trpc = useTRPC();
  const zones = useMemo(timeZoneOptions, []);
  const form = useForm<ClubSetupInput>({
    resolver: zodResolver(clubSetupSchema),
    defaultValues: { clubName: "", timeZone: DEFAULT_TIME_ZONE, locale: DEFAULT_LOCALE, ownerName: "", ownerEmail: "", password: "", confirm: "" },
  });
  // Start from the browser's own zone: most clubs set up where they train.
  useEffect(() => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (own && zones.includes(own) && !form.formState.dirtyFields.timeZone) form.setValue("timeZone", own);
  }, [form, zones]);
  const [signingIn, startSignIn] = useTransition();
  const create = useMutation(
    trpc.setup.createClub.mutationOptions({
      onSuccess: (result, input) => {
        const data = new FormData();
        data.set("email", result.email);
        data.set("password", input.password);
        data.set("returnTo", "/coach/board");
        startSignIn(async () => {
          await signInAction({ email: result.email }, data);
        });
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const busy = create.isPending || signingIn;
  return (
    <form onSubmit={form.handleSubmit((values) => create.mutate(values))} className="grid gap-4" noValidate>
      {errors.root?.message ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Club name" htmlFor="clubName" error={errors.clubName?.message}>
        <Input autoComplete="organization" {...form.register("clubName")} />
      </Field>
      <Field label="Time zone" htmlFor="timeZone" description="The club's days and weeks start here." error={errors.timeZone?.message}>
        <TimeZoneSelect {...form.register("timeZone")} />
      </Field>
      <Field label="Date format" htmlFor="locale" error={errors.locale?.message}>
        <LocaleSelect {...form.register("locale")} />
      </Field>
      <Field label="Your name" htmlFor="ownerName" error={errors.ownerName?.message}>
        <Input autoComplete="name" {...form.register("ownerName")} />
      </Field>
      <Field label="Your email" htmlFor="ownerEmail" description="You sign in with this address." error={errors.ownerEmail?.message}>
        <Input type="email" autoComplete="username" {...form.register("ownerEmail")} />
      </Field>
      <Field label="Password" htmlFor="password" description="At least 10 characters." error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Field label="Repeat the password" htmlFor="confirm" error={errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? "Setting up your club…" : "Create the club"}
      </Button>
    </form>
  );
}
