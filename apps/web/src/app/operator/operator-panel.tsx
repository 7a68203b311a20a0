"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, operatorClubSchema, type OperatorClubInput } from "@loadline/domain";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { toast } from "@loadline/ui/sonner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { DataTable, type DataColumn } from "@/components/data-table";
import { FormCard, ListWithForm } from "@/components/form-card";
import { NameCell } from "@/components/table-cells";
import { InviteLink } from "@/components/invite-link";
import { LocaleSelect, TimeZoneSelect } from "@/components/club-calendar-fields";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

type Club = inferRouterOutputs<AppRouter>["operator"]["clubs"][number];

const columns: DataColumn<Club>[] = [
  { id: "club", accessorKey: "name", header: "Club", meta: { rowHeader: true }, cell: ({ row: { original: club } }) => <NameCell name={club.name} badge={club.isDemo && "Demo"} /> },
  { id: "staff", accessorKey: "staff", header: "Staff" },
  { id: "athletes", accessorKey: "athletes", header: "Athletes" },
];

export function OperatorPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: clubs } = useSuspenseQuery(trpc.operator.clubs.queryOptions());
  const form = useForm<OperatorClubInput>({
    resolver: zodResolver(operatorClubSchema),
    defaultValues: { clubName: "", timeZone: DEFAULT_TIME_ZONE, locale: DEFAULT_LOCALE, ownerName: "", ownerEmail: "" },
  });
  const [created, setCreated] = useState<{ name: string; setupPath: string; expiresAt: Date } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.operator.clubs.queryKey() });
  const create = useMutation(
    trpc.operator.createClub.mutationOptions({
      onSuccess: async (result, input) => {
        setCreated({ name: input.ownerName, setupPath: result.setupPath, expiresAt: result.expiresAt });
        form.reset();
        await refresh();
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const removeDemo = useMutation(
    trpc.operator.removeDemoClub.mutationOptions({
      onSuccess: async () => {
        toast.success("The demo club is gone; no other club was touched");
        await refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const demo = clubs.find((c) => c.isDemo);
  const { errors } = form.formState;
  return (
    <ListWithForm
      list={
        <>
          <DataTable caption="Clubs" data={clubs} columns={columns} getRowId={(club) => club.id} empty="No clubs yet." />
          {demo ? (
            <div>
              <ConfirmDialog
                trigger={<Button variant="outline">Remove the demo club</Button>}
                title="Remove the demo club?"
                description={`${demo.name} and everything in it (its demo staff, athletes and records) is deleted for good. No other club is touched.`}
                confirmLabel="Remove"
                cancelLabel="Keep it"
                destructive
                onConfirm={() => removeDemo.mutate()}
              />
            </div>
          ) : null}
        </>
      }
    >
      <FormCard
        title="New club"
        onSubmit={form.handleSubmit((values) => create.mutate(values))}
        error={errors.root?.message}
        submitLabel="Create club and set-up link"
        pending={create.isPending}
        after={created ? <InviteLink path={created.setupPath} name={created.name} expiresAt={created.expiresAt} /> : null}
      >
        <Field label="Club name" htmlFor="op-club-name" error={errors.clubName?.message}>
          <Input {...form.register("clubName")} />
        </Field>
        <Field label="Time zone" htmlFor="op-time-zone" error={errors.timeZone?.message}>
          <TimeZoneSelect {...form.register("timeZone")} />
        </Field>
        <Field label="Date format" htmlFor="op-locale" error={errors.locale?.message}>
          <LocaleSelect {...form.register("locale")} />
        </Field>
        <Field label="Owner's name" htmlFor="op-owner-name" error={errors.ownerName?.message}>
          <Input {...form.register("ownerName")} />
        </Field>
        <Field label="Owner's email" htmlFor="op-owner-email" error={errors.ownerEmail?.message}>
          <Input type="email" {...form.register("ownerEmail")} />
        </Field>
      </FormCard>
    </ListWithForm>
  );
}
