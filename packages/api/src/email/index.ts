import type { Context } from "../context";
import { jsonLogger } from "../logger";
import type { EmailMessage } from "./messages";

/** What sending an email needs from the request: the mailer, the public address, the log, the commit hook. */
export type MailContext = Pick<Context, "mailer" | "instance" | "log" | "requestId" | "afterCommit">;

export { emailChangeEmail, emailChangeRequestedEmail, emailTakenEmail, inviteEmail, staffEmailChangeEmail, passwordResetEmail, reminderEmail, type EmailMessage } from "./messages";
export { smtpMailer, type Mailer } from "./mailer";

/** The full URL of an app path, when the instance knows its public address. */
export function absoluteUrl(ctx: Pick<Context, "instance">, path: string): string | null {
  const base = ctx.instance?.publicUrl;
  return base ? `${base.replace(/\/$/, "")}${path}` : null;
}

/**
 * Send an email when the instance has SMTP set up. A failure to send never fails the write that
 * asked for it: the link is always shown to copy as well, and the failure is logged (without the
 * link, which is a credential).
 */
export async function sendIfConfigured(ctx: MailContext, path: string, build: (url: string) => EmailMessage): Promise<void> {
  const url = absoluteUrl(ctx, path);
  if (ctx.mailer && url) await sendNoticeIfConfigured(ctx, build(url));
}

/**
 * Send an email that carries no link, when SMTP is set up; like `sendIfConfigured`, never fails
 * the write. Inside a tenant procedure it goes once the write has committed (`afterCommit`): an
 * invite whose write rolls back must not arrive, and the mail server's round trips must not hold
 * the transaction open. The answer still waits for it, so "sent" means sent.
 */
export async function sendNoticeIfConfigured(ctx: MailContext, email: EmailMessage): Promise<void> {
  const mailer = ctx.mailer;
  if (!mailer) return;
  const send = async () => {
    try {
      await mailer.send(email);
    } catch (error) {
      (ctx.log ?? jsonLogger)({ level: "warn", event: "email_failed", requestId: ctx.requestId, error: error instanceof Error ? error.message : String(error) });
    }
  };
  if (ctx.afterCommit) ctx.afterCommit(send, { awaited: true });
  else await send();
}
