import Link from "next/link";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { formatInClubTime, highLoadSpacingWords, localDateKey, outcomeBadge } from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@loadline/ui/card";
import { ExerciseChecklist } from "./exercise-checklist";

const DAY_MS = 86_400_000;
const severityLabel = { info: "Info", amber: "Amber", red: "Red", escalate: "Urgent" } as const;
const availabilityLabel = { available: "Available", modified: "Modified training", rehab: "Rehab programme", unavailable: "Not training" } as const;

function countdown(target: Date, now: Date): string {
  const ms = target.getTime() - now.getTime();
  if (ms <= 0) return "allowed now";
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.ceil((ms - days * DAY_MS) / 3_600_000);
  if (days === 0) return `in ${hours} h`;
  return `in ${days} day${days === 1 ? "" : "s"}${hours > 0 && hours < 24 ? ` ${hours} h` : ""}`;
}

function dose(p: { sets: number; reps: number | null; holdSeconds: number | null; intensityPct: number | null; repetitionMaximum: number | null; tempo: string | null }): string {
  const volume = p.reps !== null ? `${p.sets} × ${p.reps}` : `${p.sets} × ${p.holdSeconds ?? "–"} s hold`;
  const intensity = p.repetitionMaximum !== null ? `~${p.repetitionMaximum}RM` : p.intensityPct !== null ? `${p.intensityPct} % effort` : null;
  return [volume, intensity, p.tempo ? `tempo ${p.tempo}` : null].filter(Boolean).join(" · ");
}

export type TodayData = inferRouterOutputs<AppRouter>["today"]["get"];

/**
 * The athlete's home: phase, today's plan, what to avoid, cues, next hard day, flags. Rendered
 * on the server alone (only the exercise ticks run in the browser), so the page ships no API
 * client; a fresh visit renders it again.
 */
export function Today({ t, now }: { t: TodayData; now: Date }) {
  const firstName = t.name.split(" ")[0] ?? t.name;
  const spacing = highLoadSpacingWords(t.spacingHours, t.highLoadAllowed);

  return (
    <div className="mx-auto grid max-w-xl gap-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hi {firstName}</h1>
        <p className="text-sm text-muted-foreground">
          <span>{t.eventOrSport}</span>
          {t.squads.length > 0 ? <span> · {t.squads.join(", ")}</span> : null}
        </p>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <span>{formatInClubTime(now, t.calendar, "longDay")}</span>
          <Badge variant={t.availability}>{availabilityLabel[t.availability]}</Badge>
        </p>
      </div>

      {!t.checkedInToday ? (
        <Alert variant="info">
          <AlertTitle>Morning check-in</AlertTitle>
          <AlertDescription>
            <p>Log how the tendon settled overnight before you train.</p>
            <Button asChild size="sm" className="mt-2">
              <Link href="/me/log/check-in">Check in now</Link>
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}

      {t.flags.length > 0 ? (
        <section aria-labelledby="flags-title" className="grid gap-2">
          <h2 id="flags-title" className="text-lg font-semibold">
            Things to know
          </h2>
          {t.flags.map((f) => (
            <Alert key={`${f.ruleId}-${f.message}`} variant={f.severity === "info" ? "info" : f.severity}>
              <AlertTitle>
                {severityLabel[f.severity]} · {f.ruleId}
              </AlertTitle>
              <AlertDescription>
                {f.message}
                {f.outcomeNote ? <span className="block">{f.outcomeNote}</span> : null}
              </AlertDescription>
            </Alert>
          ))}
        </section>
      ) : null}

      {t.phase ? (
        <Card>
          <CardHeader>
            <CardDescription>
              Phase {t.phase.number} of 4{t.phase.startedAt ? ` · since ${formatInClubTime(t.phase.startedAt, t.calendar, "shortDate")}` : ""}
            </CardDescription>
            <CardTitle>
              <h2>{t.phase.name}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <ul className="list-disc pl-5">
              {t.phase.goals.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
            {t.latestOutcome ? (
              <p className="flex flex-wrap items-center gap-2">
                Last session:{" "}
                <Badge variant={outcomeBadge(t.latestOutcome).tone === "incomplete" ? "outline" : `zone-${t.latestOutcome.zone}`}>
                  {outcomeBadge(t.latestOutcome).label}
                </Badge>
                <span>{t.latestOutcome.missingData ?? t.latestOutcome.decisionMeaning}</span>
              </p>
            ) : null}
          </CardContent>
        </Card>
      ) : (
        <Alert>
          <AlertTitle>No rehab plan yet</AlertTitle>
          <AlertDescription>
            Your physio has not set up a rehab plan for you. Keep logging your sessions, runs and morning check-ins so the team sees how you are. If your
            hamstring or buttock hurts, tell your physio before your next session; they will add your phase, exercises and the next day you may load the
            tendon hard here.
          </AlertDescription>
        </Alert>
      )}

      {t.phase ? (
        // Ticks last for the athlete's local day, not the UTC one (which turns over mid-evening in the Americas).
        <ExerciseChecklist
          day={localDateKey(now.getTime(), t.calendar.timeZone)}
          items={t.prescriptions.map((p) => ({ id: p.id, exercise: p.exercise, dose: `${dose(p)} · ${p.sessionsPerWeek}× a week`, guide: <ExerciseGuide prescription={p} /> }))}
        >
          {t.planNotes ? <p className="text-sm text-muted-foreground">Physio&apos;s note: {t.planNotes}</p> : null}
          <Button asChild size="lg" className="mt-2">
            <Link href="/me/log/session">Log today&apos;s session</Link>
          </Button>
        </ExerciseChecklist>
      ) : null}

      {t.phase ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Next high-load day</h2>
            </CardTitle>
            <CardDescription>{spacing.rule}</CardDescription>
          </CardHeader>
          <CardContent className="text-sm">
            {!t.highLoadAllowed ? (
              <p>{spacing.notYet}</p>
            ) : t.nextHighLoadAt ? (
              <p data-testid="next-high-load">
                <strong>{formatInClubTime(t.nextHighLoadAt, t.calendar, "dateTime")}</strong>{" "}
                ({countdown(new Date(t.nextHighLoadAt), now)})
              </p>
            ) : (
              <p>Allowed now: no recent high-load session.</p>
            )}
          </CardContent>
        </Card>
      ) : null}

      {t.phase ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Allowed</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="list-disc pl-5 text-sm">
                {t.phase.allowed.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Avoid for now</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="list-disc pl-5 text-sm">
                {t.phase.avoid.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </CardContent>
          </Card>
        </div>
      ) : null}

      {t.gait ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Running form cues</h2>
            </CardTitle>
            <CardDescription>From your gait check on {formatInClubTime(t.gait.at, t.calendar, "shortDate")}. Bring them in gradually.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            {t.gait.prescribedCues.length > 0 ? (
              <div>
                <p className="font-medium">Focus on</p>
                <ul className="list-disc pl-5">
                  {t.gait.prescribedCues.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {t.gait.faults.length > 0 ? (
              <p className="text-muted-foreground">
                What the check saw: {t.gait.faults.map((f) => f.label).join(", ")}.
              </p>
            ) : null}
            {t.gait.cadenceHint?.overstrideLikely ? <p>{t.gait.cadenceHint.message}</p> : null}
          </CardContent>
        </Card>
      ) : null}

      {t.visaHDue.due ? (
        <Alert variant="info">
          <AlertTitle>VISA-H questionnaire due</AlertTitle>
          <AlertDescription>
            <p>{t.visaHDue.message}</p>
            <Button asChild size="sm" variant="outline" className="mt-2">
              <Link href="/me/visa-h">Fill it in</Link>
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}

      <p className="text-xs text-muted-foreground">
        Loadline keeps records and raises flags for your physio and coach. It does not give medical advice or make a diagnosis. If something feels wrong,
        contact your physio; in an emergency call emergency services.
      </p>
    </div>
  );
}

/** The physio's image, how-to and video link for an exercise, when the library entry has them. */
function ExerciseGuide({ prescription: p }: { prescription: TodayData["prescriptions"][number] }) {
  if (!p.howTo && !p.imageUrl && !p.video) return null;
  return (
    <div className="mt-1 grid gap-2 rounded-lg border border-dashed px-3 py-2 text-sm" data-testid="exercise-how-to">
      {p.imageUrl ? <img src={p.imageUrl} alt={`How to do ${p.exercise}`} loading="lazy" className="max-h-56 w-auto rounded" /> : null}
      {p.howTo ? <p className="whitespace-pre-line">{p.howTo}</p> : null}
      {p.video ? (
        <a href={p.video.url} target="_blank" rel="noopener noreferrer nofollow" className="font-medium underline underline-offset-4">
          Watch the video{p.video.host === "youtube" ? " on YouTube" : p.video.host === "vimeo" ? " on Vimeo" : ""}
          <span className="sr-only"> for {p.exercise} (opens in a new tab)</span>
        </a>
      ) : null}
    </div>
  );
}
