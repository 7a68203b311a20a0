/**
 * Public API of the clinical rules engine (DOMAIN.md §4-§7). Everything the API, database and
 * UI layers need is exported from here; the rule modules stay internal except for the pure
 * per-rule functions, which are exported for tests and for explaining a flag.
 */
export * from "./vocabulary";
export * from "./config";
export * from "./schemas";
export * from "./types";
export { phaseInfo, effectiveForbiddenActivities, type PhaseInfo } from "./phases";
export { scoreVisaH, visaHChange, visaHItems, visaHItemsSchema, type VisaHItems, type VisaHChange } from "./visa-h";
export { gaitCatalogue, cadenceHint, type GaitFaultInfo } from "./gait";
export { deriveAvailability, availabilityRank } from "./availability";
export { exitCriterionDescriptions, exitCriterionDataNeeded } from "./exit-criteria";
export { assessAthlete } from "./assess";
export { flagFingerprint, raisesAlert } from "./flags";
export { preflightCheck, type PlannedSession, type PreflightVerdict, type PreflightReason, type PreflightResult } from "./preflight";
export { painZone, nextMorningZone, nextMorningZoneWithoutBaseline, worstOfZones, outcomeDecision } from "./rules/pain";
export { weeklyVolumeZone, singleRunZone, sessionLoad, acwrZone } from "./rules/volume";
export * from "./coach-view";
export * from "./athlete";
export * from "./physio";
export * from "./threshold-fields";
export * from "./calendar";
export { ENGINE_VERSION } from "./version";
export { ENGINE_READ, engineReadWindow, recentHistoryDays, withinReadWindow, type EngineReadWindow } from "./read-window";
export * from "./recorded-sport";
