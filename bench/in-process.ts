/**
 * The rows that call the provider runtime directly, in this process, against the emulator process.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { statusCommand } from "../cli/status/command";
import { CAMPAIGN_TYPE } from "../cli/status/sources";
import { systemClock } from "../provider/clock";
import { AGENT_ID, RawTask, campaignArgs, createBody, rawTasks } from "./support/campaigns";
import { EmulatorProcess } from "./support/emulator-process";
import { BENCH_API_KEY, BenchClient } from "./support/http";
import { Props, VoxRuntime, checked, configuredRuntime } from "./support/runtime";
import { Summary, interleaved } from "./support/stats";

/** One row measured against its floor in the same run. */
export interface RatioRow {
  name: string;
  floor: string;
  floorMs: Summary;
  oursMs: Summary;
  ratio: Summary;
}

/** The API requests each provider operation makes, as the emulator's request log counts them. */
export interface RequestCountRow {
  operation: string;
  counts: Record<string, number>;
}

async function countRequests(emulator: EmulatorProcess, operation: () => Promise<unknown>): Promise<Record<string, number>> {
  await emulator.resetRequests();
  await operation();
  return emulator.requestCounts();
}

/** check, diff, create, read, update (an in-place rename) and delete of one 1,000-task campaign. */
export async function requestCounts(emulator: EmulatorProcess): Promise<RequestCountRow[]> {
  const runtime = await configuredRuntime(emulator.url);
  const raw = campaignArgs("Request counts", { tasks: rawTasks(1000) });
  const rows: RequestCountRow[] = [];
  const measure = async <T>(operation: string, work: () => Promise<T>): Promise<T> => {
    let result: T | undefined;
    rows.push({ operation, counts: await countRequests(emulator, async () => (result = await work())) });
    return result as T;
  };
  const inputs = await measure("check", () => checked(runtime, raw));
  const created = await measure("create", () => runtime.create(inputs));
  const outs = created.outs as Props;
  await measure("diff (no change)", () => runtime.diff(created.id, outs, inputs));
  const read = await measure("read", () => runtime.read(created.id, outs));
  const renamed = await checked(runtime, { ...raw, name: "Request counts, renamed" }, inputs);
  const updated = await measure("update (rename)", () => runtime.update(created.id, (read.props ?? outs) as Props, renamed));
  await measure("delete", () => runtime.delete(created.id, updated.outs as Props));
  return rows;
}

/** check of a new 10,000-task list, then the diff of an unchanged one, against a deep copy of the tasks. */
async function checkAndDiff(runtime: VoxRuntime, emulator: EmulatorProcess, runs: number): Promise<RatioRow> {
  const tasks = rawTasks(10_000);
  const raw = campaignArgs("Check and diff", { tasks });
  const inputs = await checked(runtime, raw);
  const created = await runtime.create(inputs);
  const outs = created.outs as Props;
  const result = await interleaved(
    runs,
    async () => JSON.parse(JSON.stringify(tasks)),
    async () => {
      const news = await checked(runtime, raw, inputs);
      const diff = await runtime.diff(created.id, outs, news);
      if (diff.changes) throw new Error("the diff of an unchanged campaign found changes");
    },
  );
  await emulator.resetAll();
  return { name: "check + diff, 10,000 tasks", floor: "JSON.parse(JSON.stringify(tasks))", ...result };
}

/**
 * What a create sends, as a raw client sends it: the agent's list (a provider process's first create reads
 * it, to recognise an earlier run's campaign) and the POST of the campaign's body.
 */
function rawCreate(client: BenchClient, url: string, tasks: RawTask[]): () => Promise<unknown> {
  const list = JSON.stringify({ filter_criteria: { agent_id: [AGENT_ID] }, sort_order: "descending", limit: 500 });
  const body = JSON.stringify(createBody("Raw create", tasks));
  return async () => {
    await client.ok(`${url}/v2/campaigns/list`, "POST", list);
    await client.ok(`${url}/v2/campaigns`, "POST", body);
  };
}

/**
 * A 1,000-task campaign: check and create (`checkFirst`), or create alone of inputs checked before, against
 * a raw client's list request and POST of the same body. Each create runs in a fresh provider process's
 * memory (configured anew, untimed), so it reads the list as the raw client does.
 */
async function create(emulator: EmulatorProcess, runs: number, checkFirst: boolean): Promise<RatioRow> {
  const tasks = rawTasks(1000);
  const client = new BenchClient({ keepAlive: true });
  let runtime = await configuredRuntime(emulator.url);
  const title = checkFirst ? "Check and create" : "Create";
  // A name per create: the runtime refuses to create a second unfinished campaign that matches an earlier one.
  const names = Array.from({ length: runs + 1 }, (_, run) => `${title} ${run}`);
  const checkedBefore = checkFirst ? [] : await Promise.all(names.map((name) => checked(runtime, campaignArgs(name, { tasks }))));
  let run = 0;
  try {
    const result = await interleaved(
      runs,
      rawCreate(client, emulator.url, tasks),
      async () => {
        const name = names[run];
        const inputs = checkFirst ? await checked(runtime, campaignArgs(name, { tasks })) : checkedBefore[run];
        run++;
        return runtime.create(inputs);
      },
      async () => (runtime = await configuredRuntime(emulator.url)),
    );
    await emulator.resetAll();
    const name = checkFirst ? "check + create, 1,000 tasks" : "create alone after check, 1,000 tasks";
    return { name, floor: "raw list request + raw POST of the same body", ...result };
  } finally {
    client.close();
  }
}

/**
 * One round of `pulumi-vox status` over 100 campaigns of a stack export (what state records of them: id,
 * agent, creation time), against one raw list request of the agent's campaigns.
 */
async function statusRound(emulator: EmulatorProcess, runs: number): Promise<RatioRow & { requests: number }> {
  const client = new BenchClient({ keepAlive: true });
  try {
    const resources = [];
    for (let i = 0; i < 100; i++) {
      const made = JSON.parse(
        await client.ok(`${emulator.url}/v2/campaigns`, "POST", JSON.stringify(createBody(`Status ${i}`, rawTasks(10, i * 10)))),
      ) as { id: string; created_at: string };
      resources.push({
        type: CAMPAIGN_TYPE,
        urn: `urn:pulumi:bench::bench::${CAMPAIGN_TYPE}::status-${i}`,
        id: made.id,
        outputs: { agentId: AGENT_ID, createdAt: made.created_at },
      });
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vox-bench-status-"));
    const file = path.join(dir, "export.json");
    fs.writeFileSync(file, JSON.stringify({ deployment: { resources } }));
    Object.assign(process.env, { VOX_API_KEY: BENCH_API_KEY, VOX_BASE_URL: emulator.url });
    const lines: string[] = [];
    const screen = {
      output: { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) },
      tty: false,
      clock: systemClock,
    };
    const round = async () => {
      if ((await statusCommand(["--export", file, "--json"], screen)) !== 0)
        throw new Error(`status failed: ${lines.slice(-3).join("\n")}`);
    };
    const list = JSON.stringify({ filter_criteria: { agent_id: [AGENT_ID] }, sort_order: "descending", limit: 500 });
    // A pause before each: status keeps the API's pace (5/s), which a row of quick rounds would otherwise measure.
    const result = await interleaved(
      runs,
      () => client.ok(`${emulator.url}/v2/campaigns/list`, "POST", list),
      round,
      () => sleep(400),
    );
    await emulator.resetRequests();
    await round();
    const requests = Object.values(await emulator.requestCounts()).reduce((sum, n) => sum + n, 0);
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.resetAll();
    return { name: "`pulumi-vox status`, 100 campaigns, one round", floor: "one raw list request", requests, ...result };
  } finally {
    client.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function inProcessRows(emulator: EmulatorProcess, runs: number): Promise<{ rows: RatioRow[]; statusRequests: number }> {
  const runtime = await configuredRuntime(emulator.url);
  const status = await statusRound(emulator, runs);
  return {
    rows: [await checkAndDiff(runtime, emulator, runs), await create(emulator, runs, false), await create(emulator, runs, true), status],
    statusRequests: status.requests,
  };
}
