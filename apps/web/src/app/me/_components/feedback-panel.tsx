"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";

export interface Feedback {
  outcome: {
    zone: "green" | "amber" | "red";
    zoneLabel: string;
    zoneMeaning: string;
    decisionLabel: string;
    decisionMeaning: string;
    pending: boolean;
  } | null;
  newFlags: { ruleId: string; severity: "info" | "amber" | "red" | "escalate"; message: string }[];
  recordFlags: { ruleId: string; severity: "info" | "amber" | "red" | "escalate"; message: string }[];
  /** Saved, but the rules could not judge it: what to do meanwhile (the domain's sentence). */
  notAssessed?: string | null;
}

export interface RedFlagAdvice {
  urgency: "same_day" | "prompt";
  message: string;
  answers: string[];
}

const severityLabel = { info: "Info", amber: "Amber", red: "Red", escalate: "Urgent" } as const;

/** What the rules engine made of the log, shown at once after saving. */
export function FeedbackPanel({ title, feedback, redFlagAdvice, onAnother, anotherLabel, children }: {
  title: string;
  feedback: Feedback;
  redFlagAdvice?: RedFlagAdvice | null;
  onAnother: () => void;
  anotherLabel: string;
  children?: ReactNode;
}) {
  const flags = [...feedback.newFlags, ...feedback.recordFlags.filter((f) => !feedback.newFlags.some((n) => n.ruleId === f.ruleId && n.message === f.message))];
  return (
    <section aria-labelledby="feedback-title" className="grid gap-4" data-testid="log-feedback">
      <h2 id="feedback-title" className="text-xl font-semibold" tabIndex={-1}>
        {title}
      </h2>
      {redFlagAdvice ? (
        <Alert variant="escalate" role="alert">
          <AlertTitle>{redFlagAdvice.urgency === "same_day" ? "Seek medical care today" : "Contact your physio"}</AlertTitle>
          <AlertDescription>
            <p>{redFlagAdvice.message}</p>
            <ul className="mt-2 list-disc pl-5">
              {redFlagAdvice.answers.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}
      {feedback.notAssessed ? (
        <Alert variant="amber" role="status">
          <AlertTitle>Not assessed</AlertTitle>
          <AlertDescription>{feedback.notAssessed}</AlertDescription>
        </Alert>
      ) : null}
      {feedback.outcome ? (
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <Badge variant={`zone-${feedback.outcome.zone}`} className="px-3 py-1 text-sm">
                {feedback.outcome.zoneLabel}
              </Badge>
              <span>{feedback.outcome.decisionLabel}</span>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2 text-sm">
            <p>{feedback.outcome.zoneMeaning}</p>
            <p className="font-medium">{feedback.outcome.decisionMeaning}</p>
            {feedback.outcome.pending ? (
              <p className="text-muted-foreground">Tomorrow&apos;s morning check-in can still change this result.</p>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
      {flags.length > 0 ? (
        <div className="grid gap-2">
          <h3 className="text-sm font-medium">{feedback.newFlags.length > 0 ? "New flags" : "Flags"}</h3>
          {flags.map((f) => (
            <Alert key={`${f.ruleId}-${f.message}`} variant={f.severity === "info" ? "info" : f.severity}>
              <AlertTitle>
                {severityLabel[f.severity]} · {f.ruleId}
              </AlertTitle>
              <AlertDescription>{f.message}</AlertDescription>
            </Alert>
          ))}
        </div>
      ) : feedback.notAssessed ? null : (
        <p className="text-sm text-muted-foreground">No new flags.</p>
      )}
      {children}
      <div className="grid grid-cols-2 gap-3">
        <Button variant="outline" size="lg" onClick={onAnother}>
          {anotherLabel}
        </Button>
        <Button asChild size="lg">
          <Link href="/me">Back to Today</Link>
        </Button>
      </div>
    </section>
  );
}
