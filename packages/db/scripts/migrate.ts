import { getDatabase } from "../src/runtime";

// Applies the committed migrations to the configured database (embedded or DATABASE_URL).
// Do not run it against the embedded folder while the app is running: PGlite has no lock.
const handle = await getDatabase();
console.log(`Migrated the ${handle.kind} database.`);
await handle.close();
