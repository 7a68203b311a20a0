import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { RECOVERY_CODE_COUNT } from "@loadline/domain";
import { readAuthSecret, type EnvSource } from "./env";

/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s, the authenticator apps' defaults) with
 * recovery codes. Secrets are stored sealed (AES-256-GCM, key derived from AUTH_SECRET with
 * HKDF), so a database leak alone does not reveal them; recovery codes only as SHA-256 hashes.
 */

const PERIOD_SECONDS = 30;

/** The sealing key, from AUTH_SECRET (validated). Rotating AUTH_SECRET invalidates enrolled factors. */
export function secondFactorKey(env?: EnvSource): Buffer {
  const secret = readAuthSecret(env);
  return Buffer.from(hkdfSync("sha256", secret, "loadline", "totp-secret-v1", 32));
}

export function sealSecret(base32: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The base32 secret, or null when the sealed value is malformed or sealed with another key. */
export function openSecret(sealed: string, key: Buffer): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** A new random secret (160 bits) in base32, as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(base32: string, label = "Loadline"): TOTP {
  return new TOTP({ issuer: "Loadline", label, secret: Secret.fromBase32(base32), algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS });
}

/** The otpauth:// URI to add the secret to an app (by link or typed key). */
export function totpUri(base32: string, email: string): string {
  return totpFor(base32, email).toString();
}

/** The current code (tests and the enrolment check use it with an injected time). */
export function totpCode(base32: string, now: Date): string {
  return totpFor(base32).generate({ timestamp: now.getTime() });
}

/**
 * The time step a code belongs to, when it is valid at `now` (one step of clock drift either
 * way), else null. The caller accepts each step once (`acceptTotpStep`), so a code cannot be
 * replayed.
 */
export function matchTotp(base32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(base32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Fresh recovery codes ("xxxxx-xxxxx", shown once) and their hashes (stored). */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** Recovery codes compare case- and dash-insensitively. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.trim().toLowerCase().replace(/[\s-]/g, "")).digest("hex");
}
