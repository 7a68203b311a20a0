import { newInviteToken } from "@loadline/auth/tokens";
import { PASSWORD_RESET_TTL_HOURS } from "@loadline/domain";
import { getOrganisationName, type Database, type NewPasswordReset } from "@loadline/db";
import { passwordResetEmail, sendIfConfigured } from "../email";
import type { MailContext } from "./invites";

/** A fresh one-time reset link: the token goes into the path shown once, only its hash is stored. */
export function issuePasswordReset(createdByUserId: string, now: Date): { reset: NewPasswordReset; resetPath: string } {
  const { token, tokenHash } = newInviteToken();
  return {
    reset: { tokenHash, createdByUserId, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_HOURS * 3_600_000) },
    resetPath: `/reset/${token}`,
  };
}

/** Email the reset link to its owner when SMTP is set up (the issuer still sees it to copy). */
export async function emailPasswordReset(db: Database, mail: MailContext, organisationId: string, to: { email: string; name: string }, resetPath: string): Promise<void> {
  if (!mail.mailer) return;
  const clubName = (await getOrganisationName(db, organisationId)) ?? "your club";
  await sendIfConfigured(mail, resetPath, (url) => passwordResetEmail({ to: to.email, name: to.name, clubName, url }));
}
