import type { AdjunctTreatmentKind } from "./clinical/vocabulary";

/*
 * What each field is called where a person reads it: in a form, in an error sentence, in a plan
 * diff, in the audit log and in a log's history. One map per input schema, because the same key
 * means different things in different forms ("pain" on a drop lunge test is not "pain during the
 * session"). The schemas build their messages from these labels, and `issueSentence` falls back
 * to them for the few checks zod words itself.
 */

export type FieldLabels<K extends string = string> = Readonly<Record<K, string>>;

/** The moment something happened or is planned. */
const when = "Date and time";

export const sessionLogLabels = {
  at: when,
  type: "Type of session",
  minutes: "Minutes",
  rpe: "Effort (RPE)",
  painDuring: "Pain during the session",
  painAfter: "Pain after the session",
  asPrescribed: "Done as prescribed",
  activities: "Activities",
  heavy: "Heavy session",
  heaviestRm: "Heaviest load (RM)",
  fullIntensity: "Sport elements at full intensity",
  fullTraining: "Full squad training",
  notes: "Note",
} as const satisfies FieldLabels;

export const runLogLabels = {
  at: when,
  minutes: "Duration (minutes)",
  distanceKm: "Distance (km)",
  elevationGainM: "Elevation gain (m)",
  steepestGradientPct: "Steepest gradient (%)",
  surface: "Surface",
  strides: "Strides",
  sprints: "Sprints",
  cadenceSpm: "Cadence (steps per minute)",
  walkRun: "Walk-run",
  rpe: "Effort (RPE)",
  painDuring: "Pain during the run",
  painAfter: "Pain after the run",
  asPrescribed: "Done as prescribed",
  importedFrom: "Imported file",
  activities: "Activities",
  fullIntensity: "Sport elements at full intensity",
  fullTraining: "Full squad training",
  notes: "Note",
} as const satisfies FieldLabels;

export const checkInLabels = {
  at: when,
  morningPain: "Morning pain",
  stiffnessMinutes: "Morning stiffness (minutes)",
  loadTestPain: "Pain on the bridge test",
  restPain: "Pain at rest",
  longestSitMinutes: "Longest sit (minutes)",
  sittingToleranceMinutes: "Sitting tolerance (minutes)",
  cushionUsed: "Cushion used",
  redFlags: "Warning-sign questions",
} as const satisfies FieldLabels;

export const visaHLabels = { at: when, items: "VISA-H answers" } as const satisfies FieldLabels;

export const episodeLabels = {
  side: "Side",
  onsetDate: "Onset date",
  onsetType: "Onset",
  suspectedTriggers: "Suspected triggers",
  diagnosisMethod: "How diagnosed",
  differentialsExcluded: "Differentials excluded",
  owningClinicianId: "Owning clinician",
  clinicalNotes: "Clinical notes",
  closingNote: "Closing note",
} as const satisfies FieldLabels;

export const provocationTestLabels = {
  test: "Test",
  side: "Side",
  familiarPainReproduced: "Familiar pain reproduced",
  pain: "Test pain",
} as const satisfies FieldLabels;

export const capacityTestLabels = {
  kind: "Test",
  at: "When",
  affectedSide: "Affected side",
  pain: "Pain",
  left: "Left side",
  right: "Right side",
  notes: "Notes",
} as const satisfies FieldLabels;

export const prescriptionLabels = {
  id: "Prescription",
  exercise: "Exercise",
  exerciseVersion: "Library version",
  category: "Category",
  activity: "Counts as",
  sets: "Sets",
  reps: "Reps",
  holdSeconds: "Hold (seconds)",
  intensityPct: "Intensity (%)",
  repetitionMaximum: "Load (RM)",
  tempo: "Tempo",
  sessionsPerWeek: "Sessions per week",
  heavy: "Heavy",
  highTendonLoad: "High tendon load",
} as const satisfies FieldLabels;

export const planLabels = {
  phase: "Phase",
  prescriptions: "Prescriptions",
  allowedActivities: "Allowed activities",
  forbiddenActivities: "Forbidden activities",
  thresholds: "Thresholds",
  targetEasyRun: "Target easy run",
  "targetEasyRun.distanceKm": "Target easy run distance (km)",
  "targetEasyRun.minutes": "Target easy run duration (minutes)",
  returnToSportElements: "Return-to-sport elements",
  maintenancePlan: "Maintenance plan",
  visaHBaseline: "VISA-H baseline",
  notes: "Notes",
  changeSummary: "Summary of the change",
  toPhase: "New phase",
  overrideReason: "Reason to override",
  reason: "Reason",
} as const satisfies FieldLabels;

/** The coach's planner: one squad session. */
export const squadSessionLabels = {
  squadId: "Squad",
  at: when,
  day: "Day",
  time: "Time",
  kind: "Kind of session",
  durationMinutes: "Duration (minutes)",
  title: "Title",
  notes: "Notes",
} as const satisfies FieldLabels;

export const gaitLabels = {
  athleteId: "Athlete",
  at: "Date of the assessment",
  surface: "Surface",
  speedKmh: "Speed (km/h)",
  cadenceSpm: "Cadence (steps per minute)",
  faults: "Faults",
  cues: "Cues",
  notes: "Notes",
  videoUrl: "Video link",
} as const satisfies FieldLabels;

export const adjunctLabels = {
  athleteId: "Athlete",
  at: "Date of the treatment",
  kind: "Treatment",
  side: "Side",
  parameters: "Parameters",
  provider: "Provider",
  restrictions: "Restrictions",
  reason: "Reason",
} as const satisfies FieldLabels;

export const exerciseLabels = {
  name: "Name",
  category: "Category",
  phases: "Phases",
  heavy: "Heavy",
  highTendonLoad: "High tendon load",
  hipFlexionDemand: "Hip flexion demand",
  description: "Description",
} as const satisfies FieldLabels;

export const alertNoteLabels = { note: "Note" } as const satisfies FieldLabels;

/** Adjunct treatments as a physio names them. */
export const adjunctTreatmentLabels: Readonly<Record<AdjunctTreatmentKind, string>> = {
  shockwave: "Shockwave therapy",
  prp: "Platelet-rich plasma (PRP) injection",
  autologous_blood: "Autologous blood injection",
  corticosteroid_injection: "Corticosteroid injection",
  surgery: "Surgery",
};

/** Every input schema's labels, for callers that do not know which form an issue came from. */
export const allFieldLabels: FieldLabels = {
  ...adjunctLabels,
  ...exerciseLabels,
  ...gaitLabels,
  ...squadSessionLabels,
  ...planLabels,
  ...prescriptionLabels,
  ...provocationTestLabels,
  ...episodeLabels,
  ...checkInLabels,
  ...runLogLabels,
  ...sessionLogLabels,
};

/** A key nobody labelled, made readable: "painDuring" -> "Pain during", "redFlags.0" -> "Red flags". */
export function humanizeFieldKey(key: string): string {
  const words = key
    .split(".")
    .filter((part) => !/^\d+$/.test(part))
    .join(" ")
    .replaceAll("_", " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "This field";
}

/**
 * The label of the field at `path` (an issue path or a dotted key): the longest labelled suffix
 * wins, so "episode.onsetDate" finds `onsetDate` and "targetEasyRun.minutes" its own label.
 */
export function fieldLabel(path: readonly PropertyKey[] | string, labels: FieldLabels = allFieldLabels): string {
  const parts = (typeof path === "string" ? path.split(".") : path.map(String)).filter((part) => !/^\d+$/.test(part));
  for (let start = 0; start < parts.length; start++) {
    const key = parts.slice(start).join(".");
    const label = labels[key];
    if (label) return label;
  }
  return humanizeFieldKey(parts[parts.length - 1] ?? "");
}

/** Staff correcting an athlete's email on the roster. */
export const athleteEmailLabels = {
  email: "New email",
} as const satisfies FieldLabels;
