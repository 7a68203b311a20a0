"use client";
import Link from "next/link";
import type { RecordedSportTarget } from "@loadline/domain";
import type { ImportedActivity, ImportedFile } from "@loadline/run-import";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { useClubCalendar } from "@/components/club-calendar";
import { choiceText, climbText, durationText, sessionTypeWords, sportLabel, steepestText, cadenceText } from "./activity-text";

/** The choice of activity in a multisport file (radio buttons: labelled, keyboard-operable). */
export function ActivityChoice({ file, chosen, onChoose, name }: { file: ImportedFile; chosen: number; onChoose: (index: number) => void; name: string }) {
  const calendar = useClubCalendar();
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">This file holds {file.activities.length} activities. Which one do you want to log?</legend>
      {file.activities.map((activity, index) => (
        <label key={index} className="flex min-h-12 items-center gap-3 rounded-lg border px-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent">
          <input type="radio" name={name} className="size-5 accent-primary" checked={chosen === index} onChange={() => onChoose(index)} />
          {choiceText(activity, calendar)}
        </label>
      ))}
    </fieldset>
  );
}

/** What was read from the chosen run: sport, moving and elapsed time, climb and where the steepest stretch is. */
export function RunSummary({ activity, fileName }: { activity: ImportedActivity; fileName: string }) {
  const duration = durationText(activity);
  const details = [climbText(activity), steepestText(activity), cadenceText(activity)].filter((d): d is string => d !== null);
  return (
    <Alert variant="info" data-testid="import-result">
      <AlertTitle>Read {fileName}</AlertTitle>
      <AlertDescription>
        <p>
          {sportLabel(activity)}: {activity.distanceKm !== null ? `${activity.distanceKm} km` : "no distance"}
          {duration ? `, ${duration}` : ", no duration"}.
        </p>
        {details.length > 0 ? (
          <ul className="list-disc pl-4">
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
        {activity.notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
        <p>Check the values below, then add your pain.</p>
      </AlertDescription>
    </Alert>
  );
}

/** A ride, walk or gym session read on the run form: offered as the matching session, or refused. */
export function NotARun({ activity, target }: { activity: ImportedActivity; target: Exclude<RecordedSportTarget, { form: "run" }> }) {
  const title = `${sportLabel(activity)} is not a run`;
  if (target.form === "none") {
    return (
      <Alert variant="amber" data-testid="import-not-a-run">
        <AlertTitle>{title}</AlertTitle>
        <AlertDescription>{target.reason}</AlertDescription>
      </Alert>
    );
  }
  const minutes = activity.movingMinutes ?? activity.elapsedMinutes;
  const params = new URLSearchParams({ type: target.type });
  if (minutes !== null) params.set("minutes", String(Math.round(minutes)));
  for (const a of target.activities) params.append("activity", a);
  if (activity.startedAt) params.set("at", activity.startedAt.toISOString());
  return (
    <Alert variant="amber" data-testid="import-not-a-run">
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>
          Only runs count towards your running load, so nothing was filled in here. Log it as {sessionTypeWords[target.type]} instead
          {minutes !== null ? ` (${Math.round(minutes)} min)` : ""}.
        </p>
        <Button asChild variant="secondary" className="mt-2 h-11">
          <Link href={`/me/log/session?${params.toString()}`}>Log as {sessionTypeWords[target.type]}</Link>
        </Button>
      </AlertDescription>
    </Alert>
  );
}

/** Figures that look wrong for a run: the athlete corrects them or ticks that they are right. */
export function PlausibilityCheck({ warnings, confirmed, onConfirm, error, id }: { warnings: string[]; confirmed: boolean; onConfirm: (value: boolean) => void; error: string | null; id: string }) {
  return (
    <Alert variant="amber" data-testid="import-warning">
      <AlertTitle>Do these figures look right?</AlertTitle>
      <AlertDescription>
        {warnings.map((w) => (
          <p key={w}>{w}</p>
        ))}
        <label className="mt-2 flex min-h-11 items-center gap-3 text-sm font-medium">
          <input
            id={id}
            type="checkbox"
            className="size-5 accent-primary"
            checked={confirmed}
            onChange={(event) => onConfirm(event.target.checked)}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          The figures are right: save them as they are
        </label>
        {error ? (
          <p id={`${id}-error`} className="text-destructive">
            {error}
          </p>
        ) : null}
      </AlertDescription>
    </Alert>
  );
}
