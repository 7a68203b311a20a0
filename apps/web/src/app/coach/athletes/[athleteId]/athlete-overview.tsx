"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { collapseAlerts, gaitCatalogue, localDateKey, outcomeBadge, outcomeFlagDisagreement, weeklyComparedWithWords, weeklyVolumeSeries, gaitSeverityTone } from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@loadline/ui/card";
import { toast } from "@loadline/ui/sonner";
import { PainChart, type PainPoint } from "@/components/charts/pain-chart";
import { WeeklyVolumeChart, type WeeklyVolumePoint } from "@/components/charts/weekly-volume-chart";
import { DataTable, type DataColumn } from "@/components/data-table";
import { NotesThread } from "@/components/notes-thread";
import { sessionRecordColumns } from "@/components/session-record-columns";
import { PageHeader } from "@/components/page-header";
import { useTRPC } from "@/trpc/react";
import { FlagBadges } from "../../_lib/flag-badges";
import { FlagTipArea } from "../../_lib/flag-tip";
import { DAY_MS, availabilityLabels, formatDate, formatDateTime, outcomeVariant, severityLabels } from "../../_lib/labels";
import type { AthleteOverview as Overview } from "../../_lib/types";

type Session = Overview["sessions"][number];

/** The shared session columns, then the cadence a run brings (the gait hint reads it). */
const sessionColumns = (calendar: Overview["assessment"]["calendar"]): DataColumn<Session>[] => [
  ...sessionRecordColumns<Session>(calendar),
  { id: "cadence", accessorFn: (s) => s.cadenceSpm ?? -1, header: "Cadence", cell: ({ row }) => row.original.cadenceSpm ?? "–" },
];

/** Daily pain during/after (worst session of the day) and morning pain, for the pain chart. */
function painByDay(data: Overview): PainPoint[] {
  const isoDay = (d: Date) => localDateKey(d.getTime(), data.assessment.calendar.timeZone);
  const days = new Map<string, PainPoint>();
  const day = (iso: string) => days.get(iso) ?? { date: iso, during: null, after: null, morning: null };
  for (const s of data.sessions) {
    const point = day(isoDay(s.at));
    point.during = Math.max(point.during ?? 0, s.painDuring);
    if (s.painAfter !== null) point.after = Math.max(point.after ?? 0, s.painAfter);
    days.set(point.date, point);
  }
  for (const p of data.pain) {
    const point = day(isoDay(p.at));
    point.morning = p.pain;
    days.set(point.date, point);
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Weekly running km in the club's weeks (its zone and week start), with R10's growth-limit line as the plan sets it, from the domain. */
function weeklyKm(data: Overview, now: Date): WeeklyVolumePoint[] {
  const runs = data.sessions.filter((s) => s.type === "run").map((s) => ({ at: s.at, distanceKm: s.distanceKm }));
  return weeklyVolumeSeries(runs, now, Math.ceil(data.overviewDays / 7), data.assessment.weeklyGreenMaxPct, data.assessment.calendar).map((w) => ({
    weekStart: w.weekStart,
    km: Math.round(w.km * 10) / 10,
    tenPercentLimitKm: w.tenPercentLimitKm === null ? null : Math.round(w.tenPercentLimitKm * 10) / 10,
  }));
}

export function AthleteOverview({ athleteId }: { athleteId: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.board.athlete.queryOptions({ athleteId }));
  const a = data.assessment;
  const volume = a.workload.weeklyVolume;
  const gait = data.gaitAssessments[0];
  const [showAllSessions, setShowAllSessions] = useState(false);
  const sessions = showAllSessions ? data.sessions : data.sessions.slice(0, 15);

  return (
    <div className="grid gap-6">
      <PageHeader
        title={data.athlete.name}
        description={`${data.athlete.eventOrSport} · ${data.athlete.squads.map((s) => s.name).join(", ") || "No squad"}`}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/coach/board">Back to board</Link>
            </Button>
            <Button asChild variant="outline">
              <a href={`/api/reports/handover/${data.athlete.id}`} download>
                Download handover (PDF)
              </a>
            </Button>
            <Button asChild>
              <Link href={`/coach/gait/new?athlete=${data.athlete.id}`}>Record gait assessment</Link>
            </Button>
          </>
        }
      />

      {a.medicalReviewNeeded ? (
        <Alert variant="escalate">
          <AlertTitle>Medical review needed</AlertTitle>
          <AlertDescription>No training until the athlete has been reviewed. The physio has the detail.</AlertDescription>
        </Alert>
      ) : null}

      <section aria-labelledby="status-heading" className="grid gap-4 md:grid-cols-4">
        <h2 id="status-heading" className="sr-only">
          Status
        </h2>
        <Card>
          <CardHeader>
            <CardDescription>Availability</CardDescription>
            <CardTitle>
              <Badge variant={a.availability} className="text-sm">
                {availabilityLabels[a.availability]}
              </Badge>
            </CardTitle>
          </CardHeader>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Phase</CardDescription>
            <CardTitle className="text-lg">{a.phase === null ? "Not in rehab" : `Phase ${a.phase}`}</CardTitle>
          </CardHeader>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Latest session outcome</CardDescription>
            <CardTitle>
              {a.latestOutcome ? (
                <Badge variant={outcomeVariant(outcomeBadge(a.latestOutcome).tone)} className="text-sm">
                  {outcomeBadge(a.latestOutcome).label}
                </Badge>
              ) : (
                <span className="text-lg">None yet</span>
              )}
            </CardTitle>
          </CardHeader>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Next high-load day (R7)</CardDescription>
            <CardTitle className="text-lg">
              {a.nextHighLoadAt === null ? "No limit" : a.nextHighLoadAt.getTime() <= a.evaluatedAt.getTime() ? "Allowed now" : formatDateTime(a.nextHighLoadAt, a.calendar)}
            </CardTitle>
          </CardHeader>
        </Card>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Open flags</h2>
            </CardTitle>
            <CardDescription>{a.progression.blocked ? "Progression is on hold." : "Progression is open."}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            <FlagTipArea>
              <FlagBadges flags={a.flags} />
            </FlagTipArea>
            {a.flags.length > 0 ? (
              <ul className="grid gap-1 text-sm">
                {collapseAlerts(a.flags.map((f) => ({ ...f, athleteId: a.athleteId, status: "new" as const }))).map(({ key, first: f, alerts: same }) => (
                  <li key={key}>
                    <span className="font-medium">{f.medicalReview ? "Medical review" : `${f.ruleId} ${severityLabels[f.severity]}`}:</span> {f.message}
                    {same.length > 1 ? (
                      <span className="text-muted-foreground">
                        {" "}
                        (× {same.length}: {same.map((s) => formatDateTime(s.at, a.calendar)).join(" · ")})
                      </span>
                    ) : null}
                    {a.latestOutcome && f.at.getTime() === a.latestOutcome.at.getTime() && outcomeFlagDisagreement(a.latestOutcome.zone, f) ? (
                      <span className="block text-muted-foreground">{outcomeFlagDisagreement(a.latestOutcome.zone, f)}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Phase timeline</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            {data.phaseHistory.length === 0 ? (
              <p className="text-sm text-muted-foreground">No rehab plan: this athlete trains with the squad.</p>
            ) : (
              <ol className="grid gap-2 border-l pl-4">
                {data.phaseHistory.map((p, i) => (
                  <li key={i} className="text-sm">
                    <span className="font-medium">Phase {p.phase}</span> from {formatDate(p.startedAt, a.calendar)}
                    {i === data.phaseHistory.length - 1 ? ` (${Math.floor((a.evaluatedAt.getTime() - p.startedAt.getTime()) / DAY_MS)} days so far)` : ""}
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Pain</h2>
            </CardTitle>
            <CardDescription>During and after sessions, and each morning, over {Math.round(data.overviewDays / 7)} weeks.</CardDescription>
          </CardHeader>
          <CardContent>
            <PainChart data={painByDay(data)} bands={a.painBands} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Running volume and load</h2>
            </CardTitle>
            <CardDescription>
              This week {Math.round(volume.current * 10) / 10} {volume.unit === "km" ? "km" : "min"}
              {volume.changePct !== null && volume.comparedWith
                ? ` (${volume.changePct > 0 ? "+" : ""}${Math.round(volume.changePct)} % ${weeklyComparedWithWords[volume.comparedWith]})`
                : ""}
              . {a.workload.acwrSummary}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <WeeklyVolumeChart data={weeklyKm(data, a.evaluatedAt)} limitPct={a.weeklyGreenMaxPct} calendar={a.calendar} />
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Gait and cues</h2>
          </CardTitle>
          {data.cadenceHint ? <CardDescription>{data.cadenceHint.message}</CardDescription> : null}
        </CardHeader>
        <CardContent className="grid gap-4">
          {gait ? null : <p className="text-sm text-muted-foreground">No gait assessment yet.</p>}
          {data.gaitAssessments.map((g) => (
            <div key={g.id} className="grid gap-1 rounded-lg border p-3 text-sm">
              <p className="font-medium">
                {formatDate(g.at, a.calendar)} · {g.surface === "treadmill" ? "Treadmill" : "Overground"}
                {g.speedKmh ? ` · ${g.speedKmh} km/h` : ""}
                {g.cadenceSpm ? ` · ${g.cadenceSpm} steps/min` : ""} · by {g.assessorName}
              </p>
              <ul className="flex flex-wrap gap-1" aria-label="Faults">
                {g.faults.map((f) => (
                  <li key={f.code}>
                    <Badge variant={gaitSeverityTone(f.severity)}>
                      {gaitCatalogue[f.code].label} · severity {f.severity}
                      {f.side ? ` · ${f.side}` : ""}
                    </Badge>
                  </li>
                ))}
              </ul>
              {g.cues.length > 0 ? <p>Cues: {g.cues.join("; ")}</p> : null}
              {g.notes ? <p className="text-muted-foreground">{g.notes}</p> : null}
              {g.videoUrl ? (
                <a href={g.videoUrl} className="text-primary underline underline-offset-4" rel="noreferrer noopener" target="_blank">
                  Video
                </a>
              ) : null}
              {g.corrected ? <p className="text-xs text-muted-foreground">Corrected; the earlier version is in the athlete&apos;s history.</p> : null}
              {g.mayCorrect ? <GaitActions athleteId={data.athlete.id} assessmentId={g.id} /> : null}
            </div>
          ))}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Sessions and runs</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {data.sessions.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing logged in the last {data.overviewDays} days.</p>
          ) : (
            <DataTable caption="Sessions and runs" data={sessions} columns={sessionColumns(a.calendar)} getRowId={(row) => row.id} empty={`Nothing logged in the last ${data.overviewDays} days.`} />
          )}
          {data.sessions.length > sessions.length ? (
            <Button variant="outline" className="mt-3" onClick={() => setShowAllSessions(true)}>
              Show all {data.sessions.length} sessions
            </Button>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Flag history</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {data.flagHistory.length === 0 ? (
            <p className="text-sm text-muted-foreground">No flags recorded.</p>
          ) : (
            <ul className="grid gap-2 text-sm">
              {data.flagHistory.map((f) => (
                <li key={f.id} className="flex flex-wrap items-baseline gap-2">
                  <Badge variant={f.severity}>{f.medicalReview ? "Medical review" : `${f.ruleId} · ${severityLabels[f.severity]}`}</Badge>
                  <span>{f.message}</span>
                  <span className="text-xs text-muted-foreground">
                    {formatDate(f.raisedAt, a.calendar)}
                    {f.status === "new" ? "" : ` · ${f.status}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardContent className="pt-6">
          <NotesThread athleteId={data.athlete.id} />
        </CardContent>
      </Card>
    </div>
  );
}

/** Correct or delete the coach's own assessment (within the correction window; the server checks again). */
function GaitActions({ athleteId, assessmentId }: { athleteId: string; assessmentId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.gait.remove.mutationOptions({
      onError: (e) => setError(e.message),
      onSuccess: async (result) => {
        toast.success(result.message);
        await queryClient.invalidateQueries({ queryKey: trpc.board.athlete.queryKey({ athleteId }) });
        await queryClient.invalidateQueries({ queryKey: trpc.gait.squadFaults.queryKey() });
      },
    }),
  );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button asChild variant="outline" size="sm">
        <Link href={`/coach/gait/correct?athlete=${athleteId}&assessment=${assessmentId}`}>Correct</Link>
      </Button>
      {confirming ? (
        <>
          <span className="text-sm">Delete this assessment? It stays in the athlete&apos;s history for the physio.</span>
          <Button type="button" variant="destructive" size="sm" disabled={remove.isPending} onClick={() => remove.mutate({ assessmentId })}>
            Yes, delete
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </>
      ) : (
        <Button type="button" variant="outline" size="sm" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      )}
      {error ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
