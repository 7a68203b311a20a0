import { newInviteToken } from "@loadline/auth/tokens";
import { PASSWORD_RESET_TTL_HOURS } from "@loadline/domain";
import type { NewPasswordReset } from "@loadline/db";

/** A fresh one-time reset link: the token goes into the path shown once, only its hash is stored. */
export function issuePasswordReset(createdByUserId: string, now: Date): { reset: NewPasswordReset; resetPath: string } {
  const { token, tokenHash } = newInviteToken();
  return {
    reset: { tokenHash, createdByUserId, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_HOURS * 3_600_000) },
    resetPath: `/reset/${token}`,
  };
}
