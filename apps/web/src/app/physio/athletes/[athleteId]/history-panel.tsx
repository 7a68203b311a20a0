"use client";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@loadline/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { useTRPC } from "@/trpc/react";
import { formatDateTime } from "../../_components/labels";
import { useClubCalendar } from "@/components/club-calendar";

const phaseChangeLabel = { advance: "Advanced (criteria met)", advance_override: "Advanced with override", regress: "Moved back" } as const;

export function HistoryPanel({ athleteId }: { athleteId: string }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const { data: versions } = useSuspenseQuery(trpc.plans.history.queryOptions({ athleteId }));
  const newest = versions[0]?.version ?? 0;
  // Until the physio picks, compare the two newest versions (also after a new save arrives).
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const from = picked?.from ?? Math.max(1, newest - 1);
  const to = picked?.to ?? newest;
  const setFrom = (value: number) => setPicked({ from: value, to });
  const setTo = (value: number) => setPicked({ from, to: value });
  const diff = useQuery({ ...trpc.plans.diff.queryOptions({ athleteId, from, to }), enabled: newest > 0 && from !== to });
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Compare two versions</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="flex flex-wrap gap-4">
            <Field label="From version">
              <NativeSelect value={String(from)} onChange={(e) => setFrom(Number(e.target.value))}>
                {versions.map((v) => (
                  <NativeSelectOption key={v.version} value={String(v.version)}>
                    Version {v.version}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
            <Field label="To version">
              <NativeSelect value={String(to)} onChange={(e) => setTo(Number(e.target.value))}>
                {versions.map((v) => (
                  <NativeSelectOption key={v.version} value={String(v.version)}>
                    Version {v.version}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
          </div>
          <div aria-live="polite">
            {from === to ? (
              <p className="text-sm text-muted-foreground">Choose two different versions.</p>
            ) : diff.data ? (
              diff.data.changes.length === 0 ? (
                <p className="text-sm text-muted-foreground">No differences.</p>
              ) : (
                <ul className="grid gap-1 text-sm" aria-label="Differences">
                  {diff.data.changes.map((c, i) => (
                    <li key={i} className="rounded border-l-4 border-primary/40 bg-muted/40 px-3 py-1">
                      {c.summary}
                    </li>
                  ))}
                </ul>
              )
            ) : (
              <p className="text-sm text-muted-foreground">Loading differences…</p>
            )}
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Plan history</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="grid gap-3">
            {versions.map((v) => (
              <li key={v.id} className="rounded-lg border p-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">Version {v.version}</span>
                  <Badge variant="secondary">Phase {v.phase}</Badge>
                  {v.phaseChange ? <Badge variant={v.phaseChange === "advance_override" ? "amber" : "info"}>{phaseChangeLabel[v.phaseChange]}</Badge> : null}
                  <span className="text-muted-foreground">
                    {v.authorName}, {formatDateTime(v.createdAt, calendar)}
                  </span>
                </div>
                <p className="mt-1">{v.changeSummary}</p>
                {v.phaseChangeReason ? <p className="mt-1 text-muted-foreground">Reason: {v.phaseChangeReason}</p> : null}
              </li>
            ))}
          </ol>
          {versions.length === 0 ? <p className="text-sm text-muted-foreground">No plan versions yet.</p> : null}
        </CardContent>
      </Card>
    </div>
  );
}
