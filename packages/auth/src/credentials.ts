import { DomainError, signInSchema } from "@loadline/domain";
import { findUserForSignIn, type Database } from "@loadline/db";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { throttledAttempt, throttleKeys, type AttemptClock } from "./throttle";

/** Check an email and password against the database; the session user on success, null otherwise. */
export async function authenticate(db: Database, credentials: unknown) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await findUserForSignIn(db, parsed.data.email);
  if (!user?.passwordHash) {
    await verifyAgainstDummy(parsed.data.password);
    return null;
  }
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
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
      const user = await authenticate(db, credentials);
      if (!user) throw new DomainError("unauthorized", "That email and password do not match an account.");
      return user;
    });
  } catch (error) {
    if (error instanceof DomainError && error.kind === "unauthorized") return null;
    throw error;
  }
}
