/**
 * Times the parse of a large GPX (15,000+ points, a marathon at 1 point a second) and of the
 * multisport FIT fixture. Run: `pnpm --filter @loadline/run-import bench`. Prints the median of
 * several runs; the tests check the same file for correctness only, never for speed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importRunFile } from "../src";
import { largeRunGpx, LARGE_RUN } from "../test/large-run";

function median(label: string, run: () => void, times = 7): void {
  run(); // warm up the JIT and the XML parser
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label}: median ${samples[Math.floor(times / 2)]!.toFixed(0)} ms (min ${samples[0]!.toFixed(0)}, max ${samples.at(-1)!.toFixed(0)})`);
}

const gpx = new TextEncoder().encode(largeRunGpx());
median(`GPX, ${LARGE_RUN.points} points, ${(gpx.byteLength / 1024 / 1024).toFixed(1)} MB`, () => importRunFile("long-run.gpx", gpx));
const multisport = new Uint8Array(readFileSync(join(import.meta.dirname, "..", "test", "fixtures", "multisport.fit")));
median("FIT, multisport fixture", () => importRunFile("multisport.fit", multisport));
