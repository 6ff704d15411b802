/**
 * What suppression lists cost at check (issue 21: a 100,000-entry list against 10,000 tasks costs at most
 * 1 s): check of 10,000 inline tasks with the list, as a CSV of numbers and as a hashed list, against the
 * same check without it, interleaved. Half the tasks are on the list, so the filtering really removes. The
 * list's modification time changes before every check, so each reads it afresh (a process reads an unchanged
 * list once: a stack's campaigns that share a register cost one read).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { suppressionHash } from "../provider/suppression";
import { campaignArgs, rawTasks } from "./support/campaigns";
import { EmulatorProcess } from "./support/emulator-process";
import { checked, configuredRuntime } from "./support/runtime";
import { table } from "./support/report";
import { Summary, formatSummary, summarize, timed } from "./support/stats";

const LIST_ENTRIES = 100_000;
const TASKS = 10_000;

export interface SuppressionRow {
  format: "csv" | "sha256";
  withoutMs: Summary;
  withMs: Summary;
  /** With the list minus without, per run. */
  addedMs: Summary;
}

/** The list: numbers from the middle of the tasks' range onwards, so half the tasks are on it. */
function writeLists(dir: string): { csv: string; sha256: string } {
  const numbers = rawTasks(LIST_ENTRIES, TASKS / 2).map((task) => task.callTo);
  const csv = path.join(dir, "dnc.csv");
  const sha256 = path.join(dir, "dnc.sha256");
  fs.writeFileSync(csv, ["phone", ...numbers, ""].join("\n"));
  fs.writeFileSync(sha256, [...numbers.map(suppressionHash), ""].join("\n"));
  return { csv, sha256 };
}

export async function suppressionRows(emulator: EmulatorProcess, runs: number): Promise<SuppressionRow[]> {
  const runtime = await configuredRuntime(emulator.url);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vox-bench-suppression-"));
  const startedIn = process.cwd();
  // The provider reads lists only inside its project folder, its working directory here.
  process.chdir(dir);
  try {
    const lists = writeLists(dir);
    const tasks = rawTasks(TASKS);
    const without = campaignArgs("Suppression", { tasks });
    const rows: SuppressionRow[] = [];
    for (const format of ["csv", "sha256"] as const) {
      const withList = { ...without, suppressionLists: [lists[format]] };
      const inputs = await checked(runtime, withList);
      if (inputs.taskCount !== TASKS / 2) throw new Error(`the list removed ${TASKS - Number(inputs.taskCount)} tasks, not ${TASKS / 2}`);
      await checked(runtime, without);
      const withoutMs: number[] = [];
      const withMs: number[] = [];
      // Alternating, so that drift of a shared machine hits both alike.
      for (let run = 0; run < runs; run++) {
        withoutMs.push(await timed(() => checked(runtime, without)));
        // A list changed since the last check is read again: what a check of a new or edited list costs.
        fs.utimesSync(lists[format], new Date(), new Date(Date.now() + run));
        withMs.push(await timed(() => checked(runtime, withList)));
      }
      rows.push({
        format,
        withoutMs: summarize(withoutMs),
        withMs: summarize(withMs),
        addedMs: summarize(withMs.map((ms, run) => ms - withoutMs[run])),
      });
    }
    return rows;
  } finally {
    process.chdir(startedIn);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printSuppressionRows(rows: SuppressionRow[]): void {
  console.log(
    `## suppression lists: check of ${TASKS.toLocaleString("en-US")} tasks with a ${LIST_ENTRIES.toLocaleString("en-US")}-entry list\n`,
  );
  const ms = (summary: Summary) => formatSummary(summary, " ms", 0);
  const cells = rows.map((row) => [
    row.format === "csv" ? "CSV of numbers" : "hashed (.sha256)",
    ms(row.withoutMs),
    ms(row.withMs),
    ms(row.addedMs),
    "≤ 1000 ms",
    String(row.withMs.runs),
  ]);
  console.log(`${table(["list", "check without", "check with the list", "added by the list", "goal", "runs"], cells)}\n`);
}
