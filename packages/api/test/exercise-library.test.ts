import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { auditLog, exerciseVersions, exercises } from "@loadline/db/schema";
import { EXERCISE_IMAGE_MAX_BYTES } from "@loadline/domain";
import { diskMediaStore, mediaStoreFromEnv } from "../src/storage/media-store";
import { callerFor, createTestDatabase, makeClub, TEST_MEDIA_DIR, type Club } from "./fixtures";
import { codeOf, errorOf, fieldsOf, phase1Body, validEpisode } from "./physio-helpers";
import { TINY_PNG } from "./matrix-helpers";

let handle: DatabaseHandle;
let club: Club;
let other: Club;

/** The first bytes of a JPEG and of a WebP, enough for content sniffing. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]).toString("base64");
const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x1a, 0, 0, 0]), Buffer.from("WEBPVP8L"), Buffer.from([0x0d, 0, 0, 0, 0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00])]).toString("base64");
const GIF = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1").toString("base64");
const HTML_AS_PNG = Buffer.from("<html><script>alert(1)</script></html>").toString("base64");

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Library Club");
  other = await makeClub(handle, "Other Library Club");
});
afterAll(() => handle.close());

async function customExercise(name: string) {
  const physio = callerFor(handle, club.physio);
  return physio.exercises.create({ name, category: "glute_core", phases: [1], hipFlexionDemand: "low", description: "Band walk" });
}

describe("library versions", () => {
  it("creating a custom exercise writes version 1 and an audit line", async () => {
    const created = await customExercise("Monster walk");
    expect(created.version).toBe(1);
    const versions = await handle.db.select().from(exerciseVersions).where(eq(exerciseVersions.exerciseId, created.id));
    expect(versions.map((v) => [v.version, v.authorId])).toEqual([[1, club.physio.userId]]);
    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.entityId, created.id), eq(auditLog.entity, "exercise")));
    expect(audit.map((a) => a.detail)).toEqual(["Added to the library: Monster walk"]);
  });

  it("the standard library starts at version 1 with a version row each", async () => {
    const physio = callerFor(handle, club.physio);
    const library = await physio.exercises.list();
    const versions = await handle.db.select().from(exerciseVersions).where(eq(exerciseVersions.organisationId, club.organisationId));
    for (const entry of library) expect(versions.some((v) => v.exerciseId === entry.id && v.version === entry.version)).toBe(true);
  });

  it("an edit is a new version; the plan keeps the version it prescribed and its own copy", async () => {
    const physio = callerFor(handle, club.physio);
    const athleteId = club.athlete.athleteId!;
    const exercise = await customExercise("Banded bridge");
    await physio.exercises.setMedia({ exerciseId: exercise.id, baseVersion: 1, howTo: "Band above the knees, push out.", videoUrl: null });
    await physio.episodes.open({ athleteId, episode: validEpisode(club) });
    const body = phase1Body();
    await physio.plans.save({
      athleteId,
      baseVersion: 0,
      phase: 1,
      body: { ...body, prescriptions: [{ id: exercise.id, exerciseVersion: 2, exercise: exercise.name, category: "glute_core", sets: 3, reps: 10, sessionsPerWeek: 3, heavy: false, highTendonLoad: false }] },
    });
    const edited = await physio.exercises.edit({ exerciseId: exercise.id, baseVersion: 2, name: "Banded glute bridge", category: "glute_core", phases: [1, 2], hipFlexionDemand: "low", description: "Edited" });
    expect(edited.exercise.version).toBe(3);
    expect(edited.message).toMatch(/Plans that prescribe an earlier version keep it/);
    await physio.exercises.setMedia({ exerciseId: exercise.id, baseVersion: 3, howTo: "A newer how-to", videoUrl: null });

    const today = await callerFor(handle, club.athlete).today.get();
    const prescribed = today.prescriptions.find((p) => p.id === exercise.id);
    expect(prescribed?.exercise).toBe("Banded bridge");
    expect(prescribed?.howTo).toBe("Band above the knees, push out.");
    const { plan } = await physio.plans.current({ athleteId });
    expect(plan?.body.prescriptions[0]?.exercise).toBe("Banded bridge");

    // A stale form is refused, naming what happened.
    const stale = await errorOf(physio.exercises.edit({ exerciseId: exercise.id, baseVersion: 2, name: "X drill", category: "glute_core", phases: [1], hipFlexionDemand: "low", description: "" }));
    expect(stale.code).toBe("CONFLICT");
    const history = await physio.exercises.history({ exerciseId: exercise.id });
    expect(history.map((h) => [h.version, h.change])).toEqual([
      [4, "Media changed (how-to)"],
      [3, "Edited"],
      [2, "Media changed (how-to)"],
      [1, "Added to the library"],
    ]);
  });

  it("a retired exercise leaves the plan editor's list, is refused for new prescriptions, stays in plans, and can be restored", async () => {
    const physio = callerFor(handle, club.physio);
    const athleteId = club.athlete.athleteId!;
    const kept = (await physio.exercises.list()).find((e) => e.name === "Banded glute bridge")!;
    const retired = await physio.exercises.retire({ exerciseId: kept.id, baseVersion: kept.version });
    expect(retired.message).toMatch(/no longer offered for new prescriptions/);
    expect((await physio.exercises.list()).some((e) => e.id === kept.id)).toBe(false);
    expect((await physio.exercises.list({ includeRetired: true })).find((e) => e.id === kept.id)?.retired).toBe(true);

    // The plan that already holds it keeps it, and can be saved again with it.
    const current = (await physio.plans.current({ athleteId })).plan!;
    await physio.plans.save({ athleteId, baseVersion: current.version, body: { ...phase1Body(), prescriptions: current.body.prescriptions.map((p) => ({ ...p, sets: 4 })) } });
    expect((await callerFor(handle, club.athlete).today.get()).prescriptions.some((p) => p.id === kept.id)).toBe(true);

    // A new prescription of a retired entry is refused at the field.
    const fresh = await customExercise("Side-lying abduction");
    const latest = (await physio.exercises.list()).find((e) => e.id === fresh.id)!;
    await physio.exercises.retire({ exerciseId: fresh.id, baseVersion: latest.version });
    const next = (await physio.plans.current({ athleteId })).plan!;
    const refused = await errorOf(
      physio.plans.save({
        athleteId,
        baseVersion: next.version,
        body: { ...phase1Body(), prescriptions: [...next.body.prescriptions, { id: fresh.id, exerciseVersion: 2, exercise: fresh.name, category: "glute_core", sets: 3, reps: 10, sessionsPerWeek: 3, heavy: false, highTendonLoad: false }] },
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(fieldsOf(refused)).toEqual(["prescriptions"]);
    expect(refused.message).toMatch(/Side-lying abduction is retired from the library/);

    const restoredFrom = (await physio.exercises.list({ includeRetired: true })).find((e) => e.id === kept.id)!;
    const restored = await physio.exercises.restore({ exerciseId: kept.id, baseVersion: restoredFrom.version });
    expect(restored.exercise.retired).toBe(false);
    expect((await physio.exercises.list()).some((e) => e.id === kept.id)).toBe(true);
    expect(await codeOf(physio.exercises.restore({ exerciseId: kept.id, baseVersion: restored.exercise.version }))).toBe("CONFLICT");
    const audit = await handle.db.select({ detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.entityId, kept.id), eq(auditLog.entity, "exercise")));
    expect(audit.map((a) => a.detail.split(":")[0])).toEqual(expect.arrayContaining(["Edited", "Retired", "Restored", "Media changed (how-to)"]));
  });
});

describe("media", () => {
  async function entry(name: string) {
    const created = await customExercise(name);
    return { exerciseId: created.id, baseVersion: created.version };
  }

  it("accepts PNG, JPEG and WebP by their bytes and serves them to every member of the club", async () => {
    const physio = callerFor(handle, club.physio);
    for (const [name, base64, type] of [["Png drill", TINY_PNG, "image/png"], ["Jpeg drill", JPEG, "image/jpeg"], ["Webp drill", WEBP, "image/webp"]] as const) {
      const target = await entry(name);
      const saved = await physio.exercises.setMedia({ ...target, howTo: "", videoUrl: null, image: { base64 } });
      expect(saved.exercise.hasImage).toBe(true);
      for (const role of ["coach", "physio", "athlete"] as const) {
        const image = await callerFor(handle, club[role]).exercises.image({ exerciseId: target.exerciseId, version: saved.exercise.version });
        expect(image.contentType).toBe(type);
        expect(Buffer.from(image.bytes).toString("base64")).toBe(base64);
      }
      // Another club cannot read it, even knowing the id.
      for (const role of ["coach", "physio", "athlete"] as const) {
        expect(await codeOf(callerFor(handle, other[role]).exercises.image({ exerciseId: target.exerciseId, version: saved.exercise.version }))).toBe("NOT_FOUND");
      }
    }
    // The file sits under the club's folder, named by the server.
    expect(readdirSync(path.join(TEST_MEDIA_DIR, club.organisationId)).length).toBeGreaterThan(0);
  });

  it("refuses other types by content, whatever the name, and files over 5 MB, at the image field", async () => {
    const physio = callerFor(handle, club.physio);
    const target = await entry("Refused drill");
    for (const base64 of [GIF, HTML_AS_PNG]) {
      const error = await errorOf(physio.exercises.setMedia({ ...target, howTo: "", videoUrl: null, image: { base64 } }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldsOf(error)).toEqual(["image"]);
      expect(error.message).toBe("Image must be a PNG, JPEG or WebP picture");
    }
    const big = Buffer.concat([Buffer.from(TINY_PNG, "base64"), Buffer.alloc(EXERCISE_IMAGE_MAX_BYTES)]).toString("base64");
    const tooBig = await errorOf(physio.exercises.setMedia({ ...target, howTo: "", videoUrl: null, image: { base64: big } }));
    expect(tooBig.code).toBe("BAD_REQUEST");
    expect(fieldsOf(tooBig)).toEqual(["image"]);
    expect(tooBig.message).toMatch(/at most 5 MB/);
    // Nothing was written: the entry is still at its first version.
    const [row] = await handle.db.select().from(exercises).where(eq(exercises.id, target.exerciseId));
    expect(row?.version).toBe(1);
  });

  it("video links must be https; how-to is limited; the database repeats both limits", async () => {
    const physio = callerFor(handle, club.physio);
    const target = await entry("Link drill");
    for (const videoUrl of ["http://www.youtube.com/watch?v=1", "javascript:alert(1)", "ftp://x.test/a"]) {
      const error = await errorOf(physio.exercises.setMedia({ ...target, howTo: "", videoUrl }));
      expect(fieldsOf(error)).toEqual(["videoUrl"]);
    }
    const long = await errorOf(physio.exercises.setMedia({ ...target, howTo: "x".repeat(1001), videoUrl: null }));
    expect(fieldsOf(long)).toEqual(["howTo"]);
    const saved = await physio.exercises.setMedia({ ...target, howTo: "Slow", videoUrl: "https://youtu.be/abc" });
    expect(saved.exercise.videoUrl).toBe("https://youtu.be/abc");
    await expect(handle.db.update(exercises).set({ howTo: "x".repeat(1001) }).where(eq(exercises.id, target.exerciseId))).rejects.toThrow();
    await expect(handle.db.update(exercises).set({ videoUrl: "http://plain.test" }).where(eq(exercises.id, target.exerciseId))).rejects.toThrow();
  });

  it("the athlete sees the how-to, the video link and the image address on Today", async () => {
    const physio = callerFor(handle, club.physio);
    const athleteId = club.athlete.athleteId!;
    const target = await entry("Today drill");
    const saved = await physio.exercises.setMedia({ ...target, howTo: "Hold the top for two seconds.", videoUrl: "https://vimeo.com/123", image: { base64: TINY_PNG } });
    const plan = (await physio.plans.current({ athleteId })).plan!;
    await physio.plans.save({
      athleteId,
      baseVersion: plan.version,
      body: { ...phase1Body(), prescriptions: [...plan.body.prescriptions, { id: target.exerciseId, exerciseVersion: saved.exercise.version, exercise: "Today drill", category: "glute_core", sets: 2, reps: 8, sessionsPerWeek: 3, heavy: false, highTendonLoad: false }] },
    });
    const today = await callerFor(handle, club.athlete).today.get();
    const shown = today.prescriptions.find((p) => p.id === target.exerciseId);
    expect(shown).toMatchObject({
      howTo: "Hold the top for two seconds.",
      video: { url: "https://vimeo.com/123", host: "vimeo" },
      imageUrl: `/api/exercise-media/${target.exerciseId}/${saved.exercise.version}`,
    });
  });

  it("coaches and athletes cannot change the library; another club's physio cannot name it", async () => {
    const target = await entry("Guarded drill");
    for (const role of ["coach", "athlete"] as const) {
      const caller = callerFor(handle, club[role]);
      expect(await codeOf(caller.exercises.setMedia({ ...target, howTo: "", videoUrl: null }))).toBe("FORBIDDEN");
      expect(await codeOf(caller.exercises.retire(target))).toBe("FORBIDDEN");
      expect(await codeOf(caller.exercises.edit({ ...target, name: "Hacked", category: "glute_core", phases: [1], hipFlexionDemand: "low", description: "" }))).toBe("FORBIDDEN");
    }
    const stranger = callerFor(handle, other.physio);
    expect(await codeOf(stranger.exercises.setMedia({ ...target, howTo: "", videoUrl: null }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.exercises.retire(target))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.exercises.history({ exerciseId: target.exerciseId }))).toBe("NOT_FOUND");
  });
});

describe("media stores", () => {
  it("the disk store round-trips bytes and refuses keys it did not make", async () => {
    const store = diskMediaStore(TEST_MEDIA_DIR);
    const key = "00000000-0000-4000-8000-000000000001/00000000-0000-4000-8000-000000000002/00000000-0000-4000-8000-000000000003.png";
    await store.put(key, Buffer.from(TINY_PNG, "base64"), "image/png");
    expect(Buffer.from((await store.get(key))!).toString("base64")).toBe(TINY_PNG);
    expect(await store.get(key.replace("03.png", "04.png"))).toBeNull();
    await expect(store.get("../../etc/passwd")).rejects.toThrow(/not a media key/);
  });

  it("the environment chooses S3 when a bucket and keys are set, else the disk folder", () => {
    expect(mediaStoreFromEnv({ LOADLINE_MEDIA_DIR: TEST_MEDIA_DIR }).kind).toBe("disk");
    expect(
      mediaStoreFromEnv({ LOADLINE_S3_BUCKET: "loadline", LOADLINE_S3_ENDPOINT: "http://127.0.0.1:9000", LOADLINE_S3_ACCESS_KEY_ID: "id", LOADLINE_S3_SECRET_ACCESS_KEY: "secret" }).kind,
    ).toBe("s3");
    expect(() => mediaStoreFromEnv({ LOADLINE_S3_BUCKET: "loadline" })).toThrow(/LOADLINE_S3_ACCESS_KEY_ID/);
  });
});


