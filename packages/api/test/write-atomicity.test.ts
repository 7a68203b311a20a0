import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  databaseFailureOf,
  insertEpisode,
  keysWithOpenJobs,
  rowsOf,
  type DatabaseHandle,
} from "@loadline/db";
import { mapError } from "../src/errors";
import { REASSESS_QUEUE } from "../src/jobs/reassess-queue";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { errorOf, phase1Body, validEpisode } from "./physio-helpers";

/**
 * A clinical write, its audit entry and its re-assessment job commit together or not at all,
 * and the database itself keeps one active episode per athlete.
 */
let handle: DatabaseHandle;
let club: Club;
let athleteId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Atomic Club");
  athleteId = club.athlete.athleteId!;
});
afterAll(() => handle.close());

const count = async (query: ReturnType<typeof sql>) =>
  Number(rowsOf(await handle.db.execute(query))[0]?.n ?? 0);

describe("one transaction per clinical write", () => {
  it("a plan save whose audit entry fails leaves no plan version and no job behind", async () => {
    const physio = callerFor(handle, club.physio);
    await physio.episodes.open({ athleteId, episode: validEpisode(club) });
    // Let the episode's own job run out of the picture: only the plan save's job counts below.
    await handle.db.execute(
      sql`delete from pgboss.job where singleton_key like ${`${club.organisationId}:%`}`,
    );
    await handle.db.execute(
      sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit unavailable'; end $$`,
    );
    await handle.db.execute(
      sql`create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()`,
    );
    try {
      const error = await errorOf(
        physio.plans.save({
          athleteId,
          baseVersion: 0,
          phase: 1,
          body: phase1Body(),
        }),
      );
      expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      await handle.db.execute(sql`drop trigger refuse_audit on audit_log`);
      await handle.db.execute(sql`drop function refuse_audit()`);
    }
    expect(
      await count(sql`select count(*)::int as n from plan_versions where athlete_id = ${athleteId}`),
    ).toBe(0);
    expect(
      await keysWithOpenJobs(handle.db, REASSESS_QUEUE, [`${club.organisationId}:${athleteId}`]),
    ).toEqual(new Set());

    // The same save with the audit working commits all three.
    const plan = await physio.plans.save({
      athleteId,
      baseVersion: 0,
      phase: 1,
      body: phase1Body(),
    });
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where entity = 'plan_version' and entity_id = ${plan.id}`,
      ),
    ).toBe(1);
    expect(
      await keysWithOpenJobs(handle.db, REASSESS_QUEUE, [`${club.organisationId}:${athleteId}`]),
    ).toEqual(new Set([`${club.organisationId}:${athleteId}`]));
  });
});

describe("one active episode per athlete", () => {
  it("the database refuses a second active episode even when the service's check is passed by", async () => {
    // As if two requests both found no open episode and both inserted.
    const error = await insertEpisode(
      handle.db,
      club.organisationId,
      athleteId,
      validEpisode(club),
      NOW,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(databaseFailureOf(error)).toMatchObject({
      kind: "unique_violation",
      constraint: "injury_episodes_one_active_key",
    });
    // What the losing request's caller reads.
    const answer = mapError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }), {
      log: () => {},
    });
    expect(answer.code).toBe("CONFLICT");
    expect(answer.message).toMatch(/already has an open episode/);
  });

  it("opening a second one through the API is a conflict with a sentence, and a closed episode frees the slot", async () => {
    const physio = callerFor(handle, club.physio);
    const error = await errorOf(physio.episodes.open({ athleteId, episode: validEpisode(club) }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already has an open episode/);
    const [open] = (await physio.episodes.list({ athleteId })).episodes;
    await physio.episodes.close({
      episodeId: open!.id,
      closingNote: "Resolved.",
    });
    await expect(physio.episodes.open({ athleteId, episode: validEpisode(club) })).resolves.toMatchObject({
      status: "active",
    });
  });
});
