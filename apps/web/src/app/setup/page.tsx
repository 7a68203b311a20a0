import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { homePathFor } from "@loadline/domain";
import { AuthCard } from "@/components/auth-card";
import { currentActor } from "@/server/session";
import { serverCaller } from "@/trpc/caller";
import { SetupForm } from "./setup-form";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = { title: "Set up your club" };

/** The first page of an instance without a club (and self-service sign-up, when it is on). */
export default async function SetupPage() {
  const actor = await currentActor();
  if (actor) redirect(homePathFor(actor.role));
  const status = await (await serverCaller()).setup.status();
  if (!status.canCreateClub) {
    return (
      <AuthCard title="This Loadline already has a club">
        <p className="text-sm text-muted-foreground">
          New clubs are created by the person who runs this Loadline (its operator). If your club is already here, sign in with the account it
          invited you to.
        </p>
        <p className="mt-4 text-sm">
          <a href="/sign-in" className="font-medium text-primary underline underline-offset-4">
            Go to sign in
          </a>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Set up your club"
      description={
        status.needsSetup
          ? "This Loadline has no club yet. Name yours and create the owner's account: you invite your physio, coaches and athletes next."
          : "Create a new club on this Loadline. You become its owner and invite your physio, coaches and athletes next."
      }
    >
      <TRPCReactProvider>
        <SetupForm />
      </TRPCReactProvider>
    </AuthCard>
  );
}
