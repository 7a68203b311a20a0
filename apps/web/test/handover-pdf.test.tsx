import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { CoachHandover, PhysioHandover } from "@loadline/api";
import { HANDOVER_FOOTER, renderHandoverPdf } from "../src/server/reports/handover-document";

/** The text of every page, joined, as a reader's PDF viewer extracts it. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages.join("\n").replace(/\s+/g, " ");
}

const NOW = new Date("2026-03-10T09:00:00Z");
const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

const common = {
  club: { name: "Riverside Harriers" },
  athlete: { id: "a1", name: "Maya Okafor", eventOrSport: "Marathon", squads: ["Distance"] },
  generatedAt: NOW,
  calendar: { timeZone: "Europe/London", locale: "en-GB" },
  phase: { phase: 2 as const, name: "Build strength", startedAt: days(12), daysInPhase: 12 },
  availability: "modified",
  nextHighLoadAt: new Date("2026-03-11T09:00:00Z"),
  pain: [
    { date: "2026-03-01", morning: 1, during: 2, after: 2 },
    { date: "2026-03-02", morning: 4, during: 5, after: null },
  ],
  painBands: { greenMax: 2, amberMax: 3 },
  weeklyVolume: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ weekStart: days(56 - i * 7), km: 10 + i, minutes: 60 + i, runs: 2, tenPercentLimitKm: null })),
};

const physio: PhysioHandover = {
  ...common,
  audience: "physio",
  generatedBy: "Priya Physio",
  episode: {
    side: "left",
    onsetDate: "2026-01-05",
    onsetType: "gradual",
    diagnosisMethod: "ultrasound",
    differentialsExcluded: ["lumbar referral"],
    owningClinicianName: "Priya Physio",
    clinicalNotes: "Thickened tendon on scan",
    provocationTests: [
      { label: "Puranen-Orava", side: "left", at: days(60), familiarPainReproduced: true, pain: 5, accuracy: { sensitivityPct: 76, specificityPct: 82 } },
    ],
  },
  phaseHistory: [
    { version: 1, phase: 1, startedAt: days(40), signedOffBy: "Priya Physio", change: null, reason: null },
    { version: 3, phase: 2, startedAt: days(12), signedOffBy: "Sam Second", change: "advance", reason: "All criteria met" },
  ],
  plan: {
    version: 3,
    authorName: "Sam Second",
    createdAt: days(12),
    changeSummary: "Added Nordic curls",
    prescriptions: [{ exercise: "nordic_curl", sets: 3, reps: 6, holdSeconds: null, sessionsPerWeek: 2 }],
    lastChanges: [{ field: "prescriptions", summary: "Nordic curl added" }],
    notes: null,
  },
  exitCriteria: [{ id: "E2.1", description: "Morning pain green for 14 days", status: "met", dataNeeded: null }],
  visaH: { points: [{ date: "2026-02-01", total: 52 }, { date: "2026-03-01", total: 66 }], baseline: 52, change: 14, dueAt: days(-5) },
  flags: [{ ruleId: "R2", severity: "amber", message: "Pain after the session was amber.", at: days(8) }],
  escalations: [{ ruleId: "R20", severity: "escalate", message: "Night pain reported", raisedAt: days(2), acknowledged: false }],
  adjuncts: [{ kind: "shockwave", at: days(20), side: "left", provider: "City Clinic", parameters: "2000 pulses", restrictions: "No sprinting for 48 h" }],
  restrictions: ["sprinting"],
};

const coach: CoachHandover = {
  ...common,
  audience: "coach",
  generatedBy: "Carl Coach",
  pain: common.pain.map((p) => ({ ...p, during: null, after: null })),
  phaseHistory: [{ phase: 1, startedAt: days(40) }, { phase: 2, startedAt: days(12) }],
  flags: [{ ruleId: "R20", severity: "escalate", message: "Medical review needed", at: days(2), blocksProgression: true, medicalReview: true }],
  medicalReviewNeeded: true,
};

describe("handover PDF", () => {
  it("the physio's report holds the clinical record and the footer", async () => {
    const text = await pdfText(await renderHandoverPdf(physio));
    for (const expected of [
      "Handover report: Maya Okafor",
      "Riverside Harriers",
      "Ultrasound".toLowerCase(),
      "Puranen-Orava",
      "sensitivity 76 %, specificity 82 %",
      "Phase 2: Build strength, 12 days",
      "Sam Second",
      "All criteria met",
      "Added Nordic curls",
      "E2.1 Morning pain green for 14 days",
      "1 Mar: 66",
      "Baseline 52, change +14 points",
      "Night pain reported",
      "No sprinting for 48 h",
      "Weekly running volume, last 8 weeks (km)",
      HANDOVER_FOOTER,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("the coach's report draws no clinical section", async () => {
    const text = await pdfText(await renderHandoverPdf(coach));
    expect(text).toContain("Coach's handover report: Maya Okafor");
    expect(text).toContain("Medical review needed before training");
    expect(text).toContain(HANDOVER_FOOTER);
    for (const clinical of ["Open episode", "Provocation", "VISA-H", "Exit checklist", "Adjuncts", "Current plan", "Night pain"]) {
      expect(text).not.toContain(clinical);
    }
  });
});
