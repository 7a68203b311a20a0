"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "@loadline/ui/sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@loadline/ui/alert-dialog";
import { Button } from "@loadline/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@loadline/ui/dialog";
import { useTRPC } from "@/trpc/react";
import { formatCalendarDate, formatInClubTime, checkInLabels, localDateKey, runLogLabels, sessionLogLabels } from "@loadline/domain";
import { useClubCalendar } from "@/components/club-calendar";
import { describeLogWindow, LogWindowPicker, useLogWindowParam } from "@/components/log-window-picker";

type Entry = {
  kind: "session" | "check_in";
  id: string;
  at: Date;
  title: string;
  detail: string;
  editable: boolean;
  editHref: string;
};

const typeNames = { strength: "Strength", run: "Run", field: "Field", cross_training: "Cross-training" } as const;

/** How far back the list goes: two weeks by default (prefetched with the page), up to a year, or a from-to range. */
const windows = [14, 30, 90, 365] as const;

/** The logs and check-ins of a chosen window (two weeks by default) or date range, with edit, delete and history for each. */
export function RecentLogs() {
  const trpc = useTRPC();
  const calendar = useClubCalendar();
  const when = (d: Date) => formatInClubTime(d, calendar, "dateTime");
  const queryClient = useQueryClient();
  // The window lives in the address (?days=90 or ?from=...&to=...), so a reload keeps it.
  const { window, setWindow } = useLogWindowParam(14);
  // The default window arrives with the page; another one keeps the current list on screen while it loads.
  const { data: firstSessions } = useSuspenseQuery(trpc.athleteLogs.list.queryOptions({ days: 14 }));
  const { data: firstCheckIns } = useSuspenseQuery(trpc.checkIns.list.queryOptions({ days: 14 }));
  const longer = window.days !== 14;
  const { data: moreSessions, error: sessionsError } = useQuery({ ...trpc.athleteLogs.list.queryOptions(window), enabled: longer, placeholderData: keepPreviousData });
  const { data: moreCheckIns } = useQuery({ ...trpc.checkIns.list.queryOptions(window), enabled: longer, placeholderData: keepPreviousData });
  const today = localDateKey(Date.now(), calendar.timeZone);
  const period = describeLogWindow(window, (day) => formatCalendarDate(day, calendar));
  const sessions = longer ? (moreSessions ?? firstSessions) : firstSessions;
  const checkIns = longer ? (moreCheckIns ?? firstCheckIns) : firstCheckIns;
  const [toDelete, setToDelete] = useState<Entry | null>(null);
  const [historyOf, setHistoryOf] = useState<Entry | null>(null);
  const refresh = () => void queryClient.invalidateQueries();
  const onDeleted = () => {
    toast.success("Log deleted. It stays in the history your physio can see.");
    setToDelete(null);
    refresh();
  };
  const onDeleteFailed = (e: { message: string }) => toast.error(e.message);
  const deleteSession = useMutation(trpc.athleteLogs.delete.mutationOptions({ onSuccess: onDeleted, onError: onDeleteFailed }));
  const deleteCheckIn = useMutation(trpc.checkIns.delete.mutationOptions({ onSuccess: onDeleted, onError: onDeleteFailed }));

  const entries: Entry[] = [
    ...sessions.map((s) => ({
      kind: "session" as const,
      id: s.id,
      at: s.at,
      title: typeNames[s.type],
      detail:
        s.type === "run"
          ? [s.distanceKm ? `${s.distanceKm} km` : null, s.minutes ? `${s.minutes} min` : null, `pain ${s.painDuring}${s.painAfter !== null ? `/${s.painAfter}` : ""}`].filter(Boolean).join(" · ")
          : `${s.minutes ?? "–"} min · RPE ${s.rpe ?? "–"} · pain ${s.painDuring}${s.painAfter !== null ? `/${s.painAfter}` : ""}`,
      editable: s.editable,
      editHref: s.type === "run" ? `/me/log/run?edit=${s.id}` : `/me/log/session?edit=${s.id}`,
    })),
    ...checkIns.map((c) => ({
      kind: "check_in" as const,
      id: c.id,
      at: c.at,
      title: "Morning check-in",
      detail: [`morning pain ${c.morningPain}`, c.loadTestPain !== null ? `load test ${c.loadTestPain}` : null, c.redFlags.length > 0 ? "red flag answered" : null]
        .filter(Boolean)
        .join(" · "),
      editable: c.editable,
      editHref: `/me/log/check-in?edit=${c.id}`,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());

  return (
    <section aria-labelledby="recent-title" className="grid gap-3">
      <h2 id="recent-title" className="text-lg font-semibold">
        {window.from && window.to ? `${formatCalendarDate(window.from, calendar)} to ${formatCalendarDate(window.to, calendar)}` : `Last ${window.days ?? 14} days`}
      </h2>
      <LogWindowPicker key={`${window.from ?? ""}-${window.to ?? ""}`} idPrefix="my-logs" windows={windows} value={window} onChange={setWindow} today={today} serverError={sessionsError} />
      {entries.length === 0 ? <p className="text-sm text-muted-foreground">Nothing logged in {period}.</p> : null}
      <ul className="grid gap-2">
        {entries.map((e) => (
          <li key={`${e.kind}-${e.id}`} className="grid gap-2 rounded-lg border p-3">
            <div>
              <div className="flex items-baseline justify-between gap-2">
                <span className="font-medium">{e.title}</span>
                <span className="text-xs text-muted-foreground">{when(e.at)}</span>
              </div>
              <p className="text-sm text-muted-foreground">{e.detail}</p>
            </div>
            <div className="flex flex-wrap gap-2">
              {e.editable ? (
                <>
                  <Button asChild variant="outline" size="sm">
                    <Link href={e.editHref}>
                      Edit<span className="sr-only"> {e.title} of {when(e.at)}</span>
                    </Link>
                  </Button>
                  <Button variant="outline" size="sm" onClick={() => setToDelete(e)}>
                    Delete<span className="sr-only"> {e.title} of {when(e.at)}</span>
                  </Button>
                </>
              ) : null}
              <Button variant="ghost" size="sm" onClick={() => setHistoryOf(e)}>
                History<span className="sr-only"> of {e.title} of {when(e.at)}</span>
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <AlertDialog open={toDelete !== null} onOpenChange={(open) => !open && setToDelete(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete this log?</AlertDialogTitle>
            <AlertDialogDescription>
              {toDelete ? `${toDelete.title}, ${when(toDelete.at)}.` : ""} It no longer counts towards your results; the history keeps a record of it.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Keep it</AlertDialogCancel>
            <AlertDialogAction
              onClick={(event) => {
                event.preventDefault();
                if (!toDelete) return;
                if (toDelete.kind === "session") deleteSession.mutate({ id: toDelete.id });
                else deleteCheckIn.mutate({ id: toDelete.id });
              }}
            >
              Delete
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      <Dialog open={historyOf !== null} onOpenChange={(open) => !open && setHistoryOf(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>History</DialogTitle>
            <DialogDescription>Every saved version of this log.</DialogDescription>
          </DialogHeader>
          {historyOf ? <History kind={historyOf.kind} id={historyOf.id} /> : null}
        </DialogContent>
      </Dialog>
    </section>
  );
}

const actionNames = { create: "Saved", update: "Changed", delete: "Deleted" } as const;
const shown = ["painDuring", "painAfter", "minutes", "rpe", "distanceKm", "morningPain", "loadTestPain", "restPain", "notes"] as const;
/** The same labels the forms and their error sentences use. */
const historyLabels: Record<(typeof shown)[number], string> = {
  painDuring: sessionLogLabels.painDuring,
  painAfter: sessionLogLabels.painAfter,
  minutes: sessionLogLabels.minutes,
  rpe: sessionLogLabels.rpe,
  distanceKm: runLogLabels.distanceKm,
  morningPain: checkInLabels.morningPain,
  loadTestPain: checkInLabels.loadTestPain,
  restPain: checkInLabels.restPain,
  notes: sessionLogLabels.notes,
};

function History({ kind, id }: { kind: "session" | "check_in"; id: string }) {
  const trpc = useTRPC();
  const calendar = useClubCalendar();
  const when = (d: Date) => formatInClubTime(d, calendar, "dateTime");
  const { data, isPending, isError } = useQuery(trpc.athleteLogs.history.queryOptions({ kind, id }));
  if (isPending) return <p className="text-sm">Loading…</p>;
  if (isError) return <p className="text-sm text-destructive">Could not load the history.</p>;
  return (
    <ol className="grid gap-2 text-sm">
      {data.map((r) => (
        <li key={r.id} className="rounded-md border p-2">
          <div className="font-medium">
            {r.byPhysio ? "Corrected by your physio" : actionNames[r.action]} · {when(r.changedAt)}
          </div>
          {r.reason ? <div>Reason: {r.reason}</div> : null}
          <div className="text-muted-foreground">
            {shown
              .filter((k) => r.data[k] !== null && r.data[k] !== undefined && r.data[k] !== "")
              .map((k) => `${historyLabels[k]}: ${String(r.data[k])}`)
              .join(" · ")}
          </div>
        </li>
      ))}
    </ol>
  );
}
