"use client";
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@loadline/ui/chart";
import { formatCalendarDate } from "@loadline/domain";
import { useClubCalendar } from "../club-calendar";
import { ChartEmpty } from "./chart-empty";

export interface VisaHPoint {
  date: string;
  total: number;
}

const config = { total: { label: "VISA-H total", color: "var(--chart-4)" } } satisfies ChartConfig;

/** VISA-H totals (0-100, higher is better) with an optional baseline + meaningful-change line. Props only. */
export function VisaHChart({ data, target, className }: { data: VisaHPoint[]; target?: { value: number; label: string } | null; className?: string }) {
  const calendar = useClubCalendar();
  // Each point's `date` is already a local calendar day (YYYY-MM-DD): written as that day, no zone shift.
  const shortDay = (day: string) => formatCalendarDate(day, calendar, "shortDate");
  if (data.length === 0) {
    return <ChartEmpty className={className} title="No VISA-H questionnaire yet" hint="The first one sets the baseline; each later total is drawn against it." />;
  }
  return (
    <figure className={className}>
      <ChartContainer config={config} className="aspect-auto h-52 w-full">
        <LineChart data={data} margin={{ left: -20, right: 8, top: 8 }} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDay} tickLine={false} axisLine={false} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickLine={false} axisLine={false} />
          <ChartTooltip content={<ChartTooltipContent labelFormatter={(value) => (typeof value === "string" ? shortDay(value) : value)} />} />
          {target ? <ReferenceLine y={target.value} stroke="var(--zone-green)" strokeDasharray="5 4" label={{ value: target.label, position: "insideTopLeft", fontSize: 11 }} /> : null}
          <Line dataKey="total" type="monotone" stroke="var(--color-total)" strokeWidth={2} dot={{ r: 4 }} />
        </LineChart>
      </ChartContainer>
      <figcaption className="mt-2 text-xs text-muted-foreground">VISA-H total out of 100; higher is better.</figcaption>
    </figure>
  );
}
