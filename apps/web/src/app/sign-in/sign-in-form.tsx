"use client";
import { signInSchema } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { FormRootError } from "@/components/form-card";
import { useActionForm } from "@/hooks/use-action-form";
import { signInAction, type SignInState } from "@/server/actions";

export function SignInForm({ returnTo, email = "" }: { returnTo: string; email?: string }) {
  const { form, state, pending, formProps } = useActionForm(signInSchema, { email, password: "" }, signInAction, { email } satisfies SignInState);
  const { errors } = form.formState;
  return (
    <form {...formProps} className="grid gap-4" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormRootError message={state.error} />
      <Field label="Email" htmlFor="email" error={errors.email?.message ?? state.fieldErrors?.email}>
        <Input type="email" autoComplete="email" required {...form.register("email")} />
      </Field>
      <Field label="Password" htmlFor="password" error={errors.password?.message ?? state.fieldErrors?.password}>
        <Input type="password" autoComplete="current-password" required {...form.register("password")} />
      </Field>
      <Field label="Authentication code" htmlFor="code" description="Only if you set up a second factor: the 6-digit code from your app, or a recovery code.">
        <Input name="code" autoComplete="one-time-code" inputMode="text" spellCheck={false} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
