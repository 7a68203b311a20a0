/** What a chart shows instead of blank axes when there is nothing to draw yet. */
export function ChartEmpty({ title, hint, className }: { title: string; hint: string; className?: string }) {
  return (
    <div className={className} data-testid="chart-empty">
      <div className="flex min-h-32 flex-col items-center justify-center gap-1 rounded-lg border border-dashed p-6 text-center">
        <p className="text-sm font-medium">{title}</p>
        <p className="text-sm text-muted-foreground">{hint}</p>
      </div>
    </div>
  );
}
