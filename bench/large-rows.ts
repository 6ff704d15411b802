/**
 * A big stack: `pulumi up` of 500 campaigns of 100 tasks against 500 trivial dynamic resources, in
 * alternating order, with the peak memory of the Pulumi process tree. The state is dropped with the
 * stack afterwards (no destroy).
 */
import { BenchStack, CommandCost, StackKind } from "./support/bench-stack";
import { EmulatorProcess } from "./support/emulator-process";
import { Summary, summarize } from "./support/stats";

export const LARGE_CAMPAIGNS = 500;
export const LARGE_TASKS = 100;

export interface LargeRow {
  oursMs: Summary;
  floorMs: Summary;
  ratio: Summary;
  oursPeakBytes: Summary;
  floorPeakBytes: Summary;
  memoryRatio: Summary;
  /** The last run's costs by process role (CPU seconds, peak memory), trivial and ours. */
  byRole: { trivial: CommandCost; inline: CommandCost };
}

export async function largeRow(cliDir: string, emulator: EmulatorProcess, runs: number): Promise<LargeRow> {
  const costs: Record<"trivial" | "inline", CommandCost[]> = { trivial: [], inline: [] };
  for (let run = 0; run < runs; run++) {
    const kinds: ("trivial" | "inline")[] = run % 2 === 0 ? ["trivial", "inline"] : ["inline", "trivial"];
    for (const kind of kinds) {
      process.stderr.write(
        `bench [${process.uptime().toFixed(0)} s]: ${LARGE_CAMPAIGNS} × ${LARGE_TASKS}, run ${run + 1}/${runs}, ${kind}\n`,
      );
      const stack = await BenchStack.create(kind as StackKind, cliDir, emulator.url, [emulator.pid], LARGE_CAMPAIGNS, LARGE_TASKS);
      try {
        costs[kind].push(await stack.up());
      } finally {
        stack.remove();
        await emulator.resetAll();
      }
    }
  }
  const ratios = (value: (cost: CommandCost) => number) =>
    summarize(costs.inline.map((cost, run) => value(cost) / value(costs.trivial[run])));
  return {
    oursMs: summarize(costs.inline.map((cost) => cost.ms)),
    floorMs: summarize(costs.trivial.map((cost) => cost.ms)),
    ratio: ratios((cost) => cost.ms),
    oursPeakBytes: summarize(costs.inline.map((cost) => cost.peakBytes)),
    floorPeakBytes: summarize(costs.trivial.map((cost) => cost.peakBytes)),
    memoryRatio: ratios((cost) => cost.peakBytes),
    byRole: { trivial: costs.trivial[costs.trivial.length - 1], inline: costs.inline[costs.inline.length - 1] },
  };
}
