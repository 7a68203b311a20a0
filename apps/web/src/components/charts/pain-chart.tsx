"use client";
import { CartesianGrid, Line, LineChart, ReferenceArea, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@loadline/ui/chart";
import { formatCalendarDate } from "@loadline/domain";
import { useClubCalendar } from "../club-calendar";
import { ChartEmpty } from "./chart-empty";

export interface PainPoint {
  /** ISO day, e.g. 2026-11-21. */
  date: string;
  during: number | null;
  after: number | null;
  morning: number | null;
}

const config = {
  during: { label: "During", color: "var(--chart-4)" },
  after: { label: "After", color: "var(--chart-3)" },
  morning: { label: "Next morning", color: "var(--chart-1)" },
} satisfies ChartConfig;

/**
 * Pain during, after and the next morning (0-10) over time, drawn over the R1/R2 zone bands
 * (green up to `greenMax`, amber up to `amberMax`, red above). Data in, no fetching, so the
 * coach's and physio's athlete views can reuse it.
 */
export function PainChart({ data, bands, className }: { data: PainPoint[]; bands: { greenMax: number; amberMax: number }; className?: string }) {
  const calendar = useClubCalendar();
  // Each point's `date` is already a local calendar day (YYYY-MM-DD): written as that day, no zone shift.
  const shortDay = (day: string) => formatCalendarDate(day, calendar, "shortDate");
  if (!data.some((d) => d.during !== null || d.after !== null || d.morning !== null)) {
    return <ChartEmpty className={className} title="No pain ratings yet" hint="Pain from session logs and morning check-ins appears here day by day." />;
  }
  return (
    <figure className={className}>
      <ChartContainer config={config} className="aspect-auto h-64 w-full">
        <LineChart data={data} margin={{ left: -20, right: 8, top: 8 }} accessibilityLayer>
          <ReferenceArea y1={0} y2={bands.greenMax + 0.5} fill="var(--zone-green)" fillOpacity={0.08} ifOverflow="hidden" />
          <ReferenceArea y1={bands.greenMax + 0.5} y2={bands.amberMax + 0.5} fill="var(--zone-amber)" fillOpacity={0.15} ifOverflow="hidden" />
          <ReferenceArea y1={bands.amberMax + 0.5} y2={10} fill="var(--zone-red)" fillOpacity={0.08} ifOverflow="hidden" />
          <CartesianGrid vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDay} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tickLine={false} axisLine={false} />
          <ChartTooltip content={<ChartTooltipContent labelFormatter={(value) => (typeof value === "string" ? shortDay(value) : value)} />} />
          <ChartLegend content={<ChartLegendContent />} />
          {(Object.keys(config) as (keyof typeof config)[]).map((key) => (
            <Line key={key} dataKey={key} type="monotone" stroke={`var(--color-${key})`} strokeWidth={2} dot={{ r: 2 }} connectNulls />
          ))}
        </LineChart>
      </ChartContainer>
      <figcaption className="mt-2 text-xs text-muted-foreground">
        Shaded bands: green 0-{bands.greenMax}, amber {bands.greenMax + 1}
        {bands.amberMax > bands.greenMax + 1 ? `-${bands.amberMax}` : ""}, red {bands.amberMax + 1}+ (pain out of 10).
      </figcaption>
    </figure>
  );
}
