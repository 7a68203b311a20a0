import type { DefaultSession } from "next-auth";
import { roleSchema, sessionTooOld, type Actor } from "@loadline/domain";
import { z } from "zod";

/** What `authenticate` hands to Auth.js at sign-in: who the user is and their session version. */
export const signedInUserSchema = z.object({
  id: z.uuid(),
  role: roleSchema,
  organisationId: z.uuid(),
  athleteId: z.uuid().nullable(),
  sessionVersion: z.number().int().min(0),
});

/**
 * What a session token carries about its user: enough to route without a database read, plus
 * the session version and the sign-in time (seconds) that the per-request check compares.
 * Tokens issued before these claims existed fail to parse and count as signed out.
 */
export const sessionUserSchema = signedInUserSchema.extend({ signedInAt: z.number().int().positive() });
export type SessionUser = z.infer<typeof sessionUserSchema>;

declare module "next-auth" {
  interface Session {
    user: SessionUser & DefaultSession["user"];
  }
}

/** The token claims of a session (or of a raw token's `loadline` field), or null. */
export function claimsFromSession(session: { user?: unknown } | null | undefined): SessionUser | null {
  const parsed = sessionUserSchema.safeParse(session?.user);
  return parsed.success ? parsed.data : null;
}

/**
 * The domain's actor for a session, from the token alone, or null when the session is missing,
 * malformed or past its absolute lifetime. This does not ask the database: requests that read or
 * write data go through `actorForSession` (session-check.ts), which does.
 */
export function actorFromSession(session: { user?: unknown } | null | undefined, now: Date = new Date()): Actor | null {
  const claims = claimsFromSession(session);
  if (!claims || sessionTooOld(claims.signedInAt, now)) return null;
  const { id, role, organisationId, athleteId } = claims;
  return { userId: id, role, organisationId, athleteId };
}
