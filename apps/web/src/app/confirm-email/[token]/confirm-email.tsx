"use client";
import { useMutation } from "@tanstack/react-query";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { useTRPC } from "@/trpc/react";

export function ConfirmEmail({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.emailChange.confirm.mutationOptions());
  if (confirm.isSuccess) {
    return (
      <div className="grid gap-4 text-sm" role="status">
        <p>Your email is now {email}. You were signed out everywhere: sign in with the new address.</p>
        <a href="/sign-in" className="font-medium text-primary underline underline-offset-4">
          Go to sign in
        </a>
      </div>
    );
  }
  return (
    <div className="grid gap-4">
      {confirm.error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{confirm.error.message}</AlertDescription>
        </Alert>
      ) : null}
      <Button onClick={() => confirm.mutate({ token })} disabled={confirm.isPending}>
        {confirm.isPending ? "Confirming…" : `Use ${email}`}
      </Button>
    </div>
  );
}
