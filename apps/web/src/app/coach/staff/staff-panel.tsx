"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { inviteStaffSchema, type InviteStaffInput } from "@loadline/domain";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { DataTable, type DataColumn } from "@/components/data-table";
import { FormCard, ListWithForm } from "@/components/form-card";
import { AccountBadge, actionsHeader, NameCell, RowActions } from "@/components/table-cells";
import { InviteLink } from "@/components/invite-link";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

type Person = inferRouterOutputs<AppRouter>["staff"]["list"][number];

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

  const columns: DataColumn<Person>[] = [
    {
      id: "name",
      accessorKey: "name",
      header: "Name",
      meta: { rowHeader: true },
      cell: ({ row: { original: person } }) => <NameCell name={person.name} note={person.isOwner && "owner"} />,
    },
    { id: "email", accessorKey: "email", header: "Email" },
    { id: "role", accessorKey: "role", header: "Role", meta: { className: "capitalize" } },
    { id: "account", header: "Account", cell: ({ row: { original: person } }) => <AccountBadge active={person.hasPassword} /> },
    {
      id: "actions",
      header: actionsHeader,
      meta: { className: "text-right" },
      cell: ({ row: { original: person } }) =>
        person.isOwner ? null : (
          <RowActions>
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
                  onClick={() => reissue.mutate({ userId: person.id }, { onSuccess: (result) => setReissued({ ...result, name: person.name }) })}
                >
                  New link
                </Button>
                <Button variant="ghost" size="sm" aria-label={`Withdraw the invite of ${person.name}`} disabled={revoke.isPending} onClick={() => revoke.mutate({ userId: person.id })}>
                  Withdraw
                </Button>
              </>
            ) : null}
            {person.hasPassword ? (
              <>
                <Button variant="outline" size="sm" aria-label={`Reset link for ${person.name}`} disabled={reset.isPending} onClick={() => reset.mutate({ userId: person.id })}>
                  Reset link
                </Button>
                <Button variant="ghost" size="sm" aria-label={`Remove ${person.name}`} onClick={() => setToRemove({ id: person.id, name: person.name })}>
                  Remove
                </Button>
              </>
            ) : null}
          </RowActions>
        ),
    },
  ];

  return (
    <ListWithForm
      list={
        <>
          <DataTable caption="Staff" data={staff} columns={columns} getRowId={(person) => person.id} enableSorting={false} empty="No staff yet." />
          {reissued ? <InviteLink path={reissued.invitePath} name={reissued.name} expiresAt={reissued.expiresAt} /> : null}
          {resetLink ? <InviteLink kind="reset" path={resetLink.resetPath} name={resetLink.name} expiresAt={resetLink.expiresAt} /> : null}
          <ConfirmDialog
            open={toRemove !== null}
            onOpenChange={(open) => {
              if (!open) setToRemove(null);
            }}
            title={`Remove ${toRemove?.name ?? ""} from the club?`}
            description="They are signed out everywhere at once and can no longer sign in. Records they wrote keep their name."
            confirmLabel="Remove"
            cancelLabel="Keep them"
            destructive
            onConfirm={() => {
              if (toRemove) remove.mutate({ userId: toRemove.id });
            }}
          />
        </>
      }
    >
      <FormCard
        title="Invite a colleague"
        onSubmit={form.handleSubmit((values) => invite.mutate(values))}
        error={errors.root?.message}
        submitLabel="Create invite link"
        pending={invite.isPending}
        after={created ? <InviteLink path={created.invitePath} name={created.name} expiresAt={created.expiresAt} /> : null}
      >
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
      </FormCard>
    </ListWithForm>
  );
}
