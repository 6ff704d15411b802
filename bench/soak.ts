/**
 * Exactly-once soak: creates through the provider under a random mix of the emulator's faults, then
 * counts from the emulator's own store (its data file) what matters when every campaign dials people:
 *  - duplicates: more than one campaign of one name (every create here has its own name);
 *  - orphans: campaigns that no result (a create's id, a stack's state) holds and no error names;
 *  - unclear failures: errors with neither a [vox:CODE] nor the request they are about.
 * Part 1 calls the runtime's check and create directly (N creates, CONCURRENCY at once; a failed create is run
 * again, as a user would run `pulumi up` again, up to RERUNS times); every campaign declares two suppression
 * lists (a CSV of numbers and a hashed list) and one task on one of them, and the emulator's own records
 * then count the suppressed numbers that reached it (goal: 0) and the campaigns without exactly the tasks left. Part 2 runs M stacks through the real
 * `pulumi up` (a few at once, each with its own API key; a failed up is run again). Part 3 kills `pulumi up`
 * (SIGKILL to its process group, as a CI runner does) one round after another: under a 429 storm, while
 * its creates commit 8 s late, and while a second stack declares the same display names; then runs
 * `pulumi cancel` and `pulumi up` again as a user would, and counts what survived the kill, campaigns held
 * by two stacks, and the rounds that still failed after RERUNS re-runs (hand work). Figures are printed,
 * never asserted. Run: npm run soak (SOAK_CREATES, SOAK_STACKS, SOAK_PARALLEL, SOAK_FAULT_RATE, SOAK_KILLS
 * to change).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fetch from "node-fetch";
import { RunningEmulator, startEmulator } from "../emulator";
import { check, configure, create } from "../provider/runtime";
import { suppressionHash } from "../provider/suppression";
import { isRunning, killProcessGroup, providerHosts, startUp, stopSurvivors } from "../test/e2e/support/kill";
import { PulumiStack, pulumiCliDir } from "../test/e2e/support/pulumi-stack";

const CREATES = Number(process.env.SOAK_CREATES ?? 1000);
const STACKS = Number(process.env.SOAK_STACKS ?? 100);
const STACKS_AT_ONCE = Number(process.env.SOAK_PARALLEL ?? 4);
const KILLS = Number(process.env.SOAK_KILLS ?? 30);
const CAMPAIGNS_PER_KILL = 5;
/** Longer than the 8 s late commits of part 3, so that a re-run's lookups outlast them. */
const KILL_SETTINGS = { "vox:createLookupSeconds": "12", "vox:retryBudgetSeconds": "60" };
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
  /** The stack whose state holds `ids`, for campaigns held by two stacks. */
  stack?: string;
}

function tasks(i: number) {
  return [{ callTo: `0101${String(i % 10_000_000).padStart(7, "0")}` }, { callTo: "01099990000" }];
}

/** The task of direct create `i` that is on a suppression list: the CSV list's for even `i`, the hashed list's for odd. */
function suppressedNumber(i: number): string {
  return `0105${String(i % 10_000_000).padStart(7, "0")}`;
}

/**
 * The suppression lists of part 1, in a folder of their own (the provider reads lists inside its working
 * directory's project): every create's suppressed number, and as many others again that no task has.
 */
function writeSuppressionLists(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vox-soak-lists-"));
  const numbers = (parity: number) =>
    Array.from({ length: 2 * CREATES }, (_, i) => i)
      .filter((i) => i % 2 === parity)
      .map(suppressedNumber);
  fs.writeFileSync(path.join(dir, "optout.csv"), ["phone", ...numbers(0), ""].join("\n"));
  fs.writeFileSync(path.join(dir, "register.sha256"), ["# soak register", ...numbers(1).map(suppressionHash), ""].join("\n"));
  return [path.join(dir, "optout.csv"), path.join(dir, "register.sha256")];
}

function hex6(i: number): string {
  return ((i * 2654435761) % 0xffffff).toString(16).padStart(6, "0");
}

/**
 * Autonamed mostly (the name and the marker vox.Campaign records with it); one in ten with an exact name (a
 * lost create then ends in an error naming the candidates).
 */
function campaignName(prefix: string, i: number): { name: string; nameMarker: string | null } {
  return i % 10 === 0 ? { name: `${prefix} explicit ${i}`, nameMarker: null } : { name: `${prefix}-${i}-${hex6(i)}`, nameMarker: hex6(i) };
}

function isClear(message: string): boolean {
  return /\[vox:[A-Z_]+\]/.test(message) || /\b(GET|POST|PATCH) \/v\d\//.test(message);
}

async function directCreates(url: string, key: string): Promise<Outcome[]> {
  const config: Record<string, string> = { ...SETTINGS, "vox:apiKey": key, "vox:baseUrl": url, "vox:requestsPerSecond": "200" };
  await configure({ config: { get: (k: string) => config[k] } });
  const suppressionLists = writeSuppressionLists();
  const startedIn = process.cwd();
  process.chdir(path.dirname(suppressionLists[0]));
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < CREATES) {
      const i = next++;
      const naming = campaignName("soak", i);
      const outcome: Outcome = { name: naming.name, ids: [], errors: [] };
      const declared = {
        ...naming,
        agentId: AGENT_ID,
        callFrom: "0212345678",
        concurrency: 2,
        tasks: [...tasks(i), { callTo: suppressedNumber(i) }],
        suppressionLists,
      };
      const checked = await check({}, declared);
      if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures.slice(0, 3))}`);
      const inputs = checked.inputs;
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
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    process.chdir(startedIn);
    fs.rmSync(path.dirname(suppressionLists[0]), { recursive: true, force: true });
  }
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
      const stack = await PulumiStack.create(cliDir, url, keys[s], undefined, `soak-${s}`);
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
        errors.push(...errorLines(result.stdout + result.stderr));
      }
      const state = await stack.campaignState();
      for (const spec of specs) {
        const held = state[spec.name];
        outcomes.push({ name: held?.name ?? spec.name, ids: held ? [held.id] : [], errors: held ? [] : errors, stack: `soak-${s}` });
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

type KillMode = "429 storm" | "late commit" | "shared display name";
const KILL_MODES: KillMode[] = ["429 storm", "late commit", "shared display name"];

interface KillFigures {
  outcomes: Outcome[];
  /** Provider hosts still running 3 s after their CLI was killed. */
  survivingHosts: number;
  /** POSTs the emulator saw from 1 s to 3 s after a kill (rounds of one stack). */
  postsAfterKill: number;
  /** Rounds whose stacks still failed after RERUNS re-runs: someone must look. */
  handWork: number;
  reruns: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const createPosts = (emulator: RunningEmulator) => emulator.requests.snapshot().counts["POST /v2/campaigns"] ?? 0;

/** The campaigns of one round's stack: `team` picks the people, the display names are the same for both teams. */
function killSpecs(round: number, team: number) {
  return Array.from({ length: CAMPAIGNS_PER_KILL }, (_, c) => ({
    name: `k${round}-c${c}`,
    args: {
      ...(c % 2 === 0 ? { name: `Promo ${round}-${c}` } : {}),
      agentId: AGENT_ID,
      callFrom: "0212345678",
      tasks: tasks(1_000_000 + round * 100 + team * 10 + c),
    },
  }));
}

/** Part 3: one killed `pulumi up` per round, then what a user does (`cancel`, `up`), counted. */
async function killRounds(emulator: RunningEmulator, keys: string[]): Promise<KillFigures> {
  const cliDir = pulumiCliDir();
  const figures: KillFigures = { outcomes: [], survivingHosts: 0, postsAfterKill: 0, handWork: 0, reruns: 0 };
  for (let round = 0; round < KILLS; round++) {
    const mode = KILL_MODES[round % KILL_MODES.length];
    const teams = mode === "shared display name" ? 2 : 1;
    const stacks: PulumiStack[] = [];
    for (let team = 0; team < teams; team++) {
      // Both teams in one organization (one key), as two teams of one company.
      const stack = await PulumiStack.create(cliDir, emulator.url, keys[round], undefined, `kill-${round}-team-${team}`);
      for (const [k, v] of Object.entries({ ...SETTINGS, ...KILL_SETTINGS })) await stack.ok("config", "set", k, v);
      stack.setCampaigns(killSpecs(round, mode === "shared display name" ? team : 0));
      stacks.push(stack);
    }
    const fault = emulator.faults.add(
      mode === "429 storm"
        ? { type: "429", method: "POST", path: "/v2/campaigns", retryAfterSec: 2 }
        : { type: "slow-commit", method: "POST", path: "/v2/campaigns", commitAfterMs: 8_000, count: CAMPAIGNS_PER_KILL },
    );
    const before = createPosts(emulator);
    const killed = startUp(stacks[0], "--parallel", String(CAMPAIGNS_PER_KILL));
    const other = teams > 1 ? stacks[1].run("up", "--yes", "--skip-preview") : undefined;
    for (let waited = 0; createPosts(emulator) === before && waited < 120_000; waited += 100) await sleep(100);
    await sleep(Math.random() * 1_500);
    const started = await killProcessGroup(killed);
    emulator.faults.remove(fault.id);
    await sleep(1_000);
    const postsAtKill = createPosts(emulator);
    await sleep(2_000);
    figures.survivingHosts += providerHosts(started).filter(isRunning).length;
    stopSurvivors(started);
    await other;
    // With a second team, its own creates run on meanwhile: count only rounds of one stack.
    if (teams === 1) figures.postsAfterKill += createPosts(emulator) - postsAtKill;
    let failed = false;
    for (const [team, stack] of stacks.entries()) {
      if (team === 0) await stack.run("cancel", "--yes");
      const errors: string[] = [];
      let done = false;
      for (let run = 0; run <= RERUNS && !done; run++) {
        figures.reruns++;
        const result = await stack.run("up", "--yes", "--skip-preview");
        done = result.code === 0;
        if (!done) errors.push(...errorLines(result.stdout + result.stderr));
      }
      failed ||= !done;
      const state = await stack.campaignState();
      for (const spec of killSpecs(round, team)) {
        const held = state[spec.name];
        figures.outcomes.push({
          name: spec.name,
          ids: held ? [held.id] : [],
          errors: held ? [] : errors,
          stack: `kill-${round}-team-${team}`,
        });
      }
      stack.remove();
    }
    if (failed) figures.handWork++;
    process.stdout.write(`  kill ${round + 1}/${KILLS} (${mode})\r`);
  }
  return figures;
}

/**
 * From the emulator's own records of part 1's campaigns: the tasks it holds that are on a suppression list
 * (goal 0), and the campaigns that do not hold exactly the two tasks left of three.
 */
function suppressionFigures(campaigns: { tasks: { callTo: string }[] }[]) {
  const suppressed = new Set(Array.from({ length: 2 * CREATES }, (_, i) => suppressedNumber(i)));
  const numbers = campaigns.flatMap((campaign) => campaign.tasks.map((task) => task.callTo));
  return {
    suppressionListEntries: suppressed.size,
    tasksInTheEmulator: numbers.length,
    suppressedNumbersInTheEmulator: numbers.filter((number) => suppressed.has(number)).length,
    campaignsWithoutTheTwoTasksLeft: campaigns.filter((campaign) => campaign.tasks.length !== 2).length,
  };
}

/** The error lines of a failed `pulumi up`, without Pulumi's summary lines. */
function errorLines(output: string): string[] {
  return output.split("\n").filter((line) => /error:/i.test(line) && !/update failed|errors? occurred/.test(line));
}

/** Every campaign one API key sees (its organization's), through the API itself. */
async function campaignsOfKey(url: string, key: string): Promise<{ id: string; name: string }[]> {
  const found: { id: string; name: string }[] = [];
  let cursor: string | undefined;
  do {
    const response = await fetch(`${url}/v3/campaigns?limit=100${cursor ? `&cursor=${cursor}` : ""}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const page = (await response.json()) as { items: { id: string; name: string }[]; next_cursor?: string | null };
    found.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return found;
}

function count(outcomes: Outcome[], campaigns: { id: string; name: string }[]) {
  const byName = new Map<string, number>();
  for (const c of campaigns) byName.set(c.name, (byName.get(c.name) ?? 0) + 1);
  const held = new Set(outcomes.flatMap((o) => o.ids));
  const errorText = outcomes.flatMap((o) => o.errors).join("\n");
  const finalFailures = outcomes.filter((o) => o.ids.length === 0 && o.errors.length > 0);
  const stacksById = new Map<string, Set<string>>();
  for (const o of outcomes) for (const id of o.stack ? o.ids : []) stacksById.set(id, (stacksById.get(id) ?? new Set()).add(o.stack!));
  return {
    campaigns: campaigns.length,
    duplicates: [...byName.values()].filter((n) => n > 1).reduce((a, n) => a + n - 1, 0),
    heldByTwoStacks: [...stacksById.values()].filter((stacks) => stacks.size > 1).length,
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
  const keys = Array.from({ length: STACKS + 1 + KILLS }, (_, i) => `soak-key-${i}`);
  const faults = FAULT_TYPES.map((f) => ({ ...f, rate: FAULT_RATE / FAULT_TYPES.length }));
  // The contract's rate limit per key: part 1 uses the first key, each stack its own.
  const emulator = await startEmulator({ apiKey: keys, dataFile, speed: 0, failureRate: 0, faults: faults as never });
  console.log(
    `soak: ${CREATES} direct creates, ${STACKS} stacks x ${CAMPAIGNS_PER_STACK} campaigns, ${KILLS} killed ups x ${CAMPAIGNS_PER_KILL} ` +
      `campaigns, ${FAULT_RATE * 100}% of requests faulted`,
  );
  let started = Date.now();
  const direct = CREATES > 0 ? await directCreates(emulator.url, keys[0]) : [];
  const directSeconds = (Date.now() - started) / 1000;
  started = Date.now();
  const stacks = STACKS > 0 ? await stackRuns(emulator.url, keys.slice(1, STACKS + 1)) : { outcomes: [], ups: 0, failedUps: 0 };
  const stackSeconds = (Date.now() - started) / 1000;
  started = Date.now();
  const killKeys = keys.slice(STACKS + 1);
  const kills = KILLS > 0 ? await killRounds(emulator, killKeys) : undefined;
  // Counted with no fault left, one key after another (the API's rate limit is per key).
  emulator.faults.clear();
  const killCampaigns = (await Promise.all(killKeys.map((key) => campaignsOfKey(emulator.url, key)))).flat();
  const killSeconds = (Date.now() - started) / 1000;
  const requests = emulator.requests.snapshot();
  await emulator.close();
  const saved = JSON.parse(fs.readFileSync(dataFile, "utf8"));
  const all: { id: string; name: string; organizationId: string }[] = saved.campaigns ?? saved.store?.campaigns ?? [];
  const directOrg = all.find((c) => direct.some((o) => o.ids.includes(c.id)))?.organizationId;
  const print = (title: string, figures: object) => console.log(`${title}\n${JSON.stringify(figures, null, 2)}`);
  const directCampaigns = all.filter((c) => c.organizationId === directOrg);
  print(`direct creates (${directSeconds.toFixed(0)} s)`, {
    ...count(direct, directCampaigns),
    ...suppressionFigures(directCampaigns as unknown as { tasks: { callTo: string }[] }[]),
  });
  const killIds = new Set(killCampaigns.map((c) => c.id));
  print(
    `pulumi up stacks (${stackSeconds.toFixed(0)} s, ${stacks.ups} ups, ${stacks.failedUps} failed and run again)`,
    count(
      stacks.outcomes,
      all.filter((c) => c.organizationId !== directOrg && !killIds.has(c.id)),
    ),
  );
  if (kills) {
    const { outcomes, ...figures } = kills;
    print(`killed ups (${killSeconds.toFixed(0)} s, ${KILLS} rounds, ${kills.reruns} re-runs)`, {
      ...figures,
      ...count(outcomes, killCampaigns),
    });
  }
  print("requests seen by the emulator", (requests as { counts?: object }).counts ?? requests);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
