import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@loadline/ui/card";
import { Logo } from "./logo";

/** The centred card used by sign-in, sign-out, invite and refusal pages. */
export function AuthCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-gradient-to-b from-primary/10 to-background px-4 py-10">
      <Logo />
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle>
            <h1 className="text-xl font-semibold">{title}</h1>
          </CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        <CardContent>{children}</CardContent>
      </Card>
    </main>
  );
}

/** A one-time link that cannot be used (used, expired, withdrawn, unknown): what happened and the way back. */
export function LinkRefusal({ refusal }: { refusal: { title: string; text: string } }) {
  return (
    <AuthCard title={refusal.title}>
      <p className="text-sm text-muted-foreground">{refusal.text}</p>
      <p className="mt-4 text-sm">
        <a href="/sign-in" className="font-medium text-primary underline underline-offset-4">
          Go to sign in
        </a>
      </p>
    </AuthCard>
  );
}
