import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { formatCalendarDate, formatInClubTime } from "@loadline/domain";
import type { HandoverReport, PhysioHandover } from "@loadline/api";

/**
 * The handover report as a PDF, drawn with react-pdf's primitives on the server. It only lays
 * out what the API decided the reader may see (`reports.handover`): a coach's report object has
 * no clinical fields to draw.
 */

const colours = { ink: "#111827", muted: "#4b5563", rule: "#d1d5db", green: "#15803d", amber: "#b45309", red: "#b91c1c", bar: "#2563eb" };

const styles = StyleSheet.create({
  page: { padding: 36, paddingBottom: 56, fontSize: 9.5, color: colours.ink, fontFamily: "Helvetica", lineHeight: 1.35 },
  title: { fontSize: 16, fontFamily: "Helvetica-Bold" },
  subtitle: { fontSize: 10, color: colours.muted, marginTop: 2 },
  section: { marginTop: 12 },
  heading: { fontSize: 11, fontFamily: "Helvetica-Bold", borderBottomWidth: 1, borderBottomColor: colours.rule, paddingBottom: 2, marginBottom: 4 },
  row: { flexDirection: "row" },
  label: { width: 130, color: colours.muted },
  value: { flex: 1 },
  muted: { color: colours.muted },
  tableRow: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: colours.rule, paddingVertical: 2 },
  cell: { flex: 1, paddingRight: 4 },
  chart: { flexDirection: "row", alignItems: "flex-end", height: 70, borderBottomWidth: 0.5, borderLeftWidth: 0.5, borderColor: colours.muted, marginTop: 4 },
  axis: { flexDirection: "row", justifyContent: "space-between", fontSize: 7, color: colours.muted, marginTop: 1 },
  footer: { position: "absolute", bottom: 24, left: 36, right: 110, fontSize: 8, color: colours.muted },
  pageNumber: { position: "absolute", bottom: 24, right: 36, fontSize: 8, color: colours.muted },
});

export const HANDOVER_FOOTER = "This report is a record of what was logged in Loadline, not medical advice.";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View style={styles.section} wrap={false}>
      <Text style={styles.heading}>{title}</Text>
      {children}
    </View>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.row}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{value}</Text>
    </View>
  );
}

function Table({ head, rows }: { head: string[]; rows: string[][] }) {
  return (
    <View>
      <View style={[styles.tableRow, { borderBottomWidth: 1 }]}>
        {head.map((h) => (
          <Text key={h} style={[styles.cell, { fontFamily: "Helvetica-Bold" }]}>
            {h}
          </Text>
        ))}
      </View>
      {rows.map((r, i) => (
        <View key={i} style={styles.tableRow}>
          {r.map((c, j) => (
            <Text key={j} style={styles.cell}>
              {c}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/** A bar chart from plain boxes: one bar per value, scaled to the largest (or `max`). */
function Bars({ values, max, colour, first, last }: { values: { value: number | null; colour?: string }[]; max?: number; colour: string; first: string; last: string }) {
  const top = Math.max(max ?? 0, ...values.map((v) => v.value ?? 0), 1);
  return (
    <View>
      <View style={styles.chart}>
        {values.map((v, i) => (
          <View key={i} style={{ flex: 1, marginHorizontal: 0.5, height: `${((v.value ?? 0) / top) * 100}%`, backgroundColor: v.colour ?? colour }} />
        ))}
      </View>
      <View style={styles.axis}>
        <Text>{first}</Text>
        <Text>{last}</Text>
      </View>
    </View>
  );
}

const none = (items: readonly unknown[], text: string) => (items.length === 0 ? <Text style={styles.muted}>{text}</Text> : null);

function ChartSections({ report }: { report: HandoverReport }) {
  const day = (d: string) => formatCalendarDate(d, report.calendar, "shortDate");
  const zoneColour = (pain: number) => (pain <= report.painBands.greenMax ? colours.green : pain <= report.painBands.amberMax ? colours.amber : colours.red);
  const volume = report.weeklyVolume;
  const unitKm = volume.some((w) => w.km > 0);
  return (
    <>
      <Section title={`Morning pain, last ${volume.length} weeks (0-10)`}>
        {report.pain.length === 0 ? (
          <Text style={styles.muted}>No pain recorded in this period.</Text>
        ) : (
          <>
            <Bars
              values={report.pain.map((p) => ({ value: p.morning, ...(p.morning !== null ? { colour: zoneColour(p.morning) } : {}) }))}
              max={10}
              colour={colours.green}
              first={day(report.pain[0]?.date ?? "")}
              last={day(report.pain.at(-1)?.date ?? "")}
            />
            <Text style={styles.muted}>
              {report.pain.filter((p) => p.morning !== null).length} mornings logged; green up to {report.painBands.greenMax}, amber up to {report.painBands.amberMax}.
            </Text>
          </>
        )}
      </Section>
      <Section title={`Weekly running volume, last ${volume.length} weeks (${unitKm ? "km" : "min"})`}>
        <Bars
          values={volume.map((w) => ({ value: unitKm ? w.km : w.minutes }))}
          colour={colours.bar}
          first={formatInClubTime(volume[0]?.weekStart ?? 0, report.calendar, "shortDate")}
          last={formatInClubTime(volume.at(-1)?.weekStart ?? 0, report.calendar, "shortDate")}
        />
        <Text style={styles.muted}>
          {volume.map((w) => (unitKm ? `${Math.round(w.km * 10) / 10} km` : `${Math.round(w.minutes)} min`)).join(" · ")}
        </Text>
      </Section>
    </>
  );
}

function PhysioSections({ report }: { report: PhysioHandover }) {
  const at = (d: Date) => formatInClubTime(d, report.calendar, "date");
  const { episode, plan, visaH } = report;
  return (
    <>
      <Section title="Open episode">
        {episode ? (
          <>
            <Field label="Side" value={episode.side} />
            <Field label="Onset" value={`${formatCalendarDate(episode.onsetDate, report.calendar)} (${episode.onsetType})`} />
            <Field label="Diagnosis method" value={episode.diagnosisMethod === "mri" ? "MRI" : episode.diagnosisMethod} />
            <Field label="Owning clinician" value={episode.owningClinicianName} />
            {episode.differentialsExcluded.length > 0 ? <Field label="Differentials excluded" value={episode.differentialsExcluded.join(", ")} /> : null}
            {episode.clinicalNotes ? <Field label="Clinical notes" value={episode.clinicalNotes} /> : null}
            <Text style={[styles.muted, { marginTop: 4 }]}>Provocation tests (reported accuracy is information only)</Text>
            {none(episode.provocationTests, "No provocation tests recorded.")}
            {episode.provocationTests.length > 0 ? (
              <Table
                head={["Test", "Date", "Side", "Familiar pain", "Pain (0-10)", "Reported accuracy"]}
                rows={episode.provocationTests.map((t) => [
                  t.label,
                  at(t.at),
                  t.side,
                  t.familiarPainReproduced ? "reproduced" : "not reproduced",
                  String(t.pain),
                  t.accuracy ? `sensitivity ${t.accuracy.sensitivityPct} %, specificity ${t.accuracy.specificityPct} %` : "not reported",
                ])}
              />
            ) : null}
          </>
        ) : (
          <Text style={styles.muted}>No open episode.</Text>
        )}
      </Section>
      <Section title="Phase history">
        {none(report.phaseHistory, "No plan yet.")}
        {report.phaseHistory.length > 0 ? (
          <Table
            head={["Version", "Phase", "From", "Signed off by", "Change", "Reason"]}
            rows={report.phaseHistory.map((p) => [
              String(p.version),
              String(p.phase),
              at(p.startedAt),
              p.signedOffBy,
              p.change === null ? "first plan" : p.change.replaceAll("_", " "),
              p.reason ?? "",
            ])}
          />
        ) : null}
      </Section>
      <Section title="Current plan">
        {plan ? (
          <>
            <Field label="Version" value={`${plan.version}, by ${plan.authorName}, ${at(plan.createdAt)}`} />
            {plan.changeSummary ? <Field label="Last change" value={plan.changeSummary} /> : null}
            {plan.lastChanges.length > 0 ? <Field label="Changed from previous" value={plan.lastChanges.map((c) => c.summary).join("; ")} /> : null}
            {plan.notes ? <Field label="Plan notes" value={plan.notes} /> : null}
            {plan.prescriptions.length > 0 ? (
              <Table
                head={["Exercise", "Sets", "Reps", "Hold (s)", "Sessions per week"]}
                rows={plan.prescriptions.map((p) => [p.exercise.replaceAll("_", " "), String(p.sets), p.reps === null ? "" : String(p.reps), p.holdSeconds === null ? "" : String(p.holdSeconds), String(p.sessionsPerWeek)])}
              />
            ) : (
              <Text style={styles.muted}>No exercises prescribed.</Text>
            )}
          </>
        ) : (
          <Text style={styles.muted}>No plan yet.</Text>
        )}
      </Section>
      <Section title="Exit checklist">
        {none(report.exitCriteria, "No exit criteria for the current phase.")}
        {report.exitCriteria.map((c) => (
          <View key={c.id} style={styles.row}>
            <Text style={{ width: 60, color: c.status === "met" ? colours.green : c.status === "not_met" ? colours.red : colours.muted }}>
              {c.status === "met" ? "met" : c.status === "not_met" ? "not met" : "unknown"}
            </Text>
            <Text style={styles.value}>
              {c.id} {c.description}
              {c.dataNeeded ? ` (needs: ${c.dataNeeded})` : ""}
            </Text>
          </View>
        ))}
      </Section>
      <Section title="VISA-H trend (0-100)">
        {visaH.points.length === 0 ? (
          <Text style={styles.muted}>No VISA-H questionnaire yet.</Text>
        ) : (
          <>
            <Bars
              values={visaH.points.map((p) => ({ value: p.total }))}
              max={100}
              colour={colours.bar}
              first={formatCalendarDate(visaH.points[0]?.date ?? "", report.calendar, "shortDate")}
              last={formatCalendarDate(visaH.points.at(-1)?.date ?? "", report.calendar, "shortDate")}
            />
            <Text>
              {visaH.points.map((p) => `${formatCalendarDate(p.date, report.calendar, "shortDate")}: ${p.total}`).join(" · ")}
            </Text>
            {visaH.baseline !== null ? (
              <Text style={styles.muted}>
                Baseline {visaH.baseline}, change {visaH.change !== null && visaH.change > 0 ? "+" : ""}
                {visaH.change ?? 0} points{visaH.dueAt ? `; next due ${at(visaH.dueAt)}` : ""}.
              </Text>
            ) : null}
          </>
        )}
      </Section>
    </>
  );
}

function FlagSections({ report }: { report: HandoverReport }) {
  const at = (d: Date) => formatInClubTime(d, report.calendar, "date");
  if (report.audience === "coach") {
    return (
      <Section title="Open flags">
        {report.medicalReviewNeeded ? <Text style={{ color: colours.red }}>Medical review needed before training.</Text> : null}
        {none(report.flags, "No open flags.")}
        {report.flags.map((f, i) => (
          <Text key={i}>
            {f.severity.toUpperCase()} ({f.ruleId}, {at(f.at)}): {f.message}
          </Text>
        ))}
      </Section>
    );
  }
  return (
    <>
      <Section title="Open flags and escalations">
        {none([...report.flags, ...report.escalations], "No open flags or escalations.")}
        {report.escalations.map((e, i) => (
          <Text key={`e${i}`} style={{ color: colours.red }}>
            Escalation {e.ruleId} ({at(e.raisedAt)}, {e.acknowledged ? "acknowledged" : "not yet acknowledged"}): {e.message}
          </Text>
        ))}
        {report.flags.map((f, i) => (
          <Text key={`f${i}`}>
            {f.severity.toUpperCase()} ({f.ruleId}, {at(f.at)}): {f.message}
          </Text>
        ))}
      </Section>
      <Section title="Adjuncts and restrictions">
        {report.restrictions.length > 0 ? <Field label="Forbidden activities" value={report.restrictions.join(", ")} /> : null}
        {none(report.adjuncts, "No adjunct treatments recorded.")}
        {report.adjuncts.map((a, i) => (
          <Text key={i}>
            {at(a.at)}: {a.kind.replaceAll("_", " ")}
            {a.side ? ` (${a.side})` : ""}
            {a.provider ? `, ${a.provider}` : ""}
            {a.parameters ? `, ${a.parameters}` : ""}. Restrictions: {a.restrictions ?? "none entered"}
          </Text>
        ))}
      </Section>
    </>
  );
}

export function HandoverDocument({ report }: { report: HandoverReport }) {
  const title = report.audience === "physio" ? "Handover report" : "Coach's handover report";
  const phase = report.phase;
  return (
    <Document title={`${title}: ${report.athlete.name}`} author={report.club.name} creator="Loadline" producer="Loadline">
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>
          {title}: {report.athlete.name}
        </Text>
        <Text style={styles.subtitle}>
          {report.club.name} · {report.athlete.eventOrSport}
          {report.athlete.squads.length > 0 ? ` · ${report.athlete.squads.join(", ")}` : ""}
        </Text>
        <Text style={styles.subtitle}>
          Prepared by {report.generatedBy} on {formatInClubTime(report.generatedAt, report.calendar)} ({report.calendar.timeZone})
        </Text>
        <Section title="Now">
          <Field label="Availability" value={report.availability.replaceAll("_", " ")} />
          <Field label="Current phase" value={phase ? `Phase ${phase.phase}: ${phase.name}, ${phase.daysInPhase} days (since ${formatInClubTime(phase.startedAt, report.calendar, "date")})` : "Not in a rehab phase"} />
          <Field label="Next high-load day" value={report.nextHighLoadAt ? formatInClubTime(report.nextHighLoadAt, report.calendar) : "No restriction"} />
        </Section>
        {report.audience === "physio" ? (
          <PhysioSections report={report} />
        ) : (
          <Section title="Phase history">
            {none(report.phaseHistory, "No rehab phases.")}
            {report.phaseHistory.map((p, i) => (
              <Text key={i}>
                Phase {p.phase} from {formatInClubTime(p.startedAt, report.calendar, "date")}
              </Text>
            ))}
          </Section>
        )}
        <ChartSections report={report} />
        <FlagSections report={report} />
        <Text style={styles.footer} fixed>
          {HANDOVER_FOOTER}
        </Text>
        <Text style={styles.pageNumber} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
      </Page>
    </Document>
  );
}

export function renderHandoverPdf(report: HandoverReport): Promise<Buffer> {
  return renderToBuffer(<HandoverDocument report={report} />);
}
