import * as assert from "assert";
import { TEST_API_KEY, TestEmulator, startTestEmulator } from "../support/emulator";
import { AGENT_ID } from "../support/inputs";
import { PulumiStack, pulumiCliDir } from "./support/pulumi-stack";

const OTHER_KEY = "other-organization-key";

/** Issue 9 under the real Pulumi CLI, where the engine's part matters. */
describe("exactly once with the Pulumi CLI (issue 9)", function () {
  this.timeout(10 * 60_000);
  let cliDir: string;
  let emulator: TestEmulator;
  let stack: PulumiStack;
  before(function () {
    this.timeout(30 * 60_000);
    cliDir = pulumiCliDir();
  });
  afterEach(async () => {
    stack?.remove();
    await emulator?.close();
  });

  const campaign = (name: string, i: number) => ({
    name,
    args: { agentId: AGENT_ID, callFrom: "0212345678", tasks: [{ callTo: `0101000${String(i).padStart(4, "0")}` }] },
  });

  it("6. destroy --run-program with another organization's key fails, naming the key's source, and keeps state", async () => {
    emulator = await startTestEmulator({ otherApiKeys: [OTHER_KEY] });
    stack = await PulumiStack.create(cliDir, emulator.url, TEST_API_KEY);
    stack.setCampaigns([campaign("reminder", 1)]);
    await stack.up();
    const [before] = Object.values(await stack.campaignState());
    await stack.ok("config", "set", "--secret", "vox:apiKey", OTHER_KEY);
    const result = await stack.run("destroy", "--yes", "--run-program");
    assert.notStrictEqual(result.code, 0);
    assert.match(result.stdout + result.stderr, /\[vox:WRONG_ORGANIZATION\].*the stack config vox:apiKey/);
    assert.ok(!(result.stdout + result.stderr).includes(OTHER_KEY), "the key is never printed");
    assert.strictEqual(Object.values(await stack.campaignState())[0]?.id, before.id);
    assert.strictEqual((await emulator.campaign(before.id)).status, "pending");
  });

  it("7. 30 campaigns at --parallel 30 against the API's rate limit (5/s, bursts of 10): all created once", async () => {
    emulator = await startTestEmulator({ rateLimit: { perSecond: 5, burst: 10 } });
    stack = await PulumiStack.create(cliDir, emulator.url, TEST_API_KEY);
    stack.setCampaigns(Array.from({ length: 30 }, (_, i) => campaign(`bulk-${i}`, i)));
    await stack.ok("up", "--yes", "--skip-preview", "--parallel", "30");
    const state = await stack.campaignState();
    assert.strictEqual(Object.keys(state).length, 30);
    assert.strictEqual(new Set(Object.values(state).map((c) => c.id)).size, 30);
    assert.strictEqual(await emulator.campaignCount(), 30);
    // Autonames: the resource name plus a suffix stable for this project, stack and resource.
    assert.match(state["bulk-0"].name, /^bulk-0-[0-9a-f]{6}$/);
  });
});
