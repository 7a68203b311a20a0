"use client";
import { signInSchema } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { FormRootError } from "@/components/form-card";
import { useActionForm } from "@/hooks/use-action-form";
import { operatorSignInAction, type OperatorSignInState } from "@/server/operator-actions";

export function OperatorSignInForm() {
  const { form, state, pending, formProps } = useActionForm(signInSchema, { email: "", password: "" }, operatorSignInAction, { email: "" } satisfies OperatorSignInState);
  const { errors } = form.formState;
  return (
    <form {...formProps} className="grid gap-4" noValidate>
      <FormRootError message={state.error} />
      <Field label="Email" htmlFor="operator-email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" required {...form.register("email")} />
      </Field>
      <Field label="Password" htmlFor="operator-password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" required {...form.register("password")} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
