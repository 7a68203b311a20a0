import type { Metadata } from "next";
import { homePathFor } from "@loadline/domain";
import { AuthCard } from "@/components/auth-card";
import { requireActor } from "@/server/session";
import { ChangePasswordForm } from "./change-password-form";
import { SecondFactorPanel } from "./second-factor-panel";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string; secondFactor?: string }> }) {
  const actor = await requireActor();
  const { changed, secondFactor } = await searchParams;
  return (
    <AuthCard
      title="Change your password"
      description="You need your current password. Every other device where you are signed in is signed out."
    >
      {changed === "1" ? (
        <p role="status" className="mb-4 rounded-md border border-primary/30 bg-primary/5 p-3 text-sm">
          Your password was changed. Other devices are signed out.
        </p>
      ) : null}
      {secondFactor === "required" && actor.needsSecondFactor ? (
        <p role="alert" className="mb-4 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
          Your club requires a second factor for your role. Set it up below to continue.
        </p>
      ) : null}
      <ChangePasswordForm />
      <SecondFactorPanel />
      <p className="mt-4 text-sm">
        <a href={homePathFor(actor.role)} className="font-medium text-primary underline underline-offset-4">
          Back to Loadline
        </a>
      </p>
    </AuthCard>
  );
}
