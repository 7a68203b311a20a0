"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { phaseInfo, planLabels, plainText, writersFor, type ExitCriterionId } from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { toast } from "@loadline/ui/sonner";
import { ReasonForm } from "@/components/reason-form";
import { useTRPC } from "@/trpc/react";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import { writerScreens } from "../../_components/writer-screens";
import { SignOffForm } from "./sign-off-form";

/** Why the athlete moves back a phase: required, recorded in the plan history. */
const moveBackReason = plainText(planLabels.reason, { min: 1, max: 1000, multiline: true });

/**
 * Where the records a criterion reads are written, from the domain's engine-input table: links
 * to this page's tabs for what the physio records, and the form's name for what others log.
 */
function SettledBy({ id }: { id: ExitCriterionId }) {
  const screens = [...new Map(writersFor(id).map((w) => [writerScreens[w].label, writerScreens[w]])).values()];
  const own = screens.flatMap((s) => (s.tab !== undefined && s.tab !== "phase" ? [{ ...s, tab: s.tab }] : []));
  const others = screens.filter((s) => s.tab === undefined);
  return (
    <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
      {own.map((s) => (
        <Link key={s.label} href={`?tab=${s.tab}`} scroll={false} aria-label={`Open ${s.label} for ${id}`} className="font-medium text-primary underline underline-offset-4">
          Open {s.label}
        </Link>
      ))}
      {others.length > 0 ? <span>Logged on {others.map((s) => s.label).join(", ")}</span> : null}
    </span>
  );
}

const statusBadge = { met: { variant: "zone-green", label: "Met" }, not_met: { variant: "zone-red", label: "Not met" }, unknown: { variant: "outline", label: "No data" } } as const;

/** The engine's exit checklist, and the sign-off: advance (all met, or override with a reason) or move back (with a reason). */
export function PhasePanel({ athleteId }: { athleteId: string }) {
  const trpc = useTRPC();
  const refreshClinical = useRefreshClinical();
  const { data: current } = useSuspenseQuery(trpc.plans.current.queryOptions({ athleteId }));
  const change = useMutation(trpc.plans.changePhase.mutationOptions());
  const discharge = useMutation(trpc.plans.discharge.mutationOptions());
  const plan = current.plan;
  if (!plan) {
    return (
      <Alert>
        <AlertTitle>No plan yet</AlertTitle>
        <AlertDescription>Write the first plan version in the Plan tab; phase changes start from it.</AlertDescription>
      </Alert>
    );
  }
  // What may be signed off is the domain's decision (the same gate the server applies).
  const options = current.phaseOptions;
  const next = options?.advance?.to ?? null;
  const previous = options?.moveBack?.to ?? null;
  const advanceNeedsOverride = options?.advance?.needsOverride ?? true;
  const dischargeNeedsOverride = options?.discharge?.needsOverride ?? true;
  const redFlagBlocks = (options?.advance ?? options?.discharge)?.blockedByRedFlag ?? false;
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>
              Exit checklist · phase {plan.phase} ({plan.phaseName})
            </h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="grid gap-2">
            {current.exitCriteria.map((c) => (
              <li key={c.id} className="flex items-start gap-3 text-sm">
                <Badge variant={statusBadge[c.status].variant}>{statusBadge[c.status].label}</Badge>
                <span className="grid">
                  <span>
                    <span className="font-medium">{c.id}</span> {c.description}
                  </span>
                  {c.status !== "met" && c.dataNeeded ? <span className="text-muted-foreground">{c.dataNeeded}</span> : null}
                  {c.status !== "met" ? <SettledBy id={c.id} /> : null}
                </span>
              </li>
            ))}
          </ul>
          {current.progressionBlocks.length > 0 ? (
            <Alert variant="amber" className="mt-4">
              <AlertTitle>Progression is blocked</AlertTitle>
              <AlertDescription>
                <ul className="list-disc pl-4">
                  {current.progressionBlocks.map((b, i) => (
                    <li key={i}>
                      {b.ruleId}: {b.message}
                      {b.waitsForReview ? <span className="block">Resolve it in the Escalations tab: resolving records your review and lifts this block.</span> : null}
                    </li>
                  ))}
                </ul>
              </AlertDescription>
            </Alert>
          ) : null}
        </CardContent>
      </Card>
      {next ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>
                Advance to phase {next}: {phaseInfo[next].name}
              </h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <SignOffForm
              id="advance"
              needsOverride={advanceNeedsOverride}
              blockedByRedFlag={redFlagBlocks}
              allMet="Every exit criterion is met. Your sign-off is recorded in the plan history and the audit log."
              overrideLabel="Override reason"
              overrideDescription="Not every exit criterion is met. Write why you advance anyway; it is recorded with your name."
              submitLabel={!advanceNeedsOverride ? `Sign off: advance to phase ${next}` : `Advance to phase ${next} with override`}
              onSubmit={async ({ overrideReason }) => {
                const row = await change.mutateAsync({ athleteId, baseVersion: plan.version, toPhase: next, ...(overrideReason !== undefined ? { overrideReason } : {}) });
                toast.success(`Phase ${row.phase} recorded in plan version ${row.version}`);
                await refreshClinical();
              }}
            />
          </CardContent>
        </Card>
      ) : null}
      {options?.discharge ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Discharge</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <SignOffForm
              id="discharge"
              needsOverride={dischargeNeedsOverride}
              blockedByRedFlag={redFlagBlocks}
              allMet="Every discharge criterion is met. Discharging closes the episode; your sign-off is recorded with it and in the audit log."
              overrideLabel="Discharge override reason"
              overrideDescription="Not every discharge criterion is met. Write why you discharge anyway; it is recorded with your name."
              noteLabel="Discharge note (optional)"
              submitLabel={!dischargeNeedsOverride ? "Sign off: discharge" : "Discharge with override"}
              onSubmit={async (input) => {
                const result = await discharge.mutateAsync({ athleteId, baseVersion: plan.version, ...input });
                toast.success(result.kind === "discharge" ? "Discharged: every discharge criterion met" : "Discharged with override");
                await refreshClinical();
              }}
            />
          </CardContent>
        </Card>
      ) : null}
      {previous ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Move back to phase {previous}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <ReasonForm
              id="move-back-reason"
              label="Reason for moving back"
              schema={moveBackReason}
              serverKey="reason"
              required
              submitLabel={`Move back to phase ${previous}`}
              submitVariant="outline"
              onSubmit={async (reason) => {
                const row = await change.mutateAsync({ athleteId, baseVersion: plan.version, toPhase: previous, reason });
                toast.success(`Phase ${row.phase} recorded in plan version ${row.version}`);
                await refreshClinical();
              }}
            />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
