"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { alertStatus, plainText, redFlagQuestions, retiredAlertSentence } from "@loadline/domain";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { toast } from "@loadline/ui/sonner";
import { useClubCalendar } from "@/components/club-calendar";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { useRefreshClinical } from "../_components/use-refresh-clinical";
import { formatDateTime, severityLabel } from "../_components/labels";

/** The note's length is checked here; whether resolving needs one is the server's rule, and its sentence shows at the field. */
const noteSchema = z.object({ note: plainText("Note", { max: 1000, multiline: true }) });

type Escalation = inferRouterOutputs<AppRouter>["escalations"]["list"][number];

/** Red-flag answers in plain words, from the evidence the engine recorded (physios only). */
function redFlagAnswers(e: Escalation): string[] {
  const values = (e.evidence as { values?: Record<string, unknown> }).values ?? {};
  const questions = typeof values.questions === "string" ? values.questions.split(",") : [];
  return questions.map((id) => redFlagQuestions.find((q) => q.id === id)?.label ?? id);
}

/** The escalation queue: all open ones, or one athlete's (with resolved ones) on their page. */
export function EscalationQueue({ athleteId }: { athleteId?: string }) {
  const trpc = useTRPC();
  const input = athleteId ? { athleteId, includeResolved: true } : { includeResolved: false };
  const { data: escalations } = useSuspenseQuery(trpc.escalations.list.queryOptions(input));
  if (escalations.length === 0) {
    return <p className="rounded-lg border bg-card p-6 text-center text-sm text-muted-foreground">No open escalations.</p>;
  }
  return (
    <ul className="grid gap-4">
      {escalations.map((e) => (
        <li key={e.id}>
          <EscalationCard escalation={e} showAthlete={!athleteId} />
        </li>
      ))}
    </ul>
  );
}

function EscalationCard({ escalation: e, showAthlete }: { escalation: Escalation; showAthlete: boolean }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const refresh = useRefreshClinical();
  const form = useForm<{ note: string }>({ resolver: labelledResolver(noteSchema, { note: "Note" }), defaultValues: { note: "" } });
  const onError = (err: Parameters<typeof applyServerErrors>[1]) => applyServerErrors(form, err);
  const done = (message: string) => async () => {
    form.clearErrors();
    toast.success(message);
    await refresh();
  };
  const acknowledge = useMutation(trpc.escalations.acknowledge.mutationOptions({ onError, onSuccess: done("Acknowledged") }));
  const resolve = useMutation(trpc.escalations.resolve.mutationOptions({ onError, onSuccess: done("Resolved") }));
  const { errors } = form.formState;
  const answers = redFlagAnswers(e);
  const noteId = `escalation-note-${e.id}`;
  const status = alertStatus(e);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="flex flex-wrap items-center gap-2 text-base">
            <Badge variant={e.severity === "escalate" ? "escalate" : e.severity}>
              {e.ruleId} · {severityLabel[e.severity]}
            </Badge>
            {showAthlete ? (
              <Link href={`/physio/athletes/${e.athleteId}`} className="underline-offset-4 hover:underline">
                {e.athleteName}
              </Link>
            ) : null}
            <span className="text-sm font-normal text-muted-foreground">raised {formatDateTime(e.raisedAt, calendar)}</span>
            {status === "resolved" ? (
              <Badge variant="zone-green">Resolved</Badge>
            ) : status === "retired" ? (
              <Badge variant="secondary">Retired</Badge>
            ) : status === "acknowledged" ? (
              <Badge variant="secondary">Acknowledged</Badge>
            ) : (
              <Badge variant="red">New</Badge>
            )}
          </h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <p>{e.message}</p>
        {answers.length > 0 ? (
          <div>
            <p className="font-medium">Red-flag answers</p>
            <ul className="list-disc pl-5">
              {answers.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {e.acknowledgedAt ? (
          <p className="text-muted-foreground">
            Acknowledged by {e.acknowledgedByName} {formatDateTime(e.acknowledgedAt, calendar)}
            {e.acknowledgeNote ? `: ${e.acknowledgeNote}` : ""}
          </p>
        ) : null}
        {e.resolvedAt ? (
          <p className="text-muted-foreground">
            Resolved by {e.resolvedByName} {formatDateTime(e.resolvedAt, calendar)}: {e.resolutionNote}
          </p>
        ) : e.retiredAt ? (
          <p className="text-muted-foreground">{retiredAlertSentence(e.ruleId)}</p>
        ) : (
          <form className="grid gap-2" noValidate onSubmit={form.handleSubmit(({ note }) => resolve.mutate({ alertId: e.id, note }))}>
            <Field
              label="Note"
              htmlFor={noteId}
              error={errors.note?.message ?? errors.root?.message}
              description={
                e.needsReview
                  ? "Required to resolve: resolving records your review of this rule, which lifts its block from now on (what you found, what changes)."
                  : "Required to resolve: what was done (e.g. referred to GP, reviewed in clinic)."
              }
            >
              <Input id={noteId} {...form.register("note")} />
            </Field>
            <div className="flex gap-2">
              {!e.acknowledgedAt ? (
                <Button type="button" variant="outline" disabled={acknowledge.isPending} onClick={form.handleSubmit(({ note }) => acknowledge.mutate({ alertId: e.id, note }))}>
                  Acknowledge
                </Button>
              ) : null}
              <Button type="submit" disabled={resolve.isPending}>
                Resolve
              </Button>
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
