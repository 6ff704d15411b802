import * as assert from "assert";
import { TEST_API_KEY } from "../support/emulator";
import { AGENT_ID } from "../support/inputs";
import { campaignsByName, createRequests, killProcessGroup, startUp, useKillHarness, waitFor } from "./support/kill";
import { PulumiStack } from "./support/pulumi-stack";

/** Two teams' declarations of one display name: same agent, caller and list size, different people. */
function springPromo(team: number, extra: Record<string, unknown> = {}) {
  return [
    {
      name: "spring",
      args: {
        name: "Spring promo",
        agentId: AGENT_ID,
        callFrom: "0212345678",
        tasks: [{ callTo: `010200${team}0001` }, { callTo: `010200${team}0002` }],
        ...extra,
      },
    },
  ];
}

/** Issue 18.3 and 18.4 with the real CLI: two stacks, one organization, the same display name. */
describe("names that tell this resource's campaign from another stack's (issue 18.3, 18.4)", function () {
  this.timeout(10 * 60_000);
  let teams: PulumiStack[] = [];
  const harness = useKillHarness(() => teams.forEach((team) => team.remove()));
  const emulator = () => harness.emulator();
  beforeEach(async () => {
    teams = [
      await PulumiStack.create(harness.cliDir(), emulator().url, TEST_API_KEY, undefined, { stackName: "team-a" }),
      await PulumiStack.create(harness.cliDir(), emulator().url, TEST_API_KEY, undefined, { stackName: "team-b" }),
    ];
  });

  const heldIds = async (team: PulumiStack) => Object.values(await team.campaignState()).map((c) => c.id as string);

  it('"Spring promo" in two stacks: each gets its own campaign, once, named with its own marker', async () => {
    teams.forEach((team, i) => team.setCampaigns(springPromo(i)));
    await teams[0].up();
    await teams[1].up();
    const [a, b] = [await heldIds(teams[0]), await heldIds(teams[1])];
    assert.strictEqual(await emulator().campaignCount(), 2);
    assert.notStrictEqual(a[0], b[0], "no campaign is held by two stacks");
    const names = [...(await campaignsByName(emulator())).keys()].sort();
    assert.strictEqual(names.length, 2);
    for (const name of names) assert.match(name, /^Spring promo \[[0-9a-f]{6}\]$/);
    // One stack's destroy leaves the other's campaign alone.
    await teams[0].ok("destroy", "--yes", "--skip-preview");
    assert.strictEqual((await emulator().campaign(b[0])).status, "pending");
  });

  it("one stack's `up` killed while its create commits late: both stacks' next `up` complete, each campaign once", async () => {
    await teams[0].ok("config", "set", "vox:createLookupSeconds", "15");
    teams.forEach((team, i) => team.setCampaigns(springPromo(i)));
    await emulator().fault({ type: "slow-commit", method: "POST", path: "/v2/campaigns", commitAfterMs: 8_000, count: 1 });
    const run = startUp(teams[0]);
    await waitFor("team A's create sent", async () => (await createRequests(emulator())) >= 1);
    harness.survivors.push(...(await killProcessGroup(run)));
    await teams[0].ok("cancel", "--yes");
    const [a, b] = await Promise.all([teams[0].run("up", "--yes", "--skip-preview"), teams[1].run("up", "--yes", "--skip-preview")]);
    assert.deepStrictEqual([a.code, b.code], [0, 0], `${a.stdout}${a.stderr}\n${b.stdout}${b.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.strictEqual(await emulator().campaignCount(), 2);
    assert.notStrictEqual((await heldIds(teams[0]))[0], (await heldIds(teams[1]))[0]);
  });

  it("exact names (`spring-202604`, exactName: true) in two stacks: the second stops, saying the campaign may be another stack's", async () => {
    teams.forEach((team, i) => team.setCampaigns(springPromo(i, { name: "spring-202604", exactName: true })));
    await teams[0].up();
    const second = await teams[1].run("up", "--yes", "--skip-preview");
    assert.notStrictEqual(second.code, 0);
    assert.match(second.stdout + second.stderr, /\[vox:CAMPAIGN_EXISTS\][^]*another stack's/);
    assert.strictEqual(await emulator().campaignCount(), 1, "no second campaign, and none adopted by the other stack");
    assert.deepStrictEqual(await heldIds(teams[1]), []);
  });
});
