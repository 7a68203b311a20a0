"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Phase } from "@loadline/domain";
import { toast } from "@loadline/ui/sonner";
import { useTRPC } from "@/trpc/react";
import { ExerciseForm } from "../../library/exercise-form";

/** A club's own exercise, added to the library (then prescribed like any other). */
export function CustomExerciseForm({ phase, onCreated }: { phase: Phase; onCreated: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.exercises.create.mutationOptions());
  return (
    <details className="rounded-lg border p-3">
      <summary className="cursor-pointer text-sm font-medium">New custom exercise</summary>
      <ExerciseForm
        id="custom"
        initial={{ name: "", category: "glute_core", phases: [phase], heavy: false, highTendonLoad: false, hipFlexionDemand: "low", description: "" }}
        submitLabel="Add to the library"
        resetAfterSave
        onSubmit={async (values) => {
          const row = await create.mutateAsync(values);
          toast.success(`${row.name} added to the library`);
          await queryClient.invalidateQueries({ queryKey: trpc.exercises.pathKey() });
          onCreated(row.id);
        }}
      />
    </details>
  );
}
