import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PainChart } from "../src/components/charts/pain-chart";
import { VisaHChart } from "../src/components/charts/visa-h-chart";
import { WeeklyVolumeChart } from "../src/components/charts/weekly-volume-chart";

/** A chart with nothing to plot says so in words instead of drawing blank axes. */
describe("empty charts", () => {
  it("pain: days without any rating are a sentence, not axes", () => {
    const html = renderToString(
      <PainChart data={[{ date: "2026-11-20", during: null, after: null, morning: null }, { date: "2026-11-21", during: null, after: null, morning: null }]} bands={{ greenMax: 2, amberMax: 5 }} />,
    );
    expect(html).toContain("No pain ratings yet");
    expect(html).not.toContain("recharts");
  });

  it("VISA-H: no questionnaire yet", () => {
    const html = renderToString(<VisaHChart data={[]} />);
    expect(html).toContain("No VISA-H questionnaire yet");
    expect(html).not.toContain("recharts");
  });

  it("weekly running: weeks of 0 km", () => {
    const html = renderToString(<WeeklyVolumeChart data={[{ weekStart: "2026-11-16", km: 0, tenPercentLimitKm: null }]} limitPct={10} />);
    expect(html).toContain("No runs in these weeks");
    expect(html).not.toContain("recharts");
  });
});
