import { execFileSync, spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";

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

/** Where a stack's state lives, and whether the stack is made or already there (another runner's). */
export interface StackOptions {
  /** A backend URL (`postgres://…`, `s3://…`) and the variables it needs; default a file backend in the temp dir. */
  backend?: { url: string; env?: NodeJS.ProcessEnv };
  /**
   * Another runner of the same stack: its stack `e2e` (on the same backend) is selected instead of made,
   * and its stack config file (as a repository holds it) is copied.
   */
  sameStackAs?: PulumiStack;
  /** The stack's name; default `e2e`. */
  stackName?: string;
}

/** A new stack's files, as `stack init` and the settings of PulumiStack.create left them (see copyNewStack). */
interface NewStack {
  /** A copy of the file backend's folder. */
  state: string;
  encryptionSalt: string;
  /** The API key, encrypted with that salt and the tests' passphrase. */
  apiKey: unknown;
}

/** Each kind of new stack (project, stack name, API key) made in this process, for the next of that kind. */
const NEW_STACKS = new Map<string, Promise<NewStack>>();

/** A Pulumi project in a temp dir with a local file backend (or `options.backend`), driven with the real CLI. */
export class PulumiStack {
  private constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /**
   * A stack of the campaigns.json program, or, with `example`, of a copy of that folder of examples/
   * (so tests may edit its files), named `stackName`.
   */
  static async create(cliDir: string, baseUrl: string, apiKey: string, example?: string, options: StackOptions = {}): Promise<PulumiStack> {
    const stackName = options.stackName ?? "e2e";
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
      PULUMI_BACKEND_URL: options.backend?.url ?? `file://${path.join(dir, ".state")}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      // Type checking is the demo's job; here it would only slow every run down.
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      VOX_API_KEY: "",
      VOX_BASE_URL: "",
      ...options.backend?.env,
    };
    const stack = new PulumiStack(dir, env);
    if (options.sameStackAs) {
      fs.copyFileSync(path.join(options.sameStackAs.dir, `Pulumi.${stackName}.yaml`), path.join(dir, `Pulumi.${stackName}.yaml`));
      await stack.ok("stack", "select", stackName);
      return stack;
    }
    if (options.backend) {
      await stack.initialize(stackName, apiKey, baseUrl);
      return stack;
    }
    const key = `${stack.project()}/${stackName}/${apiKey}`;
    const template = NEW_STACKS.get(key);
    if (template) {
      stack.copyNewStack(await template, stackName, baseUrl);
    } else {
      // The first stack of its kind in this process is made by the CLI; the next are copies of what it left.
      const made = stack.initialize(stackName, apiKey, baseUrl).then(() => stack.recordNewStack(stackName));
      NEW_STACKS.set(key, made);
      await made.catch((error) => {
        NEW_STACKS.delete(key);
        throw error;
      });
    }
    return stack;
  }

  /** `stack init` and the stack's two settings, by the CLI. */
  private async initialize(stackName: string, apiKey: string, baseUrl: string): Promise<void> {
    await this.ok("stack", "init", stackName);
    await this.ok("config", "set", "--secret", "vox:apiKey", apiKey);
    await this.ok("config", "set", "vox:baseUrl", baseUrl);
  }

  /** The project's name, as Pulumi.yaml gives it. */
  private project(): string {
    return String(YAML.parse(fs.readFileSync(path.join(this.dir, "Pulumi.yaml"), "utf8")).name);
  }

  /** What a new stack's `stack init` and settings left in this stack's files, for {@link copyNewStack}. */
  private recordNewStack(stackName: string): NewStack {
    const state = fs.mkdtempSync(path.join(os.tmpdir(), "vox-e2e-new-stack-"));
    process.on("exit", () => fs.rmSync(state, { recursive: true, force: true }));
    fs.cpSync(path.join(this.dir, ".state"), state, { recursive: true });
    const settings = YAML.parse(fs.readFileSync(path.join(this.dir, `Pulumi.${stackName}.yaml`), "utf8"));
    return { state, encryptionSalt: settings.encryptionsalt, apiKey: settings.config["vox:apiKey"] };
  }

  /**
   * What `stack init`, `config set --secret vox:apiKey` and `config set vox:baseUrl` would leave, copied from
   * a stack made by them: its state (a new stack's, which names no folder), the passphrase's salt and the
   * key encrypted with it, and the selection of the stack in this project's workspace (PULUMI_HOME).
   * Three CLI runs fewer per test; a copy the CLI did not take fails the test's first command.
   */
  private copyNewStack(template: NewStack, stackName: string, baseUrl: string): void {
    fs.cpSync(template.state, path.join(this.dir, ".state"), { recursive: true });
    const settings = { encryptionsalt: template.encryptionSalt, config: { "vox:apiKey": template.apiKey, "vox:baseUrl": baseUrl } };
    fs.writeFileSync(path.join(this.dir, `Pulumi.${stackName}.yaml`), YAML.stringify(settings));
    // The CLI names a project's workspace file by a SHA-1 of the path of its Pulumi.yaml.
    const projectFile = path.join(fs.realpathSync(this.dir), "Pulumi.yaml");
    const workspace = `${this.project()}-${createHash("sha1").update(projectFile).digest("hex")}-workspace.json`;
    const workspaces = path.join(this.env.PULUMI_HOME!, "workspaces");
    fs.mkdirSync(workspaces, { recursive: true });
    fs.writeFileSync(path.join(workspaces, workspace), JSON.stringify({ stack: `organization/${this.project()}/${stackName}` }));
  }

  setCampaigns(specs: CampaignSpec[]): void {
    fs.writeFileSync(path.join(this.dir, "campaigns.json"), JSON.stringify(specs, null, 2));
  }

  /** Runs `pulumi <args>` without blocking this process (the emulator answers from it). */
  run(...args: string[]): Promise<RunResult> {
    return this.start(args).done;
  }

  /** {@link run} with `env` on top of the stack's variables (a value of undefined removes one). */
  runWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<RunResult> {
    return this.start(args, { env }).done;
  }

  /**
   * Starts `pulumi <args>`, with `env` on top of the stack's variables; `detached` makes it the leader of
   * a process group of its own (which a test may then kill as a whole, as a CI runner would). `done`
   * resolves when it has exited.
   */
  start(args: string[], { detached = false, env = {} as NodeJS.ProcessEnv } = {}): { pid: number; done: Promise<RunResult> } {
    const child = spawn("pulumi", [...args, "--non-interactive"], { cwd: this.dir, env: { ...this.env, ...env }, detached });
    const done = new Promise<RunResult>((resolve, reject) => {
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
    return { pid: child.pid!, done };
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
