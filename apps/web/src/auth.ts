import { createAuth } from "@loadline/auth";
import { env } from "./env";
import { clientAddress } from "@loadline/auth/client-address";
import { getDb } from "./server/db";

export const { handlers, auth, signIn, signOut } = createAuth({
  getDb,
  clientAddress: (request) => clientAddress(request.headers, env.LOADLINE_TRUSTED_PROXY),
});
