/**
 * Emulator throughput on loopback, bounded in time and count. Prints two figures:
 *  1. GET /v3/campaigns/{id} requests per second: 20 keep-alive clients for 3 s;
 *  2. the time to accept a 10,000-task POST /v2/campaigns: the median of 5 runs.
 * The emulator runs in its own process (as `vox-emulator` would), so that the clients do not share its CPU.
 * Run: npx ts-node bench/emulator.ts
 */
import { performance } from "node:perf_hooks";
import { EmulatorProcess } from "./support/emulator-process";
import { BenchClient } from "./support/http";

const CLIENTS = 20;
const READ_SECONDS = 3;
const CREATE_RUNS = 5;
const TASKS = 10_000;

const client = new BenchClient({ keepAlive: true, maxSockets: CLIENTS });
const send = (url: string, method: string, body?: string) => client.send(url, method, body);

async function readThroughput(url: string, id: string): Promise<number> {
  const deadline = performance.now() + READ_SECONDS * 1000;
  let completed = 0;
  const reader = async () => {
    while (performance.now() < deadline) {
      const reply = await send(`${url}/v3/campaigns/${id}`, "GET");
      if (reply.status !== 200) throw new Error(`GET answered ${reply.status}`);
      completed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, reader));
  return completed / ((performance.now() - started) / 1000);
}

async function createMedianMs(url: string): Promise<number> {
  const body = JSON.stringify({
    name: "Bench",
    call_from: "0212345678",
    agent_id: "6f1d2c3b-1111-4222-8333-444455556666",
    tasks: Array.from({ length: TASKS }, (_, index) => ({
      call_to: `010${10_000_000 + index}`,
      dynamic_variables: { index: String(index) },
    })),
  });
  const durations: number[] = [];
  for (let run = 0; run < CREATE_RUNS; run++) {
    const started = performance.now();
    const reply = await send(`${url}/v2/campaigns`, "POST", body);
    durations.push(performance.now() - started);
    if (reply.status !== 200) throw new Error(`create answered ${reply.status}: ${reply.text.slice(0, 200)}`);
  }
  durations.sort((a, b) => a - b);
  return durations[Math.floor(durations.length / 2)];
}

async function main(): Promise<void> {
  const emulator = await EmulatorProcess.start();
  const { url } = emulator;
  try {
    const created = await send(
      `${url}/v2/campaigns`,
      "POST",
      JSON.stringify({
        name: "Read bench",
        call_from: "0212345678",
        agent_id: "6f1d2c3b-1111-4222-8333-444455556666",
        tasks: [{ call_to: "01012345678" }],
      }),
    );
    const id = (JSON.parse(created.text) as { id: string }).id;
    await readThroughput(url, id); // warm-up run, not reported
    const perSecond = await readThroughput(url, id);
    console.log(`GET /v3/campaigns/{id}: ${Math.round(perSecond)} requests/s (${CLIENTS} keep-alive clients, ${READ_SECONDS} s, loopback)`);
    const medianMs = await createMedianMs(url);
    console.log(`POST /v2/campaigns with ${TASKS} tasks: ${medianMs.toFixed(0)} ms to accept (median of ${CREATE_RUNS})`);
  } finally {
    client.close();
    await emulator.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
