import { z } from "zod";
import { roleSchema } from "./roles";

const currentYear = 2100; // upper sanity bound; the form narrows it with the real date

export const sexes = ["female", "male", "other", "unspecified"] as const;
export const relevantConditions = ["autoimmune", "haemochromatosis", "diabetes"] as const;

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

/** Athlete fields of DOMAIN.md section 3, as a coach edits them. */
export const athleteProfileSchema = z.object({
  name: trimmed("Name", 120),
  squadIds: z.array(z.uuid("Choose a squad")).min(1, "Choose at least one squad"),
  eventOrSport: trimmed("Event or sport", 80),
  birthYear: z
    .number({ error: "Birth year must be a number" })
    .int("Birth year must be a whole number")
    .min(1930, "Birth year must be 1930 or later")
    .max(currentYear, "Birth year is in the future")
    .nullable(),
  sex: z.enum(sexes, { error: "Choose a sex or 'unspecified'" }),
  preInjuryWeeklyKm: z
    .number({ error: "Weekly volume must be a number" })
    .min(0, "Weekly volume cannot be negative")
    .max(400, "Weekly volume must be at most 400 km")
    .nullable(),
  previousHamstringInjury: z.boolean(),
  conditions: z.array(z.enum(relevantConditions)),
  notes: z.string().trim().max(2000, "Notes must be at most 2000 characters"),
});
export type AthleteProfileInput = z.infer<typeof athleteProfileSchema>;

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address"));

/** A coach adds an athlete: profile plus the email the invite is addressed to. */
export const addAthleteSchema = athleteProfileSchema.extend({ email: emailSchema });
export type AddAthleteInput = z.infer<typeof addAthleteSchema>;

/** Inviting staff (a physio or another coach). */
export const inviteStaffSchema = z.object({
  name: trimmed("Name", 120),
  email: emailSchema,
  role: roleSchema.exclude(["athlete"], { error: "Staff invites are for a coach or a physio" }),
});
export type InviteStaffInput = z.infer<typeof inviteStaffSchema>;

export const passwordSchema = z
  .string({ error: "Password is required" })
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const acceptInviteSchema = z
  .object({ token: z.string().min(20, "This invite link is not valid"), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Passwords do not match" });
export type AcceptInviteInput = z.infer<typeof acceptInviteSchema>;

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password") });

/** Invites are valid for 7 days (product choice) and usable once. */
export const INVITE_TTL_HOURS = 24 * 7;

export type InviteState = "valid" | "expired" | "used";

export function inviteState(invite: { expiresAt: Date; acceptedAt: Date | null }, now: Date): InviteState {
  if (invite.acceptedAt) return "used";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}
