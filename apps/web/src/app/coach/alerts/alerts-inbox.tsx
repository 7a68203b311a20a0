"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
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
import { formatDateTime, severityLabels } from "../_lib/labels";
import type { AlertItem } from "../_lib/types";
import type { AlertStatus as Status } from "./status";
import { useClubCalendar } from "@/components/club-calendar";


export function AlertsInbox({ status }: { status: Status }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { data: alerts } = useSuspenseQuery(trpc.alerts.list.queryOptions({ status }));
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

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter alerts">
        <div className="grid gap-1.5">
          <Label htmlFor="alerts-status">Show</Label>
          <NativeSelect id="alerts-status" value={status} onChange={(e) => setParam("status", e.target.value === "new" ? "" : e.target.value)}>
            <NativeSelectOption value="new">New</NativeSelectOption>
            <NativeSelectOption value="acknowledged">Acknowledged</NativeSelectOption>
            <NativeSelectOption value="all">All open</NativeSelectOption>
          </NativeSelect>
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
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="rounded-lg border p-8 text-center text-muted-foreground">{status === "new" ? "No new alerts. Nothing needs you right now." : "No alerts here."}</p>
      ) : (
        <ul className="grid gap-3">
          {shown.map((alert) => (
            <li key={alert.id}>
              <AlertCard alert={alert} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AlertCard({ alert }: { alert: AlertItem }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const acknowledge = useMutation(
    trpc.alerts.acknowledge.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.alerts.list.queryKey() });
        router.refresh(); // the navigation count
        toast.success(`Alert for ${alert.athleteName} acknowledged`);
      },
      onError: (e) => setError(e.data?.fieldErrors?.note?.[0] ?? e.message),
    }),
  );
  const noteId = `note-${alert.id}`;
  return (
    <Card>
      <CardContent className="grid gap-3 pt-6 md:grid-cols-[1fr_22rem]">
        <div className="grid gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={alert.severity}>{alert.medicalReview ? "Medical review needed" : `${alert.ruleId} · ${severityLabels[alert.severity]}`}</Badge>
            <Link href={`/coach/athletes/${alert.athleteId}`} className="font-medium text-primary underline-offset-4 hover:underline">
              {alert.athleteName}
            </Link>
            <span className="text-xs text-muted-foreground">
              {alert.squads.map((s) => s.name).join(", ")} · raised {formatDateTime(alert.raisedAt, calendar)}
            </span>
          </div>
          <p>{alert.message}</p>
          {alert.acknowledgedAt ? (
            <p className="text-sm text-muted-foreground">
              Acknowledged by {alert.acknowledgedByName ?? "staff"} on {formatDateTime(alert.acknowledgedAt, calendar)}
              {alert.acknowledgeNote ? <>: “{alert.acknowledgeNote}”</> : "."}
            </p>
          ) : null}
        </div>
        {alert.acknowledgedAt ? null : alert.medicalReview ? (
          <p className="text-sm text-muted-foreground">The physio handles medical reviews; this clears when they act on it. Keep the athlete out of training until then.</p>
        ) : (
          <form
            className="grid gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (!note.trim()) {
                setError("Write a short note about what you did");
                return;
              }
              setError(null);
              acknowledge.mutate({ alertId: alert.id, note });
            }}
            noValidate
          >
            <Field label="Note" htmlFor={noteId} error={error ?? undefined} required>
              <Textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. Spoke to the athlete; swapped to the bike" />
            </Field>
            <Button type="submit" variant="outline" disabled={acknowledge.isPending}>
              {acknowledge.isPending ? "Saving…" : "Acknowledge"}
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
