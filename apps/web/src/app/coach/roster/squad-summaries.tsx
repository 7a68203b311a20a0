"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Card, CardContent } from "@loadline/ui/card";
import { useTRPC } from "@/trpc/react";

export function SquadSummaries() {
  const trpc = useTRPC();
  const { data: squads } = useSuspenseQuery(trpc.roster.squads.queryOptions());
  return (
    <ul className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Squads">
      {squads.map((squad) => (
        <li key={squad.id}>
          <Card className="py-4">
            <CardContent className="flex items-baseline justify-between">
              <span className="font-medium">{squad.name}</span>
              <span className="text-sm text-muted-foreground">
                <span className="text-2xl font-semibold text-foreground">{squad.activeAthletes}</span> athletes
              </span>
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}
