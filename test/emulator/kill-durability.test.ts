import assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { builtBin } from "../support/bins";
import { Client } from "../support/emulator";
import { campaignBody } from "../support/inputs";

const ROOT = resolve(__dirname, "../..");
const KEY = "durability-key";

/** The standalone emulator as a real child process on `dataFile`; resolves with it and its URL once it listens. */
async function spawnEmulator(dataFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [builtBin("vox-emulator"), "--port", "0", "--api-key", KEY, "--data", dataFile, "--speed", "0", "--rate-limit", "off"],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  let stdout = "";
  for await (const chunk of child.stdout!) {
    stdout += String(chunk);
    const match = /listening on (http:\/\/\S+)/.exec(stdout);
    if (match) return { child, url: match[1] };
  }
  throw new Error(`the emulator exited before listening: ${stdout}`);
}

/** What the emulator acknowledged of one campaign: its create, and whether a rename and a pause were answered 200. */
interface Acknowledged {
  renamed: boolean;
  paused: boolean;
}

describe("emulator durability under kill -9", () => {
  let directory: string;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "vox-emulator-kill-"));
  });
  afterEach(async () => {
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await once(child, "exit");
    }
    await rm(directory, { recursive: true, force: true });
  });

  it("keeps every acknowledged create, rename and pause when killed mid-load", async function () {
    this.timeout(60_000);
    const dataFile = join(directory, "data.json");
    const first = await spawnEmulator(dataFile);
    child = first.child;
    const client = new Client(first.url, KEY);
    const acknowledged = new Map<string, Acknowledged>();
    let killed = false;

    // Each worker walks campaigns through create → rename → pause; answers that arrive after the kill
    // cannot, so a worker ends on the first failed request.
    async function worker(workerIndex: number): Promise<void> {
      for (let round = 0; !killed; round++) {
        try {
          const created = await client.post("/v2/campaigns", campaignBody({ name: `w${workerIndex}-${round}` }));
          if (created.status !== 200) throw new Error(`create answered ${created.status}`);
          const id = created.body.id as string;
          // Each step on its own: a campaign that starts at once (a window open on the machine's date) refuses
          // the rename with 409, and its pause is still acknowledged.
          const steps: Acknowledged = { renamed: false, paused: false };
          acknowledged.set(id, steps);
          steps.renamed = (await client.patch(`/v3/campaigns/${id}`, { name: `renamed-${id}` })).status === 200;
          steps.paused = (await client.post(`/v3/campaigns/${id}/pause`)).status === 200;
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    }

    const workers = Promise.all(Array.from({ length: 16 }, (_, index) => worker(index)));
    const enoughAcknowledged = async () => {
      while (acknowledged.size < 150) await new Promise((resolveWait) => setTimeout(resolveWait, 5));
    };
    // A worker's failure before the kill fails the test here instead of leaving the wait to time out.
    await Promise.race([enoughAcknowledged(), workers]);
    // SIGKILL: no handler runs, nothing is flushed; only what was on disk when answered survives.
    killed = true;
    const exited = once(first.child, "exit");
    first.child.kill("SIGKILL");
    await workers;
    await exited;

    const second = await spawnEmulator(dataFile);
    child = second.child;
    const restarted = new Client(second.url, KEY);
    const lost: string[] = [];
    for (const [id, steps] of acknowledged) {
      const reply = await restarted.get(`/v3/campaigns/${id}`);
      if (reply.status !== 200) {
        lost.push(`${id}: created, now ${reply.status}`);
      } else if (steps.renamed && reply.body.name !== `renamed-${id}`) {
        lost.push(`${id}: renamed, now named ${reply.body.name}`);
      } else if (steps.paused && reply.body.status !== "paused") {
        lost.push(`${id}: paused, now ${reply.body.status}`);
      }
    }
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged campaigns lost a write`);
  });
});
