import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { PageHeader } from "@/components/page-header";
import { serverCaller } from "@/trpc/caller";
import { modifyingConditionLabels } from "@loadline/domain";

export const metadata: Metadata = { title: "My profile" };

const conditionLabels = modifyingConditionLabels;
const sexLabels: Record<string, string> = { female: "Female", male: "Male", other: "Other", unspecified: "Not stated" };

const notRecorded = "Not recorded";

/**
 * The athlete's own record as the club holds it: what the coach entered and what the physio
 * recorded about them (conditions, notes, the facts the rules read). To correct something, they
 * ask the person who entered it.
 */
export default async function MyProfilePage() {
  const profile = await (await serverCaller()).me.profile();
  const rows: [string, string][] = [
    ["Name", profile.name],
    ["Email", profile.email],
    ["Squads", profile.squads.map((s) => s.name).join(", ") || "None"],
    ["Event or sport", profile.eventOrSport],
    ["Birth year", profile.birthYear !== null ? String(profile.birthYear) : notRecorded],
    ["Sex", sexLabels[profile.sex] ?? profile.sex],
    ["Weekly running before the injury", profile.preInjuryWeeklyKm !== null ? `${profile.preInjuryWeeklyKm} km` : notRecorded],
    ["Previous hamstring injury", profile.previousHamstringInjury ? "Yes" : "No"],
    ["Usual easy-pace cadence", profile.usualCadenceSpm !== null ? `${profile.usualCadenceSpm} steps/min` : notRecorded],
    ["BMI", profile.bmi !== null ? String(profile.bmi) : notRecorded],
    ["Conditions your physio recorded", profile.conditions.map((c) => conditionLabels[c] ?? c).join(", ") || "None"],
  ];
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="My profile" description="What your club holds about you. Your squads are the coach's to change, and the clinical facts your physio's." />
      <p className="mb-4 text-sm">
        <Link href="/account" className="font-medium text-primary underline-offset-4 hover:underline">
          Edit your own details (event, birth year, sex, weekly running, conditions) on your account page
        </Link>
      </p>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Details</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {profile.notes ? (
            <div className="mt-4 text-sm">
              <h3 className="font-medium">Notes from your physio</h3>
              <p className="whitespace-pre-line">{profile.notes}</p>
            </div>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
