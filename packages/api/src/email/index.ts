import type { Context } from "../context";
import { jsonLogger } from "../logger";
import type { EmailMessage } from "./messages";

export { emailChangeEmail, emailChangeRequestedEmail, emailTakenEmail, inviteEmail, staffEmailChangeEmail, passwordResetEmail, reminderEmail, type EmailMessage } from "./messages";
export { smtpMailer, type Mailer } from "./mailer";

/** The full URL of an app path, when the instance knows its public address. */
export function absoluteUrl(ctx: Pick<Context, "instance">, path: string): string | null {
  const base = ctx.instance?.publicUrl;
  return base ? `${base.replace(/\/$/, "")}${path}` : null;
}

/**
 * Send an email when the instance has SMTP set up; answers whether it went. A failure to send
 * never fails the write that asked for it: the link is always shown to copy as well, and the
 * failure is logged (without the link, which is a credential).
 */
export async function sendIfConfigured(
  ctx: Pick<Context, "mailer" | "instance" | "log" | "requestId">,
  path: string,
  build: (url: string) => EmailMessage,
): Promise<boolean> {
  const url = absoluteUrl(ctx, path);
  if (!ctx.mailer || !url) return false;
  return sendNoticeIfConfigured(ctx, build(url));
}

/** Send an email that carries no link, when SMTP is set up; like `sendIfConfigured`, never fails the write. */
export async function sendNoticeIfConfigured(ctx: Pick<Context, "mailer" | "log" | "requestId">, email: EmailMessage): Promise<boolean> {
  if (!ctx.mailer) return false;
  try {
    await ctx.mailer.send(email);
    return true;
  } catch (error) {
    (ctx.log ?? jsonLogger)({ level: "warn", event: "email_failed", requestId: ctx.requestId, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
