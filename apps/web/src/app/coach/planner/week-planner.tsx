"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Trash2 } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import {
  localDateKey,
  plannedInThePast,
  SQUAD_SESSION_MAX_MINUTES,
  squadSessionInputSchema,
  squadSessionKinds,
  squadSessionLabels as L,
  TEXT_LIMITS,
  startOfNextLocalDay,
  wholeNumber,
  zonedTimeToInstant,
  type SquadSessionKind,
} from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { DataTable, type DataColumn } from "@/components/data-table";
import { TimeField } from "@/components/date-field";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { useUrlState } from "@/hooks/use-url-state";
import { plannerUrl } from "./planner-url";
import { useTRPC } from "@/trpc/react";
import { DAY_MS, formatDate, formatDateTime, formatTime, kindLabels, verdictLabels, verdictVariant } from "../_lib/labels";
import type { PlannerWeek } from "../_lib/types";

type Session = PlannerWeek["sessions"][number];
type Verdict = PlannerWeek["verdicts"][number];
type Unassessed = PlannerWeek["unassessed"][number];
/** A row of the selected session's table: an athlete's pre-flight verdict, or why there is none yet. */
type VerdictRow = { athleteId: string; name: string } & ({ verdict: Verdict["result"] } | { unassessed: Unassessed["state"] });

const verdictOrder = ["skip", "modify", "ok"];
const verdictColumns: DataColumn<VerdictRow>[] = [
  { id: "athlete", header: "Athlete", meta: { rowHeader: true }, cell: ({ row }) => row.original.name },
  {
    id: "preflight",
    header: "Pre-flight",
    cell: ({ row: { original: r } }) =>
      "verdict" in r ? (
        <Badge variant={verdictVariant[r.verdict.verdict]}>{verdictLabels[r.verdict.verdict]}</Badge>
      ) : r.unassessed === "being_assessed" ? (
        <Badge variant="outline">Being assessed…</Badge>
      ) : (
        <Badge variant="amber">Record needs attention</Badge>
      ),
  },
  { id: "rule", header: "Rule", cell: ({ row: { original: r } }) => ("verdict" in r ? r.verdict.reasons.map((x) => x.ruleId).join(", ") || "None" : "None") },
  {
    id: "why",
    header: "Why, and what instead",
    meta: { className: "whitespace-normal" },
    cell: ({ row: { original: r } }) =>
      !("verdict" in r) ? (
        <span className="text-muted-foreground">
          {r.unassessed === "being_assessed"
            ? "Their pre-flight check appears here in a moment."
            : "Loadline could not assess this athlete from their stored records; ask your physio to check their logs. No verdict until then."}
        </span>
      ) : r.verdict.reasons.length === 0 ? (
        <span className="text-muted-foreground">Trains as planned.</span>
      ) : (
        <ul className="grid gap-1">
          {r.verdict.reasons.map((x, i) => (
            <li key={i}>
              {x.message} <span className="font-medium">{x.change}</span>
            </li>
          ))}
        </ul>
      ),
  },
];

/** "2026-12-02" + "07:00" read as wall-clock time in the zone. */
function wallTimeToDate(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(zonedTimeToInstant(y, m, d, hh, mm, timeZone));
}

/** The add-session form: a day of the shown week, a time and a kind (the session kinds of `squadSessionKinds` in the domain). */
const newSessionSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${L.day}: choose a day`),
  time: z.string().regex(/^\d{2}:\d{2}$/, `${L.time}: choose a time`),
  kind: squadSessionInputSchema.shape.kind,
  // An empty box is "no duration"; anything else must be whole minutes (numberOrUndefined makes "abc" NaN).
  durationMinutes: wholeNumber(L.durationMinutes, 1, SQUAD_SESSION_MAX_MINUTES).optional(),
  title: squadSessionInputSchema.shape.title,
});
type NewSession = z.input<typeof newSessionSchema>;
type NewSessionOutput = z.output<typeof newSessionSchema>;

const numberOrUndefined = (value: unknown) => (value === "" || value === null || value === undefined ? undefined : Number(typeof value === "string" ? value.replace(",", ".") : value));

export function WeekPlanner({ squads, defaultSquadId, today }: { squads: { id: string; name: string }[]; defaultSquadId: string; today: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { values: url, set } = useUrlState(plannerUrl);
  // The week shown follows the choice once it has loaded; the old week stays on screen meanwhile.
  const shown = useDeferredValue(url);
  const squadId = squads.find((s) => s.id === shown.squad)?.id ?? defaultSquadId;
  const week = shown.week || today;
  const queryInput = { squadId, weekOf: week };
  // An athlete still being assessed (just added or just changed) gets a verdict in a moment.
  const { data } = useSuspenseQuery({
    ...trpc.planner.week.queryOptions(queryInput),
    refetchInterval: (query) => (query.state.data?.unassessed.some((u) => u.state === "being_assessed") ? 3_000 : false),
  });
  const { calendar, weekStart } = data;
  const dayKey = (date: Date) => localDateKey(date.getTime(), calendar.timeZone);
  // Without a choice, show the next session still to come (else the week's first).
  const upcoming = data.sessions.find((s) => s.at.getTime() >= Date.now());
  const selected = data.sessions.find((s) => s.id === url.session) ?? upcoming ?? data.sessions[0] ?? null;

  const select = (id: string) => set({ session: id });
  // No router.refresh() here: the squad, week and session live in the URL without the server's
  // knowing, so a refresh renders the page anew and closes whatever dialog is open.
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.planner.week.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.board.rows.queryKey() });
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

  // Local midnights of the club's week (a day is 23 or 25 hours long across a clock change).
  const days: Date[] = [weekStart];
  while (days.length < 7) days.push(new Date(startOfNextLocalDay((days[days.length - 1] as Date).getTime(), calendar.timeZone)));
  const verdictsOf = (sessionId: string) => data.verdicts.filter((v) => v.sessionId === sessionId);
  const names = new Map(data.athletes.map((a) => [a.id, a.name]));

  return (
    // Busy while the chosen squad's or week's list loads (the old one stays on screen meanwhile).
    <div className="grid gap-6" aria-busy={shown !== url || undefined} data-testid="planner">
      <FilterBar label="Choose the squad and week">
        <FilterSelect
          id="planner-squad"
          label="Squad"
          value={squads.find((s) => s.id === url.squad)?.id ?? defaultSquadId}
          onChange={(squad) => set({ squad, session: "" })}
          options={squads.map((s) => ({ value: s.id, label: s.name }))}
        />
        <div className="flex items-center gap-1" role="group" aria-label="Week">
          <Button variant="outline" size="icon" aria-label="Previous week" onClick={() => set({ week: dayKey(new Date(weekStart.getTime() - DAY_MS)), session: "" })}>
            <ChevronLeft aria-hidden="true" />
          </Button>
          <span className="min-w-44 text-center text-sm font-medium">
            Week of {formatDate(weekStart, calendar)}
          </span>
          <Button variant="outline" size="icon" aria-label="Next week" onClick={() => set({ week: dayKey(data.weekEnd), session: "" })}>
            <ChevronRight aria-hidden="true" />
          </Button>
        </div>
      </FilterBar>

      <ol className="grid gap-3 md:grid-cols-7" aria-label="Planned sessions this week">
        {days.map((day) => {
          const sessions = data.sessions.filter((s) => dayKey(s.at) === dayKey(day));
          return (
            <li key={day.toISOString()} className="rounded-lg border bg-card p-2">
              <h2 className="mb-2 text-sm font-semibold">{formatDate(day, calendar)}</h2>
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
                          {kindLabels[s.kind]} · {formatTime(s.at, calendar)}
                        </span>
                        <span className="mt-1 block">
                          {counts.skip} skip · {counts.modify} modify · {counts.ok} ok
                          {data.unassessed.length > 0 ? ` · ${data.unassessed.length} not checked yet` : ""}
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
              <p className="text-sm text-muted-foreground">{formatDateTime(selected.at, calendar)}</p>
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
              <ConfirmDialog
                trigger={
                  <Button variant="outline" disabled={remove.isPending}>
                    <Trash2 aria-hidden="true" /> Remove
                  </Button>
                }
                title={`Remove ${selected.title || kindLabels[selected.kind]}?`}
                description={`The session on ${formatDateTime(selected.at, calendar)} is taken off the plan for the whole squad, and its pre-flight verdicts and alerts go with it.`}
                confirmLabel="Remove session"
                destructive
                onConfirm={() => remove.mutate({ id: selected.id })}
              />
            </div>
          </CardHeader>
          <CardContent>
            <DataTable
              caption={selected.title || kindLabels[selected.kind]}
              data={[
                ...verdictsOf(selected.id)
                  .sort((a, b) => verdictOrder.indexOf(a.result.verdict) - verdictOrder.indexOf(b.result.verdict))
                  .map((v): VerdictRow => ({ athleteId: v.athleteId, name: names.get(v.athleteId) ?? "", verdict: v.result })),
                ...data.unassessed.map((u): VerdictRow => ({ athleteId: u.athleteId, name: names.get(u.athleteId) ?? "", unassessed: u.state })),
              ]}
              columns={verdictColumns}
              getRowId={(r) => r.athleteId}
              enableSorting={false}
              empty="Nobody in this squad yet."
              className="border-0"
            />
          </CardContent>
        </Card>
      ) : null}

      {/* A new week starts a new form: its day choices are that week's days. */}
      {/* Until the chosen squad's week has loaded, the form would plan into the one still shown. */}
      <AddSession key={dayKey(weekStart)} squadId={squadId} days={days} calendar={calendar} loading={shown !== url} onCreated={async (id) => {
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

function AddSession({
  squadId,
  days,
  calendar,
  onCreated,
  loading,
}: {
  squadId: string;
  days: Date[];
  calendar: { timeZone: string; locale: string };
  onCreated: (id: string) => Promise<void>;
  loading: boolean;
}) {
  const dayKey = (date: Date) => localDateKey(date.getTime(), calendar.timeZone);
  const trpc = useTRPC();
  const form = useForm<NewSession, unknown, NewSessionOutput>({
    resolver: labelledResolver(newSessionSchema, L),
    defaultValues: { day: dayKey(days.find((d) => dayKey(d) === dayKey(new Date())) ?? days[0] ?? new Date()), time: "18:00", kind: "easy_run", title: "" },
    mode: "onTouched",
  });
  // A session before now is asked about first: usually a wrong day, sometimes last week entered late.
  const [pastSession, setPastSession] = useState<(Parameters<typeof create.mutate>[0] & { at: Date }) | null>(null);
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
  const submit = form.handleSubmit((parsed) => {
    const input = {
      squadId,
      // The coach types the club's wall-clock time; it is stored as the instant it means there.
      at: wallTimeToDate(parsed.day, parsed.time, calendar.timeZone),
      kind: parsed.kind,
      durationMinutes: parsed.durationMinutes ?? null,
      title: parsed.title,
      notes: "",
    };
    if (plannedInThePast(input.at, new Date())) setPastSession(input);
    else create.mutate(input);
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
          <ConfirmDialog
            open={pastSession !== null}
            onOpenChange={(open) => {
              if (!open) setPastSession(null);
            }}
            title="Plan a session in the past?"
            description={
              pastSession
                ? `${formatDateTime(pastSession.at, calendar)} has already passed. Athletes' verdicts are worked out for it as if it happened. Plan it anyway, or go back and pick another day or time.`
                : ""
            }
            confirmLabel="Plan it anyway"
            cancelLabel="Pick another time"
            onConfirm={() => {
              if (pastSession) create.mutate(pastSession);
              setPastSession(null);
            }}
          />
          <Field label={L.day} htmlFor="new-day" error={errors.day?.message} required>
            <NativeSelect {...form.register("day")}>
              {days.map((d) => (
                <NativeSelectOption key={d.toISOString()} value={dayKey(d)}>
                  {formatDate(d, calendar)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label={L.time} htmlFor="new-time" error={errors.time?.message} required>
            {(control) => (
              <Controller
                control={form.control}
                name="time"
                render={({ field }) => (
                  <TimeField {...control} label={L.time} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
                )}
              />
            )}
          </Field>
          <Field label={L.kind} htmlFor="new-kind" error={errors.kind?.message} required>
            <NativeSelect {...form.register("kind")}>
              {squadSessionKinds.map((k) => (
                <NativeSelectOption key={k} value={k}>
                  {kindLabels[k]}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field label={L.durationMinutes} htmlFor="new-minutes" error={errors.durationMinutes?.message}>
            <Input inputMode="numeric" {...form.register("durationMinutes", { setValueAs: numberOrUndefined })} />
          </Field>
          <Field label={L.title} htmlFor="new-title" error={errors.title?.message}>
            <Input placeholder="e.g. Hill reps 8 x 60 s" maxLength={TEXT_LIMITS.title} {...form.register("title")} />
          </Field>
          <Button type="submit" disabled={create.isPending || loading}>
            {create.isPending ? "Planning…" : "Plan session"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
