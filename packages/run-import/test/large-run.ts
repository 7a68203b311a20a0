import { gpx, line, seeded } from "./fixtures/builders";

/** A 4 h 10 min run at 1 point a second (15,000+ points), with a 4 % hill every 5 km. */
export const LARGE_RUN = { points: 15_001, stepM: 3, distanceKm: 45, minutes: 250 } as const;

export function largeRunGpx(): string {
  const noise = seeded(7);
  const hill = (d: number) => {
    const into = d % 5000;
    return into < 500 ? into * 0.04 : into < 1000 ? 20 - (into - 500) * 0.04 : 0;
  };
  const samples = line({
    start: new Date("2026-11-15T06:00:00Z"),
    count: LARGE_RUN.points,
    stepM: LARGE_RUN.stepM,
    stepS: 1,
    elevation: (_, d) => 20 + hill(d) + (noise() - 0.5) * 4,
    cadence: () => 88,
  });
  return gpx([{ name: "Long run", type: "running", segments: [samples] }], samples[0]!.time);
}
