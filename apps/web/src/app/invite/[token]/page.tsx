import type { Metadata } from "next";
import { AuthCard, LinkRefusal } from "@/components/auth-card";
import { serverCaller } from "@/trpc/caller";
import { AcceptInviteForm } from "./accept-invite-form";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = { title: "Your invite" };

const refusals = {
  used: {
    title: "This invite link has already been used",
    text: "Each link works once. If you set your password already, sign in with it. Otherwise ask your coach for a new link.",
  },
  expired: {
    title: "This invite link has expired",
    text: "Invite links work for 7 days. Ask your coach to send you a new one from the roster.",
  },
  withdrawn: {
    title: "This invite was withdrawn",
    text: "The club has archived or removed you since sending this link, so it can no longer be used. If you think this is a mistake, ask your coach to restore you and send a new link.",
  },
  unknown: {
    title: "This invite link is not valid",
    text: "Check that you copied the whole link, or ask your coach for a new one.",
  },
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await (await serverCaller()).invite.lookup({ token });
  if (invite.state !== "valid") {
    return <LinkRefusal refusal={refusals[invite.state]} />;
  }
  return (
    <AuthCard
      title={`Welcome, ${invite.name}`}
      description={`${invite.organisationName} invited you to Loadline as ${invite.role === "athlete" ? "an athlete" : `a ${invite.role}`}. Choose a password to finish.`}
    >
      <TRPCReactProvider>
        <AcceptInviteForm token={token} email={invite.email} />
      </TRPCReactProvider>
    </AuthCard>
  );
}
