import * as assert from "assert";
import { TEST_API_KEY } from "../support/emulator";
import { AGENT_ID } from "../support/inputs";
import {
  campaignsByName,
  createRequests,
  describeProcesses,
  isRunning,
  killProcessGroup,
  providerHosts,
  startUp,
  useKillHarness,
  waitFor,
} from "./support/kill";
import { CampaignSpec, PulumiStack } from "./support/pulumi-stack";

const DECLARED = 10;

/** Ten campaigns: seven autonamed, three with a name of their own (the recommended, marked kind). */
function tenCampaigns(): CampaignSpec[] {
  return Array.from({ length: DECLARED }, (_, i) => ({
    name: `kill-${i}`,
    args: {
      ...(i % 3 === 0 ? { name: `Promo ${i}` } : {}),
      agentId: AGENT_ID,
      callFrom: "0212345678",
      tasks: [{ callTo: `0101000${String(i).padStart(4, "0")}` }],
    },
  }));
}

/**
 * Issue 18, items 1 and 2, with the real Pulumi CLI killed as a CI runner kills it: SIGKILL to its process
 * group, which leaves the language host and the provider host (groups of their own) running.
 */
describe("exactly once when `pulumi up` is SIGKILLed (issue 18.1, 18.2)", function () {
  this.timeout(10 * 60_000);
  let stack: PulumiStack;
  const harness = useKillHarness(() => stack.remove());
  const emulator = () => harness.emulator();
  beforeEach(async () => {
    stack = await PulumiStack.create(harness.cliDir(), emulator().url, TEST_API_KEY);
    stack.setCampaigns(tenCampaigns());
  });

  /** The re-run a user makes, and what the API holds afterwards: exactly one campaign per declared resource. */
  async function rerunCreatesEachOnce(): Promise<void> {
    // A killed update leaves the stack locked: Pulumi's own `cancel` is the first step of any re-run.
    await stack.ok("cancel", "--yes");
    const rerun = await stack.run("up", "--yes", "--skip-preview");
    assert.strictEqual(rerun.code, 0, `the re-run completes with no hand work\n${rerun.stdout}\n${rerun.stderr}`);
    const state = await stack.campaignState();
    assert.strictEqual(Object.keys(state).length, DECLARED);
    const byName = await campaignsByName(emulator());
    const duplicates = [...byName].filter(([, ids]) => ids.length > 1);
    assert.deepStrictEqual(duplicates, [], "no name has two campaigns");
    assert.strictEqual(await emulator().campaignCount(), DECLARED, "one campaign per declared resource, none orphaned");
    assert.deepStrictEqual(
      Object.values(state)
        .map((c) => c.id)
        .sort(),
      [...byName.values()].flat().sort(),
      "state holds every campaign the API has",
    );
  }

  it("1. under a 429 storm: after the kill the provider host sends nothing and exits; the re-run creates each campaign once", async () => {
    await stack.ok("config", "set", "vox:createLookupSeconds", "5");
    await emulator().fault({ type: "429", method: "POST", path: "/v2/campaigns", retryAfterSec: 2 });
    const run = startUp(stack, "--parallel", String(DECLARED));
    await waitFor("creates refused by the storm", async () => (await createRequests(emulator())) >= 3);
    const started = await killProcessGroup(run);
    harness.survivors.push(...started);
    const hosts = providerHosts(started);
    assert.ok(hosts.length > 0, `the provider host was running when the CLI was killed: ${describeProcesses(started)}`);
    const postsAtKill = await createRequests(emulator());

    // The storm ends: a provider host still working through its queue would now create campaigns. The
    // creates are counted before the host's exit is asserted, so that a host that stays shows what it sends.
    await emulator().clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    assert.strictEqual(await createRequests(emulator()), postsAtKill, "no create was sent after the engine was killed");
    assert.strictEqual(await emulator().campaignCount(), 0);
    assert.deepStrictEqual(hosts.filter(isRunning), [], "the provider host exited with its engine");

    await rerunCreatesEachOnce();
  });

  it("2. creates the API commits 8 s late, the CLI killed meanwhile, an immediate re-run: each campaign once", async () => {
    await stack.ok("config", "set", "vox:createLookupSeconds", "15");
    await emulator().fault({ type: "slow-commit", method: "POST", path: "/v2/campaigns", commitAfterMs: 8_000, count: DECLARED });
    const run = startUp(stack, "--parallel", String(DECLARED));
    await waitFor("every create sent", async () => (await createRequests(emulator())) >= DECLARED);
    harness.survivors.push(...(await killProcessGroup(run)));
    // At once: the lost creates commit during this run's recognition.
    await rerunCreatesEachOnce();
    // Any create still committing has landed by now.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.strictEqual(await emulator().campaignCount(), DECLARED);
  });
});
