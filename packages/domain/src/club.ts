import { z } from "zod";
import type { IsoWeekday } from "./clinical/calendar";
import { localeSchema, timeZoneSchema } from "./clinical/calendar-schema";
import { defaultThresholds, thresholdOverridesSchema, type ThresholdOverrides } from "./clinical/config";
import { nameText, titleText } from "./input-primitives";
import { athleteProfileSchema, emailSchema, passwordSchema } from "./roster";

/** The club's name as the owner types it (the same limit as the organisations CHECK). */
export const clubNameSchema = titleText("Club name", 1);

/** The first screen of an instance without a club, and self-service sign-up when it is on. */
export const clubSetupSchema = z
  .object({
    clubName: clubNameSchema,
    timeZone: timeZoneSchema,
    locale: localeSchema,
    ownerName: nameText("Your name"),
    ownerEmail: emailSchema,
    password: passwordSchema,
    confirm: z.string().max(200),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Passwords do not match" });
export type ClubSetupInput = z.infer<typeof clubSetupSchema>;

/** An operator creates a club for someone else: the owner sets their password from a link. */
export const operatorClubSchema = z.object({
  clubName: clubNameSchema,
  timeZone: timeZoneSchema,
  locale: localeSchema,
  ownerName: nameText("Owner's name"),
  ownerEmail: emailSchema,
});
export type OperatorClubInput = z.infer<typeof operatorClubSchema>;

/**
 * A URL-safe slug from a club name; `suffix` (a few random characters) keeps two clubs with the
 * same name apart. Slugs identify clubs to operators and scripts, never to tenants.
 */
export function clubSlug(name: string, suffix: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "club"}-${suffix}`;
}

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const satisfies readonly IsoWeekday[];

/** The kinds of squad (distance runners, field and sprint). */
export const squadKindOptions = ["distance", "field"] as const;

/** Bounds a club may set the VISA-H reminder interval to (days). */
/** Months an archived athlete is kept before the retention job erases them (when the club sets it). */
export const RETENTION_MONTHS_RANGE = { min: 1, max: 120 } as const;

/**
 * Erasing an athlete: the staff member types the athlete's name as shown, so the one action
 * that cannot be undone is never a slip of the mouse.
 */
export const athleteErasureSchema = z.object({
  athleteId: z.uuid("Unknown athlete"),
  confirmName: z.string({ error: "Type the athlete's name to confirm" }).max(200, "Type the athlete's name to confirm"),
});
export type AthleteErasureInput = z.infer<typeof athleteErasureSchema>;

/** Whether the typed name confirms erasing this athlete (spacing and letter case aside). */
export function erasureConfirmed(name: string, typed: string): boolean {
  const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase();
  return norm(typed).length > 0 && norm(typed) === norm(name);
}

/**
 * Who wrote an audit entry the system made on its own (the retention job): no user has this id.
 * The nil UUID, so it can never collide with a generated one.
 */
export const SYSTEM_ACTOR_ID = "00000000-0000-0000-0000-000000000000";

/** How an audit trail names an entry whose author is no user: the system, or someone since deleted. */
export function auditActorName(actorId: string, name: string | null): string {
  if (name !== null) return name;
  return actorId === SYSTEM_ACTOR_ID ? "Loadline (automatic)" : "A deleted user";
}

export const VISA_H_INTERVAL_RANGE = { min: 7, max: 56 } as const;

/**
 * Club-wide engine defaults the owner may set: a subset of the plan overrides (a plan still
 * overrides these per athlete). Only leaves a club would reasonably tune are offered.
 */
export const clubThresholdsSchema = thresholdOverridesSchema.pick({ pain: true, volume: true, visaH: true, workload: true }).partial();
export type ClubThresholds = z.infer<typeof clubThresholdsSchema>;

/** The owner's club settings form. */
export const clubSettingsSchema = z.object({
  name: clubNameSchema,
  timeZone: timeZoneSchema,
  locale: localeSchema,
  weekStartsOn: z
    .number({ error: "Choose the day the club's week starts on" })
    .int()
    .min(1, "Choose the day the club's week starts on")
    .max(7, "Choose the day the club's week starts on")
    .transform((d) => d as IsoWeekday),
  physioSecondFactorRequired: z.boolean(),
  /**
   * Email athletes in rehab when their morning check-in is not done (only when the instance has
   * SMTP). Left out, the club's current choice stands.
   */
  checkInReminderEmails: z.boolean().optional(),
  /** Physios may record gait assessments too (coaches always may); off unless the owner turns it on. */
  physioGaitNotes: z.boolean({ error: "Choose whether physios may record gait notes" }),
  visaHIntervalDays: z
    .number({ error: "VISA-H interval must be a number of days" })
    .int("VISA-H interval must be a whole number of days")
    .min(VISA_H_INTERVAL_RANGE.min, `VISA-H interval must be at least ${VISA_H_INTERVAL_RANGE.min} days`)
    .max(VISA_H_INTERVAL_RANGE.max, `VISA-H interval must be at most ${VISA_H_INTERVAL_RANGE.max} days`),
  /** Pain ceilings of the PHT profile for the whole club (green up to, amber up to). */
  painGreenMax: z.number().int().min(0, "Pain ceilings are 0-10").max(10, "Pain ceilings are 0-10"),
  painAmberMax: z.number().int().min(0, "Pain ceilings are 0-10").max(10, "Pain ceilings are 0-10"),
  /** Weekly running volume increase that stays green (%). */
  weeklyGreenMaxPct: z.number().min(1, "Weekly increase must be 1-50%").max(50, "Weekly increase must be 1-50%"),
  /** Erase athletes archived longer than this many months; null: off. Absent: unchanged. */
  archivedAthleteRetentionMonths: z
    .number({ error: "Retention must be a number of months" })
    .int("Retention must be a whole number of months")
    .min(RETENTION_MONTHS_RANGE.min, `Retention must be at least ${RETENTION_MONTHS_RANGE.min} month`)
    .max(RETENTION_MONTHS_RANGE.max, `Retention must be at most ${RETENTION_MONTHS_RANGE.max} months`)
    .nullable()
    .optional(),
}).refine((v) => v.painAmberMax >= v.painGreenMax, { path: ["painAmberMax"], message: "Amber must be at or above green" });
export type ClubSettingsInput = z.infer<typeof clubSettingsSchema>;

/** The club's stored engine defaults as the settings form shows them (the engine defaults where unset). */
export function clubThresholdFields(stored: ClubThresholds | null | undefined) {
  return {
    visaHIntervalDays: stored?.visaH?.reminderIntervalDays ?? defaultThresholds.visaH.reminderIntervalDays,
    painGreenMax: stored?.pain?.pht?.greenMax ?? defaultThresholds.pain.pht.greenMax,
    painAmberMax: stored?.pain?.pht?.amberMax ?? defaultThresholds.pain.pht.amberMax,
    weeklyGreenMaxPct: stored?.volume?.weeklyGreenMaxPct ?? defaultThresholds.volume.weeklyGreenMaxPct,
  };
}

/**
 * What the settings form stores as the club's engine defaults: only the leaves that differ from
 * the engine's own defaults, so a later change of a default reaches clubs that never chose.
 */
export function clubThresholdsFrom(input: Pick<ClubSettingsInput, "visaHIntervalDays" | "painGreenMax" | "painAmberMax" | "weeklyGreenMaxPct">): ClubThresholds {
  const out: ThresholdOverrides = {};
  if (input.visaHIntervalDays !== defaultThresholds.visaH.reminderIntervalDays) out.visaH = { reminderIntervalDays: input.visaHIntervalDays };
  const pht: { greenMax?: number; amberMax?: number } = {};
  if (input.painGreenMax !== defaultThresholds.pain.pht.greenMax) pht.greenMax = input.painGreenMax;
  if (input.painAmberMax !== defaultThresholds.pain.pht.amberMax) pht.amberMax = input.painAmberMax;
  if (Object.keys(pht).length > 0) out.pain = { pht: { ...defaultThresholds.pain.pht, ...pht } };
  if (input.weeklyGreenMaxPct !== defaultThresholds.volume.weeklyGreenMaxPct) out.volume = { weeklyGreenMaxPct: input.weeklyGreenMaxPct };
  return clubThresholdsSchema.parse(out);
}

/** A squad as the coach names it. */
export const squadInputSchema = z.object({
  name: nameText("Squad name"),
  kind: z.enum(squadKindOptions, { error: "Choose distance or field" }),
});
export type SquadInput = z.infer<typeof squadInputSchema>;

/** Changing one's own name. */
export const changeNameSchema = z.object({ name: nameText("Name") });

/** Asking to change one's own email: confirmed from a link sent to (or shown for) the new address. */
export const changeEmailSchema = z.object({ email: emailSchema });

/** Email-change links work for 24 hours, once. */
export const EMAIL_CHANGE_TTL_HOURS = 24;

/** The fields of their own profile an athlete edits (the physio sees the conditions too). */
export const ownAthleteProfileSchema = athleteProfileSchema.pick({
  eventOrSport: true,
  birthYear: true,
  sex: true,
  preInjuryWeeklyKm: true,
  previousHamstringInjury: true,
  conditions: true,
});
export type OwnAthleteProfileInput = z.infer<typeof ownAthleteProfileSchema>;

/**
 * Which staff roles the owner may switch between. Athletes are not staff, and the owner's own
 * role stays coach (the owner runs the club's roster).
 */
export function canChangeStaffRole(target: { role: string; isOwner: boolean }, to: "coach" | "physio"): boolean {
  return !target.isOwner && (target.role === "coach" || target.role === "physio") && target.role !== to;
}
