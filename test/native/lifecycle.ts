/**
 * The lifecycle matrix (issue 20): one table of cases, run in order on one stack, against each door and
 * language: a TypeScript program on the dynamic door (`vox.Campaign`), a TypeScript program on the native
 * door (`pulumi-vox/native`) and a Pulumi YAML program on the native door. Real CLI, real plugins, the emulator.
 *
 * The cases share the stack and the emulator: each adds to what the ones before left (a fault case
 * declares a campaign of its own), so the whole table costs one stack per door. A case that fails leaves
 * the next ones to fail too; read the first failure.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { TEST_API_KEY, type TestEmulator, UNTIL_WINDOW_OPENS, startTestEmulator, totalRequests } from "../support/emulator";
import { AGENT_ID } from "../support/inputs";
import {
  type StartedProcess,
  campaignsByName,
  createRequests,
  isRunning,
  killProcessGroup,
  startUp,
  stopSurvivors,
  waitFor,
} from "../e2e/support/kill";
import { type CampaignSpec, PulumiStack, campaignSpec, pulumiCliDir } from "../e2e/support/pulumi-stack";
import { DYNAMIC_TYPE, NATIVE_TYPE, campaignsInState, previewOps, yamlHostDir } from "./support";

/** A door and a language: how to write a program declaring campaigns, and which type state holds them as. */
export interface Door {
  title: string;
  type: string;
  /** Makes the stack's folder this door's program (called once, after the stack is made). */
  setUp(stack: PulumiStack): void;
  /** Declares exactly `specs`. */
  declare(stack: PulumiStack, specs: CampaignSpec[]): void;
}

/** Where a project finds the plugin, as a user's does after `npm install pulumi-vox`. */
const PLUGIN = "plugins:\n  providers:\n    - name: vox\n      path: ./node_modules/.bin\n";

/** The e2e stack's own campaigns.json program, with the native door's classes. */
const NATIVE_TYPESCRIPT = `import * as fs from "fs";
import * as native from "pulumi-vox/native";

for (const spec of JSON.parse(fs.readFileSync("campaigns.json", "utf8"))) new native.Campaign(spec.name, spec.args, spec.opts);
`;

export const DOORS = {
  dynamicTypeScript: {
    title: "a TypeScript program on the dynamic door (vox.Campaign)",
    type: DYNAMIC_TYPE,
    setUp: () => undefined,
    declare: (stack, specs) => stack.setCampaigns(specs),
  },
  nativeTypeScript: {
    title: "a TypeScript program on the native door (pulumi-vox/native)",
    type: NATIVE_TYPE,
    setUp: (stack) => {
      fs.appendFileSync(path.join(stack.dir, "Pulumi.yaml"), PLUGIN);
      fs.writeFileSync(path.join(stack.dir, "index.ts"), NATIVE_TYPESCRIPT);
    },
    declare: (stack, specs) => stack.setCampaigns(specs),
  },
  nativeYaml: {
    title: "a Pulumi YAML program on the native door (vox:Campaign)",
    type: NATIVE_TYPE,
    setUp: (stack) => fs.rmSync(path.join(stack.dir, "index.ts")),
    // JSON is YAML: the declarations exactly as the TypeScript programs get them.
    declare: (stack, specs) => {
      const resources = Object.fromEntries(
        specs.map(({ name, args, opts }) => [name, { type: "vox:Campaign", properties: args, ...(opts ? { options: opts } : {}) }]),
      );
      fs.writeFileSync(
        path.join(stack.dir, "Pulumi.yaml"),
        `name: vox-e2e\nruntime: yaml\n${PLUGIN}resources: ${JSON.stringify(resources)}\n`,
      );
    },
  },
} satisfies Record<string, Door>;

const window = (start: string, end: string) => ({ windows: [{ days: ["Monday"], start, end }] });
const twoTasks = [{ callTo: "010-1234-5678", dynamicVariables: { customerName: "김민수" } }, { callTo: "010-2345-6789" }];
/** The e2e tests' campaign (Mondays 09:00–12:00) with two tasks. */
const campaign = (name: string, overrides: Record<string, unknown> = {}): CampaignSpec =>
  campaignSpec(name, { tasks: twoTasks, ...overrides });

/** What the cases share: the stack, its emulator, and the campaigns declared so far (each case edits them). */
class Run {
  readonly declared = new Map<string, CampaignSpec>();
  readonly survivors: StartedProcess[] = [];
  constructor(
    readonly door: Door,
    readonly stack: PulumiStack,
    readonly emulator: TestEmulator,
  ) {}

  /** Declares `spec` (replacing the one of its name) and writes the program. */
  declare(...specs: CampaignSpec[]): void {
    for (const spec of specs) this.declared.set(spec.name, spec);
    this.door.declare(this.stack, [...this.declared.values()]);
  }

  /** Changes some inputs of a declared campaign. */
  change(name: string, overrides: Record<string, unknown>): void {
    const spec = this.declared.get(name)!;
    this.declare({ ...spec, args: { ...spec.args, ...overrides } });
  }

  state(): Promise<Record<string, any>> {
    return campaignsInState(this.stack, this.door.type);
  }

  ops(): Promise<Record<string, string>> {
    return previewOps(this.stack, this.door.type);
  }

  /** `up`, and the requests it made. */
  async up(): Promise<Record<string, number>> {
    return (await this.upWithSteps()).requests;
  }

  /** `up`, the requests it made, and the engine's steps for each resource, in the order they finished. */
  async upWithSteps(): Promise<{ requests: Record<string, number>; steps: Record<string, string[]> }> {
    await this.emulator.resetRequests();
    const { events } = await this.stack.upWithEvents();
    const steps: Record<string, string[]> = {};
    for (const { resOutputsEvent } of events) {
      if (!resOutputsEvent) continue;
      const { urn, op } = resOutputsEvent.metadata;
      (steps[String(urn).split("::").pop()!] ??= []).push(op);
    }
    return { requests: await this.emulator.requests(), steps };
  }

  /** The ids of the campaigns vox.ai holds named `name` (with this stack's marker). */
  async idsNamed(name: string): Promise<string[]> {
    return [...(await campaignsByName(this.emulator))].filter(([held]) => held.startsWith(`${name} [`)).flatMap(([, ids]) => ids);
  }

  /** A fault case's verdict: vox.ai holds exactly one campaign of the declaration, and state holds that one. */
  async createdOnce(resource: string): Promise<void> {
    const ids = await this.idsNamed(this.declared.get(resource)!.args.name as string);
    assert.strictEqual(ids.length, 1, `one campaign for ${resource}, not ${ids.length}`);
    assert.strictEqual((await this.state())[resource]?.id, ids[0], "state holds the campaign vox.ai has");
  }
}

/** A step of the lifecycle, run in order after the ones before it. */
export interface Case {
  title: string;
  run(run: Run): Promise<void>;
}

export const CASES: Case[] = [
  {
    title: "create: the preview sends nothing; the up looks for an earlier create of each and posts each once",
    async run(run) {
      run.declare(campaign("alpha"), campaign("beta"));
      await run.emulator.resetRequests();
      assert.deepStrictEqual(await run.ops(), { alpha: "create", beta: "create" });
      assert.strictEqual(totalRequests(await run.emulator.requests()), 0, "a preview of creates asks nothing");
      assert.deepStrictEqual(await run.up(), { "POST /v2/campaigns/list": 1, "POST /v2/campaigns": 2 });
      const { alpha } = await run.state();
      assert.deepStrictEqual([alpha.status, alpha.taskCount, alpha.tasks], ["pending", 2, undefined], "outputs never hold the list");
      assert.match((await run.emulator.campaign(alpha.id)).name, /^Campaign alpha \[[0-9a-f]{6}\]$/);
    },
  },
  {
    title: "no-op: an up without edits changes nothing and sends nothing",
    async run(run) {
      assert.deepStrictEqual(await run.up(), {});
    },
  },
  {
    title: "in-place update: a rename and a new window are one PATCH",
    async run(run) {
      run.change("alpha", { name: "Alpha, renamed", callTimeWindow: window("10:00", "11:30") });
      assert.deepStrictEqual(await run.ops(), { alpha: "update" });
      assert.deepStrictEqual(await run.up(), { "PATCH /v3/campaigns/{id}": 1 });
      const patched = await run.emulator.campaign((await run.state()).alpha.id);
      assert.match(patched.name, /^Alpha, renamed \[[0-9a-f]{6}\]$/);
      assert.deepStrictEqual([patched.call_time_window.windows[0].start_min, patched.call_time_window.windows[0].end_min], [600, 690]);
    },
  },
  {
    title: "pause and resume: in the window, paused: true pauses the calling campaign and false resumes it",
    async run(run) {
      await run.emulator.advance(UNTIL_WINDOW_OPENS + 3_600_000);
      const { alpha } = await run.state();
      assert.strictEqual((await run.emulator.campaign(alpha.id)).status, "ongoing");
      run.change("alpha", { paused: true });
      assert.strictEqual((await run.up())["POST /v3/campaigns/{id}/pause"], 1);
      assert.strictEqual((await run.emulator.campaign(alpha.id)).status, "paused");
      run.change("alpha", { paused: false });
      assert.strictEqual((await run.up())["POST /v3/campaigns/{id}/resume"], 1);
      assert.strictEqual((await run.emulator.campaign(alpha.id)).status, "ongoing");
    },
  },
  {
    title: "refresh drift: a pause made in vox.ai is taken in by refresh, and the next up resumes the campaign",
    async run(run) {
      const { alpha } = await run.state();
      await run.emulator.api("POST", `/v3/campaigns/${alpha.id}/pause`);
      await run.stack.ok("refresh", "--yes");
      assert.strictEqual((await run.state()).alpha.paused, true);
      assert.deepStrictEqual(await run.ops(), { alpha: "update" });
      await run.up();
      assert.strictEqual((await run.emulator.campaign(alpha.id)).status, "ongoing");
      assert.deepStrictEqual(await run.ops(), {}, "no perpetual diff");
    },
  },
  {
    title: "adopt: a campaign made in vox.ai is claimed by adoptId with two GETs and no create",
    async run(run) {
      const made = await run.emulator.api("POST", "/v2/campaigns", {
        name: "Made in the console",
        agent_id: AGENT_ID,
        call_from: "0212345678",
        tasks: [{ call_to: "01012345678" }],
      });
      const declaration = {
        name: "Made in the console",
        exactName: true,
        callTimeWindow: undefined,
        tasks: undefined,
        adoptId: made.body.id,
      };
      run.declare(campaign("adopted", declaration));
      // One GET at check (the preview already knows whether it matches), one at create.
      assert.deepStrictEqual(await run.up(), { "GET /v3/campaigns/{id}": 2 });
      assert.strictEqual((await run.state()).adopted.id, made.body.id);
      assert.deepStrictEqual(await run.ops(), {});
    },
  },
  {
    title: "replace with the redial guard: new tasks for a campaign that has called fail the preview; allowRedial cancels, then creates",
    async run(run) {
      const { alpha } = await run.state();
      const before = await run.emulator.campaign(alpha.id);
      assert.ok(before.completed_calls + before.failed_calls + before.active_concurrency > 0, "alpha has placed calls");
      run.change("alpha", { tasks: [{ callTo: "010-3456-7890" }] });
      await run.emulator.resetRequests();
      const guarded = await run.stack.run("preview");
      assert.notStrictEqual(guarded.code, 0);
      assert.match(guarded.stdout + guarded.stderr, /\[vox:REDIAL_GUARD\] changing tasks replaces campaign .* would call all 1 people/);
      assert.match(guarded.stdout + guarded.stderr, /allowRedial: true/);
      assert.strictEqual((await run.emulator.requests())["POST /v2/campaigns"], undefined);

      run.change("alpha", { allowRedial: true });
      const { requests: counts, steps } = await run.upWithSteps();
      assert.deepStrictEqual([counts["POST /v3/campaigns/{id}/cancel"], counts["POST /v2/campaigns"]], [1, 1]);
      // The old campaign stops calling before the new one can start: never both at once.
      assert.deepStrictEqual(
        steps.alpha.filter((op) => op !== "replace"),
        ["delete-replaced", "create-replacement"],
      );
      assert.strictEqual((await run.emulator.campaign(alpha.id)).status, "canceled", "the old campaign is canceled");
      const replaced = (await run.state()).alpha;
      assert.notStrictEqual(replaced.id, alpha.id);
      assert.strictEqual(replaced.taskCount, 1);
    },
  },
  {
    title: "refresh: the calls placed meanwhile show in each campaign's status and counters",
    async run(run) {
      await run.emulator.advance(3_600_000);
      await run.stack.ok("refresh", "--yes");
      const { alpha, beta } = await run.state();
      for (const [name, campaign] of Object.entries({ alpha, beta })) {
        assert.strictEqual(campaign.status, "success", `${name} finished`);
        assert.strictEqual(campaign.completedCalls + campaign.failedCalls, campaign.taskCount, `${name} called each task`);
      }
    },
  },
  {
    title: "exactly once: the answer to the create is lost after vox.ai made the campaign",
    async run(run) {
      await run.emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v2/campaigns", count: 1 });
      run.declare(campaign("lost", { name: "Lost answer" }));
      assert.strictEqual((await run.up())["POST /v2/campaigns"], 1, "found by its name, never posted again");
      await run.createdOnce("lost");
    },
  },
  {
    title: "exactly once: the create is refused with a 503 and sent again",
    async run(run) {
      await run.emulator.fault({ type: "503", method: "POST", path: "/v2/campaigns", count: 1 });
      run.declare(campaign("refused", { name: "Refused once" }));
      assert.strictEqual((await run.up())["POST /v2/campaigns"], 2);
      await run.createdOnce("refused");
    },
  },
  {
    title: "exactly once: vox.ai commits the create after the request timed out, and the lookups find it",
    async run(run) {
      await run.stack.ok("config", "set", "vox:timeoutSeconds", "2");
      await run.emulator.fault({ type: "slow-commit", method: "POST", path: "/v2/campaigns", commitAfterMs: 4_000, count: 1 });
      run.declare(campaign("slow", { name: "Slow commit" }));
      assert.strictEqual((await run.up())["POST /v2/campaigns"], 1);
      await run.stack.ok("config", "rm", "vox:timeoutSeconds");
      await run.createdOnce("slow");
    },
  },
  {
    title: "exactly once: `pulumi up` killed while vox.ai commits a create; the provider exits, the re-run finds the campaign",
    async run(run) {
      await run.emulator.fault({ type: "slow-commit", method: "POST", path: "/v2/campaigns", commitAfterMs: 5_000, count: 1 });
      run.declare(campaign("killed", { name: "Killed run" }));
      await run.emulator.resetRequests();
      const up = startUp(run.stack);
      await waitFor("the create sent", async () => (await createRequests(run.emulator)) >= 1);
      const started = await killProcessGroup(up);
      run.survivors.push(...started);
      // The provider (its plugin, or the dynamic provider's host) sees the engine go and exits.
      const providers = started.filter((p) => /pulumi-resource-vox|native\/main\.js|dynamic-provider/.test(p.commandLine));
      assert.ok(providers.length > 0, `a provider process was running: ${started.map((p) => p.commandLine).join("; ")}`);
      await waitFor("the provider to exit", () => providers.every((p) => !isRunning(p.pid)), 10_000);

      await run.stack.ok("cancel", "--yes");
      assert.strictEqual((await run.up())["POST /v2/campaigns"], undefined, "the re-run posts nothing: it finds the campaign");
      await run.createdOnce("killed");
    },
  },
  {
    title: "destroy: state held neither the key nor a number in plain text; every campaign still running is canceled once",
    async run(run) {
      const stored = await run.stack.exportState();
      assert.ok(!stored.includes(TEST_API_KEY), "the API key is in the state");
      for (const number of ["010-1234-5678", "01012345678", "010-2345-6789", "01023456789", "010-3456-7890", "01034567890"])
        assert.ok(!stored.includes(number), `callee ${number.slice(0, 3)}… is in the state in plain text`);
      assert.match(stored, /"tasksDigest": "hmac-sha256:[0-9a-f]{8}:/);

      const held = await run.state();
      const running = [];
      for (const { id } of Object.values(held))
        if (!["success", "fail", "canceled"].includes((await run.emulator.campaign(id)).status)) running.push(id);
      await run.emulator.resetRequests();
      await run.stack.ok("destroy", "--yes");
      assert.strictEqual((await run.emulator.requests())["POST /v3/campaigns/{id}/cancel"], running.length);
      for (const id of running) assert.strictEqual((await run.emulator.campaign(id)).status, "canceled");
      assert.deepStrictEqual(await run.state(), {});
    },
  },
];

/** The table, in order, on one stack of `door`: one mocha test per case. */
export function lifecycleMatrix(door: Door): void {
  describe(`the lifecycle matrix: ${door.title}`, function () {
    this.timeout(5 * 60_000);
    let run: Run | undefined;
    before(async function () {
      this.timeout(30 * 60_000); // a cold build of the CLI or the YAML host
      const cliDir = pulumiCliDir();
      if (door.type === NATIVE_TYPE) process.env.PATH = `${yamlHostDir()}${path.delimiter}${process.env.PATH}`;
      const emulator = await startTestEmulator();
      const stack = await PulumiStack.create(cliDir, emulator.url, TEST_API_KEY);
      // A create that failed is looked for this long before it is sent again (the 503 case waits it out);
      // the slow commits land well inside it.
      await stack.ok("config", "set", "vox:createLookupSeconds", "10");
      door.setUp(stack);
      run = new Run(door, stack, emulator);
    });
    after(async () => {
      if (!run) return;
      stopSurvivors(run.survivors);
      run.stack.remove();
      await run.emulator.close();
    });
    for (const step of CASES) it(step.title, () => step.run(run!));
  });
}
