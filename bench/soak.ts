/**
 * Exactly-once soak: creates through the provider under a random mix of the emulator's faults, then
 * counts from the emulator's own store (its data file) what matters when every campaign dials people:
 *  - duplicates: more than one campaign of one name (every create here has its own name);
 *  - orphans: campaigns that no result (a create's id, a stack's state) holds and no error names;
 *  - unclear failures: errors with neither a [vox:CODE] nor the request they are about.
 * Part 1 calls the runtime's create directly (N creates, CONCURRENCY at once; a failed create is run again,
 * as a user would run `pulumi up` again, up to RERUNS times). Part 2 runs M stacks through the real
 * `pulumi up` (a few at once, each with its own API key; a failed up is run again). Figures are printed,
 * never asserted. Run: npm run soak (SOAK_CREATES, SOAK_STACKS, SOAK_PARALLEL, SOAK_FAULT_RATE to change).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../emulator";
import { configure, create } from "../provider/runtime";
import { PulumiStack, pulumiCliDir } from "../test/e2e/support/pulumi-stack";

const CREATES = Number(process.env.SOAK_CREATES ?? 1000);
const STACKS = Number(process.env.SOAK_STACKS ?? 100);
const STACKS_AT_ONCE = Number(process.env.SOAK_PARALLEL ?? 4);
const FAULT_RATE = Number(process.env.SOAK_FAULT_RATE ?? 0.2);
const CONCURRENCY = 25;
const RERUNS = 3;
const CAMPAIGNS_PER_STACK = 3;
const AGENT_ID = "3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f";
/** Timeout 1 s: the latency and slow-commit faults below outlast it, so answers are lost. */
const SETTINGS = { "vox:timeoutSeconds": "1", "vox:createLookupSeconds": "3", "vox:retryBudgetSeconds": "60" };

/** Each type an equal share of FAULT_RATE, on every API request. */
const FAULT_TYPES = [
  { type: "429", retryAfterSec: 1 },
  { type: "503" },
  { type: "reset" },
  { type: "commit-then-drop" },
  { type: "latency", latencyMs: 1500 },
  { type: "slow-commit", commitAfterMs: 1500 },
] as const;

interface Outcome {
  name: string;
  ids: string[];
  errors: string[];
}

function tasks(i: number) {
  return [{ callTo: `0101${String(i % 10_000_000).padStart(7, "0")}` }, { callTo: "01099990000" }];
}

function hex6(i: number): string {
  return ((i * 2654435761) % 0xffffff).toString(16).padStart(6, "0");
}

/** Autonamed mostly; one in ten with an explicit name (a lost create then ends in an error naming the candidates). */
function campaignName(prefix: string, i: number): string {
  return i % 10 === 0 ? `${prefix} explicit ${i}` : `${prefix}-${i}-${hex6(i)}`;
}

function isClear(message: string): boolean {
  return /\[vox:[A-Z_]+\]/.test(message) || /\b(GET|POST|PATCH) \/v\d\//.test(message);
}

async function directCreates(url: string, key: string): Promise<Outcome[]> {
  const config: Record<string, string> = { ...SETTINGS, "vox:apiKey": key, "vox:baseUrl": url, "vox:requestsPerSecond": "200" };
  await configure({ config: { get: (k: string) => config[k] } });
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < CREATES) {
      const i = next++;
      const outcome: Outcome = { name: campaignName("soak", i), ids: [], errors: [] };
      const inputs = {
        name: outcome.name,
        agentId: AGENT_ID,
        callFrom: "0212345678",
        concurrency: 2,
        tasks: tasks(i),
        taskCount: 2,
        tasksDigest: "sha256:soak",
        allowRedial: false,
      };
      for (let run = 0; run <= RERUNS; run++) {
        try {
          outcome.ids.push((await create(inputs)).id);
          break;
        } catch (error) {
          outcome.errors.push((error as Error).message);
        }
      }
      outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

async function stackRuns(url: string, keys: string[]): Promise<{ outcomes: Outcome[]; ups: number; failedUps: number }> {
  const cliDir = pulumiCliDir();
  const outcomes: Outcome[] = [];
  let ups = 0;
  let failedUps = 0;
  let next = 0;
  const worker = async () => {
    while (next < STACKS) {
      const s = next++;
      const stack = await PulumiStack.create(cliDir, url, keys[s]);
      for (const [k, v] of Object.entries(SETTINGS)) await stack.ok("config", "set", k, v);
      // Explicit names on every fourth stack's first campaign; autonames otherwise.
      const specs = Array.from({ length: CAMPAIGNS_PER_STACK }, (_, c) => ({
        name: `s${s}-c${c}`,
        args: {
          ...(s % 4 === 0 && c === 0 ? { name: `stack ${s} explicit` } : {}),
          agentId: AGENT_ID,
          callFrom: "0212345678",
          tasks: tasks(s * 10 + c),
        },
      }));
      stack.setCampaigns(specs);
      const errors: string[] = [];
      for (let run = 0; run <= RERUNS; run++) {
        ups++;
        const result = await stack.run("up", "--yes", "--skip-preview");
        if (result.code === 0) break;
        failedUps++;
        errors.push(
          ...(result.stdout + result.stderr)
            .split("\n")
            .filter((line) => /error:/i.test(line) && !/update failed|errors? occurred/.test(line)),
        );
      }
      const state = await stack.campaignState();
      for (const spec of specs) {
        const held = state[spec.name];
        outcomes.push({ name: held?.name ?? spec.name, ids: held ? [held.id] : [], errors: held ? [] : errors });
      }
      // Errors that name no resource still clear campaigns they name.
      outcomes.push({ name: `stack ${s} errors`, ids: [], errors });
      stack.remove();
      process.stdout.write(`  stack ${s + 1}/${STACKS}\r`);
    }
  };
  await Promise.all(Array.from({ length: STACKS_AT_ONCE }, worker));
  return { outcomes, ups, failedUps };
}

function count(outcomes: Outcome[], campaigns: { id: string; name: string }[]) {
  const byName = new Map<string, number>();
  for (const c of campaigns) byName.set(c.name, (byName.get(c.name) ?? 0) + 1);
  const held = new Set(outcomes.flatMap((o) => o.ids));
  const errorText = outcomes.flatMap((o) => o.errors).join("\n");
  const finalFailures = outcomes.filter((o) => o.ids.length === 0 && o.errors.length > 0);
  return {
    campaigns: campaigns.length,
    duplicates: [...byName.values()].filter((n) => n > 1).reduce((a, n) => a + n - 1, 0),
    orphans: campaigns.filter((c) => !held.has(c.id) && !errorText.includes(c.id)).length,
    errorsSeen: outcomes.reduce((a, o) => a + o.errors.length, 0),
    unclearErrors: outcomes.flatMap((o) => o.errors).filter((m) => !isClear(m)).length,
    // What an unclear error said, so that it can be made clear (first lines only; numbers never appear here).
    unclearExamples: [...new Set(outcomes.flatMap((o) => o.errors).filter((m) => !isClear(m)))]
      .slice(0, 5)
      .map((m) => m.split("\n")[0].slice(0, 300)),
    failedAfterReruns: finalFailures.length,
    errorCodes: Object.entries(
      outcomes
        .flatMap((o) => o.errors)
        .reduce<Record<string, number>>((acc, m) => {
          const code = /\[vox:([A-Z_]+)\]/.exec(m)?.[1] ?? /\b(GET|POST|PATCH) \/v\d\/\S+/.exec(m)?.[0] ?? "other";
          acc[code] = (acc[code] ?? 0) + 1;
          return acc;
        }, {}),
    ),
  };
}

async function main() {
  const dataFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vox-soak-")), "data.json");
  const keys = Array.from({ length: STACKS + 1 }, (_, i) => `soak-key-${i}`);
  const faults = FAULT_TYPES.map((f) => ({ ...f, rate: FAULT_RATE / FAULT_TYPES.length }));
  // The contract's rate limit per key: part 1 uses the first key, each stack its own.
  const emulator = await startEmulator({ apiKey: keys, dataFile, speed: 0, failureRate: 0, faults: faults as never });
  console.log(
    `soak: ${CREATES} direct creates, ${STACKS} stacks x ${CAMPAIGNS_PER_STACK} campaigns, ${FAULT_RATE * 100}% of requests faulted`,
  );
  let started = Date.now();
  const direct = CREATES > 0 ? await directCreates(emulator.url, keys[0]) : [];
  const directSeconds = (Date.now() - started) / 1000;
  started = Date.now();
  const stacks = STACKS > 0 ? await stackRuns(emulator.url, keys.slice(1)) : { outcomes: [], ups: 0, failedUps: 0 };
  const stackSeconds = (Date.now() - started) / 1000;
  const requests = emulator.requests.snapshot();
  await emulator.close();
  const saved = JSON.parse(fs.readFileSync(dataFile, "utf8"));
  const all: { id: string; name: string; organizationId: string }[] = saved.campaigns ?? saved.store?.campaigns ?? [];
  const directOrg = all.find((c) => direct.some((o) => o.ids.includes(c.id)))?.organizationId;
  const print = (title: string, figures: object) => console.log(`${title}\n${JSON.stringify(figures, null, 2)}`);
  print(
    `direct creates (${directSeconds.toFixed(0)} s)`,
    count(
      direct,
      all.filter((c) => c.organizationId === directOrg),
    ),
  );
  print(
    `pulumi up stacks (${stackSeconds.toFixed(0)} s, ${stacks.ups} ups, ${stacks.failedUps} failed and run again)`,
    count(
      stacks.outcomes,
      all.filter((c) => c.organizationId !== directOrg),
    ),
  );
  print("requests seen by the emulator", (requests as { counts?: object }).counts ?? requests);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
