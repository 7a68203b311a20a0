import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { defaultDataDir } from "@loadline/db";
import { readMediaEnv, type EnvSource } from "../env";

/**
 * Where uploaded media (exercise images) lives: a folder on disk by default, an S3-compatible
 * bucket when one is configured. Keys are made by the server (organisation, exercise, random
 * id), never from a file name, so a key cannot climb out of its folder or name another club.
 */
export interface MediaStore {
  readonly kind: "disk" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.(png|jpg|webp)$/;

function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a media key: ${key}`);
}

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

/** A fresh key for an exercise image. */
export function exerciseImageKey(organisationId: string, exerciseId: string, contentType: string): string {
  const extension = EXTENSIONS[contentType];
  if (!extension) throw new Error(`no extension for ${contentType}`);
  const key = `${organisationId}/${exerciseId}/${randomUUID()}.${extension}`;
  assertKey(key);
  return key;
}

/** Files under one folder; written to a temporary name first, so a reader never sees half a file. */
export function diskMediaStore(root: string): MediaStore {
  return {
    kind: "disk",
    async put(key, bytes) {
      assertKey(key);
      const target = path.join(root, key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomUUID()}.part`;
      await writeFile(temporary, bytes, { flag: "wx" });
      await rename(temporary, target);
    },
    async get(key) {
      assertKey(key);
      try {
        return new Uint8Array(await readFile(path.join(root, key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}

export interface S3Settings {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style addressing (MinIO and most self-hosted servers need it). */
  forcePathStyle: boolean;
  /** Key prefix inside the bucket. */
  prefix: string;
}

/** Objects in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, ...). Never public: the app serves them. */
export function s3MediaStore(settings: S3Settings, client?: S3Client): MediaStore {
  const s3 =
    client ??
    new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
  const objectKey = (key: string) => `${settings.prefix}${key}`;
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      assertKey(key);
      await s3.send(new PutObjectCommand({ Bucket: settings.bucket, Key: objectKey(key), Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      assertKey(key);
      try {
        const answer = await s3.send(new GetObjectCommand({ Bucket: settings.bucket, Key: objectKey(key) }));
        return answer.Body ? await answer.Body.transformToByteArray() : null;
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
  };
}

/** The media store the settings ask for: S3 when a bucket is configured, else the disk folder. */
export function mediaStoreFromEnv(source?: EnvSource): MediaStore {
  const env = readMediaEnv(source);
  if (env.LOADLINE_S3_BUCKET && env.LOADLINE_S3_ACCESS_KEY_ID && env.LOADLINE_S3_SECRET_ACCESS_KEY) {
    return s3MediaStore({
      endpoint: env.LOADLINE_S3_ENDPOINT,
      region: env.LOADLINE_S3_REGION ?? "us-east-1",
      bucket: env.LOADLINE_S3_BUCKET,
      accessKeyId: env.LOADLINE_S3_ACCESS_KEY_ID,
      secretAccessKey: env.LOADLINE_S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.LOADLINE_S3_FORCE_PATH_STYLE === "true" || (env.LOADLINE_S3_FORCE_PATH_STYLE === undefined && env.LOADLINE_S3_ENDPOINT !== undefined),
      prefix: env.LOADLINE_S3_PREFIX ?? "",
    });
  }
  return diskMediaStore(env.LOADLINE_MEDIA_DIR ? path.resolve(env.LOADLINE_MEDIA_DIR) : path.join(path.dirname(defaultDataDir(env.LOADLINE_DATA_DIR)), "media"));
}

let configured: MediaStore | null = null;

/** The process's media store, chosen once from the environment. Tests pass their own through the context. */
export function mediaStore(): MediaStore {
  configured ??= mediaStoreFromEnv();
  return configured;
}
