import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiStack, RunResult } from "../../test/e2e/support/pulumi-stack";
import { campaignSpecs, TaskSource } from "./campaigns";
import { BENCH_API_KEY } from "./http";
import { LIFTED_PACE } from "./runtime";
import { ProcessTreeSampler } from "./process-tree";
import { timed } from "./stats";

interface ExportedResource {
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** What a bench stack declares per campaign: a vox.Campaign (inline tasks or a contact list), or the trivial floor. */
export type StackKind = TaskSource | "trivial";

/** Wall time, peak memory and CPU time of the Pulumi process tree during one CLI command. */
export interface CommandCost {
  ms: number;
  peakBytes: number;
  /** Peak memory by the role of the process. */
  peakBytesByRole: Record<string, number>;
  /** CPU seconds by the role of the process (engine, program, dynamic-provider host...). */
  cpuByRole: Record<string, number>;
}

/**
 * A temp Pulumi project with a file backend (the e2e suite's PulumiStack), declaring `campaigns`
 * resources of `tasks` tasks each.
 */
export class BenchStack {
  private constructor(
    readonly kind: StackKind,
    private readonly stack: PulumiStack,
    /** Processes whose memory is not the Pulumi tree's (the emulator). */
    private readonly excludedPids: number[],
  ) {}

  static async create(
    kind: StackKind,
    cliDir: string,
    emulatorUrl: string,
    excludedPids: number[],
    campaigns: number,
    tasks: number,
    pace: "lifted" | "default" = "lifted",
  ): Promise<BenchStack> {
    const stack = await PulumiStack.create(cliDir, emulatorUrl, BENCH_API_KEY);
    // The provider keeps the API's pace (vox:requestsPerSecond, default 5), which bounds 50 creates to about
    // 10 s whatever else it does: lifted here (the bench's emulator has no rate limit) to measure the provider's
    // own cost against the trivial resources; the pace row keeps the default against the API's real limit.
    if (pace === "lifted") await stack.ok("config", "set", "vox:requestsPerSecond", LIFTED_PACE);
    if (kind === "trivial") fs.copyFileSync(path.join(__dirname, "../programs/trivial.ts"), path.join(stack.dir, "index.ts"));
    // The trivial program reads only the names, so the task lists are left out of its file.
    stack.setCampaigns(campaignSpecs(campaigns, kind === "trivial" ? 0 : tasks, kind === "trivial" ? "inline" : kind, stack.dir));
    return new BenchStack(kind, stack, excludedPids);
  }

  /** Runs `pulumi <args>`, failing on a non-zero exit, and measures it. */
  measure(...args: string[]): Promise<CommandCost> {
    return this.measureWith({}, ...args);
  }

  /** {@link measure} with `env` on top of the stack's variables. */
  async measureWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CommandCost> {
    const sampler = new ProcessTreeSampler(this.excludedPids);
    let result: RunResult | undefined;
    const ms = await timed(async () => (result = await this.stack.runWith(env, ...args)));
    const { peakBytes, peakBytesByRole, cpuByRole } = sampler.stop();
    if (result!.code !== 0)
      throw new Error(`pulumi ${args.join(" ")} exited ${result!.code}\n${result!.stdout.slice(-2000)}\n${result!.stderr.slice(-2000)}`);
    return { ms, peakBytes, peakBytesByRole, cpuByRole };
  }

  preview(): Promise<CommandCost> {
    return this.measure("preview");
  }

  up(): Promise<CommandCost> {
    return this.measure("up", "--yes", "--skip-preview");
  }

  destroy(): Promise<CommandCost> {
    return this.measure("destroy", "--yes", "--skip-preview");
  }

  /** Bytes of `pulumi stack export` (secrets stay encrypted, as state keeps them). */
  async stateBytes(): Promise<number> {
    return Buffer.byteLength(await this.stack.exportState());
  }

  /**
   * Of the stack's resources (dynamic ones), the mean bytes of `__provider` (inputs and outputs together)
   * and of the task list as state holds it (the encrypted packed list of the inputs; 0 for trivial ones).
   */
  async perResource(): Promise<{ providerBytes: number; listBytes: number }> {
    const exported = JSON.parse(await this.stack.exportState()) as { deployment: { resources: ExportedResource[] } };
    const dynamic = exported.deployment.resources.filter((resource) => resource.type.startsWith("pulumi-nodejs:dynamic"));
    const mean = (bytes: (resource: ExportedResource) => number) =>
      dynamic.reduce((sum, resource) => sum + bytes(resource), 0) / Math.max(1, dynamic.length);
    const text = (value: unknown) => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value)));
    return {
      providerBytes: mean((resource) => text(resource.inputs?.__provider) + text(resource.outputs?.__provider)),
      listBytes: mean((resource) => text(resource.inputs?.tasks)),
    };
  }

  remove(): void {
    this.stack.remove();
  }
}
