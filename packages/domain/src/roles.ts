import { z } from "zod";

export const roles = ["coach", "physio", "athlete"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Who is acting: always built from the signed-in session, never from client input. */
export interface Actor {
  userId: string;
  role: Role;
  organisationId: string;
  /** The athlete profile the user owns, when the user is an athlete. */
  athleteId?: string | null;
  isOwner?: boolean;
  /**
   * Set by the per-request session check when the club requires a second factor of this user
   * (physios, when the owner turned it on) and none is set up yet: only the account page works.
   */
  needsSecondFactor?: boolean;
}
