import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { exportClub } from "../src/club-transfer";
import { getDatabase } from "../src/runtime";

// `pnpm db:export --club <slug> --out club.json`: one club's rows from the configured database
// (the embedded one unless DATABASE_URL is set). Stop the app first when it is the embedded one.
const { values } = parseArgs({
  options: { club: { type: "string" }, out: { type: "string" } },
});
if (!values.club || !values.out) {
  console.error("usage: pnpm db:export --club <slug> --out <file.json>");
  process.exit(2);
}
const handle = await getDatabase();
try {
  const data = await exportClub(handle.db, values.club);
  writeFileSync(values.out, JSON.stringify(data));
  const rows = Object.values(data.tables).reduce((n, t) => n + t.length, 0);
  console.log(
    `Exported "${data.organisation.name}" from the ${handle.kind} database: ${rows} rows in ${Object.keys(data.tables).length} tables -> ${values.out}`,
  );
} finally {
  await handle.close();
}
