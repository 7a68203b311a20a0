import type { NextAuthConfig } from "next-auth";
import { homePathFor, roleForSection, roleSchema } from "@loadline/domain";
import { sessionUserSchema } from "./session";

export const SIGN_IN_PATH = "/sign-in";

/**
 * The part of the Auth.js configuration that needs no database: pages, JWT sessions and the
 * route guard used by proxy.ts. Providers are added in `createAuth`.
 */
export const authConfig = {
  pages: { signIn: SIGN_IN_PATH },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    /** Signed-in users only on role sections, and only their own role's section. */
    authorized({ auth, request }) {
      const section = request.nextUrl.pathname.split("/")[1] ?? "";
      const requiredRole = roleForSection(section);
      if (!requiredRole) return true;
      if (!auth?.user) return false;
      const role = roleSchema.safeParse(auth.user.role);
      if (!role.success) return false;
      if (role.data !== requiredRole) {
        const url = new URL("/forbidden", request.nextUrl);
        url.searchParams.set("from", request.nextUrl.pathname);
        url.searchParams.set("home", homePathFor(role.data));
        return Response.redirect(url);
      }
      return true;
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
