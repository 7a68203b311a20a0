"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { resetPasswordSchema, type ResetPasswordInput } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { applyServerErrors } from "@/lib/form-errors";
import { signInAction } from "@/server/actions";
import { useTRPC } from "@/trpc/react";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const form = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { token, password: "", confirm: "" } });
  const [signingIn, startSignIn] = useTransition();
  const complete = useMutation(
    trpc.passwordReset.complete.mutationOptions({
      onSuccess: (_result, input) => {
        const data = new FormData();
        data.set("email", email);
        data.set("password", input.password);
        data.set("returnTo", "/");
        startSignIn(async () => {
          await signInAction({ email }, data);
        });
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const busy = complete.isPending || signingIn;
  return (
    <form onSubmit={form.handleSubmit((values) => complete.mutate(values))} className="grid gap-4" noValidate>
      {errors.root?.message ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Email" htmlFor="reset-email" description="You sign in with this address.">
        <Input value={email} readOnly autoComplete="username" />
      </Field>
      <Field label="New password" htmlFor="password" description="At least 10 characters." error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Field label="Repeat the password" htmlFor="confirm" error={errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? "Saving…" : "Set password and sign in"}
      </Button>
    </form>
  );
}
