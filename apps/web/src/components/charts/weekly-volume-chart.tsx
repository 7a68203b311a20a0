"use client";
import { Bar, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@loadline/ui/chart";
import { defaultCalendar, formatInClubTime } from "@loadline/domain";

export interface WeeklyVolumePoint {
  weekStart: Date | string;
  km: number;
  /** Previous week + 10 % (R10's green limit); null when the week before had no running. */
  tenPercentLimitKm: number | null;
}

const config = {
  km: { label: "Running (km)", color: "var(--chart-1)" },
  tenPercentLimitKm: { label: "+10 % limit", color: "var(--zone-red)" },
} satisfies ChartConfig;

const weekLabel = (value: Date | string) => formatInClubTime(value, defaultCalendar, "shortDate");

/** Weekly running km as bars with the 10 % line (R10). Props only: reusable on staff pages. */
export function WeeklyVolumeChart({ data, className }: { data: WeeklyVolumePoint[]; className?: string }) {
  const rows = data.map((d) => ({ ...d, week: weekLabel(d.weekStart) }));
  return (
    <figure className={className}>
      <ChartContainer config={config} className="aspect-auto h-56 w-full">
        <ComposedChart data={rows} margin={{ left: -20, right: 8, top: 8 }} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="week" tickLine={false} axisLine={false} />
          <YAxis tickLine={false} axisLine={false} allowDecimals={false} />
          <ChartTooltip content={<ChartTooltipContent />} />
          <ChartLegend content={<ChartLegendContent />} />
          <Bar dataKey="km" fill="var(--color-km)" radius={4} />
          <Line dataKey="tenPercentLimitKm" type="stepAfter" stroke="var(--color-tenPercentLimitKm)" strokeDasharray="5 4" strokeWidth={2} dot={false} connectNulls={false} />
        </ComposedChart>
      </ChartContainer>
      <figcaption className="mt-2 text-xs text-muted-foreground">
        Bars: kilometres run each week (from Monday). Dashed line: last week plus 10 %, the most a week should grow.
      </figcaption>
    </figure>
  );
}
