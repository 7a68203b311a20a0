"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useDeferredValue } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { collapseAlerts, ruleIds, type CollapsedAlerts } from "@loadline/domain";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Textarea } from "@loadline/ui/textarea";
import { useTRPC } from "@/trpc/react";
import { useClubCalendar } from "@/components/club-calendar";
import { DateField } from "@/components/date-field";
import { FilterBar, FilterField, FilterSearch, FilterSelect } from "@/components/filter-bar";
import { useUrlState } from "@/hooks/use-url-state";
import { applyServerErrors } from "@/lib/form-errors";
import { formatDateTime, severityLabels } from "../_lib/labels";
import type { AlertItem } from "../_lib/types";
import { inboxQueryOf, inboxSquadFilter, inboxUrl } from "./status";

/** What acknowledging or resolving asks for: the server words its own limits. */
const noteForm = z.object({ note: z.string().trim().min(1, "Write a short note about what you did") });
type NoteForm = z.infer<typeof noteForm>;

const statusLabels = { new: "New", acknowledged: "Acknowledged", resolved: "Resolved", retired: "Retired" } as const;

function useInvalidateAlerts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.alerts.list.queryKey() });
    router.refresh(); // the navigation count
  };
}

export function AlertsInbox() {
  const trpc = useTRPC();
  const { data: mine } = useSuspenseQuery(trpc.squads.mine.queryOptions());
  const { values: url, set } = useUrlState(inboxUrl);
  // The list follows the filters once it has loaded, so the bar and the old list stay on screen
  // meanwhile instead of the page falling back to its loading state.
  const query = inboxQueryOf(useDeferredValue(url), mine);
  const squadFilter = inboxSquadFilter(url, mine);
  const { data: alerts } = useSuspenseQuery(trpc.alerts.list.queryOptions(query));
  const { data: squads } = useSuspenseQuery(trpc.roster.squads.queryOptions());
  const q = url.q.trim().toLowerCase();
  const shown = alerts.filter((a) => (!url.severity || a.severity === url.severity) && (!q || a.athleteName.toLowerCase().includes(q)));
  const groups = collapseAlerts(shown);

  return (
    <div className="grid gap-4">
      <FilterBar
        label="Filter alerts"
        summary={`${shown.length} alert${shown.length === 1 ? "" : "s"}${groups.length !== shown.length ? ` in ${groups.length} group${groups.length === 1 ? "" : "s"}` : ""}`}
      >
        <FilterSelect
          id="alerts-status"
          label="Show"
          value={url.status}
          onChange={(status) => set({ status })}
          options={[
            { value: "new", label: "New" },
            { value: "acknowledged", label: "Acknowledged" },
            { value: "archived", label: "Archived" },
            { value: "closed", label: "Resolved or retired" },
            { value: "all", label: "All" },
          ]}
        />
        <FilterSelect
          id="alerts-squad"
          label="Squad"
          value={squadFilter}
          onChange={(squad) => set({ squad })}
          options={[
            ...(mine.length > 0 ? [{ value: "mine", label: "My squads" }] : []),
            { value: "all", label: "All squads" },
            ...squads.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <FilterField label="Raised from" htmlFor="alerts-from">
          <DateField id="alerts-from" label="Raised from" optional value={url.from} onChange={(from) => set({ from })} />
        </FilterField>
        <FilterField label="to" htmlFor="alerts-to">
          <DateField id="alerts-to" label="Raised to" optional value={url.to} onChange={(to) => set({ to })} />
        </FilterField>
        <FilterSelect
          id="alerts-severity"
          label="Severity"
          value={url.severity}
          onChange={(severity) => set({ severity })}
          options={[
            { value: "", label: "Any" },
            { value: "escalate", label: "Medical review" },
            { value: "red", label: "Red" },
            { value: "amber", label: "Amber" },
          ]}
        />
        <FilterSearch id="alerts-search" label="Athlete" value={url.q} onChange={(q) => set({ q })} className="w-48" />
      </FilterBar>
      {query.status === "new" && shown.some((a) => a.canAcknowledge) ? <BulkAcknowledge alerts={shown} squadIds={query.squadIds} /> : null}
      {groups.length === 0 ? (
        <p className="rounded-lg border p-8 text-center text-muted-foreground">{query.status === "new" ? "No new alerts. Nothing needs you right now." : "No alerts here."}</p>
      ) : (
        <ul className="grid gap-3" aria-label="Alerts">
          {groups.map((group) => (
            <li key={group.key}>
              <AlertCard group={group} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Acknowledge every new alert of an athlete, of a rule, or all shown, with one note. */
function BulkAcknowledge({ alerts, squadIds }: { alerts: AlertItem[]; squadIds: string[] | undefined }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateAlerts();
  const form = useForm<NoteForm & { scope: string }>({
    resolver: zodResolver(noteForm.extend({ scope: z.string() })),
    defaultValues: { scope: "all", note: "" },
  });
  const athletes = [...new Map(alerts.filter((a) => a.canAcknowledge).map((a) => [a.athleteId, a.athleteName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const rules = [...new Set(alerts.filter((a) => a.canAcknowledge).map((a) => a.ruleId))].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const bulk = useMutation(
    trpc.alerts.acknowledgeMany.mutationOptions({
      onSuccess: async (result) => {
        form.reset({ scope: form.getValues("scope"), note: "" });
        await invalidate();
        const left = result.leftForPhysio > 0 ? `; ${result.leftForPhysio} medical review${result.leftForPhysio === 1 ? "" : "s"} left for the physio` : "";
        toast.success(`${result.acknowledged} alert${result.acknowledged === 1 ? "" : "s"} acknowledged${left}`);
      },
      onError: (e) => applyServerErrors(form, e),
    }),
  );
  const { errors } = form.formState;
  return (
    <form
      className="grid gap-3 rounded-lg border bg-card p-4 md:grid-cols-[16rem_1fr_auto] md:items-end"
      aria-label="Acknowledge several alerts"
      noValidate
      onSubmit={form.handleSubmit(({ scope, note }) => {
        const [kind, value] = scope.split(":");
        const ruleId = kind === "rule" ? ruleIds.find((r) => r === value) : undefined;
        bulk.mutate({
          note,
          ...(squadIds ? { squadIds } : {}),
          ...(kind === "athlete" && value ? { athleteId: value } : {}),
          ...(ruleId ? { ruleId } : {}),
        });
      })}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="bulk-scope">Acknowledge</Label>
        <NativeSelect id="bulk-scope" {...form.register("scope")}>
          <NativeSelectOption value="all">All new alerts{squadIds ? (squadIds.length === 1 ? " in this squad" : " in these squads") : ""}</NativeSelectOption>
          {athletes.map(([id, name]) => (
            <NativeSelectOption key={id} value={`athlete:${id}`}>
              All of {name}
            </NativeSelectOption>
          ))}
          {rules.map((rule) => (
            <NativeSelectOption key={rule} value={`rule:${rule}`}>
              All {rule} alerts
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <Field label="Note for all of them" htmlFor="bulk-note" error={errors.note?.message ?? errors.root?.message} required>
        <Input {...form.register("note")} maxLength={500} placeholder="e.g. Weekly review: squad moved to the bike" />
      </Field>
      <Button type="submit" variant="outline" disabled={bulk.isPending}>
        {bulk.isPending ? "Saving…" : "Acknowledge all"}
      </Button>
    </form>
  );
}

function AlertCard({ group }: { group: CollapsedAlerts<AlertItem> }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const invalidate = useInvalidateAlerts();
  const alert = group.first;
  const form = useForm<NoteForm>({ resolver: zodResolver(noteForm), defaultValues: { note: "" } });
  const acknowledge = useMutation(trpc.alerts.acknowledge.mutationOptions({ onError: (e) => applyServerErrors(form, e) }));
  const resolve = useMutation(trpc.alerts.resolve.mutationOptions({ onError: (e) => applyServerErrors(form, e) }));
  const count = group.alerts.length;
  const act = (action: "acknowledge" | "resolve") => async ({ note }: NoteForm) => {
    const targets = group.alerts.filter((a) => (action === "acknowledge" ? a.canAcknowledge : a.canResolve));
    try {
      for (const a of targets) await (action === "acknowledge" ? acknowledge : resolve).mutateAsync({ alertId: a.id, note });
      toast.success(`${count > 1 ? `${targets.length} alerts` : "Alert"} for ${alert.athleteName} ${action === "acknowledge" ? "acknowledged" : "resolved"}`);
    } catch {
      // The mutation's onError has put the sentence at the note.
    } finally {
      await invalidate();
    }
  };
  const noteId = `note-${group.key}`;
  const causes = group.alerts.flatMap((a) => (a.causeAt && a.causeAt.getTime() !== a.raisedAt.getTime() ? [a.causeAt] : []));
  const pending = acknowledge.isPending || resolve.isPending;
  return (
    <Card data-testid="alert-card" data-rule={alert.ruleId} data-status={alert.status}>
      <CardContent className="grid gap-3 pt-6 md:grid-cols-[1fr_22rem]">
        <div className="grid gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={alert.severity}>{alert.medicalReview ? "Medical review needed" : `${alert.ruleId} · ${severityLabels[alert.severity]}`}</Badge>
            {alert.status !== "new" ? <Badge variant="outline">{statusLabels[alert.status]}</Badge> : null}
            {count > 1 ? <Badge variant="secondary">× {count}</Badge> : null}
            <Link href={`/coach/athletes/${alert.athleteId}`} className="font-medium text-primary underline-offset-4 hover:underline">
              {alert.athleteName}
            </Link>
            <span className="text-xs text-muted-foreground">
              {alert.squads.map((s) => s.name).join(", ")} · raised {formatDateTime(alert.raisedAt, calendar)}
            </span>
          </div>
          <p>{alert.message}</p>
          {causes.length > 0 ? (
            <p className="text-sm text-muted-foreground">
              {causes.length === 1 ? "Session" : "Sessions"}: {causes.map((c) => formatDateTime(c, calendar)).join(" · ")}
            </p>
          ) : null}
          {alert.retiredSentence ? <p className="text-sm text-muted-foreground">{alert.retiredSentence}</p> : null}
          {alert.resolvedAt ? (
            <p className="text-sm text-muted-foreground">
              Resolved by {alert.resolvedByName ?? "staff"} on {formatDateTime(alert.resolvedAt, calendar)}
              {alert.resolutionNote ? <>: “{alert.resolutionNote}”</> : "."}
            </p>
          ) : alert.acknowledgedAt ? (
            <p className="text-sm text-muted-foreground">
              Acknowledged by {alert.acknowledgedByName ?? "staff"} on {formatDateTime(alert.acknowledgedAt, calendar)}
              {alert.acknowledgeNote ? <>: “{alert.acknowledgeNote}”</> : "."}
            </p>
          ) : null}
        </div>
        {alert.medicalReview && alert.status === "new" ? (
          <p className="text-sm text-muted-foreground">The physio handles medical reviews; this clears when they act on it. Keep the athlete out of training until then.</p>
        ) : alert.canAcknowledge || alert.canResolve ? (
          <form
            className="grid gap-2"
            onSubmit={form.handleSubmit(act(alert.canAcknowledge ? "acknowledge" : "resolve"))}
            noValidate
          >
            <Field label="Note" htmlFor={noteId} error={form.formState.errors.note?.message ?? form.formState.errors.root?.message} required>
              <Textarea rows={2} {...form.register("note")} placeholder="e.g. Spoke to the athlete; swapped to the bike" />
            </Field>
            <div className="flex flex-wrap gap-2">
              {alert.canAcknowledge ? (
                <Button type="submit" variant="outline" disabled={pending}>
                  {acknowledge.isPending ? "Saving…" : count > 1 ? `Acknowledge ${count}` : "Acknowledge"}
                </Button>
              ) : null}
              {alert.canResolve ? (
                <Button type="button" variant="secondary" disabled={pending} onClick={() => void form.handleSubmit(act("resolve"))()}>
                  {resolve.isPending ? "Saving…" : count > 1 ? `Resolve ${count}` : "Resolve"}
                </Button>
              ) : null}
            </div>
            {!alert.canResolve && alert.status !== "resolved" ? (
              <p className="text-xs text-muted-foreground">A clinical alert: the physio resolves it.</p>
            ) : null}
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
