import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { TEST_API_KEY, TestEmulator, startTestEmulator } from "../../support/emulator";
import { AGENT_ID } from "../../support/inputs";

const repo = path.resolve(__dirname, "../../..");

/** Runs scripts/ensure-pulumi-cli.sh (cache hit after the first build) and returns the CLI's directory. */
export function pulumiCliDir(): string {
  return execFileSync("bash", [path.join(repo, "scripts/ensure-pulumi-cli.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
    .trim()
    .split("\n")
    .pop()!;
}

export interface CampaignSpec {
  /** Resource name. */
  name: string;
  args: Record<string, unknown>;
  opts?: { protect?: boolean; retainOnDelete?: boolean; ignoreChanges?: string[] };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The program every e2e stack runs: campaigns.json (rewritten by the tests) → one vox.Campaign each,
 * and their ids, statuses and counters as stack outputs.
 */
const PROGRAM = `import * as fs from "fs";
import * as vox from "pulumi-vox";

const specs = JSON.parse(fs.readFileSync("campaigns.json", "utf8"));
export const campaigns: Record<string, unknown> = {};
for (const spec of specs) {
  const campaign = new vox.Campaign(spec.name, spec.args, spec.opts);
  campaigns[spec.name] = {
    id: campaign.id,
    status: campaign.status,
    totalCalls: campaign.totalCalls,
    completedCalls: campaign.completedCalls,
    failedCalls: campaign.failedCalls,
    taskCount: campaign.taskCount,
  };
}
`;

/** A Pulumi project in a temp dir with a local file backend, driven with the real CLI. */
export class PulumiStack {
  private constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /**
   * A stack of the campaigns.json program, or, with `example`, of a copy of that folder of examples/
   * (so tests may edit its files).
   */
  static async create(cliDir: string, baseUrl: string, apiKey: string, example?: string): Promise<PulumiStack> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vox-e2e-"));
    if (example) {
      fs.cpSync(path.join(repo, "examples", example), dir, { recursive: true });
    } else {
      fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: vox-e2e\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n");
      fs.writeFileSync(path.join(dir, "index.ts"), PROGRAM);
      fs.writeFileSync(path.join(dir, "campaigns.json"), "[]");
    }
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "vox-e2e", private: true }));
    // The repo's node_modules holds pulumi-vox itself (a `file:` link), @pulumi/pulumi and typescript.
    fs.symlinkSync(path.join(repo, "node_modules"), path.join(dir, "node_modules"), "dir");
    fs.mkdirSync(path.join(dir, ".state"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${cliDir}${path.delimiter}${process.env.PATH}`,
      PULUMI_HOME: path.join(dir, ".pulumi-home"),
      PULUMI_BACKEND_URL: `file://${path.join(dir, ".state")}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      // Type checking is the demo's job; here it would only slow every run down.
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      VOX_API_KEY: "",
      VOX_BASE_URL: "",
    };
    const stack = new PulumiStack(dir, env);
    await stack.ok("stack", "init", "e2e");
    await stack.ok("config", "set", "--secret", "vox:apiKey", apiKey);
    await stack.ok("config", "set", "vox:baseUrl", baseUrl);
    return stack;
  }

  setCampaigns(specs: CampaignSpec[]): void {
    fs.writeFileSync(path.join(this.dir, "campaigns.json"), JSON.stringify(specs, null, 2));
  }

  /** Runs `pulumi <args>` without blocking this process (the emulator answers from it). */
  run(...args: string[]): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn("pulumi", [...args, "--non-interactive"], { cwd: this.dir, env: this.env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }

  /** Runs and fails the test, showing the CLI's output, when the command fails. */
  async ok(...args: string[]): Promise<RunResult> {
    const result = await this.run(...args);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
    }
    return result;
  }

  /** `pulumi preview --json`: the planned operations by campaign name; unchanged campaigns are absent. */
  async preview(): Promise<{ ops: Record<string, string>; result: RunResult; json: any }> {
    const result = await this.run("preview", "--json");
    const json = JSON.parse(result.stdout);
    const ops: Record<string, string> = {};
    for (const step of json.steps ?? []) {
      if (String(step.urn).includes("vox:Campaign") && step.op !== "same") ops[String(step.urn).split("::").pop()!] = step.op;
    }
    return { ops, result, json };
  }

  async up(): Promise<RunResult> {
    return this.ok("up", "--yes", "--skip-preview");
  }

  /** Engine events of one `up`, in order (`up --json` streams one event per line). */
  async upWithEvents(): Promise<{ result: RunResult; events: any[] }> {
    const result = await this.ok("up", "--yes", "--skip-preview", "--json");
    const events = result.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line));
    return { result, events };
  }

  async outputs(): Promise<Record<string, any>> {
    const result = await this.ok("stack", "output", "--json", "--show-secrets");
    return JSON.parse(result.stdout).campaigns ?? {};
  }

  /**
   * Each campaign's outputs as state holds them. Unlike stack outputs, which only a `pulumi up` re-evaluates,
   * these show what a refresh read.
   */
  async campaignState(): Promise<Record<string, any>> {
    const state = JSON.parse((await this.ok("stack", "export", "--show-secrets")).stdout);
    const campaigns: Record<string, any> = {};
    for (const resource of state.deployment.resources ?? []) {
      if (resource.type === "pulumi-nodejs:dynamic/vox:Campaign") {
        campaigns[String(resource.urn).split("::").pop()!] = { id: resource.id, ...resource.outputs };
      }
    }
    return campaigns;
  }

  async exportState(): Promise<string> {
    return (await this.ok("stack", "export")).stdout;
  }

  /** Deletes the temp dir (state included). */
  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A campaign spec for the campaigns.json program: one task, Mondays 09:00–12:00, `overrides` on top. */
export function campaignSpec(name: string, overrides: Record<string, unknown> = {}, opts?: CampaignSpec["opts"]): CampaignSpec {
  return {
    name,
    args: {
      name: `Campaign ${name}`,
      agentId: AGENT_ID,
      callFrom: "02-1234-5678",
      callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "12:00" }] },
      tasks: [{ callTo: "010-1234-5678" }],
      ...overrides,
    },
    opts,
  };
}

/**
 * Mocha hooks for e2e tests: the CLI once, then per test a fresh emulator and a fresh stack (of
 * examples/<example> when given) against it. Read the current ones through the returned getters.
 */
export function useStackPerTest(example?: string): { stack(): PulumiStack; emulator(): TestEmulator } {
  let cliDir: string;
  let emulator: TestEmulator;
  let stack: PulumiStack;
  before(function () {
    this.timeout(30 * 60_000); // a cold CLI build, when no cache exists yet
    cliDir = pulumiCliDir();
  });
  beforeEach(async () => {
    emulator = await startTestEmulator();
    stack = await PulumiStack.create(cliDir, emulator.url, TEST_API_KEY, example);
  });
  afterEach(async () => {
    stack.remove();
    await emulator.close();
  });
  return { stack: () => stack, emulator: () => emulator };
}
