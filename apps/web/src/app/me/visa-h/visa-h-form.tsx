"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import { parseVisaHWording, visaHInputSchema, visaHLabels, visaHScaleHint } from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { toast } from "@loadline/ui/sonner";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { cn } from "@loadline/ui/lib/utils";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { dateTimeFieldValue, useDraft, retryWhileUnavailable, useIdempotencyKey } from "../_components/use-log-form";
import { formatInClubTime } from "@loadline/domain";
import { useClubCalendar } from "@/components/club-calendar";

type Values = { at: string; items: (number | undefined)[] };

const WORDING_KEY = "loadline:visa-h-wording";
/** Allowed scores per item (see "VISA-H" in docs/clinical-model.md): 0-10 for items 1-6, 0/4/7/10 for 7, 0-30 for 8. */
const optionsFor = (item: number): number[] =>
  item === 7 ? [0, 4, 7, 10] : item === 8 ? Array.from({ length: 31 }, (_, i) => i) : Array.from({ length: 11 }, (_, i) => i);

/**
 * VISA-H with the short neutral labels from the domain. An organisation holding the licence may
 * load the official wording from a file; it is kept on this device only and shown under each label.
 */
export function VisaHForm() {
  const trpc = useTRPC();
  const calendar = useClubCalendar();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.visaH.mine.queryOptions());
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const [wording, setWording] = useState<string[] | null>(null);
  const [wordingError, setWordingError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ total: number } | null>(null);
  const fileId = useId();
  useEffect(() => {
    const stored = window.localStorage.getItem(WORDING_KEY);
    if (stored) {
      try {
        setWording(parseVisaHWording(stored));
      } catch {
        window.localStorage.removeItem(WORDING_KEY);
      }
    }
  }, []);
  // The resolver validates with the domain schema; the submit handler re-reads its typed output.
  const form = useForm<Values>({
    resolver: labelledResolver(visaHInputSchema, visaHLabels) as unknown as Resolver<Values>,
    defaultValues: { at: dateTimeFieldValue(), items: Array.from({ length: 8 }, () => undefined) },
  });
  const clearDraft = useDraft(form, "loadline:draft:visa-h", true);
  const submit = useMutation(
    trpc.visaH.submit.mutationOptions({
      ...retryWhileUnavailable,
      onSuccess: (result) => {
        clearDraft();
        setSaved({ total: result.total });
        void queryClient.invalidateQueries();
      },
      onError: (e) => applyServerErrors(form, e),
    }),
  );
  // Within 24 hours the athlete may change their own answers or withdraw the questionnaire.
  const [editingId, setEditingId] = useState<string | null>(null);
  const onChanged = (result: { total?: number }) => {
    clearDraft();
    setEditingId(null);
    if (result.total !== undefined) setSaved({ total: result.total });
    void queryClient.invalidateQueries();
  };
  const update = useMutation(trpc.visaH.update.mutationOptions({ onSuccess: onChanged, onError: (e) => applyServerErrors(form, e) }));
  const withdraw = useMutation(
    trpc.visaH.withdraw.mutationOptions({
      onSuccess: () => {
        toast.success("Questionnaire withdrawn. It stays in its history and no longer counts.");
        onChanged({});
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const itemErrors = form.formState.errors.items;
  const itemError = (index: number) => (Array.isArray(itemErrors) ? (itemErrors[index] as { message?: string } | undefined)?.message : undefined);

  async function loadWording(file: File | undefined) {
    if (!file) return;
    try {
      const text = await file.text();
      const items = parseVisaHWording(text);
      window.localStorage.setItem(WORDING_KEY, text);
      setWording(items);
      setWordingError(null);
    } catch (error) {
      setWordingError(error instanceof Error ? error.message : "The file could not be read.");
    }
  }

  const latest = data.responses.at(-1);
  const header = (
    <div className="mb-6 grid gap-3">
      {data.due.due ? (
        <Alert variant="info">
          <AlertTitle>Due now</AlertTitle>
          <AlertDescription>{data.due.message}</AlertDescription>
        </Alert>
      ) : (
        <p className="text-sm text-muted-foreground">
          Next due {formatInClubTime(data.due.dueAt, calendar, "shortDate")} (in {data.due.daysUntilDue} days). You may fill it in earlier if your physio asks.
        </p>
      )}
      {latest ? (
        <p className="text-sm">
          Last total: <strong>{latest.total}</strong>/100 on {formatInClubTime(latest.at, calendar, "date")}
          {data.change ? ` (${data.change.change >= 0 ? "+" : ""}${data.change.change} since your baseline of ${data.change.baseline})` : ""}.
        </p>
      ) : null}
      {latest?.editable && editingId === null ? (
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="outline"
            onClick={() => {
              setSaved(null);
              setEditingId(latest.id);
              form.reset({ at: dateTimeFieldValue(latest.at), items: [...latest.items] });
            }}
          >
            Change these answers
          </Button>
          <Button type="button" variant="ghost" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ id: latest.id })}>
            Withdraw it
          </Button>
          <span className="self-center text-xs text-muted-foreground">Possible for 24 hours after completing it.</span>
        </div>
      ) : null}
      {editingId ? <p className="text-sm font-medium">Changing the questionnaire of {latest ? formatInClubTime(latest.at, calendar, "date") : ""}.</p> : null}
    </div>
  );

  if (saved) {
    return (
      <>
        {header}
        <Card data-testid="visa-h-result">
          <CardHeader>
            <CardTitle>
              <h2>Your VISA-H total: {saved.total} / 100</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <p>Higher is better. Your physio sees this with your earlier results; the trend matters more than one number.</p>
            <div className="grid grid-cols-2 gap-3">
              <Button variant="outline" size="lg" onClick={() => { form.reset({ at: dateTimeFieldValue(), items: Array.from({ length: 8 }, () => undefined) }); renewKey(); setSaved(null); }}>
                Done
              </Button>
              <Button asChild size="lg">
                <Link href="/me/progress">See progress</Link>
              </Button>
            </div>
          </CardContent>
        </Card>
      </>
    );
  }

  return (
    <>
      {header}
      <form noValidate className="grid gap-6" onSubmit={form.handleSubmit((values) =>
          editingId ? update.mutate({ ...visaHInputSchema.parse(values), id: editingId }) : submit.mutate({ ...visaHInputSchema.parse(values), idempotencyKey }),
        )}>
        {form.formState.errors.root?.message ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>
              {form.formState.errors.root.message} Your answers are kept{submit.isError ? ": press Retry to send them again." : "."}
            </AlertDescription>
          </Alert>
        ) : null}
        <p className="text-sm font-medium">{visaHScaleHint}</p>
        {data.items.map((item, index) => (
          <Controller
            key={item.item}
            control={form.control}
            name={`items.${index}`}
            render={({ field }) => {
              const error = itemError(index);
              const name = `visa-item-${item.item}`;
              return (
                <fieldset className="grid gap-2" aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-anchors ${name}-error` : `${name}-anchors`}>
                  <legend className="mb-1 text-sm font-medium">
                    {item.item}. {item.label} <span className="font-normal text-muted-foreground">({item.allowed})</span>
                  </legend>
                  {wording?.[index] ? <p className="-mt-1 text-sm">{wording[index]}</p> : null}
                  <p className="-mt-1 flex justify-between gap-2 text-xs text-muted-foreground" id={`${name}-anchors`} data-testid="visa-anchors">
                    <span>
                      {optionsFor(item.item)[0]} = {item.anchors.low}
                    </span>
                    <span className="text-right">
                      {optionsFor(item.item).at(-1)} = {item.anchors.high} (best)
                    </span>
                  </p>
                  <div className={cn("grid gap-2", item.item === 7 ? "grid-cols-4" : "grid-cols-6 sm:grid-cols-11")}>
                    {optionsFor(item.item).map((score) => (
                      <label
                        key={score}
                        className={cn(
                          "flex h-11 cursor-pointer items-center justify-center rounded-lg border text-sm font-semibold tabular-nums has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
                          field.value === score ? "border-primary bg-primary text-primary-foreground" : "hover:bg-accent",
                        )}
                      >
                        <input type="radio" className="sr-only" name={name} value={score} checked={field.value === score} onChange={() => field.onChange(score)} aria-label={`${item.label}: ${score}`} />
                        {score}
                      </label>
                    ))}
                  </div>
                  {error ? (
                    <p id={`${name}-error`} className="text-sm text-destructive" role="alert">
                      {error}
                    </p>
                  ) : null}
                </fieldset>
              );
            }}
          />
        ))}
        {submit.isPending && submit.failureCount > 0 ? (
          <p role="status" className="text-sm text-muted-foreground">
            Loadline can&apos;t reach its database; your entry is kept, retrying…
          </p>
        ) : null}
        <Button type="submit" size="lg" className="h-12 text-base" disabled={submit.isPending}>
          {submit.isPending ? "Saving…" : submit.isError ? "Retry saving" : "Save and see my total"}
        </Button>
      </form>
      <details className="mt-8 rounded-lg border p-3 text-sm">
        <summary className="cursor-pointer font-medium">Licensed question wording</summary>
        <p className="mt-2 text-muted-foreground">
          The official VISA-H wording is licensed and not shipped with Loadline. If your club holds it, load it from a file (JSON with 8 item texts, or a text file with one item per line). It stays on this device.
        </p>
        <label htmlFor={fileId} className="mt-3 block font-medium">
          Wording file
        </label>
        <input id={fileId} type="file" accept=".json,.txt,application/json,text/plain" className="mt-1 text-sm" onChange={(e) => void loadWording(e.target.files?.[0])} />
        {wordingError ? <p className="mt-2 text-destructive" role="alert">{wordingError}</p> : null}
        {wording ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="mt-2"
            onClick={() => {
              window.localStorage.removeItem(WORDING_KEY);
              setWording(null);
            }}
          >
            Remove loaded wording
          </Button>
        ) : null}
      </details>
    </>
  );
}
