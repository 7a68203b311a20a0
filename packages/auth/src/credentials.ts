import { signInSchema } from "@loadline/domain";
import { findUserForSignIn, type Database } from "@loadline/db";
import { verifyAgainstDummy, verifyPassword } from "./password";

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
