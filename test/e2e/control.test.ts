import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { TEST_API_KEY, TestEmulator, UNTIL_WINDOW_OPENS } from "../support/emulator";
import { AGENT_ID } from "../support/inputs";
import { CampaignSpec, PulumiStack, campaignSpec, useStackPerTest } from "./support/pulumi-stack";

/**
 * The program of these stacks: campaigns.json as in the other e2e tests (with `paused` among the outputs),
 * plus read.json: campaigns read without managing them, by `vox.Campaign.get` and `vox.getCampaignOutput`.
 */
const PROGRAM = `import * as fs from "fs";
import * as vox from "pulumi-vox";

const specs = JSON.parse(fs.readFileSync("campaigns.json", "utf8"));
const reads = fs.existsSync("read.json") ? JSON.parse(fs.readFileSync("read.json", "utf8")) : [];
export const campaigns: Record<string, unknown> = {};
for (const spec of specs) {
  const campaign = new vox.Campaign(spec.name, spec.args, spec.opts);
  campaigns[spec.name] = { id: campaign.id, status: campaign.status, paused: campaign.paused };
}
export const read: Record<string, unknown> = {};
for (const { name, id } of reads) {
  const campaign = vox.Campaign.get(name, id);
  const looked = vox.getCampaignOutput({ id });
  read[name] = { status: campaign.status, agentId: campaign.agentId, lookedUpStatus: looked.status, lookedUpName: looked.name };
}
`;

/** The shared campaign spec on weekdays, with enough one-minute calls on one line to keep it running for the whole test. */
function campaign(name: string, overrides: Record<string, unknown> = {}, opts?: CampaignSpec["opts"] & { import?: string }): CampaignSpec {
  const callTimeWindow = { windows: [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], start: "09:00", end: "12:00" }] };
  const tasks = Array.from({ length: 100 }, (_, i) => ({ callTo: `010${String(30_000_000 + i)}` }));
  return campaignSpec(name, { concurrency: 1, callTimeWindow, tasks, ...overrides }, opts);
}

/** paused, Campaign.get, getCampaignOutput and the import option under the real Pulumi CLI. */
describe("end to end: pausing, and reading campaigns without managing them", function () {
  this.timeout(10 * 60_000);
  const current = useStackPerTest();
  let emulator: TestEmulator;
  let stack: PulumiStack;
  beforeEach(async () => {
    [stack, emulator] = [current.stack(), current.emulator()];
    await emulator.advance(UNTIL_WINDOW_OPENS);
    fs.writeFileSync(path.join(stack.dir, "index.ts"), PROGRAM);
  });

  const requestsOf = async (method: string) => (await emulator.requests())[method] ?? 0;

  it("pauses, shows a resume made in vox.ai as drift once, pauses again, then resumes", async () => {
    stack.setCampaigns([campaign("calls")]);
    await stack.up();
    const id = (await stack.outputs()).calls.id as string;

    // paused: true: the preview shows an in-place update; up sends one pause and nothing else.
    stack.setCampaigns([campaign("calls", { paused: true })]);
    assert.deepStrictEqual((await stack.preview()).ops, { calls: "update" });
    await emulator.resetRequests();
    await stack.up();
    assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/pause": 1 });
    assert.strictEqual((await emulator.campaign(id)).paused_by, "user");
    assert.strictEqual((await stack.outputs()).calls.paused, true);

    // Resumed in vox.ai: refresh shows it (status and paused), a second refresh shows nothing more.
    await emulator.api("POST", `/v3/campaigns/${id}/resume`);
    const refresh = await stack.ok("refresh", "--yes", "--diff");
    assert.match(refresh.stdout, /paused\s*:\s*true => false/);
    assert.match(refresh.stdout, /status\s*:\s*"paused" => "ongoing"/);
    assert.strictEqual((await stack.campaignState()).calls.paused, false);
    const again = await stack.ok("refresh", "--yes", "--diff");
    assert.doesNotMatch(again.stdout, /=>/);

    // The program still says paused: the next up pauses it again.
    assert.deepStrictEqual((await stack.preview()).ops, { calls: "update" });
    await emulator.resetRequests();
    await stack.up();
    assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/pause": 1 });
    assert.strictEqual((await emulator.campaign(id)).status, "paused");

    // paused: false resumes it (inside its window: ongoing).
    stack.setCampaigns([campaign("calls", { paused: false })]);
    await emulator.resetRequests();
    await stack.up();
    assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/resume": 1 });
    assert.strictEqual((await emulator.campaign(id)).status, "ongoing");
    assert.deepStrictEqual((await stack.preview()).ops, {});
  });

  it("reads a campaign with Campaign.get and getCampaignOutput, and destroy leaves it untouched (no cancel)", async () => {
    const created = await emulator.api("POST", "/v2/campaigns", {
      name: "Made in the console",
      agent_id: AGENT_ID,
      call_from: "0212345678",
      tasks: [{ call_to: "01012345678" }, { call_to: "01023456789" }],
    });
    const id = created.body.id as string;
    fs.writeFileSync(path.join(stack.dir, "read.json"), JSON.stringify([{ name: "console", id }]));
    await emulator.resetRequests();
    await stack.up();
    // One GET by the engine's read of Campaign.get, one by getCampaignOutput.
    assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 2 });
    const outputs = JSON.parse((await stack.ok("stack", "output", "--json")).stdout);
    assert.deepStrictEqual(outputs.read.console, {
      status: "ongoing",
      agentId: AGENT_ID,
      lookedUpStatus: "ongoing",
      lookedUpName: "Made in the console",
    });
    const state = await stack.exportState();
    assert.ok(!state.includes(TEST_API_KEY), "no API key in state");

    await emulator.resetRequests();
    await stack.ok("destroy", "--yes");
    assert.strictEqual(await requestsOf("POST /v3/campaigns/{id}/cancel"), 0);
    assert.strictEqual((await emulator.campaign(id)).status, "ongoing");
  });

  it("the import option fails the preview with a message pointing to adoptId, not Pulumi's crash", async () => {
    stack.setCampaigns([campaign("imported", {}, { import: "c0ffee-1" })]);
    const preview = await stack.run("preview");
    assert.notStrictEqual(preview.code, 0);
    const text = preview.stdout + preview.stderr;
    assert.match(text, /\[vox:IMPORT_OPTION\]/);
    assert.match(text, /adoptId: "c0ffee-1"/);
    assert.doesNotMatch(text, /toJavaScript/);
  });
});
