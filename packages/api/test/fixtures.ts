import { createTestDatabase } from "@loadline/db/testing";
import { seedExerciseLibrary, type DatabaseHandle } from "@loadline/db";
import { athleteProfiles, organisations, squadMemberships, squads, users } from "@loadline/db/schema";
import type { Actor, Role } from "@loadline/domain";
import { eq } from "drizzle-orm";
import { reassessQueue, runPendingJobs } from "../src/jobs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCaller } from "../src/root";
import { diskMediaStore } from "../src/storage/media-store";
import { createECDH, randomBytes } from "node:crypto";
import webpush from "web-push";
import type { PushSender } from "../src/push/push-sender";

/** Uploaded media of every test club: a fresh folder per test process, never the repository's data folder. */
export const TEST_MEDIA_DIR = mkdtempSync(path.join(tmpdir(), "loadline-media-"));
export const testMediaStore = diskMediaStore(TEST_MEDIA_DIR);

export const NOW = new Date("2026-11-21T09:00:00Z");

export interface Club {
  organisationId: string;
  squadIds: { distance: string; field: string };
  coach: Actor;
  physio: Actor;
  athlete: Actor;
}

let counter = 0;

/** A small club with a coach, a physio and one athlete, inserted straight through the schema. */
export async function makeClub(handle: DatabaseHandle, name: string): Promise<Club> {
  const { db } = handle;
  const slug = `${name.toLowerCase().replace(/\W+/g, "-")}-${++counter}`;
  const [org] = await db.insert(organisations).values({ name, slug }).returning();
  const organisationId = org!.id;
  // As creating a club does: the standard exercise library comes with it (reads never seed it).
  await seedExerciseLibrary(db, organisationId);
  const [distance, field] = await db
    .insert(squads)
    .values([
      { organisationId, name: "Distance", kind: "distance" },
      { organisationId, name: "Field", kind: "field" },
    ])
    .returning();
  const person = async (role: Role) => {
    const [u] = await db
      .insert(users)
      .values({ organisationId, role, name: `${role} of ${name}`, email: `${role}@${slug}.test`, passwordHash: "x" })
      .returning();
    return u!;
  };
  const coach = await person("coach");
  const physio = await person("physio");
  const athleteUser = await person("athlete");
  const [profile] = await db
    .insert(athleteProfiles)
    .values({ organisationId, userId: athleteUser.id, eventOrSport: "Marathon" })
    .returning();
  await db.insert(squadMemberships).values({ organisationId, squadId: distance!.id, userId: athleteUser.id });
  return {
    organisationId,
    squadIds: { distance: distance!.id, field: field!.id },
    coach: { userId: coach.id, role: "coach", organisationId },
    physio: { userId: physio.id, role: "physio", organisationId },
    athlete: { userId: athleteUser.id, role: "athlete", organisationId, athleteId: profile!.id },
  };
}

/** A fixed key for sealing TOTP secrets in tests (the app derives its own from AUTH_SECRET). */
export const TEST_SECOND_FACTOR_KEY = Buffer.alloc(32, 7);

/** Push is off for callers unless a test asks for it (no delivery runs behind other tests). */
export function callerFor(handle: DatabaseHandle, actor: Actor | null, now = NOW, push: PushSender | null = null) {
  return createCaller({ db: handle.db, actor, now, secondFactorKey: TEST_SECOND_FACTOR_KEY, media: testMediaStore, push });
}

const testVapid = webpush.generateVAPIDKeys();
/** A server with push on (fresh VAPID keys per test run). */
export const testPushSender: PushSender = {
  publicKey: testVapid.publicKey,
  vapid: { publicKey: testVapid.publicKey, privateKey: testVapid.privateKey, subject: "mailto:push@loadline.test" },
};

/** A browser's subscription keys: a real P-256 public key (the message is encrypted to it) and an auth secret. */
export const TEST_P256DH = createECDH("prime256v1").generateKeys().toString("base64url");
export const TEST_AUTH = randomBytes(16).toString("base64url");

export { createTestDatabase };

/**
 * Re-assess every athlete of these clubs through the queue, as a worker would, and wait for it:
 * for records inserted straight into tables (no write path queued them) and for writes whose
 * re-assessment is queued. Tests then read the board at a known point.
 */
export async function settle(handle: DatabaseHandle, clubs: Pick<Club, "organisationId">[], now = NOW): Promise<void> {
  for (const club of clubs) {
    const ids = await handle.db.select({ id: athleteProfiles.id }).from(athleteProfiles).where(eq(athleteProfiles.organisationId, club.organisationId));
    await (await reassessQueue(handle.db)).enqueue(club.organisationId, ids.map((r) => r.id));
  }
  await runPendingJobs(handle.db, now);
}
