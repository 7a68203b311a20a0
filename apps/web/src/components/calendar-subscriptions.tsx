"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { formatInClubTime } from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { useTRPC } from "@/trpc/react";
import { useClubCalendar } from "./club-calendar";

/**
 * Private calendar feeds: make a subscription URL (shown once: Loadline keeps only its hash),
 * see the live ones and revoke them. Coaches pick a squad; an athlete's feed is their own.
 */
export function CalendarSubscriptions({ squads }: { squads?: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const calendar = useClubCalendar();
  const urlId = useId();
  const squadId = useId();
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const [chosenSquad, setChosenSquad] = useState(squads?.[0]?.id ?? "");
  const { data: subscriptions } = useSuspenseQuery(trpc.calendar.subscriptions.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.calendar.subscriptions.queryKey() });
  const subscribe = useMutation(trpc.calendar.subscribe.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.calendar.revoke.mutationOptions({ onSuccess: refresh }));
  const url = subscribe.data ? `${origin}${subscribe.data.path}` : null;

  return (
    <div className="grid gap-6">
      <section aria-labelledby="new-feed" className="grid max-w-xl gap-3">
        <h2 id="new-feed" className="font-semibold">
          New subscription
        </h2>
        {squads ? (
          <div className="grid gap-1.5">
            <Label htmlFor={squadId}>Squad</Label>
            <NativeSelect id={squadId} value={chosenSquad} onChange={(e) => setChosenSquad(e.target.value)}>
              {squads.map((s) => (
                <NativeSelectOption key={s.id} value={s.id}>
                  {s.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </div>
        ) : null}
        <Button className="justify-self-start" disabled={subscribe.isPending} onClick={() => subscribe.mutate(squads ? { squadId: chosenSquad } : {})}>
          Create a subscription URL
        </Button>
        {subscribe.error ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{subscribe.error.message}</AlertDescription>
          </Alert>
        ) : null}
        {url ? (
          <Alert role="status">
            <AlertTitle>Your private calendar URL</AlertTitle>
            <AlertDescription className="grid gap-2">
              <Label htmlFor={urlId}>Copy it now: it is shown only once.</Label>
              <Input id={urlId} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
              <span>
                Add it in your calendar app as a subscription (Google Calendar: Other calendars, From URL; Apple Calendar: File, New Calendar
                Subscription). Anyone with the URL can read the feed: revoke it below if it is shared by mistake.
              </span>
            </AlertDescription>
          </Alert>
        ) : null}
      </section>
      <section aria-labelledby="live-feeds" className="grid gap-2">
        <h2 id="live-feeds" className="font-semibold">
          Live subscriptions
        </h2>
        {subscriptions.length === 0 ? <p className="text-sm text-muted-foreground">None.</p> : null}
        <ul className="grid gap-2">
          {subscriptions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-3 rounded-lg border p-3 text-sm">
              <span className="font-medium">{s.kind === "squad" ? `Squad: ${s.squadName ?? ""}` : "My days"}</span>
              <span className="text-muted-foreground">created {formatInClubTime(s.createdAt, calendar)}</span>
              <Button variant="outline" size="sm" className="ml-auto" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: s.id })}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
