import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Database } from "@loadline/db";
import { authConfig } from "./config";
import { authenticateThrottled } from "./credentials";
import { LockedOut, realSleep, throttledCode } from "./throttle";
import { endSessionsOfToken } from "./session-check";
import "./session";

export { authConfig, nextToken, SIGN_IN_PATH } from "./config";
export { authenticate, authenticateThrottled } from "./credentials";
export { LockedOut, realSleep, throttledAttempt, throttledMinutes, throttleKeys, type AttemptClock } from "./throttle";
export { actorFromSession, claimsFromSession, sessionUserSchema, type SessionUser } from "./session";
export { actorForSession, endSessionsOfToken } from "./session-check";
export { hashPassword, verifyPassword } from "./password";

/**
 * Sign-in refused by the throttle. Auth.js hands `code` to the sign-in action; it is
 * "throttled:<minutes>" and the action shows the domain's sentence for it.
 */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = throttledCode(minutes);
  }
}

/** The full Auth.js instance: Credentials sign-in against the app's database. */
export function createAuth(options: {
  getDb: () => Promise<Database>;
  /** The client's address for the per-address throttle, or null (see client-address.ts). */
  clientAddress: (request: Request) => string | null;
}) {
  return NextAuth({
    ...authConfig,
    providers: [
      Credentials({
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          // Not "code": that name means an OAuth authorization code to Auth.js.
          otp: { label: "Authentication code", type: "text" },
        },
        authorize: async (credentials, request) => {
          const clock = { now: new Date(), sleep: realSleep, address: options.clientAddress(request) };
          try {
            return await authenticateThrottled(await options.getDb(), credentials, clock);
          } catch (error) {
            if (error instanceof LockedOut) throw new ThrottledSignIn(error.minutes);
            throw error;
          }
        },
      }),
    ],
    events: {
      /** Signing out ends every session of the user, so a copied token is refused from now on. */
      async signOut(message) {
        if ("token" in message) await endSessionsOfToken(await options.getDb(), message.token);
      },
    },
  });
}
