/**
 * What the compliance policy pack (policy/) adds to a preview: `pulumi preview` of 50 campaigns of 1,000
 * tasks each without a pack, with a pack of one rule that does nothing (the floor: what running any policy
 * pack costs in the engine), and with ours, interleaved. Every rule of ours runs: the config makes them all
 * advisory, so that their violations (the bench campaigns declare no caller id) are reported without
 * stopping the preview. Goal (issue 21): at most 3 s added.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compliancePolicies } from "../policy/policies";
import { BenchStack } from "./support/bench-stack";
import { BENCH_API_KEY } from "./support/http";
import { EmulatorProcess } from "./support/emulator-process";
import { seconds, table } from "./support/report";
import { Summary, formatSummary, summarize } from "./support/stats";

const POLICY_PACK = path.resolve(__dirname, "../policy");

export interface PolicyRow {
  withoutMs: Summary;
  noopMs: Summary;
  withMs: Summary;
  /** With ours minus without, per run. */
  addedMs: Summary;
  /** With ours minus with the no-op pack, per run: the rules' own cost. */
  rulesMs: Summary;
}

/** A policy pack of one rule that does nothing, in a temp dir, using the repo's @pulumi/policy. */
function noopPack(dir: string): string {
  const pack = path.join(dir, "noop-pack");
  fs.mkdirSync(pack);
  fs.writeFileSync(path.join(pack, "package.json"), JSON.stringify({ name: "noop-pack", version: "0.0.1", main: "index.js" }));
  fs.writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime:\n  name: nodejs\n  options:\n    typescript: false\n");
  const policy = JSON.stringify(require.resolve("@pulumi/policy"));
  const rule = `{ name: "noop", description: "does nothing", enforcementLevel: "advisory", validateResource: () => undefined }`;
  fs.writeFileSync(
    path.join(pack, "index.js"),
    `const { PolicyPack } = require(${policy});\nnew PolicyPack("noop", { policies: [${rule}] });\n`,
  );
  fs.symlinkSync(path.resolve(__dirname, "../node_modules"), path.join(pack, "node_modules"), "dir");
  return pack;
}

export async function policyRow(
  cliDir: string,
  emulator: EmulatorProcess,
  runs: number,
  campaigns: number,
  tasks: number,
): Promise<PolicyRow> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vox-bench-policy-"));
  const config = path.join(dir, "all-advisory.json");
  const noop = noopPack(dir);
  const advisory = Object.fromEntries(compliancePolicies().map((policy) => [policy.name, { enforcementLevel: "advisory" }]));
  fs.writeFileSync(config, JSON.stringify(advisory));
  const stack = await BenchStack.create("inline", cliDir, emulator.url, [emulator.pid], campaigns, tasks);
  try {
    await stack.preview(); // warm-up
    const without: number[] = [];
    const withNoop: number[] = [];
    const withPack: number[] = [];
    for (let run = 0; run < runs; run++) {
      process.stderr.write(`bench [${process.uptime().toFixed(0)} s]: policy run ${run + 1}/${runs}\n`);
      // A policy pack gets the environment, not the stack config: it opens the sealed task lists with VOX_API_KEY.
      const packEnv = { VOX_API_KEY: BENCH_API_KEY };
      const variants = [
        () => stack.preview().then((cost) => without.push(cost.ms)),
        () => stack.measureWith(packEnv, "preview", "--policy-pack", noop).then((cost) => withNoop.push(cost.ms)),
        () =>
          stack
            .measureWith(packEnv, "preview", "--policy-pack", POLICY_PACK, "--policy-pack-config", config)
            .then((cost) => withPack.push(cost.ms)),
      ];
      // Rotating which goes first, so that none always runs on a freshly idle machine.
      for (let i = 0; i < variants.length; i++) await variants[(run + i) % variants.length]();
    }
    return {
      withoutMs: summarize(without),
      noopMs: summarize(withNoop),
      withMs: summarize(withPack),
      addedMs: summarize(withPack.map((ms, run) => ms - without[run])),
      rulesMs: summarize(withPack.map((ms, run) => ms - withNoop[run])),
    };
  } finally {
    stack.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printPolicyRow(row: PolicyRow, campaigns: number, tasks: number): void {
  console.log(`## policy pack: pulumi preview of ${campaigns} campaigns × ${tasks} tasks\n`);
  const inSeconds = (summary: Summary) =>
    formatSummary({ ...summary, median: summary.median / 1000, min: summary.min / 1000, max: summary.max / 1000 }, " s");
  const header = ["no pack", "a no-op pack (1 rule)", "policy/ (10 rules)", "added by policy/", "of which the rules", "runs"];
  const cells = [
    seconds(row.withoutMs.median),
    seconds(row.noopMs.median),
    seconds(row.withMs.median),
    inSeconds(row.addedMs),
    inSeconds(row.rulesMs),
    String(row.addedMs.runs),
  ];
  console.log(`${table(header, [cells])}\n`);
}

/**
 * Where the start of a policy pack's process goes, stage by stage, each measured in a fresh Node.js process
 * that requires what the analyzer's process requires, in its order: @pulumi/pulumi's policy runner, the
 * TypeScript compiler and ts-node (which that runner registers for every pack, `typescript: false` or not;
 * our language host now skips them for a JavaScript pack), the rest of @pulumi/pulumi that @pulumi/policy
 * loads, and this pack's rules (dist/: `npm run build` first).
 */
const STARTUP_STAGES: [string, string][] = [
  ["node itself", ""],
  ["@pulumi/pulumi's policy runner", 'require("@pulumi/pulumi/cmd/run-policy-pack/run")'],
  ["TypeScript + ts-node", 'require("typescript"); require("ts-node")'],
  ["@pulumi/policy (the rest of @pulumi/pulumi)", 'require("@pulumi/policy")'],
  ["the pack's rules (policy/policies.ts)", 'require("./dist/policy/policies.js")'],
];

export interface StartupStage {
  stage: string;
  ms: Summary;
}

export function policyStartup(runs: number): StartupStage[] {
  const repo = path.resolve(__dirname, "..");
  const script =
    "const t = () => performance.now(); const ms = [Math.round(t())];" +
    STARTUP_STAGES.slice(1)
      .map(([, code]) => `{ const s = t(); ${code}; ms.push(Math.round(t() - s)); }`)
      .join(" ") +
    " console.log(JSON.stringify(ms));";
  const times: number[][] = STARTUP_STAGES.map(() => []);
  for (let run = 0; run < runs; run++) {
    const ms = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: repo, encoding: "utf8" })) as number[];
    ms.forEach((value, stage) => times[stage].push(value));
  }
  return STARTUP_STAGES.map(([stage], i) => ({ stage, ms: summarize(times[i]) }));
}

export function printPolicyStartup(stages: StartupStage[]): void {
  console.log(`## policy pack: where its process's start goes (${os.loadavg()[0].toFixed(1)} load)\n`);
  console.log(
    `${table(
      ["stage", "ms", "runs"],
      stages.map(({ stage, ms }) => [stage, formatSummary(ms, " ms", 0), String(ms.runs)]),
    )}\n`,
  );
}
