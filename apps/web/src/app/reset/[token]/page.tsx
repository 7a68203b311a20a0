import type { Metadata } from "next";
import { AuthCard, LinkRefusal } from "@/components/auth-card";
import { serverCaller } from "@/trpc/caller";
import { ResetPasswordForm } from "./reset-password-form";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = { title: "Choose a new password" };

const refusals = {
  used: {
    title: "This reset link has already been used",
    text: "Each link works once. If you chose a new password already, sign in with it. Otherwise ask your coach or physio for a new link.",
  },
  expired: {
    title: "This reset link has expired",
    text: "Reset links work for 24 hours, and only the newest one works. Ask your coach or physio for a new one.",
  },
  unknown: {
    title: "This reset link is not valid",
    text: "Check that you copied the whole link, or ask your coach or physio for a new one.",
  },
} as const;

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await (await serverCaller()).passwordReset.lookup({ token });
  if (reset.state !== "valid") {
    return <LinkRefusal refusal={refusals[reset.state]} />;
  }
  return (
    <AuthCard
      title={`New password for ${reset.name}`}
      description={`Choose a new password for your ${reset.organisationName} account. You will be signed out everywhere else.`}
    >
      <TRPCReactProvider>
        <ResetPasswordForm token={token} email={reset.email} />
      </TRPCReactProvider>
    </AuthCard>
  );
}
