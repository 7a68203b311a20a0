"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { squadInputSchema, type SquadInput } from "@loadline/domain";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { DataTable, type DataColumn } from "@/components/data-table";
import { FormCard, FormRootError, ListWithForm } from "@/components/form-card";
import { actionsHeader, NameCell, RowActions } from "@/components/table-cells";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

const kindLabel = { distance: "Distance", field: "Field & sprint" } as const;
type Squad = inferRouterOutputs<AppRouter>["squads"]["list"][number];

/** The squad's name and kind: the same two fields when creating and when editing. */
function SquadFields({ form, idPrefix }: { form: ReturnType<typeof useForm<SquadInput>>; idPrefix: string }) {
  const { errors } = form.formState;
  return (
    <>
      <Field label="Squad name" htmlFor={`${idPrefix}-name`} error={errors.name?.message}>
        <Input {...form.register("name")} />
      </Field>
      <Field label="Kind" htmlFor={`${idPrefix}-kind`} error={errors.kind?.message}>
        <NativeSelect {...form.register("kind")}>
          <NativeSelectOption value="distance">{kindLabel.distance}</NativeSelectOption>
          <NativeSelectOption value="field">{kindLabel.field}</NativeSelectOption>
        </NativeSelect>
      </Field>
    </>
  );
}

export function SquadsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: squads } = useSuspenseQuery(trpc.squads.list.queryOptions());
  const { data: staff } = useSuspenseQuery(trpc.staff.list.queryOptions());
  const coaches = staff.filter((s) => s.role === "coach" && s.status === "active");
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.squads.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.roster.squads.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.squads.mine.queryKey() }),
    ]);
  };
  const form = useForm<SquadInput>({ resolver: zodResolver(squadInputSchema), defaultValues: { name: "", kind: "distance" } });
  const create = useMutation(
    trpc.squads.create.mutationOptions({
      onSuccess: async (_result, input) => {
        toast.success(`${input.name} created`);
        form.reset();
        await refresh();
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const archive = useMutation(
    trpc.squads.setArchived.mutationOptions({
      onSuccess: async (result) => {
        toast.success(result.archived ? "Squad archived: its athletes stay in the club" : "Squad restored");
        await refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const columns: DataColumn<Squad>[] = [
    {
      id: "name",
      accessorKey: "name",
      header: "Squad",
      meta: { rowHeader: true },
      cell: ({ row: { original: squad } }) => <NameCell name={squad.name} badge={squad.archivedAt ? "Archived" : null} note={squad.mine && "yours"} />,
    },
    { id: "kind", accessorFn: (squad) => kindLabel[squad.kind], header: "Kind" },
    { id: "athletes", accessorKey: "activeAthletes", header: "Athletes" },
    { id: "coaches", accessorFn: (squad) => (squad.coaches.length > 0 ? squad.coaches.map((c) => c.name).join(", ") : "None yet"), header: "Coaches" },
    {
      id: "actions",
      header: actionsHeader,
      enableSorting: false,
      meta: { className: "text-right" },
      cell: ({ row: { original: squad } }) => (
        <RowActions>
          <Button variant="outline" size="sm" aria-label={`Edit ${squad.name}`} onClick={() => setEditing(squad.id)}>
            Edit
          </Button>
          <Button
            variant="ghost"
            size="sm"
            aria-label={`${squad.archivedAt ? "Restore" : "Archive"} ${squad.name}`}
            disabled={archive.isPending}
            onClick={() => archive.mutate({ squadId: squad.id, archived: squad.archivedAt === null })}
          >
            {squad.archivedAt ? "Restore" : "Archive"}
          </Button>
        </RowActions>
      ),
    },
  ];

  return (
    <ListWithForm
      list={
        <DataTable
          caption="Squads"
          data={squads}
          columns={columns}
          getRowId={(squad) => squad.id}
          enableSorting={false}
          empty="No squads yet. Create your first one: athletes train in squads, and coaches look after them."
          rowProps={(squad) => ({ className: squad.archivedAt ? "text-muted-foreground" : undefined })}
          replaceRow={(squad) =>
            editing === squad.id ? (
              <EditSquad
                squad={squad}
                coaches={coaches}
                onDone={async () => {
                  setEditing(null);
                  await refresh();
                }}
                onCancel={() => setEditing(null)}
              />
            ) : null
          }
        />
      }
    >
      <FormCard title="New squad" onSubmit={form.handleSubmit((values) => create.mutate(values))} error={form.formState.errors.root?.message} submitLabel="Create squad" pending={create.isPending}>
        <SquadFields form={form} idPrefix="squad" />
      </FormCard>
    </ListWithForm>
  );
}

function EditSquad({
  squad,
  coaches,
  onDone,
  onCancel,
}: {
  squad: { id: string; name: string; kind: "distance" | "field"; coaches: { id: string }[] };
  coaches: { id: string; name: string }[];
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const form = useForm<SquadInput>({ resolver: zodResolver(squadInputSchema), defaultValues: { name: squad.name, kind: squad.kind } });
  const [chosen, setChosen] = useState<string[]>(squad.coaches.map((c) => c.id));
  const rename = useMutation(trpc.squads.update.mutationOptions());
  const assign = useMutation(trpc.squads.setCoaches.mutationOptions());
  const save = form.handleSubmit(async (values) => {
    try {
      await rename.mutateAsync({ squadId: squad.id, ...values });
      await assign.mutateAsync({ squadId: squad.id, coachIds: chosen });
      toast.success(`${values.name} saved`);
      await onDone();
    } catch (error) {
      applyServerErrors(form, error as { message: string });
    }
  });
  return (
    <form onSubmit={save} className="grid gap-4 py-2 sm:grid-cols-2" noValidate aria-label={`Edit ${squad.name}`}>
      <FormRootError message={form.formState.errors.root?.message} className="sm:col-span-2" />
      <SquadFields form={form} idPrefix={`squad-${squad.id}`} />
      <fieldset className="grid gap-2 sm:col-span-2">
        <legend className="mb-1 text-sm font-medium">Coaches of this squad</legend>
        {coaches.length === 0 ? <p className="text-sm text-muted-foreground">No coaches have signed up yet.</p> : null}
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {coaches.map((coach) => (
            <label key={coach.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-primary"
                checked={chosen.includes(coach.id)}
                onChange={(e) => setChosen((now) => (e.target.checked ? [...now, coach.id] : now.filter((id) => id !== coach.id)))}
              />
              {coach.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" size="sm" disabled={rename.isPending || assign.isPending}>
          Save
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
