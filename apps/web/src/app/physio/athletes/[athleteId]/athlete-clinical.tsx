"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@loadline/ui/tabs";
import { NotesThread } from "@/components/notes-thread";
import { PageHeader } from "@/components/page-header";
import { useTRPC } from "@/trpc/react";
import { EscalationQueue } from "../../escalations/escalation-queue";
import { AdjunctsPanel } from "./adjuncts-panel";
import { isPhysioTab } from "../../_components/writer-screens";
import { AuditPanel } from "./audit-panel";
import { CapacityTestsPanel } from "./capacity-tests-panel";
import { DownloadRecordForAthlete } from "./download-record-for-athlete";
import { RecordsPanel } from "./records-panel";
import { EpisodePanel } from "./episode-panel";
import { HistoryPanel } from "./history-panel";
import { PhasePanel } from "./phase-panel";
import { PlanEditor } from "./plan-editor";
import { ProfilePanel } from "./profile-panel";

export function AthleteClinical({ athleteId }: { athleteId: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.episodes.list.queryOptions({ athleteId }));
  const { data: current } = useSuspenseQuery(trpc.plans.current.queryOptions({ athleteId }));
  const openEpisode = data.episodes.find((e) => e.status === "active") ?? null;
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // The tab lives in the URL (?tab=tests), so the exit checklist can link to the form that settles a criterion.
  const requested = searchParams.get("tab");
  const tab = isPhysioTab(requested) ? requested : openEpisode && current.plan ? "plan" : "episode";
  const selectTab = (value: string) => router.replace(`${pathname}?tab=${value}`, { scroll: false });
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/physio/caseload" className="text-muted-foreground underline-offset-4 hover:underline">
          Back to caseload
        </Link>
      </p>
      <PageHeader
        title={data.athlete.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              {data.athlete.eventOrSport} · {data.athlete.squads.map((s) => s.name).join(", ")}
            </span>
            {current.plan ? <Badge variant="rehab">Phase {current.plan.phase}: {current.plan.phaseName}</Badge> : <Badge variant="outline">No plan</Badge>}
            {openEpisode ? null : <Badge variant="secondary">No open episode</Badge>}
          </span>
        }
        actions={
          <>
            <Button asChild variant="outline">
              <a href={`/api/reports/handover/${athleteId}`} download>
                Download handover (PDF)
              </a>
            </Button>
            <Button asChild variant="outline">
              <a href={`/api/exports/record?athleteId=${athleteId}`} download>
                Export full record (CSV)
              </a>
            </Button>
            <DownloadRecordForAthlete athleteId={athleteId} />
          </>
        }
      />
      <Tabs value={tab} onValueChange={selectTab}>
        <TabsList className="mb-4 flex-wrap">
          <TabsTrigger value="episode">Episode</TabsTrigger>
          <TabsTrigger value="plan">Plan</TabsTrigger>
          <TabsTrigger value="phase">Phase change</TabsTrigger>
          <TabsTrigger value="tests">Capacity tests</TabsTrigger>
          <TabsTrigger value="records">Logs and records</TabsTrigger>
          <TabsTrigger value="history">History</TabsTrigger>
          <TabsTrigger value="adjuncts">Adjuncts</TabsTrigger>
          <TabsTrigger value="profile">Athlete facts</TabsTrigger>
          <TabsTrigger value="escalations">Escalations</TabsTrigger>
          <TabsTrigger value="notes">Notes</TabsTrigger>
          <TabsTrigger value="audit">Audit log</TabsTrigger>
        </TabsList>
        <TabsContent value="episode">
          <EpisodePanel athleteId={athleteId} />
        </TabsContent>
        <TabsContent value="plan">
          <PlanEditor athleteId={athleteId} hasOpenEpisode={openEpisode !== null} />
        </TabsContent>
        <TabsContent value="notes">
          <NotesThread athleteId={athleteId} />
        </TabsContent>
        <TabsContent value="profile">
          <ProfilePanel athleteId={athleteId} />
        </TabsContent>
        <TabsContent value="phase">
          <PhasePanel athleteId={athleteId} />
        </TabsContent>
        <TabsContent value="tests">
          <CapacityTestsPanel athleteId={athleteId} episodeSide={openEpisode?.side ?? null} />
        </TabsContent>
        <TabsContent value="records">
          <RecordsPanel athleteId={athleteId} />
        </TabsContent>
        <TabsContent value="history">
          <HistoryPanel athleteId={athleteId} />
        </TabsContent>
        <TabsContent value="adjuncts">
          <AdjunctsPanel athleteId={athleteId} />
        </TabsContent>
        <TabsContent value="escalations">
          <EscalationQueue athleteId={athleteId} />
        </TabsContent>
        <TabsContent value="audit">
          <AuditPanel athleteId={athleteId} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
