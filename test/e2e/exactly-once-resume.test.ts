import * as assert from "assert";
import { UNTIL_WINDOW_OPENS } from "../support/emulator";
import { campaignSpec, useStackPerTest } from "./support/pulumi-stack";

/** Issue 18.5 with the real CLI: the engine must record the outputs RESUME_FAILED carries. */
describe("following RESUME_FAILED's advice resumes the campaign (issue 18.5)", function () {
  this.timeout(10 * 60_000);
  const { stack, emulator } = useStackPerTest();

  it("one 503 on the resume after a window change: the advised `pulumi up` resumes the campaign", async () => {
    const tasks = Array.from({ length: 20 }, (_, i) => ({ callTo: `0101234${String(i).padStart(4, "0")}` }));
    stack().setCampaigns([campaignSpec("promo", { tasks })]);
    await stack().up();
    await emulator().advance(UNTIL_WINDOW_OPENS);
    const [{ id }] = Object.values(await stack().campaignState());
    assert.strictEqual((await emulator().campaign(id)).status, "ongoing");

    stack().setCampaigns([
      campaignSpec("promo", { tasks, callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "11:00" }] } }),
    ]);
    await emulator().fault({ type: "503", method: "POST", path: "/v3/campaigns/*/resume", count: 1 });
    const failed = await stack().run("up", "--yes", "--skip-preview");
    assert.notStrictEqual(failed.code, 0);
    assert.match(failed.stdout + failed.stderr, /\[vox:RESUME_FAILED\].*run `pulumi up` again/);
    assert.strictEqual((await emulator().campaign(id)).status, "paused");

    const { ops } = await stack().preview();
    assert.deepStrictEqual(ops, { promo: "update" }, "the preview shows the resume to come");
    await stack().up();
    const campaign = await emulator().campaign(id);
    assert.deepStrictEqual([campaign.status, campaign.call_time_window.windows[0].end_min], ["ongoing", 660]);
  });
});
