import type { Metadata } from "next";
import { homePathFor } from "@loadline/domain";
import { AuthCard } from "@/components/auth-card";
import { requireActor } from "@/server/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const actor = await requireActor();
  const { changed } = await searchParams;
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
      <ChangePasswordForm />
      <p className="mt-4 text-sm">
        <a href={homePathFor(actor.role)} className="font-medium text-primary underline underline-offset-4">
          Back to Loadline
        </a>
      </p>
    </AuthCard>
  );
}
