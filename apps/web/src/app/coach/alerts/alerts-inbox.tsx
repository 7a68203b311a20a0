"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
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
import { formatDateTime, severityLabels } from "../_lib/labels";
import type { AlertItem } from "../_lib/types";
import { inboxQueryOf, inboxSquadFilter } from "./status";

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
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { data: mine } = useSuspenseQuery(trpc.squads.mine.queryOptions());
  const query = inboxQueryOf(params, mine);
  const squadFilter = inboxSquadFilter(params, mine);
  const { data: alerts } = useSuspenseQuery(trpc.alerts.list.queryOptions(query));
  const { data: squads } = useSuspenseQuery(trpc.roster.squads.queryOptions());
  const [q, setQ] = useState(params.get("q") ?? "");
  const severity = params.get("severity") ?? "";
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const shown = alerts.filter(
    (a) => (!severity || a.severity === severity) && (!q.trim() || a.athleteName.toLowerCase().includes(q.trim().toLowerCase())),
  );
  const groups = collapseAlerts(shown);

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter alerts">
        <div className="grid gap-1.5">
          <Label htmlFor="alerts-status">Show</Label>
          <NativeSelect id="alerts-status" value={query.status} onChange={(e) => setParam("status", e.target.value === "new" ? "" : e.target.value)}>
            <NativeSelectOption value="new">New</NativeSelectOption>
            <NativeSelectOption value="acknowledged">Acknowledged</NativeSelectOption>
            <NativeSelectOption value="archived">Archived</NativeSelectOption>
            <NativeSelectOption value="closed">Resolved or retired</NativeSelectOption>
            <NativeSelectOption value="all">All</NativeSelectOption>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="alerts-squad">Squad</Label>
          <NativeSelect id="alerts-squad" value={squadFilter} onChange={(e) => setParam("squad", e.target.value)}>
            {mine.length > 0 ? <NativeSelectOption value="mine">My squads</NativeSelectOption> : null}
            <NativeSelectOption value="all">All squads</NativeSelectOption>
            {squads.map((s) => (
              <NativeSelectOption key={s.id} value={s.id}>
                {s.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="alerts-from">Raised from</Label>
          <Input id="alerts-from" type="date" value={query.from ?? ""} max={query.to} onChange={(e) => setParam("from", e.target.value)} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="alerts-to">to</Label>
          <Input id="alerts-to" type="date" value={query.to ?? ""} min={query.from} onChange={(e) => setParam("to", e.target.value)} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="alerts-severity">Severity</Label>
          <NativeSelect id="alerts-severity" value={severity} onChange={(e) => setParam("severity", e.target.value)}>
            <NativeSelectOption value="">Any</NativeSelectOption>
            <NativeSelectOption value="escalate">Medical review</NativeSelectOption>
            <NativeSelectOption value="red">Red</NativeSelectOption>
            <NativeSelectOption value="amber">Amber</NativeSelectOption>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="alerts-search">Athlete</Label>
          <Input
            id="alerts-search"
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setParam("q", e.target.value);
            }}
          />
        </div>
        <p className="ml-auto text-sm text-muted-foreground" aria-live="polite">
          {shown.length} alert{shown.length === 1 ? "" : "s"}
          {groups.length !== shown.length ? ` in ${groups.length} group${groups.length === 1 ? "" : "s"}` : ""}
        </p>
      </div>
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
  const [scope, setScope] = useState("all");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const athletes = [...new Map(alerts.filter((a) => a.canAcknowledge).map((a) => [a.athleteId, a.athleteName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const rules = [...new Set(alerts.filter((a) => a.canAcknowledge).map((a) => a.ruleId))].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const bulk = useMutation(
    trpc.alerts.acknowledgeMany.mutationOptions({
      onSuccess: async (result) => {
        setNote("");
        setError(null);
        await invalidate();
        const left = result.leftForPhysio > 0 ? `; ${result.leftForPhysio} medical review${result.leftForPhysio === 1 ? "" : "s"} left for the physio` : "";
        toast.success(`${result.acknowledged} alert${result.acknowledged === 1 ? "" : "s"} acknowledged${left}`);
      },
      onError: (e) => setError(e.data?.fieldErrors?.note?.[0] ?? e.message),
    }),
  );
  return (
    <form
      className="grid gap-3 rounded-lg border bg-card p-4 md:grid-cols-[16rem_1fr_auto] md:items-end"
      aria-label="Acknowledge several alerts"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!note.trim()) {
          setError("Write a short note about what you did");
          return;
        }
        const [kind, value] = scope.split(":");
        const ruleId = kind === "rule" ? ruleIds.find((r) => r === value) : undefined;
        bulk.mutate({
          note,
          ...(squadIds ? { squadIds } : {}),
          ...(kind === "athlete" && value ? { athleteId: value } : {}),
          ...(ruleId ? { ruleId } : {}),
        });
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="bulk-scope">Acknowledge</Label>
        <NativeSelect id="bulk-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
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
      <Field label="Note for all of them" htmlFor="bulk-note" error={error ?? undefined} required>
        <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder="e.g. Weekly review: squad moved to the bike" />
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
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const onError = (e: { message: string; data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null }) =>
    setError(e.data?.fieldErrors?.note?.[0] ?? e.message);
  const acknowledge = useMutation(trpc.alerts.acknowledge.mutationOptions({ onError }));
  const resolve = useMutation(trpc.alerts.resolve.mutationOptions({ onError }));
  const count = group.alerts.length;
  const act = async (action: "acknowledge" | "resolve") => {
    if (!note.trim()) {
      setError("Write a short note about what you did");
      return;
    }
    setError(null);
    const targets = group.alerts.filter((a) => (action === "acknowledge" ? a.canAcknowledge : a.canResolve));
    try {
      for (const a of targets) await (action === "acknowledge" ? acknowledge : resolve).mutateAsync({ alertId: a.id, note });
      toast.success(`${count > 1 ? `${targets.length} alerts` : "Alert"} for ${alert.athleteName} ${action === "acknowledge" ? "acknowledged" : "resolved"}`);
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
            onSubmit={(e) => {
              e.preventDefault();
              void act(alert.canAcknowledge ? "acknowledge" : "resolve");
            }}
            noValidate
          >
            <Field label="Note" htmlFor={noteId} error={error ?? undefined} required>
              <Textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. Spoke to the athlete; swapped to the bike" />
            </Field>
            <div className="flex flex-wrap gap-2">
              {alert.canAcknowledge ? (
                <Button type="submit" variant="outline" disabled={pending}>
                  {acknowledge.isPending ? "Saving…" : count > 1 ? `Acknowledge ${count}` : "Acknowledge"}
                </Button>
              ) : null}
              {alert.canResolve ? (
                <Button type="button" variant="secondary" disabled={pending} onClick={() => void act("resolve")}>
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
