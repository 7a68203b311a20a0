import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import type { BadgeVariant } from "@loadline/ui/badge";

export type { Availability, PreflightVerdict, Severity, SquadSessionKind, Zone } from "@loadline/domain";
export type BadgeVariantName = BadgeVariant;

type Outputs = inferRouterOutputs<AppRouter>;
export type BoardRow = Outputs["board"]["rows"][number];
export type AthleteOverview = Outputs["board"]["athlete"];
export type PlannerWeek = Outputs["planner"]["week"];
export type AlertItem = Outputs["alerts"]["list"][number];
export type SquadFaults = Outputs["gait"]["squadFaults"];
