import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { DatabaseHandle } from "@loadline/db";
import type { Actor } from "@loadline/domain";
import { smtpMailer, type Mailer } from "../src/email";
import { createCaller } from "../src/root";
import { NOW, TEST_SECOND_FACTOR_KEY } from "./fixtures";

/** The public address the mail tests' links point at. */
export const MAIL_PUBLIC_URL = "https://loadline.example.test";

/** Quoted-printable soft breaks and escapes undone, so links can be read from the raw message. */
export const decodedMail = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");

/**
 * The decoded message with every link replaced by "<link>": what a person reads. Content checks
 * ("no health data") run on this, because a link's random token can spell any word ("jViSa").
 */
export const readableMail = (raw: string) => decodedMail(raw).replace(/https?:\/\/[^\s"'<>]+/g, "<link>");

/** A caller on an instance that sends mail (through `mailer`), or none when `mailer` is null. */
export const mailingCaller = (handle: DatabaseHandle, mailer: Mailer | null, actor: Actor | null) =>
  createCaller({
    db: handle.db,
    actor,
    now: NOW,
    mailer,
    instance: { openSignup: false, publicUrl: MAIL_PUBLIC_URL },
    secondFactorKey: TEST_SECOND_FACTOR_KEY,
    sleep: async () => {},
  });

/** A message the sink received: its envelope recipients and its raw MIME text. */
export interface Received {
  to: string[];
  raw: string;
}

export interface SmtpSink {
  mailer: Mailer;
  close: () => Promise<void>;
}

/**
 * A local SMTP server on a free port that appends every message it receives to `inbox`, and a
 * mailer that sends to it (plain SMTP, no TLS). `close` stops the server.
 */
export async function startSmtpSink(inbox: Received[]): Promise<SmtpSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    mailer: smtpMailer({ url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from: "Loadline <loadline@example.test>" }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
