/**
 * `pulumi up` of 50 campaigns at the provider's default pace against an emulator with the API's rate limit
 * (5 requests/s, bursts of 10), against the floor the API's rate sets: its requests ÷ 5 per second. The
 * same run times an `up` of 50 trivial resources as well: on a busy machine the engine alone may take
 * longer than the rate floor, and then no provider can reach it.
 */
import { BenchStack } from "./support/bench-stack";
import { EmulatorProcess } from "./support/emulator-process";
import { Summary, summarize } from "./support/stats";

/** The API's published rate (docs/vox-api.md). */
export const API_REQUESTS_PER_SECOND = 5;

export interface PaceRow {
  campaigns: number;
  requests: number;
  throttled: number;
  floorMs: number;
  oursMs: Summary;
  ratio: Summary;
  trivialMs: Summary;
}

export async function paceRow(cliDir: string, runs: number, campaigns: number, tasks: number): Promise<PaceRow> {
  const emulator = await EmulatorProcess.start(`${API_REQUESTS_PER_SECOND}/10`);
  try {
    const times: number[] = [];
    const trivialTimes: number[] = [];
    let requests = 0;
    for (let run = 0; run < runs; run++) {
      process.stderr.write(`bench [${process.uptime().toFixed(0)} s]: pace row, run ${run + 1}/${runs}\n`);
      const trivial = await BenchStack.create("trivial", cliDir, emulator.url, [emulator.pid], campaigns, tasks);
      try {
        trivialTimes.push((await trivial.up()).ms);
      } finally {
        trivial.remove();
      }
      const stack = await BenchStack.create("inline", cliDir, emulator.url, [emulator.pid], campaigns, tasks, "default");
      try {
        await emulator.resetRequests();
        times.push((await stack.up()).ms);
        requests = Object.values(await emulator.requestCounts()).reduce((sum, n) => sum + n, 0);
      } finally {
        stack.remove();
        await emulator.resetAll();
      }
    }
    const floorMs = (requests / API_REQUESTS_PER_SECOND) * 1000;
    // Every request beyond one list and one POST per campaign is a retry after a 429.
    return {
      campaigns,
      requests,
      throttled: requests - (campaigns + 1),
      floorMs,
      oursMs: summarize(times),
      ratio: summarize(times.map((ms) => ms / floorMs)),
      trivialMs: summarize(trivialTimes),
    };
  } finally {
    await emulator.stop();
  }
}
