"use client";
import { useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { activityLabels, formatCalendarDate, localDateKey, redFlagQuestions, type ActivityKind } from "@loadline/domain";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { GaitForm } from "@/app/coach/gait/new/gait-form";
import { useClubCalendar } from "@/components/club-calendar";
import { describeLogWindow, LogWindowPicker, useLogWindowParam } from "@/components/log-window-picker";
import { DataTable, type DataColumn } from "@/components/data-table";
import { sessionRecordColumns } from "@/components/session-record-columns";
import { useTRPC } from "@/trpc/react";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { formatDate, formatDateTime, humanize, severityLabel } from "../../_components/labels";
import { CorrectCheckIn, CorrectLog } from "./correct-log";
import { VisaHWithAthlete } from "./visa-h-with-athlete";

type Records = inferRouterOutputs<AppRouter>["athleteRecords"]["get"];
type Session = Records["sessions"][number];
type CheckIn = Records["checkIns"][number];

const windows = [14, 28, 90, 365] as const;
const redFlagLabel = new Map<string, string>(redFlagQuestions.map((q) => [q.id, q.label]));
const activityText = (activities: readonly string[]) => activities.map((a) => activityLabels[a as ActivityKind] ?? humanize(a)).join(", ");
const dash = (value: number | null | undefined, suffix = "") => (value === null || value === undefined ? "–" : `${value}${suffix}`);

/**
 * What the athlete logged and what the engine made of it, over a quick window of days or a from-to
 * range of the club's days (kept in the address); every edit is counted and listed.
 */
export function RecordsPanel({ athleteId }: { athleteId: string }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { window, setWindow } = useLogWindowParam(28);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [correctingCheckIn, setCorrectingCheckIn] = useState<string | null>(null);
  const { data: episodes } = useSuspenseQuery(trpc.episodes.list.queryOptions({ athleteId }));
  const { data, isPending, error } = useQuery(trpc.athleteRecords.get.queryOptions({ athleteId, ...window }));
  const today = localDateKey(Date.now(), calendar.timeZone);
  const editedBadge = (revisions: number) => (revisions > 1 ? <Badge variant="amber">Edited ({revisions - 1})</Badge> : null);
  const sessionColumns: DataColumn<Session>[] = [
    ...sessionRecordColumns<Session>(calendar),
    {
      id: "contained",
      header: "Contained",
      enableSorting: false,
      cell: ({ row: { original: s } }) => (
        <>
          {activityText(s.activities)}
          {s.fullTraining ? <Badge variant="outline" className="ml-1">Full training</Badge> : null}
          {s.fullIntensity ? <Badge variant="outline" className="ml-1">Full intensity</Badge> : null}
          {s.heavy ? <Badge variant="outline" className="ml-1">Heavy</Badge> : null}
          {s.heaviestRm !== null ? <span className="ml-1">{s.heaviestRm}RM</span> : null}
        </>
      ),
    },
    {
      id: "history",
      header: "History",
      enableSorting: false,
      cell: ({ row: { original: s } }) => (
        <>
          {editedBadge(s.revisions) ?? "As logged"}
          {s.athleteMayEdit ? null : (
            <Button type="button" size="sm" variant="ghost" onClick={() => setCorrecting(correcting === s.id ? null : s.id)}>
              Correct<span className="sr-only"> the log of {formatDateTime(s.at, calendar)}</span>
            </Button>
          )}
        </>
      ),
    },
  ];
  const checkInColumns: DataColumn<CheckIn>[] = [
    { id: "at", accessorFn: (c) => c.at.getTime(), header: "When", meta: { rowHeader: true }, cell: ({ row }) => formatDateTime(row.original.at, calendar) },
    { id: "morningPain", accessorKey: "morningPain", header: "Morning pain" },
    { id: "loadTestPain", accessorFn: (c) => c.loadTestPain ?? -1, header: "Load test", cell: ({ row }) => dash(row.original.loadTestPain) },
    { id: "restPain", accessorFn: (c) => c.restPain ?? -1, header: "Rest pain", cell: ({ row }) => dash(row.original.restPain) },
    { id: "longestSit", accessorFn: (c) => c.longestSitMinutes ?? -1, header: "Longest sit", cell: ({ row }) => dash(row.original.longestSitMinutes, " min") },
    {
      id: "redFlags",
      header: "Red flags",
      enableSorting: false,
      cell: ({ row: { original: c } }) => (c.redFlags.length === 0 ? "None" : c.redFlags.map((r) => redFlagLabel.get(r) ?? r).join("; ")),
    },
    {
      id: "history",
      header: "History",
      enableSorting: false,
      cell: ({ row: { original: c } }) => (
        <>
          {editedBadge(c.revisions)}
          {c.athleteMayEdit ? null : (
            <Button type="button" size="sm" variant="ghost" onClick={() => setCorrectingCheckIn(correctingCheckIn === c.id ? null : c.id)}>
              Correct<span className="sr-only"> the check-in of {formatDateTime(c.at, calendar)}</span>
            </Button>
          )}
        </>
      ),
    },
  ];
  const period = describeLogWindow(window, (day) => formatCalendarDate(day, calendar));
  return (
    <div className="grid gap-6">
      <LogWindowPicker key={`${window.from ?? ""}-${window.to ?? ""}`} idPrefix="records" windows={windows} value={window} onChange={setWindow} today={today} serverError={error} />
      {isPending ? <p className="text-sm text-muted-foreground">Loading records…</p> : null}
      {error ? <p role="alert" className="text-sm text-destructive">{error.message}</p> : null}
      {data ? (
        <>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Flags now</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              {data.flags.length === 0 ? <p className="text-sm text-muted-foreground">No rule fires.</p> : null}
              <ul className="grid gap-2 text-sm" aria-label="Flags">
                {data.flags.map((f, i) => (
                  <li key={`${f.ruleId}-${i}`} className="flex items-start gap-2">
                    <Badge variant="outline">{f.ruleId}</Badge>
                    <Badge variant="secondary">{severityLabel[f.severity]}</Badge>
                    <span>{f.message}</span>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Sessions and runs</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              {data.sessions.length === 0 ? (
                <p className="text-sm text-muted-foreground">Nothing logged in {period}.</p>
              ) : (
                <DataTable caption="Sessions and runs" data={data.sessions} columns={sessionColumns} getRowId={(row) => row.id} empty={`Nothing logged in ${period}.`} />
              )}
              {correcting
                ? (() => {
                    const log = data.sessions.find((s) => s.id === correcting);
                    return log ? <CorrectLog key={log.id} athleteId={athleteId} log={log} onDone={() => setCorrecting(null)} /> : null;
                  })()
                : null}
              <p className="mt-2 text-xs text-muted-foreground">The athlete changes a log for 24 hours after saving it; after that, you correct it here with a reason.</p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Morning check-ins</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              {data.checkIns.length === 0 ? (
                <p className="text-sm text-muted-foreground">No check-in in {period}.</p>
              ) : (
                <DataTable caption="Morning check-ins" data={data.checkIns} columns={checkInColumns} getRowId={(row) => row.id} empty={`No check-in in ${period}.`} />
              )}
              {correctingCheckIn
                ? (() => {
                    const checkIn = data.checkIns.find((c) => c.id === correctingCheckIn);
                    return checkIn ? <CorrectCheckIn key={checkIn.id} athleteId={athleteId} checkIn={checkIn} onDone={() => setCorrectingCheckIn(null)} /> : null;
                  })()
                : null}
            </CardContent>
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>
                  <h2>VISA-H history</h2>
                </CardTitle>
              </CardHeader>
              <CardContent>
                {data.visaH.length === 0 ? <p className="text-sm text-muted-foreground">No questionnaire yet.</p> : null}
                <ul className="grid gap-1 text-sm" aria-label="VISA-H history">
                  {data.visaH.map((v) => (
                    <li key={v.id}>
                      {formatDate(v.at, calendar)}: <span className="font-medium">{v.total}</span>/100
                    </li>
                  ))}
                </ul>
                <details className="mt-4 rounded-lg border p-3">
                  <summary className="cursor-pointer text-sm font-medium">Complete VISA-H with the athlete</summary>
                  <div className="mt-3">
                    <VisaHWithAthlete athleteId={athleteId} />
                  </div>
                </details>
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>
                  <h2>Gait assessments</h2>
                </CardTitle>
              </CardHeader>
              <CardContent>
                {data.gait.length === 0 ? <p className="text-sm text-muted-foreground">No gait assessment yet.</p> : null}
                <ul className="grid gap-2 text-sm" aria-label="Gait assessments">
                  {data.gait.map((g) => (
                    <li key={g.id}>
                      {formatDate(g.at, calendar)} · {g.assessorName} · {humanize(g.surface)}
                      {g.cadenceSpm !== null ? ` · ${g.cadenceSpm} steps/min` : ""}: {g.faults.map((f) => `${humanize(f.code.toLowerCase())} (${f.severity})`).join(", ")}
                      {g.notes ? <p className="text-muted-foreground">{g.notes}</p> : null}
                      {g.revisions > 1 ? (
                        <details className="mt-1">
                          <summary className="cursor-pointer">
                            <Badge variant="amber">Corrected ({g.revisions - 1})</Badge> <span className="sr-only">Show the versions of this assessment</span>
                          </summary>
                          <ol className="mt-1 grid gap-1 text-muted-foreground" aria-label="Versions of this gait assessment">
                            {data.revisions
                              .filter((r) => r.logKind === "gait" && r.logId === g.id)
                              .toReversed()
                              .map((r) => (
                                <li key={r.id}>
                                  {formatDateTime(r.changedAt, calendar)} ({r.action === "create" ? "recorded" : r.action === "update" ? "corrected" : "deleted"}): {gaitVersionText(r.data)}
                                </li>
                              ))}
                          </ol>
                        </details>
                      ) : null}
                    </li>
                  ))}
                </ul>
                {data.mayWriteGait ? (
                  <details className="mt-4 rounded-lg border p-3">
                    <summary className="cursor-pointer text-sm font-medium">Record a gait assessment</summary>
                    <div className="mt-3">
                      <GaitForm
                        athletes={[{ id: athleteId, name: episodes.athlete.name }]}
                        athleteId={athleteId}
                        initialFault={null}
                        today={today}
                        onSaved={() => queryClient.invalidateQueries({ queryKey: trpc.athleteRecords.get.pathKey() })}
                      />
                    </div>
                  </details>
                ) : (
                  <p className="mt-4 text-xs text-muted-foreground">Coaches record gait assessments; the club owner can let physios record them too (club settings).</p>
                )}
              </CardContent>
            </Card>
          </div>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Log history</h2>
              </CardTitle>
              <p className="text-sm text-muted-foreground">Every save, edit and deletion of a log or check-in, as the athlete sees it in their own history.</p>
            </CardHeader>
            <CardContent>
              {data.revisions.length === 0 ? <p className="text-sm text-muted-foreground">No changes in {period}.</p> : null}
              <ul className="grid gap-1 text-sm" aria-label="Log history">
                {data.revisions.map((r) => (
                  <li key={r.id}>
                    {formatDateTime(r.changedAt, calendar)}: {r.logKind === "session" ? "log" : r.logKind === "check_in" ? "check-in" : r.logKind === "gait" ? "gait assessment" : "VISA-H"} {r.action === "create" ? "saved" : r.action === "update" ? (r.byStaff ? "corrected by staff" : "edited") : "deleted"}
                    {r.reason ? ` (${r.reason})` : ""}
                    {r.logKind === "gait" && r.action === "delete" ? `: ${gaitVersionText(r.data)}` : ""}
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        </>
      ) : null}
    </div>
  );
}

/** One stored version of a gait assessment, in words: its cues and notes. */
function gaitVersionText(data: Record<string, unknown>): string {
  const cues = Array.isArray(data.cues) ? data.cues.filter((c): c is string => typeof c === "string") : [];
  const notes = typeof data.notes === "string" ? data.notes : "";
  return [cues.length > 0 ? `cues ${cues.join("; ")}` : null, notes ? `notes "${notes}"` : null].filter(Boolean).join(", ") || "no cues or notes";
}
