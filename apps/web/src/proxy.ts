import NextAuth from "next-auth";
import { authConfig } from "@loadline/auth/config";

// First line of defence: anonymous users are sent to sign in, and users who type another
// role's URL are sent to /forbidden. Each section's layout checks again on the server.
const { auth } = NextAuth(authConfig);

export default auth;

export const config = { matcher: ["/coach/:path*", "/physio/:path*", "/me/:path*"] };
