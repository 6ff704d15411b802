/**
 * Moving a stack from the dynamic `vox.Campaign` to `vox:index:Campaign` (docs/native-provider.md,
 * "Migrating"): forget the dynamic resource (`pulumi state delete`, no provider call), declare the native one
 * with `adoptId`. Real CLI, YAML host, emulator.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { UNTIL_WINDOW_OPENS } from "../support/emulator";
import { campaignSpec } from "../e2e/support/pulumi-stack";
import { nativeCampaigns, nativePreviewOps, useNativeStackPerTest } from "./support";
import { AGENT_ID } from "../support/inputs";

/** The campaign of campaignSpec("renewal") as a YAML declaration claiming campaign `id`. */
const nativeProgram = (id: string): string => `name: vox-e2e
runtime: yaml
plugins:
  providers:
    - name: vox
      path: ./node_modules/.bin
resources:
  renewal:
    type: vox:Campaign
    properties:
      name: Campaign renewal
      agentId: ${AGENT_ID}
      callFrom: 02-1234-5678
      callTimeWindow:
        windows:
          - days: [Monday]
            start: "09:00"
            end: "12:00"
      tasks:
        - callTo: 010-1234-5678
      adoptId: ${id}
`;

/** Calls the campaign has placed, as the API counts them. */
const placed = (campaign: Record<string, number>): number => campaign.completed_calls + campaign.failed_calls + campaign.active_concurrency;

describe("migrating a stack from vox.Campaign (dynamic) to vox:index:Campaign (native)", function () {
  this.timeout(5 * 60_000);
  const { stack, emulator } = useNativeStackPerTest();

  it("keeps the campaign: 0 campaigns created, 0 calls placed, 0 changes after", async () => {
    stack().setCampaigns([campaignSpec("renewal")]);
    await stack().up();
    const { renewal } = await stack().outputs();
    await emulator().advance(UNTIL_WINDOW_OPENS);
    const before = await emulator().campaign(renewal.id);
    assert.strictEqual(before.status, "ongoing");
    assert.ok(placed(before) > 0, "the campaign is calling");

    const dynamicUrn = "urn:pulumi:e2e::vox-e2e::pulumi-nodejs:dynamic/vox:Campaign::renewal";
    await emulator().resetRequests();
    await stack().ok("state", "delete", dynamicUrn, "--yes");
    fs.writeFileSync(path.join(stack().dir, "Pulumi.yaml"), nativeProgram(renewal.id));
    fs.rmSync(path.join(stack().dir, "index.ts"));
    await stack().up();

    const counts = await emulator().requests();
    assert.strictEqual(counts["POST /v2/campaigns"], undefined, "no campaign created");
    assert.deepStrictEqual(Object.keys(counts), ["GET /v3/campaigns/{id}"], "only reads of the campaign");
    const after = await emulator().campaign(renewal.id);
    assert.strictEqual(after.status, "ongoing");
    assert.strictEqual(placed(after), placed(before), "no call placed again");
    assert.strictEqual(await emulator().campaignCount(), 1);
    assert.strictEqual((await nativeCampaigns(stack())).renewal.id, renewal.id);
    assert.deepStrictEqual(await nativePreviewOps(stack()), {}, "0 changes after");
  });
});
