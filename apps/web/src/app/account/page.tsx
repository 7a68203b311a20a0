import type { Metadata } from "next";
import { homePathFor } from "@loadline/domain";
import { Separator } from "@loadline/ui/separator";
import { AuthCard } from "@/components/auth-card";
import { requireActor } from "@/server/session";
import { TRPCReactProvider } from "@/trpc/react";
import { serverCaller } from "@/trpc/caller";
import { DownloadMyRecord, EmailForm, NameForm, SignOutEverywhere } from "./account-details";
import { ChangePasswordForm } from "./change-password-form";
import { OwnProfileForm } from "./own-profile-form";
import { PushPanel } from "./push-panel";
import { SecondFactorPanel } from "./second-factor-panel";

export const metadata: Metadata = { title: "Your account" };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-3" aria-labelledby={`${title}-heading`.replaceAll(" ", "-")}>
      <Separator className="my-2" />
      <h2 id={`${title}-heading`.replaceAll(" ", "-")} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string; secondFactor?: string }> }) {
  const actor = await requireActor();
  const { changed, secondFactor } = await searchParams;
  const caller = await serverCaller();
  const viewer = await caller.me.viewer();
  // A physio still setting up a required second factor sees only what gets them there.
  const profile = actor.role === "athlete" && !actor.needsSecondFactor ? await caller.me.profile() : null;
  return (
    <AuthCard title="Your account" description={`${viewer.name} · ${viewer.organisationName}`}>
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
      <TRPCReactProvider>
        <div className="grid gap-4">
          <section className="grid gap-3" aria-labelledby="password-heading">
            <h2 id="password-heading" className="text-base font-semibold">
              Change your password
            </h2>
            <p className="text-sm text-muted-foreground">You need your current password. Every other device where you are signed in is signed out.</p>
            <ChangePasswordForm />
          </section>
          <SecondFactorPanel />
          <Section title="Name">
            <NameForm name={viewer.name} />
          </Section>
          <Section title="Email">
            <EmailForm email={viewer.email} />
          </Section>
          {profile ? (
            <Section title="Your profile">
              <OwnProfileForm
                profile={{
                  eventOrSport: profile.eventOrSport,
                  birthYear: profile.birthYear,
                  sex: profile.sex,
                  preInjuryWeeklyKm: profile.preInjuryWeeklyKm,
                  previousHamstringInjury: profile.previousHamstringInjury,
                  conditions: profile.conditions,
                }}
              />
            </Section>
          ) : null}
          {profile ? (
            <Section title="Your data">
              <DownloadMyRecord />
            </Section>
          ) : null}
          <Section title="Devices">
            <SignOutEverywhere />
          </Section>
          {actor.needsSecondFactor ? null : <PushPanel />}
        </div>
      </TRPCReactProvider>
      <p className="mt-4 text-sm">
        <a href={homePathFor(actor.role)} className="font-medium text-primary underline underline-offset-4">
          Back to Loadline
        </a>
      </p>
    </AuthCard>
  );
}
