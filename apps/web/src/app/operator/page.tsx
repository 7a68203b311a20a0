import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@loadline/ui/button";
import { Logo } from "@/components/logo";
import { PageHeader } from "@/components/page-header";
import { currentOperator } from "@/server/operator";
import { operatorSignOutAction } from "@/server/operator-actions";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { OperatorPanel } from "./operator-panel";

export const metadata: Metadata = { title: "Operator" };

/** The instance operator's page: clubs by name and head count, new clubs, the demo's removal. */
export default async function OperatorPage() {
  if (!(await currentOperator())) redirect("/operator/sign-in");
  await prefetch(trpc.operator.clubs.queryOptions());
  return (
    <div className="min-h-dvh bg-background">
      <header className="flex items-center justify-between border-b px-4 py-3">
        <Logo />
        <form action={operatorSignOutAction}>
          <Button type="submit" variant="ghost" size="sm">
            Sign out
          </Button>
        </form>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8">
        <HydrateClient>
          <PageHeader
            title="Clubs on this Loadline"
            description="You run this instance. You see each club's name and how many people it has, never anyone's records."
          />
          <OperatorPanel />
        </HydrateClient>
      </main>
    </div>
  );
}
