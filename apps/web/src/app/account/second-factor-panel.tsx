"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { FormRootError } from "@/components/form-card";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

/**
 * Second factor (staff): set up an authenticator app (TOTP) with recovery codes, or turn it off.
 * After it is on, sign-in asks for the app's code (or a recovery code) with the password.
 */
export function SecondFactorPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.account.secondFactor.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.secondFactor.queryKey() });
  const [pending, setPending] = useState<{ secret: string; uri: string } | null>(null);
  const confirmForm = useForm<{ code: string }>({ defaultValues: { code: "" } });
  const disableForm = useForm<{ password: string }>({ defaultValues: { password: "" } });
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const begin = useMutation(trpc.account.beginSecondFactor.mutationOptions({ onSuccess: setPending, onError: (e) => setError(e.message) }));
  const confirm = useMutation(
    trpc.account.confirmSecondFactor.mutationOptions({
      onSuccess: async (result) => {
        setRecoveryCodes(result.recoveryCodes);
        setPending(null);
        confirmForm.reset();
        setError(null);
        await refresh();
      },
      onError: (e) => applyServerErrors(confirmForm, e),
    }),
  );
  const disable = useMutation(
    trpc.account.disableSecondFactor.mutationOptions({
      // Every session ended: sign in again (without a code now).
      onSuccess: () => window.location.assign("/sign-in"),
      onError: (e) => applyServerErrors(disableForm, e),
    }),
  );

  if (!status.data?.available) return null;
  const { enabled, required, recoveryCodesLeft } = status.data;
  return (
    <section aria-labelledby="second-factor-heading" className="mt-6 grid gap-4 border-t pt-6">
      <h2 id="second-factor-heading" className="text-lg font-semibold">
        Second factor
      </h2>
      {required && !enabled ? (
        <Alert role="status">
          <AlertTitle>Your club requires a second factor</AlertTitle>
          <AlertDescription>Set it up here before you use Loadline.</AlertDescription>
        </Alert>
      ) : null}
      <FormRootError message={error ?? undefined} />
      {recoveryCodes ? (
        <Alert role="status">
          <AlertTitle>Your recovery codes</AlertTitle>
          <AlertDescription className="grid gap-2">
            <p>Keep these somewhere safe. Each one signs you in once if you lose your phone. They are shown only now.</p>
            <ul className="grid grid-cols-2 gap-1 font-mono text-sm">
              {recoveryCodes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}
      {enabled ? (
        <>
          <p className="text-sm">
            On. Sign-in asks for the code from your authenticator app. {recoveryCodesLeft} recovery codes left.
          </p>
          {required ? null : (
            <form className="grid gap-3" noValidate onSubmit={disableForm.handleSubmit((values) => disable.mutate(values))}>
              <FormRootError message={disableForm.formState.errors.root?.message} />
              <Field label="Password" htmlFor="disable-password" description="Needed to turn the second factor off." error={disableForm.formState.errors.password?.message}>
                <Input type="password" autoComplete="current-password" {...disableForm.register("password")} />
              </Field>
              <Button type="submit" variant="outline" disabled={disable.isPending}>
                Turn off the second factor
              </Button>
            </form>
          )}
        </>
      ) : pending ? (
        <form className="grid gap-3" noValidate onSubmit={confirmForm.handleSubmit((values) => confirm.mutate(values))}>
          <FormRootError message={confirmForm.formState.errors.root?.message} />
          <p className="text-sm">
            Add this key to an authenticator app (or open the link on your phone), then type the 6-digit code it shows.
          </p>
          <Field label="Key" htmlFor="totp-key">
            <Input readOnly value={pending.secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          </Field>
          <p className="text-sm">
            <a href={pending.uri} className="font-medium text-primary underline underline-offset-4">
              Open in an authenticator app
            </a>
          </p>
          <Field label="Code from the app" htmlFor="totp-code" error={confirmForm.formState.errors.code?.message}>
            <Input inputMode="numeric" autoComplete="one-time-code" {...confirmForm.register("code")} />
          </Field>
          <Button type="submit" disabled={confirm.isPending}>
            Turn on
          </Button>
        </form>
      ) : (
        <div className="grid gap-3">
          <p className="text-sm">Off. A second factor protects your account if your password leaks.</p>
          <Button type="button" onClick={() => begin.mutate()} disabled={begin.isPending}>
            Set up a second factor
          </Button>
        </div>
      )}
    </section>
  );
}
