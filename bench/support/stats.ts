import { performance } from "node:perf_hooks";

/** Several measurements of one thing, summarized as the median and the range. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("nothing to summarize");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** `12.3× (11.9–13.0)`: the median and, with more than one run, the range. */
export function formatSummary(summary: Summary, unit: string, digits = 1): string {
  const median = `${summary.median.toFixed(digits)}${unit}`;
  return summary.runs > 1 ? `${median} (${summary.min.toFixed(digits)}–${summary.max.toFixed(digits)})` : median;
}

/** Milliseconds that `work` took. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Runs `floor` and `ours` alternately `runs` times (after one untimed warm-up of each), so that drift of
 * the machine hits both alike; returns each run's times and ratio. `before` runs untimed ahead of each
 * (a pause that lets the request budget refill, a fresh provider process's memory).
 */
export async function interleaved(
  runs: number,
  floor: () => Promise<unknown>,
  ours: () => Promise<unknown>,
  before: () => Promise<unknown> = async () => undefined,
): Promise<{ floorMs: Summary; oursMs: Summary; ratio: Summary }> {
  await floor();
  await before();
  await ours();
  const floors: number[] = [];
  const ourTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    await before();
    floors.push(await timed(floor));
    await before();
    ourTimes.push(await timed(ours));
  }
  return { floorMs: summarize(floors), oursMs: summarize(ourTimes), ratio: summarize(ourTimes.map((ms, run) => ms / floors[run])) };
}
