"use client";
import { useActionState } from "react";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { operatorSignInAction, type OperatorSignInState } from "@/server/operator-actions";

export function OperatorSignInForm() {
  const [state, action, pending] = useActionState<OperatorSignInState, FormData>(operatorSignInAction, { email: "" });
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Email" htmlFor="operator-email">
        <Input name="email" type="email" autoComplete="email" defaultValue={state.email} required />
      </Field>
      <Field label="Password" htmlFor="operator-password">
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
