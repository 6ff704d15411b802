/** One stack, two vox.ai organizations: an explicit `pulumi:providers:vox` per API key (real CLI, YAML host, emulator). */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import fetch from "node-fetch";
import { PulumiStack, pulumiCliDir } from "../e2e/support/pulumi-stack";
import { TEST_API_KEY, TestEmulator, startTestEmulator } from "../support/emulator";
import { AGENT_ID } from "../support/inputs";
import { nativeCampaigns, nativePreviewOps, yamlHostDir } from "./support";

const ORG_B_KEY = "org-b-key-do-not-print";

const campaign = (name: string, options = ""): string => `  ${name}:
    type: vox:Campaign
    properties:
      agentId: ${AGENT_ID}
      callFrom: 02-1234-5678
      tasks: [{ callTo: 010-1234-5678 }]${options}
`;

// Named as examples/yaml, whose copy the stack was made for (a file backend keeps stacks per project).
const program = (baseUrl: string): string => `name: vox-yaml-example
runtime: yaml
plugins:
  providers:
    - name: vox
      path: ./node_modules/.bin
config:
  orgBKey:
    type: string
resources:
  orgB:
    type: pulumi:providers:vox
    properties:
      apiKey: \${orgBKey}
      baseUrl: ${baseUrl}
${campaign("reminderA")}${campaign("reminderB", "\n    options:\n      provider: ${orgB}")}`;

/** The same two campaigns from TypeScript, with the native door's classes (pulumi-vox/native). */
const TYPESCRIPT_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as native from "pulumi-vox/native";

const config = new pulumi.Config();
const orgB = new native.Provider("orgB", { apiKey: config.requireSecret("orgBKey"), baseUrl: config.require("orgBUrl") });
const args = { agentId: "${AGENT_ID}", callFrom: "02-1234-5678", tasks: [{ callTo: "010-1234-5678" }] };
export const a = new native.Campaign("reminderA", args).organizationId;
export const b = new native.Campaign("reminderB", args, { provider: orgB }).organizationId;
`;

describe("an explicit provider per organization (native door)", function () {
  this.timeout(5 * 60_000);
  let emulator: TestEmulator;
  let stack: PulumiStack;

  before(() => {
    process.env.PATH = `${yamlHostDir()}${path.delimiter}${process.env.PATH}`;
  });
  beforeEach(async () => {
    emulator = await startTestEmulator({ otherApiKeys: [ORG_B_KEY] });
    stack = await PulumiStack.create(pulumiCliDir(), emulator.url, TEST_API_KEY, "yaml");
    fs.writeFileSync(path.join(stack.dir, "Pulumi.yaml"), program(emulator.url));
    // Plain in the program: the provider keeps an explicit provider's key secret in state by itself.
    await stack.ok("config", "set", "orgBKey", ORG_B_KEY);
  });
  afterEach(async () => {
    stack.remove();
    await emulator.close();
  });

  const statusWithKey = async (key: string, id: string): Promise<number> =>
    (await fetch(`${emulator.url}/v3/campaigns/${id}`, { headers: { authorization: `Bearer ${key}` } })).status;

  it("works from TypeScript too, with pulumi-vox/native", async () => {
    const typescript = "runtime:\n  name: nodejs\n  options:\n    typescript: true\n";
    fs.writeFileSync(path.join(stack.dir, "Pulumi.yaml"), program(emulator.url).replace("runtime: yaml\n", typescript).split("config:")[0]);
    fs.writeFileSync(path.join(stack.dir, "index.ts"), TYPESCRIPT_PROGRAM);
    await stack.ok("config", "set", "orgBUrl", emulator.url);
    await stack.up();
    const { reminderA, reminderB } = await nativeCampaigns(stack);
    assert.deepStrictEqual([await statusWithKey(TEST_API_KEY, reminderA.id), await statusWithKey(ORG_B_KEY, reminderB.id)], [200, 200]);
    assert.deepStrictEqual([await statusWithKey(ORG_B_KEY, reminderA.id), await statusWithKey(TEST_API_KEY, reminderB.id)], [404, 404]);
    const outputs = JSON.parse((await stack.ok("stack", "output", "--json")).stdout);
    assert.notStrictEqual(outputs.a, outputs.b, "each campaign's organization reaches the program");
    assert.deepStrictEqual(await nativePreviewOps(stack), {});
  });

  it("creates and cancels each campaign in its own organization, keeping both keys encrypted in state", async () => {
    await stack.up();
    const { reminderA, reminderB } = await nativeCampaigns(stack);
    assert.notStrictEqual(reminderA.organizationId, reminderB.organizationId);
    assert.deepStrictEqual([await statusWithKey(TEST_API_KEY, reminderA.id), await statusWithKey(ORG_B_KEY, reminderA.id)], [200, 404]);
    assert.deepStrictEqual([await statusWithKey(TEST_API_KEY, reminderB.id), await statusWithKey(ORG_B_KEY, reminderB.id)], [404, 200]);
    const exported = await stack.exportState();
    assert.ok(!exported.includes(ORG_B_KEY) && !exported.includes(TEST_API_KEY), "no key in plain text in state");
    assert.deepStrictEqual(await nativePreviewOps(stack), {}, "a second preview changes nothing");

    await stack.ok("destroy", "--yes");
    assert.strictEqual((await emulator.campaign(reminderA.id)).status, "canceled");
    const b = await fetch(`${emulator.url}/v3/campaigns/${reminderB.id}`, { headers: { authorization: `Bearer ${ORG_B_KEY}` } });
    assert.strictEqual(((await b.json()) as { status: string }).status, "canceled");
  });
});
