import type { DefaultSession } from "next-auth";
import { roleSchema, type Actor } from "@loadline/domain";
import { z } from "zod";

/** What a session carries about its user: enough to authorize without a database read. */
export const sessionUserSchema = z.object({
  id: z.uuid(),
  role: roleSchema,
  organisationId: z.uuid(),
  athleteId: z.uuid().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

declare module "next-auth" {
  interface Session {
    user: SessionUser & DefaultSession["user"];
  }
}


/** The domain's actor for a session, or null when the session is missing or malformed. */
export function actorFromSession(session: { user?: unknown } | null | undefined): Actor | null {
  const parsed = sessionUserSchema.safeParse(session?.user);
  if (!parsed.success) return null;
  const { id, role, organisationId, athleteId } = parsed.data;
  return { userId: id, role, organisationId, athleteId };
}
