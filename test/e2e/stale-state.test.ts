import * as assert from "assert";
import { UNTIL_WINDOW_OPENS } from "../support/emulator";
import { campaignSpec, useStackPerTest } from "./support/pulumi-stack";

/**
 * The pull request check of docs/gitops.md: state is written by the last `up` on main, so a campaign
 * that finished since then is still "pending" in it. The PR preview runs with `--refresh`, so an edit
 * to a finished campaign fails the check instead of failing `up` after the merge.
 */
describe("end to end: the PR preview reads what vox.ai holds (--refresh)", function () {
  this.timeout(10 * 60_000);
  const current = useStackPerTest();

  it("fails the preview of an edit to a campaign that finished after the last up; without --refresh it would pass", async () => {
    const stack = current.stack();
    const emulator = current.emulator();
    stack.setCampaigns([campaignSpec("done")]);
    await stack.up();
    // The window opens, its one call is made and takes a minute: the campaign finishes with no `up` since.
    await emulator.advance(UNTIL_WINDOW_OPENS + 5 * 60_000);
    const { id } = (await stack.campaignState()).done;
    assert.strictEqual((await emulator.campaign(id)).status, "success");
    assert.strictEqual((await stack.campaignState()).done.status, "pending", "state is stale");

    stack.setCampaigns([campaignSpec("done", { name: "Edited after it finished" })]);
    const stale = await stack.run("preview", "--json");
    assert.strictEqual(stale.code, 0, "the stale preview passes: why the PR check must refresh");

    const refreshed = await stack.run("preview", "--refresh", "--json");
    assert.notStrictEqual(refreshed.code, 0);
    assert.match(refreshed.stdout, /CAMPAIGN_FINISHED/);
    // A preview's refresh writes no state: the merge's `up --refresh` reads vox.ai again.
    assert.strictEqual((await stack.campaignState()).done.status, "pending");
  });
});
