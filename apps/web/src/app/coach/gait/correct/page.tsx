import type { Metadata } from "next";
import Link from "next/link";
import { GAIT_CORRECTION_DAYS, localDateKey } from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { PageHeader } from "@/components/page-header";
import { serverCaller } from "@/trpc/caller";
import { TRPCReactProvider } from "@/trpc/react";
import { GaitForm } from "../new/gait-form";

export const metadata: Metadata = { title: "Correct gait assessment" };

export default async function CorrectGaitPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const athleteId = typeof params.athlete === "string" ? params.athlete : "";
  const assessmentId =
    typeof params.assessment === "string" ? params.assessment : "";
  const caller = await serverCaller();
  const [overview, viewer] = await Promise.all([
    caller.board.athlete({ athleteId }),
    caller.me.viewer(),
  ]);
  const assessment = overview.gaitAssessments.find(
    (g) => g.id === assessmentId,
  );
  const { timeZone } = viewer.calendar;
  const today = localDateKey(Date.now(), timeZone);
  return (
    <>
      <PageHeader
        title="Correct gait assessment"
        description={`${overview.athlete.name}. You can correct or delete your own assessments for ${GAIT_CORRECTION_DAYS} days after saving them; the earlier version stays in the athlete's history for the physio.`}
      />
      {!assessment || !assessment.mayCorrect ? (
        <Alert>
          <AlertTitle>This assessment cannot be corrected</AlertTitle>
          <AlertDescription>
            Only the coach who recorded a gait assessment can correct it, within{" "}
            {GAIT_CORRECTION_DAYS} days of saving it. Record a new assessment
            instead.{" "}
            <Link
              className="underline underline-offset-4"
              href={`/coach/athletes/${overview.athlete.id}`}
            >
              Back to {overview.athlete.name}
            </Link>
          </AlertDescription>
        </Alert>
      ) : (
        <TRPCReactProvider>
          <GaitForm
            athletes={[
              { id: overview.athlete.id, name: overview.athlete.name },
            ]}
            athleteId={overview.athlete.id}
            initialFault={null}
            today={today}
            existing={{
              id: assessment.id,
              date: localDateKey(new Date(assessment.at).getTime(), timeZone),
              surface: assessment.surface,
              speedKmh: assessment.speedKmh,
              cadenceSpm: assessment.cadenceSpm,
              faults: assessment.faults,
              cues: assessment.cues,
              notes: assessment.notes,
              videoUrl: assessment.videoUrl,
            }}
          />
        </TRPCReactProvider>
      )}
    </>
  );
}
