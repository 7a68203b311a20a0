import { z } from "zod";
import { finiteNumber, nameText, noteText, plainText } from "./input-primitives";
import { roleSchema } from "./roles";
import { modifyingConditions } from "./clinical/vocabulary";

const currentYear = 2100; // upper sanity bound; the form narrows it with the real date

export const sexes = ["female", "male", "other", "unspecified"] as const;
/** The conditions a physio may record: exactly the ones that modify the rules (R21). */
export const relevantConditions = modifyingConditions;


/** Athlete fields of clinical-model.md, "Records", as a coach edits them. */
export const athleteProfileSchema = z.object({
  name: nameText("Name"),
  squadIds: z.array(z.uuid("Choose a squad")).min(1, "Choose at least one squad"),
  eventOrSport: plainText("Event or sport", { max: 80, min: 1 }),
  birthYear: z
    .number({ error: "Birth year must be a number" })
    .int("Birth year must be a whole number")
    .min(1930, "Birth year must be 1930 or later")
    .max(currentYear, "Birth year is in the future")
    .nullable(),
  sex: z.enum(sexes, { error: "Choose a sex or 'unspecified'" }),
  preInjuryWeeklyKm: finiteNumber("Weekly volume (km)", 0, 400).nullable(),
  previousHamstringInjury: z.boolean(),
  conditions: z.array(z.enum(relevantConditions)),
  notes: noteText("Notes"),
});
export type AthleteProfileInput = z.infer<typeof athleteProfileSchema>;

/**
 * What a coach enters and sees of an athlete. Relevant conditions and free-text notes are
 * clinical: they belong to the physio and the athlete (`athleteClinicalProfileSchema`).
 */
export const rosterProfileSchema = athleteProfileSchema.omit({ conditions: true, notes: true });
export type RosterProfileInput = z.infer<typeof rosterProfileSchema>;

/**
 * The clinical part of the profile, edited on the physio's athlete page: conditions and notes,
 * and the facts the rules read that only a clinician measures (BMI for R21 when the club
 * records it, the usual easy-pace cadence for the gait hint) or confirms (pre-injury volume, E3.3).
 */
export const athleteClinicalProfileSchema = athleteProfileSchema.pick({ conditions: true, notes: true, preInjuryWeeklyKm: true }).extend({
  bmi: finiteNumber("BMI", 10, 80).nullable(),
  usualCadenceSpm: finiteNumber("Usual cadence (steps/min)", 60, 260).nullable(),
});
export type AthleteClinicalProfile = z.infer<typeof athleteClinicalProfileSchema>;

export const emailSchema = z
  .string({ error: "Enter a valid email address" })
  .trim()
  .toLowerCase()
  .max(254, "Enter a valid email address")
  .pipe(z.email("Enter a valid email address"));

/** A coach adds an athlete: the roster profile plus the email the invite is addressed to. */
export const addAthleteSchema = rosterProfileSchema.extend({ email: emailSchema });
export type AddAthleteInput = z.infer<typeof addAthleteSchema>;

/** Inviting staff (a physio or another coach). */
export const inviteStaffSchema = z.object({
  name: nameText("Name"),
  email: emailSchema,
  role: roleSchema.exclude(["athlete"], { error: "Staff invites are for a coach or a physio" }),
});
export type InviteStaffInput = z.infer<typeof inviteStaffSchema>;

export const passwordSchema = z
  .string({ error: "Password is required" })
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

/** The token of an invite link, as the link carries it. */
export const inviteTokenSchema = plainText("token", { max: 200, min: 20 });

export const acceptInviteSchema = z
  .object({ token: inviteTokenSchema, password: passwordSchema, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Passwords do not match" });
export type AcceptInviteInput = z.infer<typeof acceptInviteSchema>;

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password") });

/** Invites are valid for 7 days (product choice) and usable once. */
export const INVITE_TTL_HOURS = 24 * 7;

export type InviteState = "valid" | "expired" | "used" | "withdrawn";

/**
 * Whether an invite link can still be used. A person archived or removed from the club after
 * the invite was sent ("withdrawn") cannot finish it, however fresh the link.
 */
export function inviteState(invite: { expiresAt: Date; acceptedAt: Date | null; withdrawnAt?: Date | null }, now: Date): InviteState {
  if (invite.acceptedAt) return "used";
  if (invite.withdrawnAt) return "withdrawn";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}
