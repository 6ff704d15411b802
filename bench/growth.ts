/**
 * How preview time and state size grow with the number of campaigns (they must grow linearly): stacks
 * of 10, 50 and 100 campaigns of 100 inline tasks, and of as many trivial resources.
 */
import { BenchStack, StackKind } from "./support/bench-stack";
import { EmulatorProcess } from "./support/emulator-process";

export const GROWTH_CAMPAIGNS = [10, 50, 100];
export const GROWTH_TASKS = 100;

export interface GrowthPoint {
  kind: StackKind;
  campaigns: number;
  previewMs: number;
  upMs: number;
  stateBytes: number;
  /** Mean bytes per resource of `__provider` (inputs and outputs) and of the task list as state holds it. */
  providerBytes: number;
  listBytes: number;
}

/** One stack per point, created from empty; the state is dropped with the stack, not destroyed. */
async function point(kind: StackKind, campaigns: number, cliDir: string, emulator: EmulatorProcess): Promise<GrowthPoint> {
  process.stderr.write(`bench [${process.uptime().toFixed(0)} s]: growth, ${campaigns} ${kind} resources\n`);
  const stack = await BenchStack.create(kind, cliDir, emulator.url, [emulator.pid], campaigns, GROWTH_TASKS);
  try {
    const preview = await stack.preview();
    const up = await stack.up();
    return { kind, campaigns, previewMs: preview.ms, upMs: up.ms, stateBytes: await stack.stateBytes(), ...(await stack.perResource()) };
  } finally {
    stack.remove();
    await emulator.resetAll();
  }
}

export async function growth(cliDir: string, emulator: EmulatorProcess): Promise<GrowthPoint[]> {
  const points: GrowthPoint[] = [];
  for (const campaigns of GROWTH_CAMPAIGNS) {
    for (const kind of ["trivial", "inline"] as const) points.push(await point(kind, campaigns, cliDir, emulator));
  }
  return points;
}
