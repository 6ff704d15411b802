/**
 * The rows that call the provider runtime directly, in this process, against the emulator process.
 */
import { campaignArgs, createBody, rawTasks } from "./support/campaigns";
import { EmulatorProcess } from "./support/emulator-process";
import { BenchClient } from "./support/http";
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

/** check and create of a 1,000-task campaign, against POSTing the same campaign's body with a raw client. */
async function checkAndCreate(runtime: VoxRuntime, emulator: EmulatorProcess, runs: number): Promise<RatioRow> {
  const tasks = rawTasks(1000);
  const client = new BenchClient({ keepAlive: true });
  // A name per create: the runtime refuses to create a second unfinished campaign that matches an earlier one.
  let run = 0;
  try {
    const result = await interleaved(
      runs,
      () => client.ok(`${emulator.url}/v2/campaigns`, "POST", JSON.stringify(createBody("Check and create", tasks))),
      async () => runtime.create(await checked(runtime, campaignArgs(`Check and create ${run++}`, { tasks }))),
    );
    await emulator.resetAll();
    return { name: "check + create, 1,000 tasks", floor: "raw HTTP POST of the same body", ...result };
  } finally {
    client.close();
  }
}

export async function inProcessRows(emulator: EmulatorProcess, runs: number): Promise<RatioRow[]> {
  const runtime = await configuredRuntime(emulator.url);
  return [await checkAndDiff(runtime, emulator, runs), await checkAndCreate(runtime, emulator, runs)];
}
