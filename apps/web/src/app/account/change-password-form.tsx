"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { changePasswordSchema, type ChangePasswordInput } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { applyServerErrors } from "@/lib/form-errors";
import { signInAction } from "@/server/actions";
import { useTRPC } from "@/trpc/react";

/**
 * Changing the password ends every session, this one included; the form then signs in again with
 * the new password, so only the other devices are signed out.
 */
export function ChangePasswordForm() {
  const trpc = useTRPC();
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirm: "" },
  });
  const [signingIn, startSignIn] = useTransition();
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: ({ email }, input) => {
        const data = new FormData();
        data.set("email", email);
        data.set("password", input.newPassword);
        data.set("returnTo", "/account?changed=1");
        startSignIn(async () => {
          await signInAction({ email }, data);
        });
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const busy = change.isPending || signingIn;
  return (
    <form onSubmit={form.handleSubmit((values) => change.mutate(values))} className="grid gap-4" noValidate>
      {errors.root?.message ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Current password" htmlFor="currentPassword" error={errors.currentPassword?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("currentPassword")} />
      </Field>
      <Field label="New password" htmlFor="newPassword" description="At least 10 characters." error={errors.newPassword?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
      </Field>
      <Field label="Repeat the new password" htmlFor="confirm" error={errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
