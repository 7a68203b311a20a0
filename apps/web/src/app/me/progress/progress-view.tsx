"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Badge } from "@loadline/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@loadline/ui/card";
import { PainChart } from "@/components/charts/pain-chart";
import { VisaHChart } from "@/components/charts/visa-h-chart";
import { WeeklyVolumeChart } from "@/components/charts/weekly-volume-chart";
import { useTRPC } from "@/trpc/react";
import { formatInClubTime, weeklyComparedWithWords } from "@loadline/domain";
import { useClubCalendar } from "@/components/club-calendar";

const statusLabel = { met: "Met", not_met: "Not yet", unknown: "Unknown" } as const;
const statusVariant = { met: "zone-green", not_met: "zone-amber", unknown: "outline" } as const;
const changeLabel = { advance: "Moved on", advance_override: "Moved on (physio's decision)", regress: "Stepped back" } as const;

export function ProgressView() {
  const trpc = useTRPC();
  const calendar = useClubCalendar();
  const { data: p } = useSuspenseQuery(trpc.progress.get.queryOptions({ weeks: 8 }));
  const met = p.exitCriteria.filter((c) => c.status === "met").length;
  // Phase history: a new entry only when the phase (or its start) changed between plan versions.
  const phases = p.phaseHistory.filter((v, i, all) => i === 0 || v.phase !== all[i - 1]?.phase || v.phaseStartedAt.getTime() !== all[i - 1]?.phaseStartedAt.getTime());

  return (
    <div className="grid gap-5">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Pain</h2>
          </CardTitle>
          <CardDescription>Worst pain during and after sessions each day, and your morning pain.</CardDescription>
        </CardHeader>
        <CardContent>{p.pain.length > 0 ? <PainChart data={p.pain} bands={p.painBands} /> : <p className="text-sm text-muted-foreground">No logs yet.</p>}</CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Weekly running</h2>
          </CardTitle>
          {p.workload?.weeklyVolume.changePct !== null && p.workload ? (
            <CardDescription>
              Last 7 days: {p.workload.weeklyVolume.current} {p.workload.weeklyVolume.unit} ({p.workload.weeklyVolume.changePct >= 0 ? "+" : ""}
              {p.workload.weeklyVolume.changePct} % {weeklyComparedWithWords[p.workload.weeklyVolume.comparedWith ?? "previous_week"]}).
            </CardDescription>
          ) : null}
        </CardHeader>
        <CardContent>
          {p.weeklyVolume.some((w) => w.runs > 0) ? <WeeklyVolumeChart data={p.weeklyVolume} limitPct={p.weeklyGreenMaxPct} /> : <p className="text-sm text-muted-foreground">No runs in the last 8 weeks.</p>}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>VISA-H</h2>
          </CardTitle>
          {p.visaHSummary ? (
            <CardDescription>
              Latest {p.visaHSummary.latestTotal}/100; baseline {p.visaHSummary.baseline} ({p.visaHSummary.change >= 0 ? "+" : ""}
              {p.visaHSummary.change}).
            </CardDescription>
          ) : null}
        </CardHeader>
        <CardContent>
          {p.visaH.length > 0 ? (
            <VisaHChart data={p.visaH} target={p.visaHSummary ? { value: Math.min(100, p.visaHSummary.baseline + p.visaHMeaningfulChange), label: `baseline + ${p.visaHMeaningfulChange}` } : null} />
          ) : (
            <p className="text-sm text-muted-foreground">No questionnaire yet.</p>
          )}
        </CardContent>
      </Card>

      {p.phase !== null ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Ready for the next phase?</h2>
            </CardTitle>
            <CardDescription>
              {met} of {p.exitCriteria.length} checks met. Your physio decides when you move on.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-3">
              {p.exitCriteria.map((c) => (
                <li key={c.id} className="grid gap-1 rounded-lg border p-3 text-sm">
                  <div className="flex items-start justify-between gap-2">
                    <span>
                      <span className="text-muted-foreground">{c.id}</span> {c.description}
                    </span>
                    <Badge variant={statusVariant[c.status]}>{statusLabel[c.status]}</Badge>
                  </div>
                  {c.dataNeeded ? <p className="text-muted-foreground">To find out: {c.dataNeeded}</p> : null}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Phase history</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {phases.length === 0 ? (
            <p className="text-sm text-muted-foreground">You have no rehab plan.</p>
          ) : (
            <ol className="grid gap-2 text-sm">
              {phases.map((v) => (
                <li key={v.version} className="flex flex-wrap items-baseline justify-between gap-2 border-b pb-2 last:border-0">
                  <span className="font-medium">Phase {v.phase}</span>
                  <span className="text-muted-foreground">
                    from {formatInClubTime(v.phaseStartedAt, calendar, "date")}
                    {v.phaseChange ? ` · ${changeLabel[v.phaseChange]}` : ""}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
