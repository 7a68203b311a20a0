"use client";
import { useActionState } from "react";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { signInAction, type SignInState } from "@/server/actions";

export function SignInForm({ returnTo, email = "" }: { returnTo: string; email?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { email });
  return (
    <form action={action} className="grid gap-4" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      {state.error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Email" htmlFor="email" error={state.fieldErrors?.email}>
        <Input name="email" type="email" autoComplete="email" defaultValue={state.email} required />
      </Field>
      <Field label="Password" htmlFor="password" error={state.fieldErrors?.password}>
        <Input name="password" type="password" autoComplete="current-password" required />
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
