import { newInviteToken } from "@loadline/auth/tokens";
import { INVITE_TTL_HOURS } from "@loadline/domain";
import type { NewInvite } from "@loadline/db";

/** A fresh one-time link: the token goes into the path shown once, only its hash is stored. */
export function issueInvite(createdByUserId: string, now: Date): { invite: NewInvite; invitePath: string } {
  const { token, tokenHash } = newInviteToken();
  return {
    invite: { tokenHash, createdByUserId, expiresAt: new Date(now.getTime() + INVITE_TTL_HOURS * 3_600_000) },
    invitePath: `/invite/${token}`,
  };
}
