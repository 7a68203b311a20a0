import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { exercises } from "@loadline/db/schema";
import { callerFor, createTestDatabase, makeClub, type Club } from "./fixtures";

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Read Only Club");
});
afterAll(() => handle.close());

describe("a read never writes", () => {
  it("the exercise library is listed as stored, never seeded by the read", async () => {
    await handle.db.delete(exercises).where(eq(exercises.organisationId, club.organisationId));
    expect(await callerFor(handle, club.physio).exercises.list()).toEqual([]);
    const [stored] = await handle.db.select({ n: count() }).from(exercises).where(eq(exercises.organisationId, club.organisationId));
    expect(stored!.n).toBe(0);
  });
});
