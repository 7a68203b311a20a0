import "server-only";
import { smtpMailer, type Mailer } from "@loadline/api";
import { env } from "@/env";

const key = Symbol.for("loadline.mailer");
const slot = globalThis as { [key]?: Mailer | null };

/** The instance's mailer when SMTP_URL is set (one transport per process), else null. */
export function getMailer(): Mailer | null {
  if (slot[key] === undefined) slot[key] = env.SMTP_URL && env.SMTP_FROM ? smtpMailer({ url: env.SMTP_URL, from: env.SMTP_FROM }) : null;
  return slot[key];
}

/** Where the instance is reached from outside: the base of every emailed link. */
export const publicUrl = env.LOADLINE_PUBLIC_URL ?? env.AUTH_URL ?? null;
