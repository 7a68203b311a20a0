/**
 * What the per-request session check costs (and what row-level security adds per procedure): `getSessionRecord` (the one query every request
 * runs) against a bare `select 1` (the round trip alone), on a club of 2,000 athletes.
 *
 *   pnpm --filter @loadline/db bench:session                                  # PGlite (in memory)
 *   DATABASE_URL=postgres://... pnpm --filter @loadline/db bench:session      # and PostgreSQL
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { createTestDatabase } from "../src/testing";
import { getSessionRecord } from "../src/queries/sessions";
import { withOrganisation } from "../src/rls";
import { athleteProfiles, organisations, users } from "../src/schema";

const ATHLETES = 2_000;
const ROUNDS = 2_000;

async function timeEach(label: string, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 200; i++) await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(3);
  const mean = (samples.reduce((a, b) => a + b, 0) / samples.length).toFixed(3);
  console.log(`  ${label.padEnd(28)} mean ${mean} ms  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms`);
}

async function main(): Promise<void> {
  const handle = await createTestDatabase();
  try {
    const [org] = await handle.db.insert(organisations).values({ name: "Bench Club", slug: "bench" }).returning();
    const organisationId = org!.id;
    const people = Array.from({ length: ATHLETES }, (_, i) => ({ organisationId, role: "athlete" as const, name: `Athlete ${i}`, email: `a${i}@bench.test` }));
    const inserted = [];
    for (let i = 0; i < people.length; i += 500) inserted.push(...(await handle.db.insert(users).values(people.slice(i, i + 500)).returning({ id: users.id })));
    for (let i = 0; i < inserted.length; i += 500) {
      await handle.db.insert(athleteProfiles).values(inserted.slice(i, i + 500).map((u) => ({ organisationId, userId: u.id, eventOrSport: "5000 m" })));
    }
    await handle.db.execute(sql`analyze`);
    const ids = inserted.map((u) => u.id);
    let n = 0;
    console.log(`${handle.kind}: ${ATHLETES} athletes, ${ROUNDS} calls each`);
    await timeEach("select 1", () => handle.db.execute(sql`select 1`));
    await timeEach("getSessionRecord", () => getSessionRecord(handle.db, ids[n++ % ids.length]!));
    // What row-level security adds to a tenant procedure: begin, set role, set_config, commit.
    await timeEach("withOrganisation(select 1)", () => withOrganisation(handle.db, organisationId, (tx) => tx.execute(sql`select 1`)));
  } finally {
    await handle.close();
  }
}

await main();
