import { z } from "zod";
import { DomainError, signInCodeSchema, signInSchema } from "@loadline/domain";
import { acceptTotpStep, findUserForSignIn, useRecoveryCode, type Database } from "@loadline/db";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { hashRecoveryCode, matchTotp, openSecret, secondFactorKey } from "./second-factor";
import { throttledAttempt, throttleKeys, type AttemptClock } from "./throttle";

const codeField = z.object({ otp: signInCodeSchema });

/**
 * The second factor at sign-in: a 6-digit TOTP code (each time step accepted once) or an unused
 * recovery code (used up).
 */
async function secondFactorPasses(db: Database, user: { id: string; totpSecret: string }, code: string | undefined, now: Date, key: Buffer) {
  if (!code) return false;
  if (/^\d{6}$/.test(code)) {
    const secret = openSecret(user.totpSecret, key);
    const step = secret ? matchTotp(secret, code, now) : null;
    return step !== null && acceptTotpStep(db, user.id, step);
  }
  return useRecoveryCode(db, user.id, hashRecoveryCode(code));
}

/**
 * Check an email and password (and, when the user has a second factor, the code typed with them)
 * against the database; the session user on success, null otherwise. A missing or wrong code
 * gives the same null as a wrong password, so the answer never confirms a guessed password.
 */
export async function authenticate(db: Database, credentials: unknown, options: { now?: Date; key?: Buffer } = {}) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await findUserForSignIn(db, parsed.data.email);
  if (!user?.passwordHash) {
    await verifyAgainstDummy(parsed.data.password);
    return null;
  }
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  if (user.totpSecret) {
    const code = codeField.safeParse(credentials);
    const key = options.key ?? secondFactorKey();
    const totpSecret = user.totpSecret;
    if (!(await secondFactorPasses(db, { id: user.id, totpSecret }, code.success ? code.data.otp : undefined, options.now ?? new Date(), key))) return null;
  }
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    athleteId: user.athleteId,
    sessionVersion: user.sessionVersion,
  };
}

export type SignInUser = NonNullable<Awaited<ReturnType<typeof authenticate>>>;

/**
 * Sign-in as Auth.js runs it: `authenticate` under the throttle, per account (the typed email)
 * and per client address. Null for a wrong email or password; throws a `rate_limited`
 * DomainError while the account or the address is locked.
 */
export async function authenticateThrottled(
  db: Database,
  credentials: unknown,
  request: { address: string | null } & AttemptClock,
): Promise<SignInUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  const keys = throttleKeys({ account: parsed.success ? parsed.data.email : null, address: request.address });
  try {
    return await throttledAttempt(db, { all: keys.all, clearOnSuccess: keys.account ? [keys.account] : [] }, request, async () => {
      const user = await authenticate(db, credentials, { now: request.now });
      if (!user) throw new DomainError("unauthenticated", "That email and password do not match an account.");
      return user;
    });
  } catch (error) {
    if (error instanceof DomainError && error.kind === "unauthenticated") return null;
    throw error;
  }
}
