"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/**
 * After any clinical write (episode, test, plan, phase, adjunct, escalation) the athlete's
 * records, the engine's view in the caseload and the audit log can all change: refresh them
 * together rather than guessing per form which ones did.
 */
export function useRefreshClinical() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [trpc.episodes, trpc.plans, trpc.adjuncts, trpc.capacityTests, trpc.athleteRecords, trpc.escalations, trpc.audit, trpc.caseload].map((router) =>
        queryClient.invalidateQueries({ queryKey: router.pathKey() }),
      ),
    );
}
