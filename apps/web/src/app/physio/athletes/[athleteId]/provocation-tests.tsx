"use client";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { provocationTestInfo, provocationTestInputSchema, provocationTestKinds, provocationTestLabels, sides, type ProvocationTestInput } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { DataTable, type DataColumn } from "@/components/data-table";
import { actionsHeader } from "@/components/table-cells";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { numberOrUndefined } from "../../../me/_components/use-log-form";
import { humanize } from "../../_components/labels";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import type { Episode } from "./episode-details";

type Values = z.input<typeof provocationTestInputSchema>;
type Test = Episode["provocationTests"][number];

/** The provocation tests of the open episode, shown with their reported accuracy, and a form to record one. */
export function ProvocationTests({ episode }: { episode: Episode }) {
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const form = useForm<Values, unknown, ProvocationTestInput>({
    resolver: labelledResolver(provocationTestInputSchema, provocationTestLabels),
    defaultValues: { test: "puranen_orava", side: episode.side, familiarPainReproduced: true },
  });
  const add = useMutation(
    trpc.episodes.addTest.mutationOptions({
      onError: (error) => applyServerErrors(form, error),
      onSuccess: async (_, sent) => {
        // The next test is often the same one on the other side: keep the choices, clear the pain.
        form.reset({ ...sent.test, pain: undefined });
        await invalidate();
      },
    }),
  );
  const remove = useMutation(trpc.episodes.removeTest.mutationOptions({ onSuccess: () => invalidate() }));
  const { errors } = form.formState;
  const columns: DataColumn<Test>[] = [
    { id: "test", accessorFn: (t) => t.info.label, header: "Test", meta: { rowHeader: true } },
    { id: "side", accessorFn: (t) => humanize(t.side), header: "Side" },
    { id: "familiar", accessorFn: (t) => (t.familiarPainReproduced ? "Reproduced" : "Not reproduced"), header: "Familiar pain" },
    { id: "pain", accessorKey: "pain", header: "Pain", cell: ({ row }) => `${row.original.pain}/10` },
    {
      id: "accuracy",
      header: "Reported accuracy",
      enableSorting: false,
      cell: ({ row: { original: t } }) =>
        t.info.accuracy ? (
          <Badge variant="info">
            Sensitivity {t.info.accuracy.sensitivityPct} %, specificity {t.info.accuracy.specificityPct} %
          </Badge>
        ) : (
          <span className="text-muted-foreground">Not reported</span>
        ),
    },
    {
      id: "actions",
      header: actionsHeader,
      enableSorting: false,
      cell: ({ row: { original: t } }) => (
        <Button variant="ghost" size="sm" onClick={() => remove.mutate({ testId: t.id })}>
          Remove<span className="sr-only"> {t.info.label}</span>
        </Button>
      ),
    },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Provocation tests</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p className="text-sm text-muted-foreground">
          Reported accuracy (Cacchio 2012) is shown for information only; no rule reads these results.
        </p>
        <DataTable caption="Provocation tests" data={episode.provocationTests} columns={columns} getRowId={(t) => t.id} empty="No tests recorded." />
        <form className="grid items-end gap-3 sm:grid-cols-5" noValidate onSubmit={form.handleSubmit((test) => add.mutate({ episodeId: episode.id, test }))}>
          {errors.root ? (
            <Alert variant="destructive" className="sm:col-span-5">
              <AlertDescription>{errors.root.message}</AlertDescription>
            </Alert>
          ) : null}
          <Field label="Test" htmlFor="provocation-test" error={errors.test?.message}>
            <NativeSelect id="provocation-test" {...form.register("test")}>
              {provocationTestKinds.map((k) => (
                <NativeSelectOption key={k} value={k}>
                  {provocationTestInfo[k].label}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Test side" htmlFor="provocation-side" error={errors.side?.message}>
            <NativeSelect id="provocation-side" {...form.register("side")}>
              {sides.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {humanize(s)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Test pain (0-10)" htmlFor="provocation-pain" error={errors.pain?.message}>
            <Input id="provocation-pain" inputMode="numeric" {...form.register("pain", { setValueAs: numberOrUndefined })} />
          </Field>
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" className="size-4 accent-primary" {...form.register("familiarPainReproduced")} />
            Familiar pain reproduced
          </label>
          <Button type="submit" disabled={add.isPending}>
            Record test
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
