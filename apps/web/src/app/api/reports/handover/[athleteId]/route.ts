import { localDateKey } from "@loadline/domain";
import { download, fileSlug } from "@/server/download";
import { renderHandoverPdf } from "@/server/reports/handover-document";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The athlete's handover report as a PDF: physio or coach of the athlete's club only (the procedure decides and audits). */
export async function GET(request: Request, { params }: { params: Promise<{ athleteId: string }> }) {
  const { athleteId } = await params;
  return download(request, async (caller) => {
    const report = await caller.reports.handover({ athleteId });
    const day = localDateKey(report.generatedAt.getTime(), report.calendar.timeZone);
    return {
      body: await renderHandoverPdf(report),
      filename: `handover-${fileSlug(report.athlete.name)}-${report.audience}-${day}.pdf`,
      contentType: "application/pdf",
    };
  });
}
