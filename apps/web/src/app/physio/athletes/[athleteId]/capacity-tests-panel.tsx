"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { capacityTestInfo, type CapacityTestInput, capacityTestInputSchema, type CapacityTestKind, capacityTestKinds, capacityTestLabels, defaultAffectedSide, type TestedSide, testedSides, exitCriterionDescriptions } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Textarea } from "@loadline/ui/textarea";
import { useClubCalendar } from "@/components/club-calendar";
import { DataTable, type DataColumn } from "@/components/data-table";
import { checkedBy } from "@/components/form-pipe";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { dateTimeFieldValue, numberOrUndefined } from "../../../me/_components/use-log-form";
import { formatDateTime, humanize } from "../../_components/labels";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import { DateTimeField, impossibleDayMessage, instantOfValue } from "@/components/date-time-field";

type Test = inferRouterOutputs<AppRouter>["capacityTests"]["list"][number];

const sideLabel: Record<TestedSide, string> = { left: "Left", right: "Right" };

/**
 * The form as typed: every field a test may need, with a sentence for each missing one (all at
 * once), then the domain's schema checks the test it makes (ranges, whole numbers).
 */
const capacityFormSchema = z
  .object({
    kind: z.enum(capacityTestKinds),
    at: z.string(),
    affectedSide: z.union([z.enum(testedSides), z.literal("")]),
    pain: z.number().optional(),
    left: z.number().optional(),
    right: z.number().optional(),
    notes: z.string(),
  })
  .superRefine((v, ctx) => {
    const unit = capacityTestInfo[v.kind].unit;
    if (!v.affectedSide) ctx.addIssue({ code: "custom", path: ["affectedSide"], message: "Choose the leg tested as affected" });
    if (!instantOfValue(v.at)) ctx.addIssue({ code: "custom", path: ["at"], message: impossibleDayMessage("When") });
    if (v.kind === "drop_lunge" && v.pain === undefined) ctx.addIssue({ code: "custom", path: ["pain"], message: "Enter the pain on the drop lunge (0-10)" });
    if (v.kind !== "drop_lunge" && v.left === undefined) ctx.addIssue({ code: "custom", path: ["left"], message: `Enter the left side's ${unit ?? "value"}` });
    if (v.kind !== "drop_lunge" && v.right === undefined) ctx.addIssue({ code: "custom", path: ["right"], message: `Enter the right side's ${unit ?? "value"}` });
  })
  .transform(({ left, right, pain, ...v }, ctx) =>
    checkedBy(capacityTestInputSchema, v.kind === "drop_lunge" ? { ...v, pain } : { ...v, left, right, ...(pain !== undefined ? { pain } : {}) }, ctx),
  );
type Values = z.input<typeof capacityFormSchema>;

/**
 * Capacity tests done in the clinic: drop lunge pain (E2.2), single-leg bridge reps and prone-curl
 * 10RM on each side (E2.3, 90 % symmetry). The engine compares the affected side with the other;
 * the history lists every test with who recorded it.
 */
export function CapacityTestsPanel({ athleteId, episodeSide }: { athleteId: string; episodeSide: "left" | "right" | "both" | null }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const refresh = useRefreshClinical();
  const { data: tests } = useSuspenseQuery(trpc.capacityTests.list.queryOptions({ athleteId }));
  const form = useForm<Values, unknown, CapacityTestInput>({
    resolver: labelledResolver(capacityFormSchema, capacityTestLabels),
    defaultValues: { kind: "drop_lunge", at: dateTimeFieldValue(), affectedSide: defaultAffectedSide(episodeSide) ?? "", notes: "" },
  });
  const record = useMutation(
    trpc.capacityTests.record.mutationOptions({
      onError: (error) => applyServerErrors(form, error),
      onSuccess: async (saved) => {
        toast.success(`${saved.label} recorded`);
        form.reset({ ...form.getValues(), left: undefined, right: undefined, pain: undefined, notes: "" });
        await refresh();
      },
    }),
  );
  const { errors } = form.formState;
  const kind: CapacityTestKind = form.watch("kind");
  const info = capacityTestInfo[kind];
  const sideFixed = episodeSide === "left" || episodeSide === "right";
  const number = { setValueAs: numberOrUndefined };
  const columns: DataColumn<Test>[] = [
    { id: "at", accessorFn: (t) => t.at.getTime(), header: "When", meta: { rowHeader: true }, cell: ({ row }) => formatDateTime(row.original.at, calendar) },
    {
      id: "test",
      accessorKey: "label",
      header: "Test",
      cell: ({ row: { original: t } }) => (
        <>
          {t.label} <Badge variant="outline">{t.criterion}</Badge>
          {t.notes ? <p className="text-xs text-muted-foreground">{t.notes}</p> : null}
        </>
      ),
    },
    { id: "affected", accessorFn: (t) => (t.affectedSide ? humanize(t.affectedSide) : "Not recorded"), header: "Affected" },
    { id: "left", accessorFn: (t) => t.left ?? -1, header: "Left", cell: ({ row }) => row.original.left ?? "–" },
    { id: "right", accessorFn: (t) => t.right ?? -1, header: "Right", cell: ({ row }) => row.original.right ?? "–" },
    { id: "symmetry", accessorFn: (t) => t.symmetryPct ?? -1, header: "Symmetry", cell: ({ row }) => (row.original.symmetryPct !== null ? `${row.original.symmetryPct} %` : "–") },
    { id: "pain", accessorFn: (t) => t.pain ?? -1, header: "Pain", cell: ({ row }) => (row.original.pain !== null ? `${row.original.pain}/10` : "–") },
    { id: "by", accessorKey: "recordedByName", header: "Recorded by" },
  ];

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Record a capacity test</h2>
          </CardTitle>
          <p className="text-sm text-muted-foreground">
            The phase-2 exit reads these (at the engine&apos;s defaults; the plan&apos;s own thresholds show in its exit checklist): {exitCriterionDescriptions["E2.2"]} (E2.2);{" "}
            {exitCriterionDescriptions["E2.3"]}, on bridge reps or prone-curl 10RM (E2.3).
          </p>
        </CardHeader>
        <CardContent>
          <form
            className="grid gap-4 sm:grid-cols-2"
            noValidate
            onSubmit={form.handleSubmit((input) => record.mutate({ athleteId, ...input }))}
          >
            {errors.root ? (
              <Alert variant="destructive" role="alert" className="sm:col-span-2">
                <AlertDescription>{errors.root.message}</AlertDescription>
              </Alert>
            ) : null}
            <Field label="Test" htmlFor="capacity-kind" error={errors.kind?.message} required>
              <NativeSelect id="capacity-kind" {...form.register("kind")}>
                {capacityTestKinds.map((k) => (
                  <NativeSelectOption key={k} value={k}>
                    {capacityTestInfo[k].label} ({capacityTestInfo[k].criterion})
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
            <Field label="When" htmlFor="capacity-at" error={errors.at?.message} required>
              <Controller control={form.control} name="at" render={({ field }) => <DateTimeField id="capacity-at" label="When" value={field.value} onChange={field.onChange} onBlur={field.onBlur} />} />
            </Field>
            <Field
              label="Affected side"
              htmlFor="capacity-side"
              description={sideFixed ? `The episode is on the ${episodeSide} side.` : "Both sides are affected: choose the leg you tested as affected."}
              error={errors.affectedSide?.message}
              required
            >
              {/* A side fixed by the episode stays in the form's values; the select only shows it. */}
              <NativeSelect id="capacity-side" {...(sideFixed ? { disabled: true, value: form.getValues("affectedSide") } : form.register("affectedSide"))}>
                <NativeSelectOption value="">Choose a side</NativeSelectOption>
                {testedSides.map((s) => (
                  <NativeSelectOption key={s} value={s}>
                    {sideLabel[s]}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
            <Field
              label={kind === "drop_lunge" ? "Pain on the affected leg (0-10)" : "Pain during the test (0-10, optional)"}
              htmlFor="capacity-pain"
              error={errors.pain?.message}
              required={kind === "drop_lunge"}
            >
              <Input id="capacity-pain" inputMode="numeric" {...form.register("pain", number)} />
            </Field>
            {kind !== "drop_lunge" ? (
              <>
                <Field label={`Left side${info.unit ? ` (${info.unit})` : ""}`} htmlFor="capacity-left" error={errors.left?.message} required>
                  <Input id="capacity-left" inputMode={info.integer ? "numeric" : "decimal"} {...form.register("left", number)} />
                </Field>
                <Field label={`Right side${info.unit ? ` (${info.unit})` : ""}`} htmlFor="capacity-right" error={errors.right?.message} required>
                  <Input id="capacity-right" inputMode={info.integer ? "numeric" : "decimal"} {...form.register("right", number)} />
                </Field>
              </>
            ) : null}
            <Field label="Notes (optional)" htmlFor="capacity-notes" error={errors.notes?.message} className="sm:col-span-2">
              <Textarea id="capacity-notes" rows={2} {...form.register("notes")} />
            </Field>
            <div className="sm:col-span-2">
              <Button type="submit" disabled={record.isPending}>
                {record.isPending ? "Saving…" : "Record test"}
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Test history</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {tests.length === 0 ? (
            <p className="text-sm text-muted-foreground">No capacity tests recorded yet: E2.2 and E2.3 stay unknown until one is.</p>
          ) : (
            <DataTable caption="Capacity tests" data={tests} columns={columns} getRowId={(t) => t.id} empty="No capacity tests recorded yet." />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
