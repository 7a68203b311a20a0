"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { gaitCatalogue, gaitSeverityTone } from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@loadline/ui/card";
import { useTRPC } from "@/trpc/react";
import { formatDate } from "../_lib/labels";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { urlParam, useUrlState } from "@/hooks/use-url-state";
import { useClubCalendar } from "@/components/club-calendar";

const sideLabel = (side: string | null) => (side ? ` · ${side}` : "");

export function SquadFaults() {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.gait.squadFaults.queryOptions({}));
  const { data: squads } = useSuspenseQuery(trpc.roster.squads.queryOptions());
  const { values, set } = useUrlState({ squad: urlParam.id() });
  const inSquad = new Set(data.athletes.filter((a) => !values.squad || a.squadIds.includes(values.squad)).map((a) => a.id));
  const hints = data.cadenceHints.filter((h) => inSquad.has(h.athleteId));

  return (
    <div className="grid gap-6">
      <FilterBar label="Filter gait faults">
        <FilterSelect
          id="gait-squad"
          label="Squad"
          value={values.squad}
          onChange={(squad) => set({ squad })}
          options={[{ value: "", label: "All squads" }, ...squads.map((s) => ({ value: s.id, label: s.name }))]}
        />
      </FilterBar>

      {hints.length > 0 ? (
        <Alert variant="amber">
          <AlertTitle>Low cadence in recent runs</AlertTitle>
          <AlertDescription>
            <ul className="grid gap-1">
              {hints.map((h) => (
                <li key={h.sessionId}>
                  <Link href={`/coach/athletes/${h.athleteId}`} className="font-medium underline underline-offset-4">
                    {h.athleteName}
                  </Link>{" "}
                  ({h.imported ? "imported run" : "logged run"}, {formatDate(h.at, calendar)}): {h.message}{" "}
                  <Link href={`/coach/gait/new?athlete=${h.athleteId}&fault=OVERSTRIDE`} className="underline underline-offset-4">
                    Record a gait check
                  </Link>
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        {data.faults.map((fault) => {
          const athletes = fault.athletes.filter((a) => inSquad.has(a.athleteId));
          return (
            <Card key={fault.code}>
              <CardHeader>
                <CardTitle>
                  <h2>{fault.label}</h2>
                </CardTitle>
                <CardDescription>{gaitCatalogue[fault.code].coachSees}</CardDescription>
              </CardHeader>
              <CardContent>
                {athletes.length === 0 ? (
                  <p className="text-sm text-muted-foreground">Nobody at the latest assessment.</p>
                ) : (
                  <ul className="grid gap-2">
                    {athletes.map((a) => (
                      <li key={a.athleteId} className="flex flex-wrap items-center gap-2 text-sm">
                        <Link href={`/coach/athletes/${a.athleteId}`} className="font-medium text-primary underline-offset-4 hover:underline">
                          {a.athleteName}
                        </Link>
                        <Badge variant={gaitSeverityTone(a.severity)}>
                          Severity {a.severity}
                          {sideLabel(a.side)}
                        </Badge>
                        <span className="text-muted-foreground">{formatDate(a.assessedAt, calendar)}</span>
                        {a.cues.length > 0 ? <span className="w-full text-muted-foreground">Cues: {a.cues.join("; ")}</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </CardContent>
            </Card>
          );
        })}
      </div>
    </div>
  );
}
