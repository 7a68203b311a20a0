"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { squadInputSchema, type SquadInput } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

const kindLabel = { distance: "Distance", field: "Field & sprint" } as const;

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
  const { errors } = form.formState;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="rounded-lg border bg-card">
        {squads.length === 0 ? (
          <p className="p-6 text-sm text-muted-foreground">No squads yet. Create your first one: athletes train in squads, and coaches look after them.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Squad</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead>Athletes</TableHead>
                <TableHead>Coaches</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {squads.map((squad) =>
                editing === squad.id ? (
                  <TableRow key={squad.id}>
                    <TableCell colSpan={5}>
                      <EditSquad
                        squad={squad}
                        coaches={coaches}
                        onDone={async () => {
                          setEditing(null);
                          await refresh();
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    </TableCell>
                  </TableRow>
                ) : (
                  <TableRow key={squad.id} className={squad.archivedAt ? "text-muted-foreground" : undefined}>
                    <TableCell className="font-medium">
                      {squad.name}
                      {squad.archivedAt ? (
                        <Badge variant="secondary" className="ml-2">
                          Archived
                        </Badge>
                      ) : null}
                      {squad.mine ? <span className="ml-2 text-xs text-muted-foreground">(yours)</span> : null}
                    </TableCell>
                    <TableCell>{kindLabel[squad.kind]}</TableCell>
                    <TableCell>{squad.activeAthletes}</TableCell>
                    <TableCell>{squad.coaches.length > 0 ? squad.coaches.map((c) => c.name).join(", ") : "None yet"}</TableCell>
                    <TableCell className="text-right">
                      <div className="flex justify-end gap-2">
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
                      </div>
                    </TableCell>
                  </TableRow>
                ),
              )}
            </TableBody>
          </Table>
        )}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>New squad</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <form onSubmit={form.handleSubmit((values) => create.mutate(values))} className="grid gap-4" noValidate>
            {errors.root?.message ? (
              <Alert variant="destructive" role="alert">
                <AlertDescription>{errors.root.message}</AlertDescription>
              </Alert>
            ) : null}
            <Field label="Squad name" htmlFor="squad-name" error={errors.name?.message}>
              <Input {...form.register("name")} />
            </Field>
            <Field label="Kind" htmlFor="squad-kind" error={errors.kind?.message}>
              <NativeSelect {...form.register("kind")}>
                <NativeSelectOption value="distance">{kindLabel.distance}</NativeSelectOption>
                <NativeSelectOption value="field">{kindLabel.field}</NativeSelectOption>
              </NativeSelect>
            </Field>
            <Button type="submit" disabled={create.isPending}>
              Create squad
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
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
  const { errors } = form.formState;
  return (
    <form onSubmit={save} className="grid gap-4 py-2 sm:grid-cols-2" noValidate aria-label={`Edit ${squad.name}`}>
      {errors.root?.message ? (
        <Alert variant="destructive" role="alert" className="sm:col-span-2">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Squad name" htmlFor={`name-${squad.id}`} error={errors.name?.message}>
        <Input {...form.register("name")} />
      </Field>
      <Field label="Kind" htmlFor={`kind-${squad.id}`} error={errors.kind?.message}>
        <NativeSelect {...form.register("kind")}>
          <NativeSelectOption value="distance">{kindLabel.distance}</NativeSelectOption>
          <NativeSelectOption value="field">{kindLabel.field}</NativeSelectOption>
        </NativeSelect>
      </Field>
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
