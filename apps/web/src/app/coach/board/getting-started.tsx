import Link from "next/link";
import { CheckCircle2, Circle } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { serverCaller } from "@/trpc/caller";

/**
 * The guided start of a new club: shown on the board until the club has a squad, a physio and
 * an athlete, each step linking to where it is done.
 */
export async function GettingStarted() {
  const caller = await serverCaller();
  const [squads, staff, roster] = await Promise.all([caller.roster.squads(), caller.staff.list(), caller.roster.list({ includeArchived: false })]);
  const steps = [
    { done: squads.length > 0, href: "/coach/squads", title: "Add your first squad", text: "Athletes train in squads; you and other coaches look after them." },
    { done: staff.some((s) => s.role === "physio"), href: "/coach/staff", title: "Invite your physio", text: "They see the clinical detail and write the rehab plans." },
    {
      done: roster.length > 0,
      href: squads.length > 0 ? "/coach/roster/new" : "/coach/squads",
      title: "Add athletes",
      text: "Each gets a one-time link to set their password and start logging.",
    },
  ];
  if (steps.every((s) => s.done)) return null;
  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle>
          <h2>Get your club started</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-3 sm:grid-cols-3">
          {steps.map((step) => (
            <li key={step.title} className="flex gap-3 rounded-md border p-3">
              {step.done ? (
                <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-primary" />
              ) : (
                <Circle aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
              )}
              <div className="grid gap-1 text-sm">
                {step.done ? (
                  <span className="font-medium">
                    {step.title} <span className="sr-only">(done)</span>
                  </span>
                ) : (
                  <Link href={step.href} className="font-medium text-primary underline underline-offset-4">
                    {step.title}
                  </Link>
                )}
                <span className="text-muted-foreground">{step.text}</span>
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
