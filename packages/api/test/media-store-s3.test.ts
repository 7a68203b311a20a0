import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exerciseImageKey, mediaStoreFromEnv, type MediaStore } from "../src/storage/media-store";
import { TINY_PNG } from "./matrix-helpers";

/*
 * The S3 media store against a local S3-compatible server (s3rver, in this process), through
 * the same settings an operator sets: endpoint, bucket, keys, path-style addressing.
 */
let server: S3rver;
let store: MediaStore;

beforeAll(async () => {
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: mkdtempSync(path.join(tmpdir(), "loadline-s3-")), configureBuckets: [{ name: "loadline-media", configs: [] }] });
  const { port } = await server.run();
  store = mediaStoreFromEnv({
    LOADLINE_S3_BUCKET: "loadline-media",
    LOADLINE_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    LOADLINE_S3_ACCESS_KEY_ID: "S3RVER",
    LOADLINE_S3_SECRET_ACCESS_KEY: "S3RVER",
    LOADLINE_S3_PREFIX: "exercise-images/",
  });
});
afterAll(() => server.close());

describe("S3 media store", () => {
  it("stores and reads an image by its key; a missing key is null", async () => {
    expect(store.kind).toBe("s3");
    const key = exerciseImageKey("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002", "image/png");
    await store.put(key, Buffer.from(TINY_PNG, "base64"), "image/png");
    expect(Buffer.from((await store.get(key))!).toString("base64")).toBe(TINY_PNG);
    expect(await store.get(key.replace(/[0-9a-f]{12}\.png$/, "000000000000.png"))).toBeNull();
    await expect(store.put("../escape.png", new Uint8Array([1]), "image/png")).rejects.toThrow(/not a media key/);
  });
});
