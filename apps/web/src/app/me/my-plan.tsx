"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { useTRPC } from "@/trpc/react";

const sexLabels = { female: "Female", male: "Male", other: "Other", unspecified: "Not stated" } as const;

export function MyPlan() {
  const trpc = useTRPC();
  const { data: me } = useSuspenseQuery(trpc.me.profile.queryOptions());
  const firstName = me.name.split(" ")[0] ?? me.name;
  return (
    <div className="mx-auto grid max-w-xl gap-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hi {firstName}</h1>
        <p className="text-sm text-muted-foreground">
          {me.eventOrSport} · {me.squads.map((s) => s.name).join(", ")}
        </p>
      </div>
      <Alert>
        <AlertTitle>No rehab plan yet</AlertTitle>
        <AlertDescription>
          Your physio has not set up a plan for you. When they do, your phase, today&apos;s exercises and the next day you may load the
          tendon hard appear here. If your hamstring hurts, tell your physio before your next session.
        </AlertDescription>
      </Alert>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>My profile</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-muted-foreground">Name</dt>
            <dd>{me.name}</dd>
            <dt className="text-muted-foreground">Email</dt>
            <dd className="break-all">{me.email}</dd>
            <dt className="text-muted-foreground">Event or sport</dt>
            <dd>{me.eventOrSport}</dd>
            <dt className="text-muted-foreground">Squads</dt>
            <dd>{me.squads.map((s) => s.name).join(", ")}</dd>
            <dt className="text-muted-foreground">Birth year</dt>
            <dd>{me.birthYear ?? "Not recorded"}</dd>
            <dt className="text-muted-foreground">Sex</dt>
            <dd>{sexLabels[me.sex]}</dd>
            <dt className="text-muted-foreground">Weekly running before injury</dt>
            <dd>{me.preInjuryWeeklyKm === null ? "Not recorded" : `${me.preInjuryWeeklyKm} km`}</dd>
            <dt className="text-muted-foreground">Previous hamstring injury</dt>
            <dd>{me.previousHamstringInjury ? "Yes" : "No"}</dd>
          </dl>
        </CardContent>
      </Card>
      <p className="text-xs text-muted-foreground">Loadline keeps records and flags for your physio and coach. It does not give medical advice.</p>
    </div>
  );
}
