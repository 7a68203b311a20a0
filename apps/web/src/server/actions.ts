"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { throttledMinutes } from "@loadline/auth";
import { signInCodeSchema, signInSchema, throttleMessage } from "@loadline/domain";
import { signIn, signOut } from "@/auth";
import { textOf } from "./form-data";

export interface SignInState {
  email: string;
  error?: string;
  fieldErrors?: { email?: string; password?: string };
}

/** Only same-site paths may be returned to after sign-in. */
function safeReturnPath(value: FormDataEntryValue | null): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

/** Sign in with email and password; keeps the typed email and says what went wrong. */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = textOf(formData.get("email"));
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "email" || field === "password") fieldErrors[field] ??= issue.message;
    }
    return { email, fieldErrors };
  }
  try {
    const code = signInCodeSchema.safeParse(formData.get("code") ?? undefined);
    const withCode = code.success && code.data ? { otp: code.data } : {};
    await signIn("credentials", { ...parsed.data, ...withCode, redirectTo: safeReturnPath(formData.get("returnTo")) });
  } catch (error) {
    const lockedFor = error instanceof CredentialsSignin ? throttledMinutes(error.code) : null;
    if (lockedFor !== null) return { email, error: throttleMessage(lockedFor) };
    if (error instanceof AuthError) {
      return { email, error: error.type === "CredentialsSignin" ? "That email and password do not match an account." : "Sign-in failed. Please try again." };
    }
    throw error; // the redirect after a successful sign-in
  }
  return { email };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
