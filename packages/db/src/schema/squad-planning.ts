import { sql } from "drizzle-orm";
import type { BoardView } from "@loadline/domain";
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { athleteProfiles } from "./athletes";
import { createdAt, id, organisationId, updatedAt, textLimit } from "./columns";
import { squadSessionKinds, type SquadSessionKind } from "@loadline/domain";
import { squads } from "./squads";

/** A squad session the coach plans (clinical-model.md, "Records"). */
export const squadSessions = pgTable(
  "squad_sessions",
  {
    id: id(),
    organisationId: organisationId(),
    squadId: uuid("squad_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    kind: text("kind").$type<SquadSessionKind>().notNull(),
    durationMinutes: integer("duration_minutes"),
    title: text("title").notNull().default(""),
    notes: text("notes").notNull().default(""),
    createdById: uuid("created_by_id").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [textLimit("squad_sessions_title_length_check", t.title, "title"), textLimit("squad_sessions_notes_length_check", t.notes, "note"), 
    index("squad_sessions_squad_at_idx").on(t.organisationId, t.squadId, t.at),
    foreignKey({
      name: "squad_sessions_squad_fk",
      columns: [t.organisationId, t.squadId],
      foreignColumns: [squads.organisationId, squads.id],
    }).onDelete("cascade"),
    check("squad_sessions_kind_check", sql`${t.kind} in (${sql.raw(squadSessionKinds.map((k) => `'${k}'`).join(", "))})`),
    check("squad_sessions_duration_check", sql`${t.durationMinutes} is null or ${t.durationMinutes} > 0`),
  ],
);

/**
 * Flags the engine raised, persisted so staff can acknowledge and resolve them. One row per
 * occurrence of a condition: `fingerprint` is the domain's `alertIdentity` (rule + cause), unique
 * among an athlete's current alerts (`retired_at` null). Re-assessing updates the current row;
 * a condition no longer raised is retired (`retired_at`), and raised again it is a new row.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: uuid("athlete_id").notNull(),
    ruleId: text("rule_id").notNull(),
    severity: text("severity", { enum: ["info", "amber", "red", "escalate"] }).notNull(),
    message: text("message").notNull(),
    evidence: jsonb("evidence").$type<Record<string, unknown>>().notNull(),
    /** Carries clinical detail (e.g. red-flag answers): coaches see only "medical review needed". */
    sensitive: boolean("sensitive").notNull().default(false),
    fingerprint: text("fingerprint").notNull(),
    /** When the engine first raised it (not when its cause happens: a planned session is later). */
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    /** When its cause happened: the session, planned session or check-in. */
    causeAt: timestamp("cause_at", { withTimezone: true }),
    /** A physio review clears it (R4's two reds, R19, R20), so it waits in the physio's queue. */
    needsReview: boolean("needs_review").notNull().default(false),
    /** When a re-assessment stopped raising it (its cause changed or passed); resolved rows too. */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    acknowledgedById: uuid("acknowledged_by_id"),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgeNote: text("acknowledge_note"),
    resolvedById: uuid("resolved_by_id"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolutionNote: text("resolution_note"),
    createdAt: createdAt(),
  },
  (t) => [textLimit("alerts_acknowledge_note_length_check", t.acknowledgeNote, "note"), textLimit("alerts_resolution_note_length_check", t.resolutionNote, "note"), 
    uniqueIndex("alerts_current_fingerprint_idx").on(t.athleteId, t.fingerprint).where(sql`${t.retiredAt} is null`),
    index("alerts_open_idx").on(t.organisationId, t.resolvedAt, t.severity),
    index("alerts_athlete_raised_idx").on(t.organisationId, t.athleteId, t.raisedAt),
    foreignKey({
      name: "alerts_athlete_fk",
      columns: [t.organisationId, t.athleteId],
      foreignColumns: [athleteProfiles.organisationId, athleteProfiles.id],
    }).onDelete("cascade"),
    check("alerts_resolution_note_check", sql`${t.resolvedAt} is null or length(trim(coalesce(${t.resolutionNote}, ''))) > 0`),
  ],
);

export interface SerialisedAssessment {
  json: unknown;
  meta?: unknown;
}

/**
 * The engine's latest assessment of each athlete, computed on write (a log, plan, test or
 * review changes) and refreshed on read once `staleAfter` passes (time alone moves R7 dates,
 * windows and pending outcomes). The board reads these rows instead of a year of history.
 */
export const assessmentSnapshots = pgTable(
  "assessment_snapshots",
  {
    athleteId: uuid("athlete_id").primaryKey(),
    organisationId: organisationId(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
    staleAfter: timestamp("stale_after", { withTimezone: true }).notNull(),
    /** The engine version that computed it (ENGINE_VERSION); another version's snapshot is stale. */
    engineVersion: text("engine_version").notNull().default(""),
    /**
     * The athlete's `records_version` read before the records this snapshot was computed from. A
     * snapshot replaces the stored one only when it read at least that version (then the later
     * clock wins): records versions order the snapshots by what they saw, clocks only by when
     * they started.
     */
    recordsVersion: integer("records_version").notNull().default(0),
    /**
     * The domain's Assessment, serialised by the API with superjson (it holds dates). Null when
     * the athlete's stored records could not be assessed ("record needs attention"), so the
     * board can tell that apart from an athlete not assessed yet.
     */
    assessment: jsonb("assessment").$type<SerialisedAssessment>(),
    /**
     * The board's row of that assessment (the domain's `toBoardView`: coach-safe, plain JSON),
     * computed with it, so the board never reads or revives the full assessment. Null with a
     * null assessment, and in snapshots of engine versions before 4 (re-assessed by the sweep).
     */
    board: jsonb("board").$type<BoardView>(),
  },
  (t) => [
    index("assessment_snapshots_org_idx").on(t.organisationId),
    // The engine-version sweep walks snapshots oldest first.
    index("assessment_snapshots_computed_idx").on(t.computedAt),
    foreignKey({
      name: "assessment_snapshots_athlete_fk",
      columns: [t.organisationId, t.athleteId],
      foreignColumns: [athleteProfiles.organisationId, athleteProfiles.id],
    }).onDelete("cascade"),
  ],
);
