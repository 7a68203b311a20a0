import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { OPERATOR_COOKIE, operatorForToken, operatorSessionKey } from "@loadline/auth/operator-session";
import { getDb } from "./db";

/** The signed-in instance operator (their own cookie, checked against the database), or null. */
export const currentOperator = cache(async (): Promise<{ operatorId: string } | null> => {
  const [db, jar] = await Promise.all([getDb(), cookies()]);
  // Almost every request has no operator cookie: no key to derive, nothing to check.
  const token = jar.get(OPERATOR_COOKIE)?.value;
  if (!token) return null;
  return operatorForToken(db, token, new Date(), operatorSessionKey());
});
