import * as assert from "assert";
import { campaignSpec as campaign, useStackPerTest } from "./support/pulumi-stack";

/** What `pulumi preview` shows a reviewer, under the real CLI. */
describe("previews with the Pulumi CLI", function () {
  this.timeout(10 * 60_000);
  const current = useStackPerTest();

  it("warns about a night call window in a plain program's preview", async () => {
    const stack = current.stack();
    stack.setCampaigns([campaign("night", { callTimeWindow: { windows: [{ days: ["Monday"], start: "19:00", end: "22:00" }] } })]);
    const { stdout } = await stack.ok("preview");
    assert.match(stdout, /warning: Mon 19:00–22:00 reaches into 21:00–08:00 Korean time: advertising calls at night need/);
  });

  it("fails the preview of a change to a finished campaign once, with one clean message and no stack trace", async () => {
    const [stack, emulator] = [current.stack(), current.emulator()];
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
