"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Trash2 } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { squadSessionKinds, type SquadSessionKind } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { DAY_MS, formatDate, formatDateTime, kindLabels, verdictLabels, verdictVariant } from "../_lib/labels";
import type { PlannerWeek } from "../_lib/types";

type Session = PlannerWeek["sessions"][number];

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The add-session form: a day of the shown week, a time and a kind (DOMAIN.md section 3). */
const newSessionSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a day"),
  time: z.string().regex(/^\d{2}:\d{2}$/, "Choose a time"),
  kind: z.enum(squadSessionKinds, { error: "Choose a session kind" }),
  durationMinutes: z.union([z.literal(""), z.coerce.number().int("Whole minutes").min(1, "At least 1 minute").max(600, "At most 600 minutes")]),
  title: z.string().trim().max(120, "At most 120 characters"),
});
type NewSession = z.input<typeof newSessionSchema>;

export function WeekPlanner({ squads, squadId, week }: { squads: { id: string; name: string }[]; squadId: string; week: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const weekStart = new Date(`${week}T00:00:00Z`);
  const queryInput = { squadId, weekStart };
  const { data } = useSuspenseQuery(trpc.planner.week.queryOptions(queryInput));
  const [selectedId, setSelectedId] = useState<string | null>(params.get("session"));
  // Without a choice, show the next session still to come (else the week's first).
  const upcoming = data.sessions.find((s) => s.at.getTime() >= Date.now());
  const selected = data.sessions.find((s) => s.id === selectedId) ?? upcoming ?? data.sessions[0] ?? null;

  const navigate = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const select = (id: string) => {
    setSelectedId(id);
    navigate({ session: id });
  };
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.planner.week.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.board.rows.queryKey() });
    router.refresh();
  };

  const update = useMutation(
    trpc.planner.update.mutationOptions({
      onSuccess: () => refresh().then(() => toast.success("Session changed; verdicts updated")),
      onError: (error) => toast.error(error.message),
    }),
  );
  const remove = useMutation(
    trpc.planner.remove.mutationOptions({
      onSuccess: () => refresh().then(() => toast.success("Session removed")),
      onError: (error) => toast.error(error.message),
    }),
  );

  const days = Array.from({ length: 7 }, (_, i) => new Date(weekStart.getTime() + i * DAY_MS));
  const verdictsOf = (sessionId: string) => data.verdicts.filter((v) => v.sessionId === sessionId);
  const names = new Map(data.athletes.map((a) => [a.id, a.name]));

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="planner-squad">Squad</Label>
          <NativeSelect id="planner-squad" value={squadId} onChange={(e) => navigate({ squad: e.target.value, session: null })}>
            {squads.map((s) => (
              <NativeSelectOption key={s.id} value={s.id}>
                {s.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
        <div className="flex items-center gap-1" role="group" aria-label="Week">
          <Button variant="outline" size="icon" aria-label="Previous week" onClick={() => navigate({ week: isoDay(new Date(weekStart.getTime() - 7 * DAY_MS)), session: null })}>
            <ChevronLeft aria-hidden="true" />
          </Button>
          <span className="min-w-44 text-center text-sm font-medium">
            Week of {formatDate(weekStart)}
          </span>
          <Button variant="outline" size="icon" aria-label="Next week" onClick={() => navigate({ week: isoDay(new Date(weekStart.getTime() + 7 * DAY_MS)), session: null })}>
            <ChevronRight aria-hidden="true" />
          </Button>
        </div>
      </div>

      <ol className="grid gap-3 md:grid-cols-7" aria-label="Planned sessions this week">
        {days.map((day) => {
          const sessions = data.sessions.filter((s) => isoDay(s.at) === isoDay(day));
          return (
            <li key={day.toISOString()} className="rounded-lg border bg-card p-2">
              <h2 className="mb-2 text-sm font-semibold">{formatDate(day)}</h2>
              {sessions.length === 0 ? <p className="text-xs text-muted-foreground">Nothing planned</p> : null}
              <ul className="grid gap-2">
                {sessions.map((s) => {
                  const counts = { ok: 0, modify: 0, skip: 0 };
                  for (const v of verdictsOf(s.id)) counts[v.result.verdict]++;
                  return (
                    <li key={s.id}>
                      <button
                        type="button"
                        onClick={() => select(s.id)}
                        aria-pressed={selected?.id === s.id}
                        className="w-full rounded-md border p-2 text-left text-xs hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring aria-pressed:border-primary aria-pressed:bg-accent"
                      >
                        <span className="block font-medium">{s.title || kindLabels[s.kind]}</span>
                        <span className="block text-muted-foreground">
                          {kindLabels[s.kind]} · {s.at.toISOString().slice(11, 16)}
                        </span>
                        <span className="mt-1 block">
                          {counts.skip} skip · {counts.modify} modify · {counts.ok} ok
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>

      {selected ? (
        <Card>
          <CardHeader className="flex flex-row flex-wrap items-end justify-between gap-3">
            <div>
              <CardTitle>
                <h2 id="session-verdicts">{selected.title || kindLabels[selected.kind]}</h2>
              </CardTitle>
              <p className="text-sm text-muted-foreground">{formatDateTime(selected.at)} UTC</p>
            </div>
            <div className="flex items-end gap-2">
              <div className="grid gap-1.5">
                <Label htmlFor="selected-kind">Kind</Label>
                <NativeSelect
                  id="selected-kind"
                  value={selected.kind}
                  disabled={update.isPending}
                  onChange={(e) => update.mutate(sessionValues(selected, { kind: e.target.value as SquadSessionKind }))}
                >
                  {squadSessionKinds.map((k) => (
                    <NativeSelectOption key={k} value={k}>
                      {kindLabels[k]}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              </div>
              <Button variant="outline" onClick={() => remove.mutate({ id: selected.id })} disabled={remove.isPending}>
                <Trash2 aria-hidden="true" /> Remove
              </Button>
            </div>
          </CardHeader>
          <CardContent>
            <Table aria-labelledby="session-verdicts">
              <TableHeader>
                <TableRow>
                  <TableHead>Athlete</TableHead>
                  <TableHead>Pre-flight</TableHead>
                  <TableHead>Rule</TableHead>
                  <TableHead>Why, and what instead</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {verdictsOf(selected.id)
                  .sort((a, b) => ["skip", "modify", "ok"].indexOf(a.result.verdict) - ["skip", "modify", "ok"].indexOf(b.result.verdict))
                  .map((v) => (
                    <TableRow key={v.athleteId}>
                      <TableCell className="font-medium">{names.get(v.athleteId)}</TableCell>
                      <TableCell>
                        <Badge variant={verdictVariant[v.result.verdict]}>{verdictLabels[v.result.verdict]}</Badge>
                      </TableCell>
                      <TableCell>{v.result.reasons.map((r) => r.ruleId).join(", ") || "None"}</TableCell>
                      <TableCell className="whitespace-normal">
                        {v.result.reasons.length === 0 ? (
                          <span className="text-muted-foreground">Trains as planned.</span>
                        ) : (
                          <ul className="grid gap-1">
                            {v.result.reasons.map((r, i) => (
                              <li key={i}>
                                {r.message} <span className="font-medium">{r.change}</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}

      <AddSession squadId={squadId} days={days} onCreated={async (id) => {
        await refresh();
        select(id);
      }} />
    </div>
  );
}

function sessionValues(session: Session, changes: Partial<{ kind: SquadSessionKind }>) {
  return {
    id: session.id,
    squadId: session.squadId,
    at: session.at,
    kind: changes.kind ?? session.kind,
    durationMinutes: session.durationMinutes,
    title: session.title,
    notes: session.notes,
  };
}

function AddSession({ squadId, days, onCreated }: { squadId: string; days: Date[]; onCreated: (id: string) => Promise<void> }) {
  const trpc = useTRPC();
  const form = useForm<NewSession>({
    resolver: zodResolver(newSessionSchema),
    defaultValues: { day: isoDay(days.find((d) => isoDay(d) === isoDay(new Date())) ?? days[0] ?? new Date()), time: "18:00", kind: "easy_run", durationMinutes: "", title: "" },
    mode: "onTouched",
  });
  const create = useMutation(
    trpc.planner.create.mutationOptions({
      onSuccess: async (created) => {
        await onCreated(created.id);
        toast.success("Session planned");
        form.reset({ ...form.getValues(), title: "" });
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    const parsed = newSessionSchema.parse(values);
    create.mutate({
      squadId,
      at: new Date(`${parsed.day}T${parsed.time}:00Z`),
      kind: parsed.kind,
      durationMinutes: parsed.durationMinutes === "" ? null : parsed.durationMinutes,
      title: parsed.title,
      notes: "",
    });
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Add a session</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
          {errors.root?.message ? (
            <Alert variant="destructive" role="alert" className="sm:col-span-2 lg:col-span-6">
              <AlertDescription>{errors.root.message}</AlertDescription>
            </Alert>
          ) : null}
          <Field label="Day" htmlFor="new-day" error={errors.day?.message} required>
            <NativeSelect {...form.register("day")}>
              {days.map((d) => (
                <NativeSelectOption key={d.toISOString()} value={isoDay(d)}>
                  {formatDate(d)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Time (UTC)" htmlFor="new-time" error={errors.time?.message} required>
            <Input type="time" {...form.register("time")} />
          </Field>
          <Field label="Kind" htmlFor="new-kind" error={errors.kind?.message} required>
            <NativeSelect {...form.register("kind")}>
              {squadSessionKinds.map((k) => (
                <NativeSelectOption key={k} value={k}>
                  {kindLabels[k]}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Minutes" htmlFor="new-minutes" error={errors.durationMinutes?.message}>
            <Input inputMode="numeric" {...form.register("durationMinutes")} />
          </Field>
          <Field label="Title" htmlFor="new-title" error={errors.title?.message}>
            <Input placeholder="e.g. Hill reps 8 x 60 s" {...form.register("title")} />
          </Field>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Planning…" : "Plan session"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
