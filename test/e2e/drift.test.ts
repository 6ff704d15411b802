import * as assert from "assert";
import { EXIT } from "../../cli/usage";
import { drift, editState, refreshPreview } from "./support/drift";
import { campaignSpec, useStackPerTest } from "./support/pulumi-stack";

/** An id no campaign has: state pointing at it stands for a campaign deleted in vox.ai. */
const GONE_ID = "00000000-0000-4000-8000-000000000000";

/** How often `text` appears in `report`. */
function count(report: string, text: string): number {
  return report.split(text).length - 1;
}

/** `pulumi-vox drift` over a real refresh preview of campaigns changed in vox.ai behind Pulumi's back. */
describe("end to end: pulumi-vox drift with the Pulumi CLI", function () {
  this.timeout(10 * 60_000);
  const current = useStackPerTest();

  it("reports each change made in vox.ai once, with its remedy, and the remedies settle it", async () => {
    const stack = current.stack();
    const emulator = current.emulator();
    const names = ["paused", "renamed", "window", "concurrency", "canceled", "gone", "same"];
    stack.setCampaigns(names.map((name) => campaignSpec(name)));
    await stack.up();
    const ids = Object.fromEntries(Object.entries(await stack.campaignState()).map(([name, campaign]) => [name, campaign.id]));

    assert.strictEqual((await emulator.api("POST", `/v3/campaigns/${ids.paused}/pause`)).status, 200);
    assert.strictEqual((await emulator.api("PATCH", `/v3/campaigns/${ids.renamed}`, { name: "Renamed in the dashboard" })).status, 200);
    const sunday = { windows: [{ days: ["Sunday"], start_min: 20 * 60, end_min: 22 * 60 }], timezone: "Asia/Seoul" };
    assert.strictEqual((await emulator.api("PATCH", `/v3/campaigns/${ids.window}`, { call_time_window: sunday })).status, 200);
    assert.strictEqual((await emulator.api("POST", `/v3/campaigns/${ids.canceled}/cancel`)).status, 200);
    await emulator.changeInDashboard(ids.concurrency, { concurrency: 12 });
    await editState(stack, (resource) => {
      if (resource.id === ids.gone) resource.id = GONE_ID;
    });

    await emulator.resetRequests();
    const refresh = await refreshPreview(stack);
    assert.strictEqual(refresh.code, 0, refresh.stderr);
    // One GET per campaign; the gone one's 404 is told from another organization's key by one list.
    assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": names.length, "POST /v2/campaigns/list": 1 });
    const report = await drift(stack, refresh.stdout);

    assert.strictEqual(report.code, EXIT.drift, report.err);
    assert.match(report.out, /^## ⚠️ Drift in stack `e2e`: 6 changes made in vox\.ai to 6 campaigns/);
    for (const kind of ["**paused**", "**renamed**", "**call window changed**", "**concurrency changed**", "**canceled**", "**gone**"]) {
      assert.strictEqual(count(report.out, kind), 1, `${kind} once in:\n${report.out}`);
    }
    assert.match(report.out, /"Campaign renamed \[[0-9a-f]{6}\]" → "Renamed in the dashboard"/);
    assert.match(report.out, /Mon 09:00–12:00 \(Asia\/Seoul\) → Sun 20:00–22:00 \(Asia\/Seoul\)/);
    assert.match(report.out, /\*\*concurrency changed\*\* in vox\.ai: 5 → 12 calls at once/);
    assert.strictEqual(count(report.out, "  - put it back: "), 6);
    assert.strictEqual(count(report.out, "  - take it in: "), 6);
    assert.match(report.out, /Unchanged: 1 campaign\./);
    assert.doesNotMatch(report.out, /`same`/);
    // Neither the callee's number nor the caller's, in any form.
    assert.doesNotMatch(report.out + report.err, /1234-?5678|12345678/);

    // The remedies as the report gives them: the canceled and the gone campaign taken in (files deleted), the
    // concurrency taken in (putting it back would replace the campaign), the rest put back, all by
    // `pulumi up --refresh`; then nothing is left to report.
    stack.setCampaigns(
      names
        .filter((name) => name !== "canceled" && name !== "gone")
        .map((name) => campaignSpec(name, name === "concurrency" ? { concurrency: 12 } : {})),
    );
    await emulator.resetRequests();
    await stack.ok("up", "--yes", "--skip-preview", "--refresh");
    const requests = await emulator.requests();
    assert.strictEqual(requests["POST /v3/campaigns/{id}/resume"], 1);
    assert.strictEqual(requests["PATCH /v3/campaigns/{id}"], 2);
    assert.strictEqual(requests["POST /v2/campaigns"], undefined, "no campaign created");
    assert.strictEqual(requests["POST /v3/campaigns/{id}/cancel"], undefined, "a finished campaign needs no cancel");
    const after = await drift(stack, (await refreshPreview(stack)).stdout);
    assert.strictEqual(after.code, EXIT.ok, after.out);
    assert.match(after.out, /^## ✅ No drift in stack `e2e`/);
    assert.match(after.out, /Unchanged: 5 campaigns\./);
  });

  it("finds no drift in 50 unchanged campaigns, with one request per campaign", async () => {
    const stack = current.stack();
    const emulator = current.emulator();
    stack.setCampaigns(Array.from({ length: 50 }, (_, index) => campaignSpec(`c${index}`)));
    await stack.up();
    await emulator.resetRequests();
    const refresh = await refreshPreview(stack);
    assert.strictEqual(refresh.code, 0, refresh.stderr);
    assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 50 });
    const report = await drift(stack, refresh.stdout);
    assert.strictEqual(report.code, EXIT.ok, report.out);
    assert.strictEqual(report.out, "## ✅ No drift in stack `e2e`: vox.ai holds what state says\n\nUnchanged: 50 campaigns.");
  });

  it("refuses Pulumi's single JSON document, which does not hold what the refresh read", async () => {
    const stack = current.stack();
    stack.setCampaigns([campaignSpec("a")]);
    await stack.up();
    await current.emulator().api("POST", `/v3/campaigns/${(await stack.campaignState()).a.id}/pause`);
    const refresh = await refreshPreview(stack, false);
    assert.strictEqual(refresh.code, 0, refresh.stderr);
    // The document counts the change but its steps repeat the old state (pulumi/pulumi#16278).
    assert.deepStrictEqual(JSON.parse(refresh.stdout).changeSummary, { same: 1, update: 1 });
    const report = await drift(stack, refresh.stdout);
    assert.strictEqual(report.code, EXIT.invalid);
    assert.strictEqual(report.out, "");
    assert.match(report.err, /pulumi\/pulumi#16278.*PULUMI_ENABLE_STREAMING_JSON_PREVIEW=true pulumi refresh --preview-only --json/);
  });
});
