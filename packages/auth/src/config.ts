import type { NextAuthConfig } from "next-auth";
import { homePathFor, roleForSection, type Role } from "@loadline/domain";
import { safeRedirect } from "./redirect";
import { sessionUserSchema } from "./session";

export const SIGN_IN_PATH = "/sign-in";

/** The session cookie Auth.js writes (the `__Secure-` prefix over HTTPS). */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

export type SectionAccess = { kind: "allow" } | { kind: "sign-in" } | { kind: "forbidden"; home: string };

/**
 * The route guard behind proxy.ts: anonymous users must sign in on role sections, and a
 * signed-in user may open only their own role's section.
 */
export function sectionAccess(pathname: string, role: Role | null): SectionAccess {
  const requiredRole = roleForSection(pathname.split("/")[1] ?? "");
  if (!requiredRole) return { kind: "allow" };
  if (!role) return { kind: "sign-in" };
  if (role !== requiredRole) return { kind: "forbidden", home: homePathFor(role) };
  return { kind: "allow" };
}

/**
 * The part of the Auth.js configuration that needs no database: pages and JWT sessions.
 * Providers are added in `createAuth`.
 */
export const authConfig = {
  pages: { signIn: SIGN_IN_PATH },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    /** Only same-origin destinations after sign-in or sign-out (see safeRedirect). */
    redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
    /** At sign-in, copy who the user is into the token; later requests only read it. */
    jwt({ token, user }) {
      if (user) {
        const claims = sessionUserSchema.safeParse(user);
        if (claims.success) token.loadline = claims.data;
      }
      return token;
    },
    session({ session, token }) {
      const claims = sessionUserSchema.safeParse(token.loadline);
      if (claims.success) session.user = { ...session.user, ...claims.data };
      return session;
    },
  },
} satisfies NextAuthConfig;
