"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { inviteStaffSchema, type InviteStaffInput } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@loadline/ui/alert-dialog";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { InviteLink } from "@/components/invite-link";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

export function StaffPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: staff } = useSuspenseQuery(trpc.staff.list.queryOptions());
  // The security policy answers whether the viewer may edit it, which is whether they own the club.
  const { data: policy } = useSuspenseQuery(trpc.staff.securityPolicy.queryOptions());
  const isOwner = policy.canEdit;
  const refreshStaff = () => queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() });
  const [reissued, setReissued] = useState<{ name: string; invitePath: string; expiresAt: Date } | null>(null);
  const reissue = useMutation(trpc.staff.reissueInvite.mutationOptions({ onError: (error) => toast.error(error.message) }));
  const revoke = useMutation(
    trpc.staff.revokeInvite.mutationOptions({
      onSuccess: async () => {
        toast.success("Invite withdrawn");
        await refreshStaff();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const changeRole = useMutation(
    trpc.staff.changeRole.mutationOptions({
      onSuccess: async (result) => {
        toast.success(`Now a ${result.role}; they sign in again to see their new pages`);
        await refreshStaff();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const form = useForm<InviteStaffInput>({ resolver: zodResolver(inviteStaffSchema), defaultValues: { name: "", email: "", role: "physio" } });
  const [created, setCreated] = useState<{ name: string; invitePath: string; expiresAt: Date } | null>(null);
  const invite = useMutation(
    trpc.staff.invite.mutationOptions({
      onSuccess: async (result, input) => {
        setCreated({ ...result, name: input.name });
        form.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() });
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const [resetLink, setResetLink] = useState<{ name: string; resetPath: string; expiresAt: Date } | null>(null);
  const reset = useMutation(
    trpc.passwordReset.issue.mutationOptions({ onSuccess: (result) => setResetLink(result), onError: (error) => toast.error(error.message) }),
  );
  const [toRemove, setToRemove] = useState<{ id: string; name: string } | null>(null);
  const remove = useMutation(
    trpc.staff.remove.mutationOptions({
      onSuccess: async () => {
        toast.success(`${toRemove?.name ?? "They"} can no longer sign in`);
        setToRemove(null);
        await queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() });
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="rounded-lg border bg-card">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Email</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Account</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {staff.map((person) => (
              <TableRow key={person.id}>
                <TableCell className="font-medium">
                  {person.name}
                  {person.isOwner ? <span className="ml-2 text-xs text-muted-foreground">(owner)</span> : null}
                </TableCell>
                <TableCell>{person.email}</TableCell>
                <TableCell className="capitalize">{person.role}</TableCell>
                <TableCell>{person.hasPassword ? <Badge variant="secondary">Active</Badge> : <Badge variant="amber">Invite pending</Badge>}</TableCell>
                <TableCell className="text-right">
                  {person.isOwner ? null : (
                    <div className="flex flex-wrap justify-end gap-2">
                      {isOwner ? (
                        <Button
                          variant="outline"
                          size="sm"
                          aria-label={`Make ${person.role === "coach" ? "physio" : "coach"}: ${person.name}`}
                          disabled={changeRole.isPending}
                          onClick={() => changeRole.mutate({ userId: person.id, role: person.role === "coach" ? "physio" : "coach" })}
                        >
                          Make {person.role === "coach" ? "physio" : "coach"}
                        </Button>
                      ) : null}
                      {!person.hasPassword && (isOwner || person.role === "physio") ? (
                        <>
                          <Button
                            variant="outline"
                            size="sm"
                            aria-label={`New link for ${person.name}`}
                            disabled={reissue.isPending}
                            onClick={() =>
                              reissue.mutate({ userId: person.id }, { onSuccess: (result) => setReissued({ ...result, name: person.name }) })
                            }
                          >
                            New link
                          </Button>
                          <Button
                            variant="ghost"
                            size="sm"
                            aria-label={`Withdraw the invite of ${person.name}`}
                            disabled={revoke.isPending}
                            onClick={() => revoke.mutate({ userId: person.id })}
                          >
                            Withdraw
                          </Button>
                        </>
                      ) : null}
                      {person.hasPassword ? (
                        <Button
                          variant="outline"
                          size="sm"
                          aria-label={`Reset link for ${person.name}`}
                          disabled={reset.isPending}
                          onClick={() => reset.mutate({ userId: person.id })}
                        >
                          Reset link
                        </Button>
                      ) : null}
                      {person.hasPassword ? (
                        <Button variant="ghost" size="sm" aria-label={`Remove ${person.name}`} onClick={() => setToRemove({ id: person.id, name: person.name })}>
                          Remove
                        </Button>
                      ) : null}
                    </div>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {reissued ? (
          <div className="border-t p-4">
            <InviteLink path={reissued.invitePath} name={reissued.name} expiresAt={reissued.expiresAt} />
          </div>
        ) : null}
        {resetLink ? (
          <div className="border-t p-4">
            <InviteLink kind="reset" path={resetLink.resetPath} name={resetLink.name} expiresAt={resetLink.expiresAt} />
          </div>
        ) : null}
      </div>
      <AlertDialog open={toRemove !== null} onOpenChange={(open) => !open && setToRemove(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Remove {toRemove?.name} from the club?</AlertDialogTitle>
            <AlertDialogDescription>
              They are signed out everywhere at once and can no longer sign in. Records they wrote keep their name.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Keep them</AlertDialogCancel>
            <AlertDialogAction
              onClick={(event) => {
                event.preventDefault();
                if (toRemove) remove.mutate({ userId: toRemove.id });
              }}
            >
              Remove
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Invite a colleague</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <form onSubmit={form.handleSubmit((values) => invite.mutate(values))} className="grid gap-4" noValidate>
            {errors.root?.message ? (
              <Alert variant="destructive" role="alert">
                <AlertDescription>{errors.root.message}</AlertDescription>
              </Alert>
            ) : null}
            <Field label="Name" htmlFor="staff-name" error={errors.name?.message}>
              <Input {...form.register("name")} />
            </Field>
            <Field label="Email" htmlFor="staff-email" error={errors.email?.message}>
              <Input type="email" {...form.register("email")} />
            </Field>
            <Field label="Role" htmlFor="staff-role" error={errors.role?.message}>
              <NativeSelect {...form.register("role")}>
                <NativeSelectOption value="physio">Physio</NativeSelectOption>
                <NativeSelectOption value="coach">Coach</NativeSelectOption>
              </NativeSelect>
            </Field>
            <Button type="submit" disabled={invite.isPending}>
              Create invite link
            </Button>
          </form>
          {created ? <InviteLink path={created.invitePath} name={created.name} expiresAt={created.expiresAt} /> : null}
        </CardContent>
      </Card>
    </div>
  );
}
