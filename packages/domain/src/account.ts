import { z } from "zod";
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
