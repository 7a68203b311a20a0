"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { capacityTestInfo, capacityTestKinds, defaultAffectedSide, testedSides, type CapacityTestKind, type TestedSide } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Textarea } from "@loadline/ui/textarea";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { useClubCalendar } from "@/components/club-calendar";
import { useTRPC } from "@/trpc/react";
import { dateTimeFieldValue, numberOrUndefined } from "../../../me/_components/use-log-form";
import { formatDateTime, humanize, serverFieldErrors } from "../../_components/labels";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import { DateTimeField, impossibleDayMessage, instantOfValue } from "@/components/date-time-field";

const sideLabel: Record<TestedSide, string> = { left: "Left", right: "Right" };

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
  const [kind, setKind] = useState<CapacityTestKind>("drop_lunge");
  const [when, setWhen] = useState(() => dateTimeFieldValue());
  const [affectedSide, setAffectedSide] = useState<TestedSide | "">(defaultAffectedSide(episodeSide) ?? "");
  const [left, setLeft] = useState("");
  const [right, setRight] = useState("");
  const [pain, setPain] = useState("");
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useMutation(
    trpc.capacityTests.record.mutationOptions({
      onError: (error) => {
        const fields = serverFieldErrors(error);
        setErrors(Object.keys(fields).length > 0 ? fields : { _form: error.message });
      },
      onSuccess: async (saved) => {
        toast.success(`${saved.label} recorded`);
        setErrors({});
        setLeft("");
        setRight("");
        setPain("");
        setNotes("");
        await refresh();
      },
    }),
  );
  const info = capacityTestInfo[kind];
  const sideFixed = episodeSide === "left" || episodeSide === "right";

  const submit = () => {
    const found: Record<string, string> = {};
    if (!affectedSide) found.affectedSide = "Choose the leg tested as affected";
    const at = instantOfValue(when);
    if (!at) found.at = impossibleDayMessage("When");
    const painValue = numberOrUndefined(pain);
    if (kind === "drop_lunge" && painValue === undefined) found.pain = "Enter the pain on the drop lunge (0-10)";
    const leftValue = numberOrUndefined(left);
    const rightValue = numberOrUndefined(right);
    if (kind !== "drop_lunge") {
      if (leftValue === undefined) found.left = `Enter the left side's ${info.unit ?? "value"}`;
      if (rightValue === undefined) found.right = `Enter the right side's ${info.unit ?? "value"}`;
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !affectedSide || !at) return;
    const common = { athleteId, at, affectedSide, notes };
    if (kind === "drop_lunge") record.mutate({ ...common, kind, pain: painValue as number });
    else record.mutate({ ...common, kind, left: leftValue as number, right: rightValue as number, ...(painValue !== undefined ? { pain: painValue } : {}) });
  };

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Record a capacity test</h2>
          </CardTitle>
          <p className="text-sm text-muted-foreground">
            The phase-2 exit reads these: drop lunge on the affected leg 1/10 or less (E2.2); the affected side at least 90 % of the other on bridge reps or
            prone-curl 10RM, and 25 bridges each side (E2.3).
          </p>
        </CardHeader>
        <CardContent>
          <form
            className="grid gap-4 sm:grid-cols-2"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            {errors._form ? (
              <Alert variant="destructive" role="alert" className="sm:col-span-2">
                <AlertDescription>{errors._form}</AlertDescription>
              </Alert>
            ) : null}
            <Field label="Test" htmlFor="capacity-kind" error={errors.kind} required>
              <NativeSelect id="capacity-kind" value={kind} onChange={(e) => setKind(e.target.value as CapacityTestKind)}>
                {capacityTestKinds.map((k) => (
                  <NativeSelectOption key={k} value={k}>
                    {capacityTestInfo[k].label} ({capacityTestInfo[k].criterion})
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
            <Field label="When" htmlFor="capacity-at" error={errors.at} required>
              <DateTimeField id="capacity-at" label="When" value={when} onChange={setWhen} />
            </Field>
            <Field
              label="Affected side"
              htmlFor="capacity-side"
              description={sideFixed ? `The episode is on the ${episodeSide} side.` : "Both sides are affected: choose the leg you tested as affected."}
              error={errors.affectedSide}
              required
            >
              <NativeSelect id="capacity-side" value={affectedSide} disabled={sideFixed} onChange={(e) => setAffectedSide(e.target.value as TestedSide | "")}>
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
              error={errors.pain}
              required={kind === "drop_lunge"}
            >
              <Input id="capacity-pain" inputMode="numeric" value={pain} onChange={(e) => setPain(e.target.value)} />
            </Field>
            {kind !== "drop_lunge" ? (
              <>
                <Field label={`Left side${info.unit ? ` (${info.unit})` : ""}`} htmlFor="capacity-left" error={errors.left} required>
                  <Input id="capacity-left" inputMode={info.integer ? "numeric" : "decimal"} value={left} onChange={(e) => setLeft(e.target.value)} />
                </Field>
                <Field label={`Right side${info.unit ? ` (${info.unit})` : ""}`} htmlFor="capacity-right" error={errors.right} required>
                  <Input id="capacity-right" inputMode={info.integer ? "numeric" : "decimal"} value={right} onChange={(e) => setRight(e.target.value)} />
                </Field>
              </>
            ) : null}
            <Field label="Notes (optional)" htmlFor="capacity-notes" error={errors.notes} className="sm:col-span-2">
              <Textarea id="capacity-notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
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
            <Table aria-label="Capacity tests">
              <TableHeader>
                <TableRow>
                  <TableHead>When</TableHead>
                  <TableHead>Test</TableHead>
                  <TableHead>Affected</TableHead>
                  <TableHead>Left</TableHead>
                  <TableHead>Right</TableHead>
                  <TableHead>Symmetry</TableHead>
                  <TableHead>Pain</TableHead>
                  <TableHead>Recorded by</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tests.map((t) => (
                  <TableRow key={t.id}>
                    <TableCell>{formatDateTime(t.at, calendar)}</TableCell>
                    <TableCell>
                      {t.label} <Badge variant="outline">{t.criterion}</Badge>
                      {t.notes ? <p className="text-xs text-muted-foreground">{t.notes}</p> : null}
                    </TableCell>
                    <TableCell>{t.affectedSide ? humanize(t.affectedSide) : "Not recorded"}</TableCell>
                    <TableCell>{t.left ?? "–"}</TableCell>
                    <TableCell>{t.right ?? "–"}</TableCell>
                    <TableCell>{t.symmetryPct !== null ? `${t.symmetryPct} %` : "–"}</TableCell>
                    <TableCell>{t.pain !== null ? `${t.pain}/10` : "–"}</TableCell>
                    <TableCell>{t.recordedByName}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
