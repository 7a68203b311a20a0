import type { WriterProcedure } from "@loadline/domain";

/** The tabs of the physio's athlete page. */
export const physioTabs = ["episode", "plan", "phase", "tests", "records", "history", "adjuncts", "profile", "escalations", "notes", "audit"] as const;
export type PhysioTab = (typeof physioTabs)[number];

export const isPhysioTab = (value: string | null): value is PhysioTab => value !== null && (physioTabs as readonly string[]).includes(value);

/**
 * Where each writer of an engine input lives on screen: a tab of this page when the physio fills
 * it, or the form of the person who does. Keyed by the domain's writer list, so a writer added
 * there without a screen here fails the typecheck.
 */
export const writerScreens: Readonly<Record<WriterProcedure, { label: string; tab?: PhysioTab; who: "physio" | "athlete" | "coach" }>> = {
  "roster.add": { label: "the coach's roster", who: "coach" },
  "roster.update": { label: "the coach's roster", who: "coach" },
  "roster.move": { label: "the coach's roster", who: "coach" },
  "episodes.updateClinicalProfile": { label: "Athlete facts", tab: "profile", who: "physio" },
  "plans.save": { label: "Plan", tab: "plan", who: "physio" },
  "plans.changePhase": { label: "Phase change", tab: "phase", who: "physio" },
  "athleteLogs.logSession": { label: "the athlete's session log", who: "athlete" },
  "athleteLogs.logRun": { label: "the athlete's run log", who: "athlete" },
  "checkIns.create": { label: "the athlete's morning check-in", who: "athlete" },
  "visaH.submit": { label: "the athlete's VISA-H questionnaire", who: "athlete" },
  "visaH.update": { label: "the athlete's VISA-H questionnaire", who: "athlete" },
  "gait.create": { label: "the coach's gait notes", who: "coach" },
  "adjuncts.record": { label: "Adjuncts", tab: "adjuncts", who: "physio" },
  "adjuncts.enterRestrictions": { label: "Adjuncts", tab: "adjuncts", who: "physio" },
  "capacityTests.record": { label: "Capacity tests", tab: "tests", who: "physio" },
  "planner.create": { label: "the coach's planner", who: "coach" },
  "escalations.resolve": { label: "Escalations", tab: "escalations", who: "physio" },
};
