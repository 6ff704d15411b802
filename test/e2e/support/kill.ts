import * as fs from "fs";
import { descendants } from "../../../bench/support/process-tree";
import { TestEmulator, startTestEmulator } from "../../support/emulator";
import { PulumiStack, RunResult, pulumiCliDir } from "./pulumi-stack";

/** A `pulumi` command started as the leader of its own process group, and the processes it started. */
export interface KillableRun {
  pid: number;
  done: Promise<RunResult>;
}

/** Whether a process still runs (a zombie waiting for its parent to reap it does not). */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** A process a `pulumi` command started, with its command line as it was before the kill. */
export interface StartedProcess {
  pid: number;
  commandLine: string;
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return "(exited)";
  }
}

/** The dynamic-provider hosts among `started` (node running @pulumi/pulumi/cmd/dynamic-provider). */
export function providerHosts(started: StartedProcess[]): number[] {
  return started.filter((p) => p.commandLine.includes("dynamic-provider")).map((p) => p.pid);
}

/** For a failure message. */
export function describeProcesses(started: StartedProcess[]): string {
  return started.map((p) => `${p.pid}: ${p.commandLine}`).join("; ") || "none";
}

/**
 * What a CI runner's timeout, the OOM killer or `timeout -s KILL` does: SIGKILL to the CLI's process group.
 * Pulumi puts its language host and provider hosts in groups of their own, so they are not killed here.
 * Returns every process the command had started (by id), so the test can see which survive and stop them.
 */
export async function killProcessGroup(run: KillableRun): Promise<StartedProcess[]> {
  const started = descendants(run.pid, new Set()).map((pid) => ({ pid, commandLine: commandLine(pid) }));
  process.kill(-run.pid, "SIGKILL");
  await run.done;
  return started;
}

/** Stops the processes of `started` that still run (each was started by this test, by its id). */
export function stopSurvivors(started: StartedProcess[]): void {
  for (const { pid } of started.filter((p) => isRunning(p.pid))) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Exited meanwhile.
    }
  }
}

/** Polls until `condition` holds; fails after `ms`. */
export async function waitFor(what: string, condition: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** POSTs to the create endpoint the emulator has seen (answered or not). */
export async function createRequests(emulator: TestEmulator): Promise<number> {
  return (await emulator.requests())["POST /v2/campaigns"] ?? 0;
}

/** Every campaign the emulator holds for the test key, by name (a name with two ids is a duplicate). */
export async function campaignsByName(emulator: TestEmulator): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>();
  let cursor: string | undefined;
  do {
    const page = (await emulator.api("GET", `/v3/campaigns?limit=100${cursor ? `&cursor=${cursor}` : ""}`)).body;
    for (const campaign of page.items as { id: string; name: string }[]) {
      byName.set(campaign.name, [...(byName.get(campaign.name) ?? []), campaign.id]);
    }
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return byName;
}

/** Starts `pulumi up` in a process group of its own. */
export function startUp(stack: PulumiStack, ...extra: string[]): KillableRun {
  return stack.start(["up", "--yes", "--skip-preview", ...extra], { detached: true });
}

/**
 * Mocha hooks for kill tests: the CLI once, a fresh emulator per test, and after each test the processes
 * its killed runs left (push them onto `survivors`) stopped, and `cleanup` run.
 */
export function useKillHarness(cleanup: () => void): { cliDir(): string; emulator(): TestEmulator; survivors: StartedProcess[] } {
  let cliDir: string;
  let emulator: TestEmulator;
  const survivors: StartedProcess[] = [];
  before(function () {
    this.timeout(30 * 60_000); // a cold CLI build, when no cache exists yet
    cliDir = pulumiCliDir();
  });
  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(async () => {
    stopSurvivors(survivors.splice(0));
    cleanup();
    await emulator.close();
  });
  return { cliDir: () => cliDir, emulator: () => emulator, survivors };
}
