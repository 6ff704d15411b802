import * as assert from "assert";
import { TEST_API_KEY, totalRequests } from "../support/emulator";
import { CampaignSpec, RunResult, campaignSpec, useStackPerTest } from "./support/pulumi-stack";

const CALLEE = { written: "010-4821-7365", digits: "01048217365" };
const PROMPT_VARIABLE = "홍길동-비공개";

/** The shared campaign spec, autonamed, without a call time window, calling CALLEE with PROMPT_VARIABLE. */
function campaign(overrides: Record<string, unknown> = {}): CampaignSpec {
  const tasks = [{ callTo: CALLEE.written, dynamicVariables: { customerName: PROMPT_VARIABLE } }];
  // Undefined leaves a field out of campaigns.json.
  return campaignSpec("private", { name: undefined, callTimeWindow: undefined, tasks, ...overrides });
}

/** Everything a command printed. */
const printed = (run: RunResult) => run.stdout + run.stderr;

/** What the real CLI prints about inputs and keys: numbers masked, the key never, and a refused key explained. */
describe("secrets and numbers under the Pulumi CLI", function () {
  this.timeout(10 * 60_000);
  const { stack, emulator } = useStackPerTest();

  it("a preview with a bad callFrom and a bad task number prints neither number in full", async () => {
    stack().setCampaigns([campaign({ callFrom: "010-9876-543x", tasks: [{ callTo: "010-5555-123x" }] })]);
    for (const args of [["preview"], ["preview", "--json"], ["up", "--yes"]]) {
      const run = await stack().run(...args);
      assert.notStrictEqual(run.code, 0);
      const text = printed(run);
      assert.match(text, /has a problem: callFrom: 010\*+3x contains characters other than digits/, text);
      assert.match(text, /has a problem: tasks\[0\]\.callTo: 010\*+3x/);
      for (const whole of ["9876-543", "9876543", "5555-123", "5555123"])
        assert.ok(!text.includes(whole), `${args.join(" ")} printed ${whole}:\n${text}`);
    }
    assert.strictEqual(totalRequests(await emulator().requests()), 0);
  });

  it("after a key rotation, refresh sends the key stored with the last update until an up, unless it runs the program", async () => {
    stack().setCampaigns([campaign()]);
    await stack().ok("up", "--yes");
    // Pulumi keeps the key in state, encrypted, in the inputs of the default provider (docs/secrets.md).
    assert.ok(!(await stack().exportState()).includes(TEST_API_KEY));
    const decrypted = JSON.parse((await stack().ok("stack", "export", "--show-secrets")).stdout);
    const holders = decrypted.deployment.resources.filter((r: any) => JSON.stringify(r.inputs ?? {}).includes(TEST_API_KEY));
    assert.deepStrictEqual(
      holders.map((r: any) => r.type),
      ["pulumi:providers:pulumi-nodejs"],
    );

    await stack().ok("config", "set", "--secret", "vox:apiKey", "rotated-key-not-accepted");

    // Pulumi's behaviour: refresh configures the provider from state, so the old (valid) key still works.
    await stack().ok("refresh", "--yes");

    const withProgram = await stack().run("refresh", "--yes", "--run-program");
    assert.notStrictEqual(withProgram.code, 0);
    assert.match(printed(withProgram), /refused the API key \(401 UNAUTHORIZED\); the key came from the stack config vox:apiKey/);
    assert.match(printed(withProgram), /--run-program/);
    assert.ok(!printed(withProgram).includes("rotated-key-not-accepted"), "the key is never printed");

    // `up --refresh` still refreshes with the stored key, then stores the new one with the update (the
    // previous key lets it compare the task list, digested under that key: docs/secrets.md)...
    await stack().ok("config", "set", "--secret", "vox:previousApiKey", TEST_API_KEY);
    await stack().ok("up", "--yes", "--refresh");
    // ...so from then on a plain refresh sends the new key.
    const afterUp = await stack().run("refresh", "--yes");
    assert.notStrictEqual(afterUp.code, 0);
    assert.match(printed(afterUp), /refused the API key \(401/);
  });
});
