import { cn } from "@loadline/ui/lib/utils";

/**
 * A tiny line of daily values (e.g. 14 days of morning pain 0-10) for dense table rows.
 * Server-renderable SVG; the label states the numbers so colour and shape are not the only cue.
 */
export function Sparkline({
  points,
  days,
  max = 10,
  label,
  className,
}: {
  /** Values with their day index (0 = oldest day shown). */
  points: { day: number; value: number }[];
  days: number;
  max?: number;
  label: string;
  className?: string;
}) {
  const width = 96;
  const height = 24;
  const x = (day: number) => (days <= 1 ? 0 : (day / (days - 1)) * (width - 4) + 2);
  const y = (value: number) => height - 2 - (Math.min(Math.max(value, 0), max) / max) * (height - 4);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.day).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const last = points.at(-1);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className={cn("overflow-visible", className)}>
      <title>{label}</title>
      {points.length > 1 ? <path d={path} fill="none" className="stroke-primary" strokeWidth={1.5} strokeLinejoin="round" /> : null}
      {last ? <circle cx={x(last.day)} cy={y(last.value)} r={2} className="fill-primary" /> : null}
    </svg>
  );
}
