import { addAthleteSchema, DomainError, type Actor, type AddAthleteInput } from "@loadline/domain";
import { emailHolder, listSquads, type Database } from "@loadline/db";
import { parseCsv } from "../exports/csv";
import { inviteAthlete } from "./invites";
import { assertCan } from "../trpc";

/** The columns of a roster file; the first four are required, the rest may be left out. */
export const rosterImportColumns = {
  name: "Name",
  email: "Email",
  squads: "Squads",
  eventOrSport: "Event or sport",
  birthYear: "Birth year",
  sex: "Sex",
  preInjuryWeeklyKm: "Pre-injury weekly volume (km)",
  previousHamstringInjury: "Previous hamstring injury",
} as const;
const requiredColumns = ["name", "email", "squads", "eventOrSport"] as const;

/** A club's import is one transaction; this bounds its size (and the request's). */
export const ROSTER_IMPORT_MAX_ROWS = 500;

export interface ImportRow {
  line: number;
  name: string;
  email: string;
  squads: string[];
  /** Field -> the message the roster form shows for it; empty when the row can be imported. */
  errors: Record<string, string>;
}

interface CheckedRow extends ImportRow {
  input: AddAthleteInput | null;
}

const yes = new Set(["yes", "y", "true", "1"]);
const no = new Set(["no", "n", "false", "0", ""]);

/** A cell as the form would have sent it: empty numbers are "not recorded" (null). */
function numberCell(value: string | undefined): number | null | string {
  if (value === undefined || value === "") return null;
  const n = Number(value);
  return Number.isNaN(n) ? value : n;
}

/**
 * Check every row of a roster file the way the roster form checks one athlete: the domain's
 * schema (same messages), squads of this club by name, and emails new to this club and to the
 * file. Nothing is written.
 */
async function checkRows(db: Database, actor: Actor, csv: string): Promise<{ rows: CheckedRow[]; fileErrors: string[] }> {
  assertCan(actor, "roster.write", { organisationId: actor.organisationId });
  const parsed = parseCsv(csv);
  const missing = requiredColumns.filter((c) => !parsed.headers.includes(rosterImportColumns[c])).map((c) => rosterImportColumns[c]);
  const fileErrors = [...parsed.errors];
  if (missing.length > 0) fileErrors.unshift(`The file has no ${missing.map((m) => `"${m}"`).join(", ")} column. The first line must name the columns.`);
  if (parsed.rows.length === 0 && missing.length === 0) fileErrors.push("The file has no athletes below its header line.");
  if (parsed.rows.length > ROSTER_IMPORT_MAX_ROWS) fileErrors.push(`Import at most ${ROSTER_IMPORT_MAX_ROWS} athletes at a time (this file has ${parsed.rows.length}).`);
  if (fileErrors.length > 0 && (missing.length > 0 || parsed.rows.length > ROSTER_IMPORT_MAX_ROWS)) return { rows: [], fileErrors };

  const squads = await listSquads(db, actor.organisationId);
  const squadByName = new Map(squads.map((s) => [s.name.trim().toLowerCase(), s.id]));
  const seen = new Map<string, number>();
  const rows: CheckedRow[] = [];
  for (const { line, cells } of parsed.rows) {
    const cell = (key: keyof typeof rosterImportColumns) => cells[rosterImportColumns[key]] ?? "";
    const squadNames = cell("squads")
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const errors: Record<string, string> = {};
    const unknownSquads = squadNames.filter((n) => !squadByName.has(n.toLowerCase()));
    if (unknownSquads.length > 0) errors.squadIds = `Choose squads of your club (no squad named ${unknownSquads.map((n) => `"${n}"`).join(", ")})`;
    const injury = cell("previousHamstringInjury").toLowerCase();
    if (!yes.has(injury) && !no.has(injury)) errors.previousHamstringInjury = "Previous hamstring injury must be yes or no";
    const sex = cell("sex").toLowerCase() || "unspecified";
    const candidate = {
      name: cell("name"),
      email: cell("email"),
      eventOrSport: cell("eventOrSport"),
      squadIds: [...new Set(squadNames.flatMap((n) => squadByName.get(n.toLowerCase()) ?? []))],
      birthYear: numberCell(cell("birthYear")),
      sex,
      preInjuryWeeklyKm: numberCell(cell("preInjuryWeeklyKm")),
      previousHamstringInjury: yes.has(injury),
    };
    const result = addAthleteSchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.map(String)[0] ?? "_row";
        // An unknown squad already has its sentence; "Choose at least one squad" would repeat it.
        if (!(field === "squadIds" && errors.squadIds)) errors[field] ??= issue.message;
      }
    }
    const email = result.success ? result.data.email : candidate.email.trim().toLowerCase();
    if (result.success) {
      const first = seen.get(email);
      if (first !== undefined) errors.email = `This email is already on line ${first} of the file`;
      else if ((await emailHolder(db, actor.organisationId, email)) === "this_organisation") errors.email = "This person is already in your club";
    }
    if (email && !seen.has(email)) seen.set(email, line);
    rows.push({
      line,
      name: candidate.name,
      email: candidate.email,
      squads: squadNames,
      errors,
      input: result.success && Object.keys(errors).length === 0 ? result.data : null,
    });
  }
  return { rows, fileErrors };
}

/** What an import would do, row by row, without writing anything. */
export async function previewRosterImport(db: Database, actor: Actor, csv: string) {
  const { rows, fileErrors } = await checkRows(db, actor, csv);
  return {
    fileErrors,
    rows: rows.map(({ input: _input, ...row }) => row),
    valid: rows.filter((r) => r.input !== null).length,
    invalid: rows.filter((r) => r.input === null).length,
  };
}

/**
 * Import the rows that pass the checks, each with an invite, in the procedure's one
 * transaction: when any write fails, none of the athletes is added. Rows with errors are
 * skipped and listed, as the preview showed them.
 */
export async function importRoster(db: Database, actor: Actor, now: Date, csv: string) {
  const { rows, fileErrors } = await checkRows(db, actor, csv);
  if (fileErrors.length > 0) throw new DomainError("invalid", fileErrors[0] ?? "The file cannot be imported.", { csv: fileErrors });
  const valid = rows.filter((r): r is CheckedRow & { input: AddAthleteInput } => r.input !== null);
  if (valid.length === 0) throw new DomainError("invalid", "No row of the file can be imported: fix the errors shown and upload it again.", { csv: ["No valid rows"] });
  const imported = [];
  for (const row of valid) {
    const invite = await inviteAthlete(db, actor, now, row.input);
    imported.push({ line: row.line, name: row.input.name, email: row.input.email, invitePath: invite.invitePath, expiresAt: invite.expiresAt });
  }
  return { imported, skipped: rows.filter((r) => r.input === null).map(({ input: _input, ...row }) => row) };
}
