import { z } from "zod";
import type { Role } from "./roles";
import { passwordSchema } from "./roster";

/** Reset links work for 24 hours (they are issued by a colleague who is at hand) and once. */
export const PASSWORD_RESET_TTL_HOURS = 24;

/** Changing one's own password: the current one is required. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(200),
    newPassword: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], message: "Passwords do not match" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** Choosing a new password from a reset link. */
export const resetPasswordSchema = z
  .object({ token: z.string().min(20, "This reset link is not valid").max(200), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Passwords do not match" });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export type ResetLinkState = "valid" | "expired" | "used" | "unknown";

/** A reset link's state; a link for someone archived since it was issued counts as expired. */
export function resetLinkState(reset: { expiresAt: Date; usedAt: Date | null; active: boolean } | null, now: Date): ResetLinkState {
  if (!reset) return "unknown";
  if (reset.usedAt) return "used";
  if (!reset.active || reset.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

/** The optional code typed at sign-in: a 6-digit TOTP code or a recovery code. */
export const signInCodeSchema = z.string().trim().max(40).optional();

/** A 6-digit code from the authenticator app, when enrolling. */
export const totpCodeSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code from your app") });

/** Turning the second factor off needs the password. */
export const disableSecondFactorSchema = z.object({ password: z.string().min(1, "Enter your password").max(200) });

export const RECOVERY_CODE_COUNT = 10;

/** Second factors are for staff (coaches and physios). */
export function mayUseSecondFactor(role: Role): boolean {
  return role === "coach" || role === "physio";
}

/** Does the club's policy require a second factor of this role? */
export function secondFactorRequired(role: Role, policy: { physioSecondFactorRequired: boolean }): boolean {
  return role === "physio" && policy.physioSecondFactorRequired;
}
