/**
 * Public API of the clinical rules engine (clinical-model.md, "Phases" and "VISA-H"). Everything the API, database and
 * UI layers need is exported from here; the rule modules stay internal except for the pure
 * per-rule functions, which are exported for tests and for explaining a flag.
 */
export * from "./vocabulary";
export * from "./config";
export * from "./schemas";
export * from "./types";
export { phaseInfo, effectiveForbiddenActivities, type PhaseInfo } from "./phases";
export { scoreVisaH, visaHAllowedScores, visaHChange, visaHItems, visaHItemsSchema, visaHScaleHint, type VisaHItems, type VisaHChange } from "./visa-h";
export { gaitCatalogue, cadenceFieldHint, cadenceHint, gaitSeverityTone, type GaitFaultInfo } from "./gait";
export { deriveAvailability, availabilityRank } from "./availability";
export { exitCriterionDescriptions, exitCriterionDataNeeded } from "./exit-criteria";
export { assessAthlete } from "./assess";
export * from "./compliance";
export { alertIdentity, isActionable, raisesAlert, severityRank } from "./flags";
export * from "./alerts";
export { preflightCheck, type PlannedSession, type PreflightVerdict, type PreflightReason, type PreflightResult } from "./preflight";
export { painZone, painBandsOf, painZoneInBands, type PainBands, nextMorningZone, nextMorningZoneWithoutBaseline, worstOfZones, outcomeDecision } from "./rules/pain";
export { weeklyVolumeZone, singleRunZone, sessionLoad, acwrZone } from "./rules/volume";
export * from "./coach-view";
export * from "./board-view";
export * from "./athlete";
export * from "./physio";
export * from "./threshold-fields";
export * from "./calendar";
export * from "./calendar-schema";
export { ENGINE_VERSION } from "./version";
export { ENGINE_READ, engineReadWindow, recentHistoryDays, withinReadWindow, withRecordWritten, type EngineReadWindow } from "./read-window";
export * from "./recorded-sport";
export * from "./capacity-tests";
export * from "./engine-inputs";
export * from "./log-corrections";
export * from "./squad-session-input";
export * from "./adjuncts";
export * from "./log-window";
