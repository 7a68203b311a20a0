import {
  effectiveTimeZone,
  provocationTestInfo,
  startOfLocalWeek,
  DomainError,
  type Actor,
} from "@loadline/domain";
import {
  getAthlete,
  listAdjuncts,
  listCheckIns,
  listEpisodes,
  listEscalations,
  listPlanVersions,
  listRoster,
  listSessionLoads,
  listSessionLogs,
  listVisaHResponses,
  readAthleteTimeZones,
  readClubCalendar,
  type CheckInRow,
  type Database,
  type SessionLogRow,
} from "@loadline/db";
import { csvDate, csvDateTime, csvFileName, csvList, csvNumber, toCsv, withZone, type CsvColumn } from "../exports/csv";
import { recordAudit } from "./audit";
import { loadBoard, type BoardRow } from "./coach-board";
import { assertCan } from "../trpc";

export interface CsvFile {
  filename: string;
  csv: string;
}

const DAY_MS = 86_400_000;
/** The earliest instant any record can carry; "every log" reads from here. */
const BEGINNING = new Date(0);

/** The coach's roster: who is in the club, their squads and whether they have signed in yet. */
export async function exportRoster(db: Database, actor: Actor, now: Date): Promise<CsvFile> {
  assertCan(actor, "export.staff", { organisationId: actor.organisationId });
  const [rows, club] = await Promise.all([listRoster(db, actor.organisationId, { includeArchived: true }), readClubCalendar(db, actor.organisationId)]);
  const columns: CsvColumn<(typeof rows)[number]>[] = [
    { header: "Name", value: (r) => r.name },
    { header: "Email", value: (r) => r.email },
    { header: "Event or sport", value: (r) => r.eventOrSport },
    { header: "Squads", value: (r) => csvList(r.squads.map((s) => s.name)) },
    { header: "Account", value: (r) => r.account.replaceAll("_", " ") },
    { header: "Archived", value: (r) => r.archived },
  ];
  return { filename: csvFileName("roster", now, club.timeZone), csv: toCsv(columns, rows) };
}

/** A board time (epoch ms) as a date for the CSV's date columns. */
const dateOf = (epochMs: number | null | undefined): Date | null => (epochMs === null || epochMs === undefined ? null : new Date(epochMs));

/** The squad board as the coach sees it (the coach-safe projection), one row per athlete. */
export async function exportBoard(db: Database, actor: Actor, squadIds: string[] | undefined, now: Date): Promise<CsvFile> {
  assertCan(actor, "export.staff", { organisationId: actor.organisationId });
  const [rows, club] = await Promise.all([loadBoard(db, actor.organisationId, squadIds, now), readClubCalendar(db, actor.organisationId)]);
  const zone = club.timeZone;
  const weekly = (r: BoardRow) => r.assessment?.workload.weeklyVolume;
  const columns: CsvColumn<BoardRow>[] = [
    { header: "Name", value: (r) => r.athlete.name },
    { header: "Squads", value: (r) => csvList(r.athlete.squads.map((s) => s.name)) },
    { header: "Availability", value: (r) => r.assessment?.availability ?? r.assessmentState.replaceAll("_", " ") },
    { header: "Phase", value: (r) => r.assessment?.phase ?? "" },
    { header: "Days in phase", value: (r) => r.daysInPhase },
    { header: "Worst open flag", value: (r) => r.assessment?.worstSeverity ?? "" },
    { header: "Medical review needed", value: (r) => r.assessment?.medicalReviewNeeded ?? false },
    { header: "Progression blocked", value: (r) => r.assessment?.progressionBlocked ?? false },
    { header: "Weekly volume unit", value: (r) => weekly(r)?.unit ?? "" },
    { header: "Weekly volume this week (km or min, see unit)", value: (r) => csvNumber(weekly(r)?.current) },
    { header: "Weekly volume previous week (km or min, see unit)", value: (r) => csvNumber(weekly(r)?.previous) },
    { header: "ACWR (ratio)", value: (r) => csvNumber(r.assessment?.workload.acwr ?? null, 2) },
    { header: withZone("Next high-load day", zone), value: (r) => csvDateTime(dateOf(r.assessment?.nextHighLoadAt), zone) },
    { header: "Days since last log (days)", value: (r) => r.daysSinceLastLog },
    { header: withZone("Assessed at", zone), value: (r) => csvDateTime(dateOf(r.assessedAt), zone) },
  ];
  return { filename: csvFileName("board", now, zone), csv: toCsv(columns, rows) };
}

interface WeekLoad {
  athlete: string;
  squads: string;
  weekStart: number;
  sessions: number;
  runs: number;
  km: number;
  minutes: number;
  /** Session RPE load: minutes x RPE, over sessions with both. */
  srpe: number;
}

/** Squad load history: per athlete and week, sessions, running km, minutes and session-RPE load. */
export async function exportSquadLoad(db: Database, actor: Actor, input: { squadIds?: string[] | undefined; weeks: number }, now: Date): Promise<CsvFile> {
  assertCan(actor, "export.staff", { organisationId: actor.organisationId });
  const club = await readClubCalendar(db, actor.organisationId);
  const rows = await loadBoard(db, actor.organisationId, input.squadIds, now);
  const calendar = { timeZone: club.timeZone, weekStartsOn: club.weekStartsOn };
  const firstWeek = startOfLocalWeek(now.getTime() - (input.weeks - 1) * 7 * DAY_MS, calendar);
  const loads = await listSessionLoads(
    db,
    actor.organisationId,
    rows.map((r) => r.athlete.id),
    new Date(firstWeek),
  );
  const byKey = new Map<string, WeekLoad>();
  const athletes = new Map(rows.map((r) => [r.athlete.id, r.athlete]));
  for (const athlete of athletes.values()) {
    for (let w = 0; w < input.weeks; w++) {
      const weekStart = startOfLocalWeek(firstWeek + w * 7 * DAY_MS + DAY_MS / 2, calendar);
      byKey.set(`${athlete.id}:${weekStart}`, {
        athlete: athlete.name,
        squads: csvList(athlete.squads.map((s) => s.name)),
        weekStart,
        sessions: 0,
        runs: 0,
        km: 0,
        minutes: 0,
        srpe: 0,
      });
    }
  }
  for (const load of loads) {
    const week = byKey.get(`${load.athleteId}:${startOfLocalWeek(load.at.getTime(), calendar)}`);
    if (!week) continue;
    week.sessions += 1;
    if (load.type === "run") {
      week.runs += 1;
      week.km += load.distanceKm ?? 0;
    }
    week.minutes += load.minutes ?? 0;
    if (load.minutes !== null && load.rpe !== null) week.srpe += load.minutes * load.rpe;
  }
  const zone = club.timeZone;
  const columns: CsvColumn<WeekLoad>[] = [
    { header: "Name", value: (r) => r.athlete },
    { header: "Squads", value: (r) => r.squads },
    { header: withZone("Week starting", zone), value: (r) => csvDate(new Date(r.weekStart), zone) },
    { header: "Sessions (count)", value: (r) => r.sessions },
    { header: "Runs (count)", value: (r) => r.runs },
    { header: "Running distance (km)", value: (r) => csvNumber(r.km) },
    { header: "Training time (min)", value: (r) => csvNumber(r.minutes, 0) },
    { header: "Session-RPE load (min x RPE)", value: (r) => csvNumber(r.srpe, 0) },
  ];
  const ordered = [...byKey.values()].sort((a, b) => a.athlete.localeCompare(b.athlete) || a.weekStart - b.weekStart);
  return { filename: csvFileName(`squad-load-${input.weeks}-weeks`, now, zone), csv: toCsv(columns, ordered) };
}

const sessionColumns = (zone: string): CsvColumn<SessionLogRow>[] => [
  { header: withZone("Date and time", zone), value: (s) => csvDateTime(s.at, zone) },
  { header: "Type", value: (s) => s.type.replaceAll("_", " ") },
  { header: "Duration (min)", value: (s) => csvNumber(s.minutes, 0) },
  { header: "Distance (km)", value: (s) => csvNumber(s.distanceKm, 2) },
  { header: "RPE (0-10)", value: (s) => s.rpe },
  { header: "Pain during (0-10)", value: (s) => s.painDuring },
  { header: "Pain after (0-10)", value: (s) => s.painAfter },
  { header: "As prescribed", value: (s) => s.asPrescribed },
  { header: "Activities", value: (s) => csvList(s.activities.map((a) => a.replaceAll("_", " "))) },
  { header: "Elevation gain (m)", value: (s) => csvNumber(s.elevationGainM, 0) },
  { header: "Cadence (steps/min)", value: (s) => csvNumber(s.cadenceSpm, 0) },
  { header: "Notes", value: (s) => s.notes },
];

const checkInColumns = (zone: string): CsvColumn<CheckInRow>[] => [
  { header: withZone("Date and time", zone), value: (c) => csvDateTime(c.at, zone) },
  { header: "Morning pain (0-10)", value: (c) => c.morningPain },
  { header: "Morning stiffness (min)", value: (c) => csvNumber(c.stiffnessMinutes, 0) },
  { header: "Load test pain (0-10)", value: (c) => c.loadTestPain },
  { header: "Rest pain (0-10)", value: (c) => c.restPain },
  { header: "Sitting tolerance (min)", value: (c) => csvNumber(c.sittingToleranceMinutes, 0) },
];

/** One line of the physio's record export: every kind of record on one timeline. */
interface RecordLine {
  at: Date;
  record: string;
  summary: string;
  painDuring?: number | null;
  painAfter?: number | null;
  morningPain?: number | null;
  minutes?: number | null;
  distanceKm?: number | null;
  visaH?: number | null;
  by?: string;
}

/**
 * An athlete's full record for the physio: episodes, provocation tests, plan versions, logs,
 * check-ins, VISA-H, adjuncts and escalations on one timeline, oldest first. Audited.
 */
export async function exportAthleteRecord(db: Database, actor: Actor, athleteId: string, now: Date): Promise<CsvFile> {
  const { organisationId } = actor;
  assertCan(actor, "export.clinical", { organisationId, athleteId });
  const athlete = await getAthlete(db, organisationId, athleteId);
  if (!athlete) throw new DomainError("not_found", "No such athlete in your club.");
  const [club, zones, episodes, versions, sessions, checkIns, visaH, adjuncts, escalations] = await Promise.all([
    readClubCalendar(db, organisationId),
    readAthleteTimeZones(db, organisationId, [athlete.id]),
    listEpisodes(db, organisationId, athlete.id),
    listPlanVersions(db, organisationId, athlete.id),
    listSessionLogs(db, organisationId, athlete.id, BEGINNING),
    listCheckIns(db, organisationId, athlete.id, BEGINNING),
    listVisaHResponses(db, organisationId, athlete.id),
    listAdjuncts(db, organisationId, athlete.id, { includeDeleted: true }),
    listEscalations(db, organisationId, { athleteId: athlete.id, includeResolved: true }),
  ]);
  const zone = effectiveTimeZone(club.timeZone, zones.get(athlete.id) ?? null);
  const lines: RecordLine[] = [
    ...episodes.flatMap((e): RecordLine[] => [
      {
        at: e.createdAt,
        record: "Episode opened",
        summary: `${e.side} side, onset ${e.onsetDate} (${e.onsetType}), diagnosis ${e.diagnosisMethod}${e.clinicalNotes ? `. ${e.clinicalNotes}` : ""}`,
        by: e.owningClinicianName,
      },
      ...e.provocationTests.map((t) => {
        const info = provocationTestInfo[t.test];
        const accuracy = info.accuracy ? `; reported sensitivity ${info.accuracy.sensitivityPct} %, specificity ${info.accuracy.specificityPct} %` : "";
        return { at: t.at, record: "Provocation test", summary: `${info.label}, ${t.side}: familiar pain ${t.familiarPainReproduced ? "reproduced" : "not reproduced"}, pain ${t.pain}${accuracy}` };
      }),
      ...(e.closedAt ? [{ at: e.closedAt, record: "Episode closed", summary: `${e.side} side` }] : []),
    ]),
    ...versions.map((v) => ({
      at: v.createdAt,
      record: "Plan version",
      summary: `Version ${v.version}, phase ${v.phase}${v.phaseChange ? ` (${v.phaseChange.replaceAll("_", " ")}${v.phaseChangeReason ? `: ${v.phaseChangeReason}` : ""})` : ""}${v.changeSummary ? `. ${v.changeSummary}` : ""}`,
      by: v.authorName,
    })),
    ...sessions.map((s) => ({
      at: s.at,
      record: `Session (${s.type.replaceAll("_", " ")})`,
      summary: s.notes,
      painDuring: s.painDuring,
      painAfter: s.painAfter,
      minutes: s.minutes,
      distanceKm: s.distanceKm,
    })),
    ...checkIns.map((c) => ({
      at: c.at,
      record: "Morning check-in",
      summary: c.redFlags.length > 0 ? `Red flags: ${csvList(c.redFlags.map((f) => f.replaceAll("_", " ")))}` : "",
      morningPain: c.morningPain,
    })),
    ...visaH.map((v) => ({ at: v.at, record: "VISA-H", summary: "", visaH: v.total })),
    ...adjuncts.map((a) => ({
      at: a.at,
      record: "Adjunct treatment",
      summary: `${a.kind.replaceAll("_", " ")}${a.side ? ` (${a.side})` : ""}${a.parameters ? `, ${a.parameters}` : ""}; restrictions: ${a.restrictions ?? "none entered"}${a.deletedAt ? `; deleted as recorded in error: ${a.deletionReason ?? ""}` : ""}`,
      by: a.recordedByName,
    })),
    ...escalations.map((e) => ({
      at: e.raisedAt,
      record: `Escalation ${e.ruleId}`,
      summary: `${e.message}${e.resolvedAt ? " (resolved)" : e.acknowledgedAt ? " (acknowledged)" : ""}`,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const columns: CsvColumn<RecordLine>[] = [
    { header: withZone("Date and time", zone), value: (l) => csvDateTime(l.at, zone) },
    { header: "Record", value: (l) => l.record },
    { header: "Details", value: (l) => l.summary },
    { header: "Pain during (0-10)", value: (l) => l.painDuring },
    { header: "Pain after (0-10)", value: (l) => l.painAfter },
    { header: "Morning pain (0-10)", value: (l) => l.morningPain },
    { header: "Duration (min)", value: (l) => csvNumber(l.minutes, 0) },
    { header: "Distance (km)", value: (l) => csvNumber(l.distanceKm, 2) },
    { header: "VISA-H total (0-100)", value: (l) => l.visaH },
    { header: "Recorded by", value: (l) => l.by ?? "" },
  ];
  await recordAudit(db, actor, now, [{ athleteId: athlete.id, action: "read", entity: "athlete_record", detail: `Exported the full record (${lines.length} lines)` }]);
  return { filename: csvFileName(`record-${athlete.name}`, now, zone), csv: toCsv(columns, lines) };
}

/** The athlete's own sessions or check-ins, every one, in their own zone. */
export async function exportOwnLogs(db: Database, actor: Actor, kind: "sessions" | "check-ins", now: Date): Promise<CsvFile> {
  const athleteId = actor.athleteId;
  if (actor.role !== "athlete" || !athleteId) throw new DomainError("forbidden", "Your role cannot do this.");
  const [club, zones] = await Promise.all([readClubCalendar(db, actor.organisationId), readAthleteTimeZones(db, actor.organisationId, [athleteId])]);
  const zone = effectiveTimeZone(club.timeZone, zones.get(athleteId) ?? null);
  if (kind === "sessions") {
    const rows = (await listSessionLogs(db, actor.organisationId, athleteId, BEGINNING)).reverse();
    return { filename: csvFileName("my-sessions", now, zone), csv: toCsv(sessionColumns(zone), rows) };
  }
  const rows = (await listCheckIns(db, actor.organisationId, athleteId, BEGINNING)).reverse();
  return { filename: csvFileName("my-check-ins", now, zone), csv: toCsv(checkInColumns(zone), rows) };
}
