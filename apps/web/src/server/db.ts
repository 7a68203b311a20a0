import "server-only";
import { hashPassword } from "@loadline/auth/password";
import { getDatabase, type Database } from "@loadline/db";
import { seedDemoClub } from "@loadline/db/seed";

/** The app's database; an empty embedded database gets the demo club on first start. */
export async function getDb(): Promise<Database> {
  const handle = await getDatabase({ seedIfEmpty: (db) => seedDemoClub(db, { now: new Date(), hashPassword }).then(() => undefined) });
  return handle.db;
}
