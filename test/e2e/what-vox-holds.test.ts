import * as assert from "assert";
import { systemClock } from "../../provider/clock";
import { checkedTestInputs, controllerOn } from "../support/controller";
import { TestEmulator } from "../support/emulator";
import { rawInputs } from "../support/inputs";
import { campaignSpec as campaign, useStackPerTest } from "./support/pulumi-stack";

const EVERY_DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** A window changed in vox.ai, and a campaign adopted from it, under the real Pulumi CLI. */
describe("end to end: state and review hold what vox.ai holds", function () {
  this.timeout(10 * 60_000);
  const current = useStackPerTest();

  it("shows a window changed in vox.ai as drift when the program declares none, and the next up restores the default", async () => {
    const [stack, emulator] = [current.stack(), current.emulator()];
    stack.setCampaigns([campaign("plain", { callTimeWindow: undefined })]);
    await stack.up();
    const { id } = (await stack.campaignState()).plain;
    await emulator.api("PATCH", `/v3/campaigns/${id}`, {
      call_time_window: { windows: [{ days: ["Sunday"], start_min: 1200, end_min: 1320 }] },
    });

    const refresh = await stack.ok("refresh", "--yes", "--diff");
    assert.match(refresh.stdout, /~ pulumi-nodejs:dynamic\/vox:Campaign: \(update\)/, refresh.stdout);
    assert.match(refresh.stdout, /~ \[0\]: "Monday" => "Sunday"/, refresh.stdout);
    assert.deepStrictEqual((await stack.campaignState()).plain.callTimeWindow.windows, [
      { days: ["Sunday"], start: "20:00", end: "22:00" },
    ]);

    const { ops } = await stack.preview();
    assert.deepStrictEqual(ops, { plain: "update" });
    await stack.up();
    assert.deepStrictEqual((await emulator.campaign(id)).call_time_window.windows, [{ days: EVERY_DAY, start_min: 480, end_min: 1200 }]);
    assert.deepStrictEqual((await stack.preview()).ops, {});
  });

  it("adopts a dashboard campaign as it is, after a preview warning of the rename and window the next up applies", async () => {
    const [stack, emulator] = [current.stack(), current.emulator()];
    const id = await dashboardCampaign(emulator);
    stack.setCampaigns([campaign("adopted", { name: undefined, concurrency: 2, callTimeWindow: undefined, adoptId: id })]);

    const preview = await stack.ok("preview");
    const output = preview.stdout + preview.stderr;
    assert.match(output, new RegExp(`warning: pulumi-vox: adoptId: campaign ${id} is recorded as it is in vox\\.ai`), output);
    assert.match(
      output,
      /changes its name from "Dashboard campaign" to "adopted-[0-9a-f]{6}"; callTimeWindow from Sat 10:00–12:00/,
      output,
    );

    await stack.up();
    const state = (await stack.campaignState()).adopted;
    assert.strictEqual(state.id, id);
    assert.strictEqual(state.name, "Dashboard campaign");
    assert.deepStrictEqual(state.callTimeWindow.windows, [{ days: ["Saturday"], start: "10:00", end: "12:00" }]);
    assert.strictEqual((await emulator.campaign(id)).name, "Dashboard campaign", "adopting changes nothing");

    assert.deepStrictEqual((await stack.preview()).ops, { adopted: "update" });
    await stack.up();
    assert.match((await emulator.campaign(id)).name, /^adopted-[0-9a-f]{6}$/);
  });
});

/** A campaign made in the vox.ai dashboard: its own name, Saturdays 10:00–12:00. */
async function dashboardCampaign(emulator: TestEmulator): Promise<string> {
  const controller = controllerOn(emulator.url, systemClock);
  const { inputs } = await controller.check(
    rawInputs({ name: "Dashboard campaign", callTimeWindow: { windows: [{ days: ["Saturday"], start: "10:00", end: "12:00" }] } }),
  );
  return (await controller.create(checkedTestInputs(inputs))).id;
}
