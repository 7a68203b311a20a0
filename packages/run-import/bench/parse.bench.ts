/**
 * Times the parse of a large GPX (15,000+ points, a marathon at 1 point a second) and of the
 * multisport FIT fixture. Run: `pnpm --filter @loadline/run-import bench`. Prints the median of
 * several runs; the tests check the same file for correctness only, never for speed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importRunFile } from "../src";
import { largeRunGpx, LARGE_RUN } from "../test/large-run";

/**
 * Median wall time and median CPU time of the process over several runs. The CPU time is the
 * steadier figure on a shared machine, where wall time includes waiting for a core.
 */
function median(label: string, run: () => void, times = 7): void {
  run(); // warm up the JIT and the XML parser
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(0);
  console.log(`${label}: median ${mid(wall)} ms wall, ${mid(cpu)} ms CPU (min wall ${Math.min(...wall).toFixed(0)}, max ${Math.max(...wall).toFixed(0)})`);
}

const gpx = new TextEncoder().encode(largeRunGpx());
median(`GPX, ${LARGE_RUN.points} points, ${(gpx.byteLength / 1024 / 1024).toFixed(1)} MB`, () => importRunFile("long-run.gpx", gpx));
const multisport = new Uint8Array(readFileSync(join(import.meta.dirname, "..", "test", "fixtures", "multisport.fit")));
median("FIT, multisport fixture", () => importRunFile("multisport.fit", multisport));
