"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@loadline/ui/button";
import { InviteLink } from "@/components/invite-link";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { AthleteForm, useAthleteForm, type AthleteFormValues } from "../athlete-form";

const empty = (squadId: string | undefined): AthleteFormValues => ({
  name: "",
  email: "",
  eventOrSport: "",
  birthYear: null,
  sex: "unspecified",
  preInjuryWeeklyKm: null,
  previousHamstringInjury: false,
  squadIds: squadId ? [squadId] : [],
});

export function AddAthlete() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: squads } = useSuspenseQuery(trpc.roster.squads.queryOptions());
  const form = useAthleteForm(empty(squads[0]?.id));
  const [created, setCreated] = useState<{ name: string; invitePath: string; expiresAt: Date } | null>(null);
  const add = useMutation(
    trpc.roster.add.mutationOptions({
      onSuccess: async (result, input) => {
        setCreated({ ...result, name: input.name });
        await queryClient.invalidateQueries({ queryKey: trpc.roster.pathKey() });
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );

  if (created) {
    return (
      <div className="grid gap-4">
        <InviteLink path={created.invitePath} name={created.name} expiresAt={created.expiresAt} />
        <div className="flex gap-2">
          <Button
            variant="outline"
            onClick={() => {
              form.reset(empty(squads[0]?.id));
              setCreated(null);
            }}
          >
            Add another athlete
          </Button>
          <Button asChild variant="ghost">
            <Link href="/coach/roster">Back to the roster</Link>
          </Button>
        </div>
      </div>
    );
  }

  return (
    <AthleteForm
      mode="add"
      form={form}
      squads={squads}
      defaultValues={form.getValues()}
      submitting={add.isPending}
      onSubmit={(values) => add.mutate(values)}
    />
  );
}
