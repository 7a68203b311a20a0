import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@loadline/ui/button";
import { homePathFor, roles } from "@loadline/domain";
import { AuthCard } from "@/components/auth-card";

export const metadata: Metadata = { title: "Not for your role" };

const homes = new Set(roles.map(homePathFor));

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ from?: string; home?: string }> }) {
  const { from, home } = await searchParams;
  const homePath = home && homes.has(home) ? home : "/";
  return (
    <AuthCard title="This page is not for your role" description={from ? <>You tried to open <code className="break-all">{from}</code>.</> : undefined}>
      <p className="mb-4 text-sm text-muted-foreground">
        Loadline shows each person only what their role needs. If you think you should see this page, ask your club&apos;s coach.
      </p>
      <Button asChild className="w-full">
        <Link href={homePath}>Go to my home page</Link>
      </Button>
    </AuthCard>
  );
}
