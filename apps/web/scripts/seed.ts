import { hashPassword } from "@loadline/auth/password";
import { getDatabase } from "@loadline/db";
import { hasDemoClub, resetDatabase, seedDemoClub } from "@loadline/db/seed";

// `pnpm db:seed` creates the demo club; `pnpm db:seed --reset` wipes the database first.
// Wired here because the seed needs the auth package's password hashing.
// Do not run it against the embedded database while the app is running (PGlite has no lock).
const reset = process.argv.includes("--reset");
const handle = await getDatabase();
try {
  if (reset) await resetDatabase(handle.db);
  if (await hasDemoClub(handle.db)) {
    console.log("The demo club already exists; run with --reset to recreate it.");
  } else {
    await seedDemoClub(handle.db, { now: new Date(), hashPassword });
    console.log(`Seeded the demo club into the ${handle.kind} database.`);
  }
} finally {
  await handle.close();
}
