import * as assert from "assert";
import { campaignSpec, useStackPerTest } from "./support/pulumi-stack";

/**
 * Issue 18, item 3, where the engine's part matters: an error after a create carries the campaign's id and
 * outputs, which the engine records as a resource that failed to initialize, printing the error's reasons
 * rather than its message. test/provider/advice.test.ts follows every other error's advice.
 */
describe("following PAUSE_AFTER_CREATE_FAILED's advice with the Pulumi CLI", function () {
  this.timeout(10 * 60_000);
  const { stack, emulator } = useStackPerTest();

  it("shows the message, and the advised `pulumi up` pauses the campaign it created, once", async () => {
    stack().setCampaigns([campaignSpec("promo", { paused: true })]);
    await stack().ok("config", "set", "vox:maxRetries", "0");
    await emulator().fault({ type: "500", method: "POST", path: "/v3/campaigns/*/pause", count: 100 });
    await emulator().fault({ type: "500", method: "GET", path: "/v3/campaigns/*", count: 100 });
    const failed = await stack().run("up", "--yes", "--skip-preview");
    assert.notStrictEqual(failed.code, 0);
    assert.match(failed.stdout + failed.stderr, /\[vox:PAUSE_AFTER_CREATE_FAILED\].*run `pulumi up` again to pause it/);
    await emulator().clearFaults();
    const [{ id }] = Object.values(await stack().campaignState());
    assert.strictEqual((await emulator().campaign(id)).status, "pending", "created and not paused");

    await stack().up();
    const campaign = await emulator().campaign(id);
    assert.deepStrictEqual([campaign.status, campaign.paused_by], ["paused", "user"]);
    assert.strictEqual(await emulator().campaignCount(), 1);
    assert.deepStrictEqual((await stack().preview()).ops, {}, "nothing left to change");
  });
});
