"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Button } from "@loadline/ui/button";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { useTRPC } from "@/trpc/react";

/** Pick an athlete who is not on the caseload yet and go to their clinical page to open an episode. */
export function OpenEpisodePicker() {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: roster } = useSuspenseQuery(trpc.roster.list.queryOptions());
  const { data: caseload } = useSuspenseQuery(trpc.caseload.list.queryOptions());
  const onCaseload = new Set(caseload.map((r) => r.athleteId));
  const candidates = roster.filter((a) => !onCaseload.has(a.id) && !a.archived);
  // Nothing to check beyond a choice: the button stays disabled until one is made.
  const form = useForm<{ athleteId: string }>({ defaultValues: { athleteId: "" } });
  const athleteId = form.watch("athleteId");
  return (
    <form className="flex items-end gap-2" onSubmit={form.handleSubmit((v) => router.push(`/physio/athletes/${v.athleteId}`))}>
      <div className="grid gap-1.5">
        <Label htmlFor="new-episode-athlete">Athlete without an episode</Label>
        <NativeSelect id="new-episode-athlete" {...form.register("athleteId", { required: true })}>
          <NativeSelectOption value="">Choose an athlete</NativeSelectOption>
          {candidates.map((a) => (
            <NativeSelectOption key={a.id} value={a.id}>
              {a.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" disabled={!athleteId}>
        Open episode
      </Button>
    </form>
  );
}
