"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { athleteEmailLabels, changeEmailSchema, formatInClubTime } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { toast } from "@loadline/ui/sonner";
import { useClubCalendar } from "@/components/club-calendar";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

interface AthleteEmail {
  name: string;
  email: string;
  account: "active" | "invited";
  archived: boolean;
  pendingEmail: { email: string; expiresAt: Date } | null;
}

/**
 * Correct an athlete's email. Before they sign up the invite moves to the new address; after, the
 * new address gets a link and the email changes when it is opened. What this shows never depends
 * on whether the address is used in another club.
 */
export function CorrectEmail({
  athleteId,
  athlete,
  onInvite,
}: {
  athleteId: string;
  athlete: AthleteEmail;
  /** The new invite link, shown where the page shows invite links. */
  onInvite: (invite: { invitePath: string; expiresAt: Date }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const calendar = useClubCalendar();
  const form = useForm<{ email: string }>({ resolver: labelledResolver(changeEmailSchema, athleteEmailLabels), defaultValues: { email: "" } });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.roster.pathKey() });

  const correct = useMutation(
    trpc.roster.correctEmail.mutationOptions({
      onSuccess: async (answer) => {
        await refresh();
        form.reset({ email: "" });
        if (answer.kind === "invite") {
          onInvite(answer);
          toast.success(`Invite moved to ${answer.email}`);
        } else {
          toast.success(`Confirmation link sent to ${answer.email}`);
        }
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const resend = useMutation(
    trpc.roster.resendEmailChange.mutationOptions({
      onSuccess: async (answer) => {
        await refresh();
        toast.success(`Confirmation link sent again to ${answer.email}`);
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const cancel = useMutation(
    trpc.roster.cancelEmailChange.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success("Email change cancelled");
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  const { errors } = form.formState;
  const invited = athlete.account === "invited";
  return (
    <Card>
      <CardHeader>
        <CardTitle>Email</CardTitle>
        <CardDescription>
          {invited
            ? `The invite goes to the corrected address and the old link stops working.`
            : `${athlete.name} keeps signing in with ${athlete.email} until they open the link sent to the new address. Their current address is told.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {athlete.pendingEmail ? (
          <div className="grid gap-2" role="status">
            <p className="text-sm">
              Pending confirmation to <span className="font-medium">{athlete.pendingEmail.email}</span>, until {formatInClubTime(athlete.pendingEmail.expiresAt, calendar, "dateTime")}.
            </p>
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" size="sm" disabled={resend.isPending} onClick={() => resend.mutate({ athleteId })}>
                Resend link
              </Button>
              <Button variant="outline" size="sm" disabled={cancel.isPending} onClick={() => cancel.mutate({ athleteId })}>
                Cancel change
              </Button>
            </div>
          </div>
        ) : null}
        {athlete.archived ? (
          <p className="text-sm text-muted-foreground">Restore {athlete.name} to correct their email.</p>
        ) : (
          <form onSubmit={form.handleSubmit((values) => correct.mutate({ athleteId, email: values.email }))} className="grid gap-3" noValidate aria-label="Correct email">
            {errors.root?.message ? (
              <Alert variant="destructive" role="alert">
                <AlertDescription>{errors.root.message}</AlertDescription>
              </Alert>
            ) : null}
            <Field label={athleteEmailLabels.email} htmlFor="corrected-email" error={errors.email?.message}>
              <Input type="email" autoComplete="off" {...form.register("email")} />
            </Field>
            <Button type="submit" variant="outline" disabled={correct.isPending}>
              Correct email
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
