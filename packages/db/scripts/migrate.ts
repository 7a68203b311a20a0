import { getDatabase } from "../src/runtime";

// Applies the committed migrations to the configured database (embedded or DATABASE_URL).
// Do not run it against the embedded folder while the app is running: PGlite has no lock.
const handle = await getDatabase();
// Explicitly, whatever LOADLINE_MIGRATE_ON_START says: this is the migration Job's command.
await handle.migrate();
console.log(`Migrated the ${handle.kind} database.`);
await handle.close();
