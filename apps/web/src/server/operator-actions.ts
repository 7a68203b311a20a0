"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { OPERATOR_COOKIE, OPERATOR_SESSION_SECONDS, authenticateOperator, operatorSessionKey, operatorToken } from "@loadline/auth/operator-session";
import { clientAddress } from "@loadline/auth/client-address";
import { realSleep, throttledAttempt, throttleKeys } from "@loadline/auth/throttle";
import { endOperatorSessions } from "@loadline/db";
import { DomainError } from "@loadline/domain";
import { env } from "@/env";
import { getDb } from "./db";
import { textOf } from "./form-data";
import { currentOperator } from "./operator";

export interface OperatorSignInState {
  email: string;
  error?: string;
}

/** Operator sign-in, throttled like a club sign-in (per email and per address). */
export async function operatorSignInAction(_previous: OperatorSignInState, formData: FormData): Promise<OperatorSignInState> {
  const email = textOf(formData.get("email"));
  const password = textOf(formData.get("password"));
  const db = await getDb();
  const now = new Date();
  const address = clientAddress(await headers(), env.LOADLINE_TRUSTED_PROXY);
  let claims: Awaited<ReturnType<typeof authenticateOperator>> = null;
  try {
    const keys = throttleKeys({ address, account: `operator:${email}` });
    const clearOnSuccess = keys.account ? [keys.account] : [];
    claims = await throttledAttempt(db, { all: keys.all, clearOnSuccess }, { now, sleep: realSleep }, async () => {
      const found = await authenticateOperator(db, { email, password });
      if (!found) throw new DomainError("unauthenticated", "That email and password do not match an operator.");
      return found;
    });
  } catch (error) {
    if (error instanceof DomainError) return { email, error: error.userMessage };
    throw error;
  }
  const secure = (await headers()).get("x-forwarded-proto") === "https" || (env.AUTH_URL?.startsWith("https:") ?? false);
  (await cookies()).set(OPERATOR_COOKIE, operatorToken(claims, now, operatorSessionKey()), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: OPERATOR_SESSION_SECONDS,
  });
  redirect("/operator");
}

export async function operatorSignOutAction(): Promise<void> {
  const operator = await currentOperator();
  if (operator) await endOperatorSessions(await getDb(), operator.operatorId);
  (await cookies()).delete(OPERATOR_COOKIE);
  redirect("/operator/sign-in");
}
