/**
 * The rows that run the real Pulumi CLI: a stack of vox campaigns against the same number of trivial
 * dynamic resources, each command timed, with the peak memory of the Pulumi process tree.
 */
import { BenchStack, CommandCost, StackKind } from "./support/bench-stack";
import { EmulatorProcess } from "./support/emulator-process";
import { Summary, summarize } from "./support/stats";

export const OPERATIONS = ["preview", "up", "no-op up", "destroy"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** One command of one vox stack against the same command of the trivial stack in the same runs. */
export interface CliRow {
  kind: StackKind;
  operation: Operation;
  oursMs: Summary;
  floorMs: Summary;
  ratio: Summary;
  oursPeakBytes: Summary;
  floorPeakBytes: Summary;
  /** Median CPU seconds by process role. */
  oursCpu: Record<string, number>;
  floorCpu: Record<string, number>;
}

function medianCpu(costs: CommandCost[]): Record<string, number> {
  const roles = new Set(costs.flatMap((cost) => Object.keys(cost.cpuByRole)));
  return Object.fromEntries([...roles].map((role) => [role, summarize(costs.map((cost) => cost.cpuByRole[role] ?? 0)).median]));
}

/** preview of the empty stack, up (create), up again (no change), destroy: leaves the stack empty. */
async function lifecycle(stack: BenchStack): Promise<Record<Operation, CommandCost>> {
  const preview = await stack.preview();
  const up = await stack.up();
  const noop = await stack.up();
  const destroy = await stack.destroy();
  return { preview, up, "no-op up": noop, destroy };
}

export async function cliRows(
  cliDir: string,
  emulator: EmulatorProcess,
  runs: number,
  campaigns: number,
  tasks: number,
): Promise<CliRow[]> {
  const kinds: StackKind[] = ["trivial", "inline", "tasksFile"];
  const stacks = await Promise.all(kinds.map((kind) => BenchStack.create(kind, cliDir, emulator.url, [emulator.pid], campaigns, tasks)));
  try {
    await stacks[0].preview(); // warm-up: the first CLI start reads plugins and caches from disk
    const costs = new Map<StackKind, Record<Operation, CommandCost>[]>(kinds.map((kind) => [kind, []]));
    for (let run = 0; run < runs; run++) {
      // Each run starts with another stack, so that no kind always runs on a freshly idle machine.
      for (let i = 0; i < stacks.length; i++) {
        const stack = stacks[(run + i) % stacks.length];
        process.stderr.write(`bench [${process.uptime().toFixed(0)} s]: CLI run ${run + 1}/${runs}, ${stack.kind} stack\n`);
        costs.get(stack.kind)!.push(await lifecycle(stack));
        await emulator.resetAll();
      }
    }
    const floor = costs.get("trivial")!;
    return kinds.slice(1).flatMap((kind) =>
      OPERATIONS.map((operation): CliRow => {
        const ours = costs.get(kind)!.map((run) => run[operation]);
        const floors = floor.map((run) => run[operation]);
        return {
          kind,
          operation,
          oursMs: summarize(ours.map((cost) => cost.ms)),
          floorMs: summarize(floors.map((cost) => cost.ms)),
          ratio: summarize(ours.map((cost, run) => cost.ms / floors[run].ms)),
          oursPeakBytes: summarize(ours.map((cost) => cost.peakBytes)),
          floorPeakBytes: summarize(floors.map((cost) => cost.peakBytes)),
          oursCpu: medianCpu(ours),
          floorCpu: medianCpu(floors),
        };
      }),
    );
  } finally {
    for (const stack of stacks) stack.remove();
  }
}
