import type { Metadata } from "next";
import { AuthCard, LinkRefusal } from "@/components/auth-card";
import { serverCaller } from "@/trpc/caller";
import { ConfirmEmail } from "./confirm-email";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = { title: "Confirm your email" };

const refusals = {
  used: { title: "This link has already been used", text: "Your email was changed with it. Sign in with your new address." },
  expired: { title: "This link has expired", text: "Links to confirm an email work for 24 hours. Ask for a new one on your account page." },
  unknown: { title: "This link is not valid", text: "Check that you copied the whole link, or ask for a new one on your account page." },
} as const;

/** Opening the link shows what will change; the button (not the visit) makes the change. */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const change = await (await serverCaller()).emailChange.lookup({ token });
  if (change.state !== "valid") {
    return <LinkRefusal refusal={refusals[change.state]} />;
  }
  return (
    <AuthCard title="Confirm your new email" description={`Your ${change.organisationName} account will sign in as ${change.email}.`}>
      <TRPCReactProvider>
        <ConfirmEmail token={token} email={change.email} />
      </TRPCReactProvider>
    </AuthCard>
  );
}
