import { createTransport } from "nodemailer";
import type { EmailMessage } from "./messages";

/** Sends one email; throws when the server refuses it. */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

/** A mailer over SMTP (`smtp://user:pass@host:port`, or `smtps://` for TLS from the start). */
export function smtpMailer(options: { url: string; from: string }): Mailer {
  const transport = createTransport(options.url);
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, ...message });
    },
  };
}
