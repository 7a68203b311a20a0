import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { homePathFor } from "@loadline/domain";
import { currentActor } from "@/server/session";
import { AuthCard } from "@/components/auth-card";
import { serverCaller } from "@/trpc/caller";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const actor = await currentActor();
  if (actor) redirect(homePathFor(actor.role));
  const { callbackUrl } = await searchParams;
  // Auth.js passes an absolute callback URL; keep only its path so we never leave the site.
  let returnTo = "/";
  if (callbackUrl) {
    try {
      const url = new URL(callbackUrl, "http://localhost");
      returnTo = url.pathname + url.search;
    } catch {
      returnTo = "/";
    }
  }
  const status = await (await serverCaller()).setup.status();
  if (status.needsSetup) redirect("/setup");
  return (
    <AuthCard title="Sign in to Loadline" description="Coaches, physios and athletes use the account their club invited them to.">
      <SignInForm returnTo={returnTo} />
      {status.canCreateClub ? (
        <p className="mt-4 text-center text-sm text-muted-foreground">
          New to Loadline?{" "}
          <a href="/setup" className="font-medium text-primary underline underline-offset-4">
            Set up your club
          </a>
        </p>
      ) : null}
    </AuthCard>
  );
}
