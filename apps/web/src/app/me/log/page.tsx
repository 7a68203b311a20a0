import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { RecentLogs } from "./recent-logs";

export const metadata: Metadata = { title: "Log" };

const choices = [
  { href: "/me/log/check-in", title: "Morning check-in", text: "Morning pain, load test, sitting, anything unusual" },
  { href: "/me/log/session", title: "Session", text: "Strength, cross-training or field work" },
  { href: "/me/log/run", title: "Run", text: "Type it in or import from your watch" },
] as const;

export default async function LogPage() {
  await Promise.all([prefetch(trpc.athleteLogs.list.queryOptions({ days: 14 })), prefetch(trpc.checkIns.list.queryOptions({ days: 14 }))]);
  return (
    <div className="mx-auto grid max-w-md gap-6">
      <PageHeader title="Log" description="You can change or delete a log for 24 hours after saving it." />
      <nav aria-label="What to log" className="grid gap-3">
        {choices.map((c) => (
          <Link
            key={c.href}
            href={c.href}
            className="grid min-h-16 gap-0.5 rounded-xl border bg-card px-4 py-3 shadow-xs hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
          >
            <span className="text-base font-semibold">{c.title}</span>
            <span className="text-sm text-muted-foreground">{c.text}</span>
          </Link>
        ))}
      </nav>
      <HydrateClient>
        <RecentLogs />
      </HydrateClient>
      <section aria-labelledby="my-data" className="grid gap-2 text-sm">
        <h2 id="my-data" className="font-semibold">
          Your data
        </h2>
        <p className="text-muted-foreground">Every log you have made, as a spreadsheet file.</p>
        <div className="flex flex-wrap gap-3">
          <a className="underline underline-offset-4" href="/api/exports/my-sessions" download>
            Download my sessions (CSV)
          </a>
          <a className="underline underline-offset-4" href="/api/exports/my-check-ins" download>
            Download my check-ins (CSV)
          </a>
        </div>
      </section>
    </div>
  );
}
