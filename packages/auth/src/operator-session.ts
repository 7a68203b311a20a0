import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { signInSchema } from "@loadline/domain";
import { findOperatorByEmail, getOperator, type Database } from "@loadline/db";
import { readAuthSecret, type EnvSource } from "./env";
import { verifyAgainstDummy, verifyPassword } from "./password";

/**
 * Operator sessions: a cookie of their own, apart from the club sessions of Auth.js, because an
 * operator belongs to no club and must never be taken for a member of one. The cookie holds the
 * operator's id, their session version and the sign-in time, signed with a key derived from
 * AUTH_SECRET; every request checks the version against the database (sign-out and a new
 * password end every session) and the 8-hour lifetime.
 */
export const OPERATOR_COOKIE = "loadline-operator";
export const OPERATOR_SESSION_SECONDS = 8 * 3600;

export function operatorSessionKey(env?: EnvSource): Buffer {
  return Buffer.from(hkdfSync("sha256", readAuthSecret(env), "loadline", "operator-session-v1", 32));
}

const sign = (body: string, key: Buffer) => createHmac("sha256", key).update(body).digest("base64url");

export function operatorToken(claims: { id: string; sessionVersion: number }, now: Date, key: Buffer): string {
  const body = `${claims.id}.${claims.sessionVersion}.${Math.floor(now.getTime() / 1000)}`;
  return `${body}.${sign(body, key)}`;
}

const claimsPattern = /^([0-9a-f-]{36})\.(\d+)\.(\d+)\.([A-Za-z0-9_-]+)$/;

/** The operator a cookie names, after its signature, lifetime and session version are checked; or null. */
export async function operatorForToken(db: Database, token: string | undefined, now: Date, key: Buffer): Promise<{ operatorId: string } | null> {
  const match = token ? claimsPattern.exec(token) : null;
  if (!match) return null;
  const [, id, version, issuedAt, signature] = match as unknown as [string, string, string, string, string];
  const expected = Buffer.from(sign(`${id}.${version}.${issuedAt}`, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const age = now.getTime() / 1000 - Number(issuedAt);
  if (age < -60 || age > OPERATOR_SESSION_SECONDS) return null;
  const operator = await getOperator(db, id);
  if (!operator || operator.sessionVersion !== Number(version)) return null;
  return { operatorId: operator.id };
}

/** Check an operator's email and password; the claims for their cookie, or null. */
export async function authenticateOperator(db: Database, credentials: unknown): Promise<{ id: string; sessionVersion: number } | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const operator = await findOperatorByEmail(db, parsed.data.email);
  if (!operator) {
    await verifyAgainstDummy(parsed.data.password);
    return null;
  }
  if (!(await verifyPassword(parsed.data.password, operator.passwordHash))) return null;
  return { id: operator.id, sessionVersion: operator.sessionVersion };
}
