import { createAuth } from "@loadline/auth";
import { getDb } from "./server/db";

export const { handlers, auth, signIn, signOut } = createAuth({ getDb });
