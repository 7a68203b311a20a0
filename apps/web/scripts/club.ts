import { parseArgs } from "node:util";
import { createClubWithOwnerLink, smtpMailer } from "@loadline/api";
import { deleteClubBySlug, getDatabase, listClubsForOperator } from "@loadline/db";
import { DEMO_ORGANISATION_SLUG } from "@loadline/db/seed";
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, operatorClubSchema } from "@loadline/domain";
import { readScriptEnv } from "./script-env";

// The operator's command line for clubs on this instance:
//   pnpm club:create --name "Northside AC" --owner-email owner@example.org [--owner-name "Ann Owner"]
//                    [--time-zone Europe/Dublin] [--locale en-IE]   prints the owner's one-time set-up link
//   pnpm club:list                                                  names and head counts, no health data
//   pnpm club:remove-demo                                           deletes the demo club and only it
// On the embedded database stop the app first (PGlite has no lock): use the operator page instead
// while it runs.
const scriptEnv = readScriptEnv();
const baseUrl = (scriptEnv.LOADLINE_PUBLIC_URL ?? scriptEnv.AUTH_URL ?? "").replace(/\/$/, "");
// With SMTP set up the owner also gets the link by email (as from the operator page).
const mail =
  scriptEnv.SMTP_URL && scriptEnv.SMTP_FROM && baseUrl
    ? { mailer: smtpMailer({ url: scriptEnv.SMTP_URL, from: scriptEnv.SMTP_FROM }), instance: { openSignup: false, publicUrl: baseUrl } }
    : undefined;

const [command, ...rest] = process.argv.slice(2).filter((a) => a !== "--");
const { values } = parseArgs({
  args: rest,
  options: {
    name: { type: "string" },
    "owner-email": { type: "string" },
    "owner-name": { type: "string" },
    "time-zone": { type: "string" },
    locale: { type: "string" },
  },
});

async function main(): Promise<number> {
  if (command === "create") {
    const parsed = operatorClubSchema.safeParse({
      clubName: values.name,
      ownerEmail: values["owner-email"],
      ownerName: values["owner-name"] ?? values["owner-email"]?.split("@")[0],
      timeZone: values["time-zone"] ?? DEFAULT_TIME_ZONE,
      locale: values.locale ?? DEFAULT_LOCALE,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
      console.error('Usage: pnpm club:create --name "Club name" --owner-email owner@example.org [--owner-name ...] [--time-zone ...] [--locale ...]');
      return 2;
    }
    const handle = await getDatabase();
    try {
      const link = await createClubWithOwnerLink(handle.db, parsed.data, new Date(), mail);
      console.log(`Created ${parsed.data.clubName}. Send this one-time set-up link to ${parsed.data.ownerEmail} (valid until ${link.expiresAt.toISOString()}):`);
      console.log(`${baseUrl}${link.setupPath}`);
      if (!baseUrl) console.log("(Set LOADLINE_PUBLIC_URL to print the full address.)");
      return 0;
    } catch (error) {
      console.error(error instanceof Error && "message" in error ? error.message : error);
      return 1;
    } finally {
      await handle.close();
    }
  }
  if (command === "list") {
    const handle = await getDatabase();
    try {
      for (const club of await listClubsForOperator(handle.db)) console.log(`${club.slug}\t${club.name}\t${club.staff} staff\t${club.athletes} athletes`);
      return 0;
    } finally {
      await handle.close();
    }
  }
  if (command === "remove-demo") {
    const handle = await getDatabase();
    try {
      const removed = await deleteClubBySlug(handle.db, DEMO_ORGANISATION_SLUG);
      console.log(removed ? "Removed the demo club and everything in it. Other clubs are untouched." : "There is no demo club on this instance.");
      return 0;
    } finally {
      await handle.close();
    }
  }
  console.error("Usage: club.ts create|list|remove-demo [options]");
  return 2;
}

process.exitCode = await main();
