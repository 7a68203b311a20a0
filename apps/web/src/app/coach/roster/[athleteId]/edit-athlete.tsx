"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@loadline/ui/alert-dialog";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@loadline/ui/card";
import { toast } from "@loadline/ui/sonner";
import { InviteLink } from "@/components/invite-link";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { AthleteForm, useAthleteForm } from "../athlete-form";
import { CorrectEmail } from "./correct-email";
import { EraseAthlete } from "./erase-athlete";

export function EditAthlete({ athleteId }: { athleteId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: athlete } = useSuspenseQuery(trpc.roster.get.queryOptions({ athleteId }));
  const { data: squads } = useSuspenseQuery(trpc.roster.squads.queryOptions());
  const { data: club } = useSuspenseQuery(trpc.club.settings.queryOptions());
  const form = useAthleteForm(athlete);
  const [invite, setInvite] = useState<{ invitePath: string; expiresAt: Date } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.roster.pathKey() });

  const update = useMutation(
    trpc.roster.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        form.reset(form.getValues());
        toast.success("Profile saved");
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const archive = useMutation(
    trpc.roster.setArchived.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        toast.success(result.archived ? `${athlete.name} archived` : `${athlete.name} restored`);
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const reissue = useMutation(
    trpc.roster.reissueInvite.mutationOptions({ onSuccess: setInvite, onError: (error) => toast.error(error.message) }),
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="grid gap-4">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-xl font-semibold">{athlete.name}</h2>
          {athlete.archived ? <Badge variant="outline">Archived</Badge> : null}
          {athlete.account === "invited" ? <Badge variant="amber">Invite pending</Badge> : <Badge variant="secondary">Active account</Badge>}
        </div>
        <p className="text-sm text-muted-foreground">Signs in as {athlete.email}</p>
        <AthleteForm
          mode="edit"
          form={form}
          squads={squads}
          defaultValues={athlete}
          submitting={update.isPending}
          onSubmit={(values) => {
            const { email: _email, ...profile } = values;
            update.mutate({ ...profile, athleteId });
          }}
        />
      </div>
      <aside className="grid content-start gap-4">
        <CorrectEmail athleteId={athleteId} athlete={athlete} onInvite={setInvite} />
        {athlete.account === "invited" ? (
          <Card>
            <CardHeader>
              <CardTitle>Invite</CardTitle>
              <CardDescription>{athlete.name} has not set a password yet. A new link replaces the old one.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-3">
              <Button variant="secondary" disabled={reissue.isPending} onClick={() => reissue.mutate({ athleteId })}>
                Create a new invite link
              </Button>
              {invite ? <InviteLink path={invite.invitePath} name={athlete.name} expiresAt={invite.expiresAt} /> : null}
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>{athlete.archived ? "Restore" : "Archive"}</CardTitle>
            <CardDescription>
              {athlete.archived
                ? "Bring the athlete back onto the roster; they can sign in again."
                : "Archived athletes leave the roster and cannot sign in. Their records are kept."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {athlete.archived ? (
              <Button variant="outline" disabled={archive.isPending} onClick={() => archive.mutate({ athleteId, archived: false })}>
                Restore athlete
              </Button>
            ) : (
              <AlertDialog>
                <AlertDialogTrigger asChild>
                  <Button variant="outline">Archive athlete</Button>
                </AlertDialogTrigger>
                <AlertDialogContent>
                  <AlertDialogHeader>
                    <AlertDialogTitle>Archive {athlete.name}?</AlertDialogTitle>
                    <AlertDialogDescription>
                      They disappear from the roster and can no longer sign in. You can restore them at any time.
                    </AlertDialogDescription>
                  </AlertDialogHeader>
                  <AlertDialogFooter>
                    <AlertDialogCancel>Cancel</AlertDialogCancel>
                    <AlertDialogAction onClick={() => archive.mutate({ athleteId, archived: true })}>Archive</AlertDialogAction>
                  </AlertDialogFooter>
                </AlertDialogContent>
              </AlertDialog>
            )}
          </CardContent>
        </Card>
        {club.isOwner ? <EraseAthlete athleteId={athleteId} name={athlete.name} /> : null}
      </aside>
    </div>
  );
}
