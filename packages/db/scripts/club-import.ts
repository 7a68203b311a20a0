import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { importClub, type ClubExport } from "../src/club-transfer";
import { getDatabase } from "../src/runtime";

// `DATABASE_URL=postgres://... pnpm db:import --in club.json`: the club into the configured
// database (migrated first), in one transaction. Refused if the club is already there.
const { values } = parseArgs({ options: { in: { type: "string" } } });
if (!values.in) {
  console.error("usage: pnpm db:import --in <file.json>");
  process.exit(2);
}
const data = JSON.parse(readFileSync(values.in, "utf8")) as ClubExport;
const handle = await getDatabase();
try {
  const counts = await importClub(handle.db, data);
  const rows = Object.values(counts).reduce((n, c) => n + c, 0);
  console.log(`Imported "${data.organisation.name}" into the ${handle.kind} database: ${rows} rows.`);
} finally {
  await handle.close();
}
