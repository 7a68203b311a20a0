import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Database } from "@loadline/db";
import { authConfig } from "./config";
import { authenticate } from "./credentials";
import { endSessionsOfToken } from "./session-check";
import "./session";

export { authConfig, nextToken, SIGN_IN_PATH } from "./config";
export { authenticate } from "./credentials";
export { actorFromSession, claimsFromSession, sessionUserSchema, type SessionUser } from "./session";
export { actorForSession, endSessionsOfToken } from "./session-check";
export { hashPassword, verifyPassword } from "./password";

/** The full Auth.js instance: Credentials sign-in against the app's database. */
export function createAuth(options: { getDb: () => Promise<Database> }) {
  return NextAuth({
    ...authConfig,
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials) => authenticate(await options.getDb(), credentials),
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
