import * as assert from "assert";
import { TEST_API_KEY, TestEmulator, startTestEmulator } from "../support/emulator";
import { AGENT_ID } from "../support/inputs";
import { CampaignSpec, PulumiStack, pulumiCliDir } from "./support/pulumi-stack";

function campaign(name: string, overrides: Record<string, unknown> = {}): CampaignSpec {
  return {
    name,
    args: {
      name: `Campaign ${name}`,
      agentId: AGENT_ID,
      callFrom: "02-1234-5678",
      callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "12:00" }] },
      tasks: [{ callTo: "010-1234-5678" }],
      ...overrides,
    },
  };
}

/** What `pulumi preview` shows a reviewer, under the real CLI. */
describe("previews with the Pulumi CLI", function () {
  this.timeout(10 * 60_000);
  let cliDir: string;
  let emulator: TestEmulator;
  let stack: PulumiStack;
  before(function () {
    this.timeout(30 * 60_000);
    cliDir = pulumiCliDir();
  });
  beforeEach(async () => {
    emulator = await startTestEmulator();
    stack = await PulumiStack.create(cliDir, emulator.url, TEST_API_KEY);
  });
  afterEach(async () => {
    stack.remove();
    await emulator.close();
  });

  it("warns about a night call window in a plain program's preview", async () => {
    stack.setCampaigns([campaign("night", { callTimeWindow: { windows: [{ days: ["Monday"], start: "19:00", end: "22:00" }] } })]);
    const { stdout } = await stack.ok("preview");
    assert.match(stdout, /warning: Mon 19:00–22:00 reaches into 21:00–08:00 Korean time: advertising calls at night need/);
  });

  it("fails the preview of a change to a finished campaign once, with one clean message and no stack trace", async () => {
    stack.setCampaigns([campaign("done")]);
    await stack.up();
    const [id] = Object.values(await stack.campaignState()).map((c) => c.id as string);
    await emulator.api("POST", `/v3/campaigns/${id}/cancel`);
    await stack.ok("refresh", "--yes");
    stack.setCampaigns([campaign("done", { name: "Renamed" })]);
    const { code, stdout, stderr } = await stack.run("preview");
    const output = stdout + stderr;
    assert.notStrictEqual(code, 0);
    // The engine shows an error as it happens and again under Diagnostics; the provider adds no copy of its own.
    const diagnostics = output.slice(output.indexOf("Diagnostics:"));
    assert.strictEqual(diagnostics.split("[vox:CAMPAIGN_FINISHED]").length - 1, 1, output);
    assert.strictEqual(output.split("[vox:CAMPAIGN_FINISHED]").length - 1, 2, output);
    assert.match(output, /has finished \(status canceled\) and can no longer be changed/);
    assert.doesNotMatch(output, /\.ts:\d+|\n\s+at /, output);
  });
});
