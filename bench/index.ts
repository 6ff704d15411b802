/**
 * `npm run bench`: the provider's costs as ratios to floors measured in the same run, medians and ranges
 * over interleaved runs, printed as markdown tables (see bench/RESULTS.md). Never part of `npm test`.
 *
 *   npm run bench                      # 5 runs of everything (about half an hour on 2 cores)
 *   npm run bench -- --quick           # 1 run of the Pulumi CLI rows (a few minutes)
 *   npm run bench -- --runs 3 --only cli,growth
 *
 * Sections: requests (API requests per operation), in-process (check/diff/create and a `status` round
 * against floors), cli (pulumi preview/up/no-op up/destroy of 50 × 1,000-task campaigns against 50
 * trivial resources), pace (an up of 50 at the default pace against the API's real rate limit), large
 * (an up of 500 × 100 against 500 trivial resources), growth (preview time and state size at 10, 50, 100
 * campaigns), policy (what --policy-pack policy/ adds to a preview), suppression (what a 100,000-entry
 * suppression list adds to the check of 10,000 tasks). Every section but pace lifts the
 * provider's pace itself (the emulator has no rate limit then). The last table gives every row of issue
 * 23 against its floor and goal.
 */
import { parseArgs } from "node:util";
import { pulumiCliDir } from "../test/e2e/support/pulumi-stack";
import { cliRows } from "./cli-rows";
import { GROWTH_TASKS, growth } from "./growth";
import { inProcessRows, requestCounts } from "./in-process";
import { policyRow, policyStartup, printPolicyRow, printPolicyStartup } from "./policy-rows";
import { printSuppressionRows, suppressionRows } from "./suppression-rows";
import { BenchFigures, printGoals } from "./goals";
import { largeRow } from "./large-rows";
import { paceRow } from "./pace-row";
import { printCliRows, printGrowth, printInProcessRows, printLargeRow, printPaceRow, printRequestCounts } from "./print";
import { EmulatorProcess } from "./support/emulator-process";
import { machine } from "./support/report";

const SECTIONS = ["requests", "in-process", "cli", "pace", "large", "growth", "policy", "suppression"];

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string" },
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      campaigns: { type: "string", default: "50" },
      tasks: { type: "string", default: "1000" },
    },
  });
  const count = (text: string, flag: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a whole number ≥ 1, got "${text}"`);
    return value;
  };
  const runs = values.runs === undefined ? 5 : count(values.runs, "--runs");
  const sections = values.only === undefined ? SECTIONS : values.only.split(",");
  const unknown = sections.filter((section) => !SECTIONS.includes(section));
  if (unknown.length > 0) throw new Error(`--only: unknown section ${unknown.join(", ")}; one of ${SECTIONS.join(", ")}`);
  return {
    // In-process rows take seconds: they keep their runs in quick mode.
    inProcessRuns: Math.max(runs, 5),
    cliRuns: values.quick && values.runs === undefined ? 1 : runs,
    sections,
    campaigns: count(values.campaigns, "--campaigns"),
    tasks: count(values.tasks, "--tasks"),
  };
}

async function main(): Promise<void> {
  const settings = options();
  const wants = (section: string) => settings.sections.includes(section);
  const cliDir = ["cli", "pace", "large", "growth", "policy"].some(wants) ? pulumiCliDir() : undefined;
  const emulator = await EmulatorProcess.start();
  const figures: BenchFigures = {};
  try {
    console.log(`${machine(cliDir)}\n`);
    if (wants("requests")) printRequestCounts(await requestCounts(emulator));
    if (wants("in-process")) printInProcessRows((figures.inProcess = await inProcessRows(emulator, settings.inProcessRuns)).rows);
    if (wants("cli")) {
      figures.cli = await cliRows(cliDir!, emulator, settings.cliRuns, settings.campaigns, settings.tasks);
      printCliRows(figures.cli, settings.campaigns, settings.tasks);
    }
    if (wants("pace")) printPaceRow((figures.pace = await paceRow(cliDir!, settings.cliRuns, settings.campaigns, settings.tasks)));
    if (wants("large")) printLargeRow((figures.large = await largeRow(cliDir!, emulator, settings.cliRuns)));
    if (wants("growth")) printGrowth((figures.growth = await growth(cliDir!, emulator)), GROWTH_TASKS);
    if (wants("policy")) printPolicyStartup(policyStartup(settings.inProcessRuns));
    if (wants("policy"))
      printPolicyRow(
        await policyRow(cliDir!, emulator, settings.cliRuns, settings.campaigns, settings.tasks),
        settings.campaigns,
        settings.tasks,
      );
    if (wants("suppression")) printSuppressionRows(await suppressionRows(emulator, settings.inProcessRuns));
    printGoals(figures);
  } finally {
    await emulator.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
});
