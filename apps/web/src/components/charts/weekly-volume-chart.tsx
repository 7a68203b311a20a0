"use client";
import { ChartEmpty } from "./chart-empty";
import { Bar, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@loadline/ui/chart";
import { formatInClubTime } from "@loadline/domain";
import { useClubCalendar, type ClubCalendar } from "../club-calendar";

export interface WeeklyVolumePoint {
  weekStart: Date | string;
  km: number;
  /** Previous week + the growth limit (R10's green limit, 10 % by default); null when the week before had no running. */
  tenPercentLimitKm: number | null;
}

const configFor = (limitPct: number) =>
  ({
    km: { label: "Running (km)", color: "var(--chart-1)" },
    tenPercentLimitKm: { label: `+${limitPct} % limit`, color: "var(--zone-red)" },
  }) satisfies ChartConfig;

/**
 * Weekly running km as bars with the growth-limit line (R10, `limitPct` as the plan sets it). Data in, no fetching: reusable on staff pages.
 * `calendar` is the zone the weeks were cut in (the athlete's, on a coach's view of an athlete whose
 * own zone differs from the club's); without it, the viewer's. Labelling a week start in another
 * zone could name the day before.
 */
export function WeeklyVolumeChart({ data, limitPct, calendar, className }: { data: WeeklyVolumePoint[]; limitPct: number; calendar?: ClubCalendar; className?: string }) {
  const viewerCalendar = useClubCalendar();
  const weeksCalendar = calendar ?? viewerCalendar;
  if (!data.some((d) => d.km > 0)) {
    return <ChartEmpty className={className} title="No runs in these weeks" hint="Weekly running distance appears here once runs are logged." />;
  }
  const rows = data.map((d) => ({ ...d, week: formatInClubTime(d.weekStart, weeksCalendar, "shortDate") }));
  return (
    <figure className={className}>
      <ChartContainer config={configFor(limitPct)} className="aspect-auto h-56 w-full">
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
        Bars: kilometres run each week. Dashed line: last week plus {limitPct} %, the most a week should grow.
      </figcaption>
    </figure>
  );
}
