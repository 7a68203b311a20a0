import type { NextAuthConfig } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { homePathFor, roleForSection, sessionTooOld, SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS, type Role } from "@loadline/domain";
import { safeRedirect } from "./redirect";
import { sessionUserSchema, signedInUserSchema, type SessionUser } from "./session";

export const SIGN_IN_PATH = "/sign-in";

/** The session cookie Auth.js writes (the `__Secure-` prefix over HTTPS). */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/**
 * Whether Auth.js issues this request's session cookie under the `__Secure-` name, decided as
 * Auth.js decides it for a server render: by AUTH_URL when it is set, else by the forwarded
 * protocol, which Auth.js takes to be HTTPS when the header is absent. The server-side readers
 * of the token (proxy.ts, the session check) must look for the cookie of that name only: over
 * HTTPS a plain-named cookie can be planted from a sibling site, so it must never be read there.
 */
export function sessionCookieIsSecure(authUrl: string | undefined, forwardedProto: string | null): boolean {
  if (authUrl) return new URL(authUrl).protocol === "https:";
  const protocol = forwardedProto ?? "https";
  return (protocol.endsWith(":") ? protocol : `${protocol}:`) === "https:";
}

/** The session cookie this request's token is read from (and re-issued under): its name and whether it is `__Secure-`. */
export function sessionCookieFor(authUrl: string | undefined, headers: Headers): { secure: boolean; cookieName: string } {
  const secure = sessionCookieIsSecure(authUrl, headers.get("x-forwarded-proto"));
  return { secure, cookieName: sessionCookieName(secure) };
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
 * The token after a sign-in (`user` set) or a later read: at sign-in the user's claims are copied
 * in with the sign-in time; afterwards a token without valid claims, or past the absolute
 * lifetime (7 days), becomes null, which makes Auth.js clear the cookie.
 */
export function nextToken(token: JWT, user: unknown, now: Date): JWT | null {
  if (user) {
    const claims = signedInUserSchema.safeParse(user);
    if (!claims.success) return null;
    const loadline: SessionUser = { ...claims.data, signedInAt: Math.floor(now.getTime() / 1000) };
    return { ...token, loadline };
  }
  const claims = sessionUserSchema.safeParse(token.loadline);
  if (!claims.success || sessionTooOld(claims.data.signedInAt, now)) return null;
  return token;
}

/**
 * The part of the Auth.js configuration that needs no database: pages and JWT sessions.
 * Providers and the sign-out event are added in `createAuth`.
 *
 * Sessions slide: `maxAge` (12 hours) is both the cookie's and the JWT's `exp`, and each re-issue
 * (Auth.js's session endpoint, or proxy.ts on page loads, see `SESSION_REFRESH_SECONDS`) starts
 * a new 12 hours. `updateAge` only matters to database sessions; it is set to the same refresh
 * interval for clarity. The absolute 7-day limit is `signedInAt` in the token.
 */
export const authConfig = {
  pages: { signIn: SIGN_IN_PATH },
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
  trustHost: true,
  providers: [],
  callbacks: {
    /** Only same-origin destinations after sign-in or sign-out (see safeRedirect). */
    redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
    jwt({ token, user }) {
      return nextToken(token, user, new Date());
    },
    session({ session, token }) {
      const claims = sessionUserSchema.safeParse(token.loadline);
      if (claims.success) session.user = { ...session.user, ...claims.data };
      return session;
    },
  },
} satisfies NextAuthConfig;
