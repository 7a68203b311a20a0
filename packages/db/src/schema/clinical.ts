import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  uniqueIndex,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { GAIT_CUES_MAX, HOW_TO_MAX_LENGTH, PLAN_CONTENT_MAX_CHARS, TEMPO_MAX_LENGTH, TEXT_LIMITS, URL_MAX_LENGTH, type GaitAssessment, type Phase, type Plan, type RedFlagId } from "@loadline/domain";
import { athleteProfiles } from "./athletes";
import { createdAt, id, organisationId, updatedAt, textLimit } from "./columns";
import { organisations } from "./organisations";
import { users } from "./users";

/*
 * Clinical records (clinical-model.md, "Records"). Every table carries organisation_id and a composite
 * foreign key to its athlete within the same organisation. CHECK constraints mirror the domain
 * ranges (pain 0-10, RPE 0-10, positive minutes), so bad data cannot enter by any path.
 */

const athleteId = () => uuid("athlete_id").notNull();
const at = () => timestamp("at", { withTimezone: true }).notNull();
const pain = (name: string) => smallint(name);
const painCheck = (name: string, column: AnyPgColumn) => check(name, sql`${column} is null or ${column} between 0 and 10`);

/** The record's athlete, in the record's own organisation. */
function athleteFk(name: string, t: { organisationId: AnyPgColumn; athleteId: AnyPgColumn }) {
  return foreignKey({
    name,
    columns: [t.organisationId, t.athleteId],
    foreignColumns: [athleteProfiles.organisationId, athleteProfiles.id],
  }).onDelete("cascade");
}

/** A staff member (author, assessor, clinician) of the record's own organisation. */
function staffFk(name: string, t: { organisationId: AnyPgColumn }, column: AnyPgColumn) {
  return foreignKey({ name, columns: [t.organisationId, column], foreignColumns: [users.organisationId, users.id] });
}

/** Injury episodes: opened and closed by a physio. */
export const injuryEpisodes = pgTable(
  "injury_episodes",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: athleteId(),
    side: text("side", { enum: ["left", "right", "both"] }).notNull(),
    onsetDate: date("onset_date", { mode: "string" }).notNull(),
    onsetType: text("onset_type", { enum: ["gradual", "sudden"] }).notNull(),
    suspectedTriggers: text("suspected_triggers").array().notNull().default(sql`'{}'::text[]`),
    diagnosisMethod: text("diagnosis_method", { enum: ["clinical", "ultrasound", "mri"] }).notNull(),
    differentialsExcluded: text("differentials_excluded").array().notNull().default(sql`'{}'::text[]`),
    status: text("status", { enum: ["active", "resolved"] }).notNull().default("active"),
    owningClinicianId: uuid("owning_clinician_id").notNull(),
    clinicalNotes: text("clinical_notes").notNull().default(""),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [textLimit("injury_episodes_clinical_notes_length_check", t.clinicalNotes, "note"),
    check("injury_episodes_differentials_length_check", sql`cardinality(${t.differentialsExcluded}) <= 20 and char_length(array_to_string(${t.differentialsExcluded}, '')) <= ${sql.raw(String(20 * 120))}`),

    unique("injury_episodes_org_id_key").on(t.organisationId, t.id),
    index("injury_episodes_athlete_idx").on(t.organisationId, t.athleteId, t.status),
    // At most one active episode per athlete, whatever two physios press at the same moment.
    uniqueIndex("injury_episodes_one_active_key").on(t.organisationId, t.athleteId).where(sql`${t.status} = 'active'`),
    athleteFk("injury_episodes_athlete_fk", t),
    staffFk("injury_episodes_clinician_fk", t, t.owningClinicianId),
    check("injury_episodes_closed_check", sql`(${t.status} = 'resolved') = (${t.closedAt} is not null)`),
  ],
);

export const provocationTests = pgTable(
  "provocation_tests",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: athleteId(),
    episodeId: uuid("episode_id").notNull(),
    at: at(),
    test: text("test", {
      enum: ["puranen_orava", "bent_knee_stretch", "modified_bent_knee_stretch", "single_leg_bridge_platform", "arabesque"],
    }).notNull(),
    side: text("side", { enum: ["left", "right", "both"] }).notNull(),
    familiarPainReproduced: boolean("familiar_pain_reproduced").notNull(),
    pain: pain("pain").notNull(),
  },
  (t) => [
    index("provocation_tests_episode_idx").on(t.episodeId),
    athleteFk("provocation_tests_athlete_fk", t),
    foreignKey({
      name: "provocation_tests_episode_fk",
      columns: [t.organisationId, t.episodeId],
      foreignColumns: [injuryEpisodes.organisationId, injuryEpisodes.id],
    }).onDelete("cascade"),
    painCheck("provocation_tests_pain_check", t.pain),
  ],
);

/** The plan body as the domain defines it, minus what the row's own columns hold. */
export type PlanContent = Omit<Plan, "id" | "athleteId" | "version" | "authorId" | "createdAt" | "phase" | "phaseStartedAt">;

/**
 * Rehab plan versions. A save inserts version n+1; the unique (athlete, version) key is the
 * optimistic-concurrency guard: a second save based on the same version fails.
 */
export const planVersions = pgTable(
  "plan_versions",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: athleteId(),
    episodeId: uuid("episode_id"),
    version: integer("version").notNull(),
    phase: smallint("phase").$type<Phase>().notNull(),
    phaseStartedAt: timestamp("phase_started_at", { withTimezone: true }).notNull(),
    content: jsonb("content").$type<PlanContent>().notNull(),
    authorId: uuid("author_id").notNull(),
    changeSummary: text("change_summary").notNull(),
    /** Set when this version changed the phase: how and why. */
    phaseChange: text("phase_change", { enum: ["advance", "advance_override", "regress"] }),
    phaseChangeReason: text("phase_change_reason"),
    createdAt: createdAt(),
  },
  (t) => [textLimit("plan_versions_change_summary_length_check", t.changeSummary, "note"), textLimit("plan_versions_phase_change_reason_length_check", t.phaseChangeReason, "note"),
    // The plan body is checked by the domain's schema; these repeat its limits where a row could hurt a screen.
    check("plan_versions_tempo_length_check", sql`not jsonb_path_exists(${t.content}, '$.prescriptions[*].tempo ? (@ like_regex "^.{${sql.raw(String(TEMPO_MAX_LENGTH + 1))}}" flag "s")')`),
    check("plan_versions_content_size_check", sql`char_length(${t.content}::text) <= ${sql.raw(String(PLAN_CONTENT_MAX_CHARS))}`),

    unique("plan_versions_athlete_version_key").on(t.athleteId, t.version),
    index("plan_versions_org_athlete_idx").on(t.organisationId, t.athleteId, t.version),
    athleteFk("plan_versions_athlete_fk", t),
    staffFk("plan_versions_author_fk", t, t.authorId),
    check("plan_versions_phase_check", sql`${t.phase} between 1 and 4`),
    check("plan_versions_version_check", sql`${t.version} >= 1`),
    check(
      "plan_versions_override_reason_check",
      sql`${t.phaseChange} is null or ${t.phaseChange} = 'advance' or length(trim(coalesce(${t.phaseChangeReason}, ''))) > 0`,
    ),
  ],
);

/** The exercise library: the standard exercises seeded per organisation, plus custom ones. */
export const exercises = pgTable(
  "exercises",
  {
    id: id(),
    organisationId: organisationId().references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    category: text("category").notNull(),
    phases: smallint("phases").array().notNull(),
    heavy: boolean("heavy").notNull().default(false),
    highTendonLoad: boolean("high_tendon_load").notNull().default(false),
    hipFlexionDemand: text("hip_flexion_demand", { enum: ["low", "moderate", "high"] }).notNull(),
    description: text("description").notNull().default(""),
    custom: boolean("custom").notNull().default(false),
    /** The entry's current version; every edit writes `exercise_versions` row `version` first. */
    version: integer("version").notNull().default(1),
    howTo: text("how_to").notNull().default(""),
    videoUrl: text("video_url"),
    /** Where the image is stored (disk or S3 key) and its type as read from its bytes. */
    imageKey: text("image_key"),
    imageType: text("image_type", { enum: ["image/png", "image/jpeg", "image/webp"] }),
    /** Hidden from new prescriptions; plans that hold it keep it. */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    textLimit("exercises_name_length_check", t.name, "name"),
    textLimit("exercises_description_length_check", t.description, "note"),
    unique("exercises_org_name_key").on(t.organisationId, t.name),
    // (organisation, id) is what the versions' composite foreign key points at.
    unique("exercises_org_id_key").on(t.organisationId, t.id),
    ...exerciseContentChecks("exercises", t),
  ],
);

function exerciseContentChecks(table: string, t: { version: AnyPgColumn; howTo: AnyPgColumn; videoUrl: AnyPgColumn; imageKey: AnyPgColumn; imageType: AnyPgColumn }) {
  return [
    check(`${table}_version_check`, sql`${t.version} >= 1`),
    check(`${table}_how_to_length_check`, sql`char_length(${t.howTo}) <= ${sql.raw(String(HOW_TO_MAX_LENGTH))}`),
    check(`${table}_video_url_check`, sql`${t.videoUrl} is null or (${t.videoUrl} like 'https://%' and char_length(${t.videoUrl}) <= ${sql.raw(String(URL_MAX_LENGTH))})`),
    check(`${table}_image_check`, sql`(${t.imageKey} is null) = (${t.imageType} is null)`),
  ];
}

/**
 * Every version of a library exercise, as it was when written. Plans name the version they
 * prescribed, so editing the library never changes what an existing plan shows.
 */
export const exerciseVersions = pgTable(
  "exercise_versions",
  {
    id: id(),
    organisationId: organisationId(),
    exerciseId: uuid("exercise_id").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    category: text("category").notNull(),
    phases: smallint("phases").array().notNull(),
    heavy: boolean("heavy").notNull(),
    highTendonLoad: boolean("high_tendon_load").notNull(),
    hipFlexionDemand: text("hip_flexion_demand", { enum: ["low", "moderate", "high"] }).notNull(),
    description: text("description").notNull(),
    howTo: text("how_to").notNull().default(""),
    videoUrl: text("video_url"),
    imageKey: text("image_key"),
    imageType: text("image_type", { enum: ["image/png", "image/jpeg", "image/webp"] }),
    /** Who wrote this version; null for the standard library and versions from before versioning. */
    authorId: uuid("author_id"),
    /** What changed, in a few words ("Edited", "Retired", "Image attached"). */
    change: text("change").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("exercise_versions_exercise_version_key").on(t.exerciseId, t.version),
    index("exercise_versions_org_exercise_idx").on(t.organisationId, t.exerciseId),
    foreignKey({ name: "exercise_versions_exercise_fk", columns: [t.organisationId, t.exerciseId], foreignColumns: [exercises.organisationId, exercises.id] }).onDelete("cascade"),
    staffFk("exercise_versions_author_fk", t, t.authorId),
    textLimit("exercise_versions_name_length_check", t.name, "name"),
    textLimit("exercise_versions_description_length_check", t.description, "note"),
    textLimit("exercise_versions_change_length_check", t.change, "title"),
    ...exerciseContentChecks("exercise_versions", t),
  ],
);

/**
 * Session and run logs. Run columns are null for other types. The idempotency key makes a
 * double submit return the first log instead of creating a second.
 */
export const sessionLogs = pgTable(
  "session_logs",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: athleteId(),
    at: at(),
    type: text("type", { enum: ["strength", "run", "field", "cross_training"] }).notNull(),
    minutes: real("minutes"),
    rpe: smallint("rpe"),
    painDuring: pain("pain_during").notNull(),
    painAfter: pain("pain_after"),
    asPrescribed: boolean("as_prescribed").notNull().default(true),
    activities: text("activities").array().notNull().default(sql`'{}'::text[]`),
    categories: text("categories").array().notNull().default(sql`'{}'::text[]`),
    heavy: boolean("heavy").notNull().default(false),
    heaviestRm: smallint("heaviest_rm"),
    fullIntensity: boolean("full_intensity").notNull().default(false),
    fullTraining: boolean("full_training").notNull().default(false),
    notes: text("notes").notNull().default(""),
    distanceKm: real("distance_km"),
    elevationGainM: real("elevation_gain_m"),
    steepestGradientPct: real("steepest_gradient_pct"),
    surface: text("surface"),
    strides: smallint("strides"),
    sprints: smallint("sprints"),
    cadenceSpm: real("cadence_spm"),
    walkRun: boolean("walk_run"),
    importedFrom: text("imported_from", { enum: ["gpx", "tcx", "fit"] }),
    idempotencyKey: text("idempotency_key").notNull(),
    loggedById: uuid("logged_by_id").notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [textLimit("session_logs_notes_length_check", t.notes, "note"), 
    unique("session_logs_idempotency_key").on(t.athleteId, t.idempotencyKey),
    index("session_logs_athlete_at_idx").on(t.organisationId, t.athleteId, t.at),
    athleteFk("session_logs_athlete_fk", t),
    painCheck("session_logs_pain_during_check", t.painDuring),
    painCheck("session_logs_pain_after_check", t.painAfter),
    check("session_logs_rpe_check", sql`${t.rpe} is null or ${t.rpe} between 0 and 10`),
    check("session_logs_minutes_check", sql`${t.minutes} is null or ${t.minutes} > 0`),
    check("session_logs_minutes_required_check", sql`${t.type} = 'run' or ${t.minutes} is not null`),
    check("session_logs_run_measure_check", sql`${t.type} <> 'run' or ${t.minutes} is not null or ${t.distanceKm} is not null`),
    check("session_logs_distance_check", sql`${t.distanceKm} is null or ${t.distanceKm} > 0`),
    check("session_logs_elevation_check", sql`${t.elevationGainM} is null or ${t.elevationGainM} >= 0`),
    check("session_logs_counts_check", sql`coalesce(${t.strides}, 0) >= 0 and coalesce(${t.sprints}, 0) >= 0`),
    check("session_logs_cadence_check", sql`${t.cadenceSpm} is null or ${t.cadenceSpm} between 60 and 260`),
  ],
);

export const morningCheckIns = pgTable(
  "morning_check_ins",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: athleteId(),
    at: at(),
    morningPain: pain("morning_pain").notNull(),
    stiffnessMinutes: real("stiffness_minutes"),
    loadTestPain: pain("load_test_pain"),
    restPain: pain("rest_pain"),
    longestSitMinutes: real("longest_sit_minutes"),
    sittingToleranceMinutes: real("sitting_tolerance_minutes"),
    cushionUsed: boolean("cushion_used"),
    redFlags: text("red_flags").array().$type<RedFlagId[]>().notNull().default(sql`'{}'::text[]`),
    idempotencyKey: text("idempotency_key").notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("morning_check_ins_idempotency_key").on(t.athleteId, t.idempotencyKey),
    index("morning_check_ins_athlete_at_idx").on(t.organisationId, t.athleteId, t.at),
    athleteFk("morning_check_ins_athlete_fk", t),
    painCheck("morning_check_ins_morning_pain_check", t.morningPain),
    painCheck("morning_check_ins_load_test_pain_check", t.loadTestPain),
    painCheck("morning_check_ins_rest_pain_check", t.restPain),
    check(
      "morning_check_ins_minutes_check",
      sql`coalesce(${t.stiffnessMinutes}, 0) >= 0 and coalesce(${t.longestSitMinutes}, 0) >= 0 and coalesce(${t.sittingToleranceMinutes}, 0) >= 0`,
    ),
  ],
);

/** Every version of a log, kept when it is created, edited or deleted (never lose a log). */
export const logRevisions = pgTable(
  "log_revisions",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: athleteId(),
    logKind: text("log_kind", { enum: ["session", "check_in", "visa_h", "gait"] }).notNull(),
    logId: uuid("log_id").notNull(),
    action: text("action", { enum: ["create", "update", "delete"] }).notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    changedById: uuid("changed_by_id").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Why a physio corrected the log (after the athlete's edit window); null for the athlete's own changes. */
    reason: text("reason"),
  },
  (t) => [
    index("log_revisions_log_idx").on(t.logKind, t.logId, t.changedAt),
    index("log_revisions_athlete_idx").on(t.organisationId, t.athleteId, t.changedAt),
    athleteFk("log_revisions_athlete_fk", t),
    textLimit("log_revisions_reason_length_check", t.reason, "note"),
  ],
);

/** VISA-H: the 8 item scores with their ranges (clinical-model.md, "VISA-H"); the total is computed. */
export const visaHResponses = pgTable(
  "visa_h_responses",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: athleteId(),
    at: at(),
    items: smallint("items").array().notNull(),
    total: smallint("total").notNull(),
    completedById: uuid("completed_by_id").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** Withdrawn by the athlete within the edit window: kept (and in the history), no longer read. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("visa_h_responses_idempotency_key").on(t.athleteId, t.idempotencyKey),
    index("visa_h_responses_athlete_at_idx").on(t.organisationId, t.athleteId, t.at),
    athleteFk("visa_h_responses_athlete_fk", t),
    check("visa_h_responses_items_check", sql`cardinality(${t.items}) = 8`),
    check("visa_h_responses_total_check", sql`${t.total} between 0 and 100`),
  ],
);

export const gaitAssessments = pgTable(
  "gait_assessments",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: athleteId(),
    at: at(),
    assessorId: uuid("assessor_id").notNull(),
    surface: text("surface", { enum: ["treadmill", "overground"] }).notNull(),
    speedKmh: real("speed_kmh"),
    cadenceSpm: real("cadence_spm"),
    faults: jsonb("faults").$type<GaitAssessment["faults"]>().notNull(),
    cues: text("cues").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes").notNull().default(""),
    videoUrl: text("video_url"),
    /** Deleted by its coach within the correction window: kept (and in the history), no longer read. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [textLimit("gait_assessments_notes_length_check", t.notes, "note"),
    check("gait_assessments_cues_length_check", sql`cardinality(${t.cues}) <= ${sql.raw(String(GAIT_CUES_MAX))} and char_length(array_to_string(${t.cues}, '')) <= ${sql.raw(String(GAIT_CUES_MAX * TEXT_LIMITS.title))}`),
    check("gait_assessments_video_url_length_check", sql`char_length(${t.videoUrl}) <= ${sql.raw(String(URL_MAX_LENGTH))}`),

    index("gait_assessments_athlete_at_idx").on(t.organisationId, t.athleteId, t.at),
    athleteFk("gait_assessments_athlete_fk", t),
    staffFk("gait_assessments_assessor_fk", t, t.assessorId),
    check("gait_assessments_speed_check", sql`${t.speedKmh} is null or ${t.speedKmh} > 0`),
    check("gait_assessments_cadence_check", sql`${t.cadenceSpm} is null or ${t.cadenceSpm} between 60 and 260`),
  ],
);

export const adjunctTreatments = pgTable(
  "adjunct_treatments",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: athleteId(),
    episodeId: uuid("episode_id"),
    at: at(),
    kind: text("kind").notNull(),
    side: text("side", { enum: ["left", "right", "both"] }),
    parameters: text("parameters").notNull().default(""),
    provider: text("provider").notNull().default(""),
    /** Entered by the physio after an injection or surgery; until then progression pauses (R22). */
    restrictions: text("restrictions"),
    restrictionsEnteredAt: timestamp("restrictions_entered_at", { withTimezone: true }),
    recordedById: uuid("recorded_by_id").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    /** A treatment recorded in error is deleted with a reason: kept (audit, full record), never read by the engine. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedById: uuid("deleted_by_id"),
    deletionReason: text("deletion_reason"),
  },
  (t) => [
    textLimit("adjunct_treatments_parameters_length_check", t.parameters, "note"),
    textLimit("adjunct_treatments_provider_length_check", t.provider, "title"),
    textLimit("adjunct_treatments_restrictions_length_check", t.restrictions, "note"),
    textLimit("adjunct_treatments_deletion_reason_length_check", t.deletionReason, "note"),
    check(
      "adjunct_treatments_deletion_check",
      sql`(${t.deletedAt} is null and ${t.deletedById} is null and ${t.deletionReason} is null) or (${t.deletedAt} is not null and ${t.deletedById} is not null and char_length(btrim(${t.deletionReason})) > 0)`,
    ),
    index("adjunct_treatments_athlete_idx").on(t.organisationId, t.athleteId, t.at),
    athleteFk("adjunct_treatments_athlete_fk", t),
    staffFk("adjunct_treatments_deleted_by_fk", t, t.deletedById),
  ],
);

/** Capacity tests the exit criteria read (drop lunge pain, bridge reps, prone-curl 10RM). */
export const capacityTests = pgTable(
  "capacity_tests",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: athleteId(),
    at: at(),
    kind: text("kind", { enum: ["drop_lunge", "single_leg_bridge_reps", "prone_curl_10rm"] }).notNull(),
    /** Pain on the test, 0-10: the result of a drop lunge (E2.2), information on the strength tests. */
    pain: pain("pain"),
    /** The side tested as affected (its value is `affected`); null on rows recorded before sides were kept. */
    affectedSide: text("affected_side", { enum: ["left", "right"] }),
    affected: real("affected"),
    other: real("other"),
    notes: text("notes").notNull().default(""),
    recordedById: uuid("recorded_by_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    textLimit("capacity_tests_notes_length_check", t.notes, "note"),
    index("capacity_tests_athlete_idx").on(t.organisationId, t.athleteId, t.at),
    athleteFk("capacity_tests_athlete_fk", t),
    staffFk("capacity_tests_recorder_fk", t, t.recordedById),
    painCheck("capacity_tests_pain_check", t.pain),
    check("capacity_tests_values_check", sql`coalesce(${t.affected}, 0) <= 1000 and coalesce(${t.other}, 0) <= 1000`),
    check(
      "capacity_tests_shape_check",
      sql`(${t.kind} = 'drop_lunge' and ${t.pain} is not null) or (${t.kind} <> 'drop_lunge' and ${t.affected} >= 0 and ${t.other} >= 0)`,
    ),
  ],
);

/** A physio's review clearing an escalation or progression block for one rule (R4, R19, R20). */
export const clinicianReviews = pgTable(
  "clinician_reviews",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: athleteId(),
    at: at(),
    ruleId: text("rule_id").notNull(),
    reviewerId: uuid("reviewer_id").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [textLimit("clinician_reviews_note_length_check", t.note, "note"), index("clinician_reviews_athlete_idx").on(t.organisationId, t.athleteId, t.at), athleteFk("clinician_reviews_athlete_fk", t)],
);

/** Audit of every read and write of clinical records by staff. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    organisationId: organisationId().references(() => organisations.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").notNull(),
    athleteId: uuid("athlete_id"),
    action: text("action", { enum: ["read", "write"] }).notNull(),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id"),
    detail: text("detail").notNull().default(""),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** The server render a read belongs to: refetches of one page view record it once. */
    pageViewId: uuid("page_view_id"),
  },
  (t) => [
    index("audit_log_athlete_idx").on(t.organisationId, t.athleteId, t.at),
    textLimit("audit_log_detail_length_check", t.detail, "note"),
    uniqueIndex("audit_log_page_view_read_key")
      .on(t.organisationId, t.actorId, t.pageViewId, t.athleteId, t.entity, t.detail)
      .where(sql`${t.action} = 'read' and ${t.pageViewId} is not null`),
  ],
);
