import * as assert from "assert";
import { CampaignApi } from "../../provider/api/campaigns";
import { VoxHttpClient } from "../../provider/api/http";
import { resolveSettings } from "../../provider/api/settings";
import { API_DEFAULT_CALL_TIME_WINDOW } from "../../provider/values/window";
import { CampaignController } from "../../provider/runtime/controller";
import { ManualClock } from "../support/clock";
import { MONDAY_07_KST, TEST_API_KEY } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { checked, configureProvider, provider } from "../support/provider";

/** A name of its own for each campaign: the emulator lives across tests, and a create refuses a matching namesake. */
let campaigns = 0;
const fresh = () => `Campaign ${++campaigns}`;

/** Inputs of a program that declares no call time window. */
const withoutWindow = (overrides: Record<string, unknown> = {}) => rawInputs({ name: fresh(), callTimeWindow: undefined, ...overrides });

const SUNDAY_EVENING = { windows: [{ days: ["Sunday"], start: "20:00", end: "22:00" }], timezone: "Asia/Seoul", autoResume: true };
const SATURDAY_MORNING = { windows: [{ days: ["Saturday"], start: "10:00", end: "12:00" }] };

/** State and review hold what vox.ai holds: the real window, the adopted campaign as it is. */
describe("what vox.ai holds is what state holds", () => {
  const emulator = useProviderEmulator({ perFile: true, emulator: { otherApiKeys: ["other-org-key"] } });

  /** A change made in the vox.ai dashboard, not through Pulumi. */
  const changeInDashboard = (id: string, body: Record<string, unknown>) => emulator.api("PATCH", `/v3/campaigns/${id}`, body);

  /** A controller on the emulator, for what the dynamic door prints rather than returns (warnings). */
  const controller = (apiKey: string | undefined) => {
    const clock = new ManualClock(MONDAY_07_KST);
    const config: Record<string, string | undefined> = { "vox:apiKey": apiKey, "vox:baseUrl": emulator.url };
    return new CampaignController(new CampaignApi(new VoxHttpClient(resolveSettings({ get: (key) => config[key] }, {}), clock)), clock);
  };

  describe("a window left out of the program", () => {
    it("is recorded as the API's default, shows a dashboard change as drift, and is restored by the next up", async () => {
      const inputs = await checked(withoutWindow());
      const { id, outs } = await provider.create(inputs);
      assert.deepStrictEqual(outs.callTimeWindow, API_DEFAULT_CALL_TIME_WINDOW);
      assert.deepStrictEqual(await provider.diff(id, outs, inputs), { changes: false, replaces: [], deleteBeforeReplace: false });

      await changeInDashboard(id, { call_time_window: { windows: [{ days: ["Sunday"], start_min: 1200, end_min: 1320 }] } });
      const refreshed = (await provider.read(id, outs)).props!;
      assert.deepStrictEqual(refreshed.callTimeWindow, SUNDAY_EVENING);
      // The refresh's own diff (refreshed outputs against the inputs in state) reports it...
      assert.strictEqual((await provider.diff(id, refreshed, inputs)).changes, true);
      // ...and so does the next up's, which puts the default back with one PATCH.
      const next = await checked(withoutWindow());
      assert.deepStrictEqual(await provider.diff(id, refreshed, next), { changes: true, replaces: [], deleteBeforeReplace: false });
      await emulator.resetRequests();
      const updated = (await provider.update(id, refreshed, next)).outs!;
      assert.deepStrictEqual(await emulator.requests(), { "PATCH /v3/campaigns/{id}": 1 });
      assert.deepStrictEqual(updated.callTimeWindow, API_DEFAULT_CALL_TIME_WINDOW);
      const campaign = await emulator.campaign(id);
      assert.deepStrictEqual(campaign.call_time_window.windows, [
        { days: API_DEFAULT_CALL_TIME_WINDOW.windows[0].days, start_min: 480, end_min: 1200 },
      ]);
      assert.strictEqual((await provider.diff(id, updated, next)).changes, false);
    });

    it("reads the default from a state of version 4 that holds null, with no change until a refresh says otherwise", async () => {
      const inputs = await checked(withoutWindow());
      const { id, outs } = await provider.create(inputs);
      const version4 = { ...outs, callTimeWindow: null, stateVersion: 4 };
      assert.strictEqual((await provider.diff(id, version4, inputs)).changes, false);
      await changeInDashboard(id, { call_time_window: { windows: [{ days: ["Sunday"], start_min: 1200, end_min: 1320 }] } });
      const refreshed = (await provider.read(id, version4)).props!;
      assert.deepStrictEqual(refreshed.callTimeWindow, SUNDAY_EVENING);
      assert.strictEqual((await provider.diff(id, refreshed, inputs)).changes, true);
    });
  });

  describe("adoptId", () => {
    /** A campaign made in the dashboard: its own name, Saturday mornings. */
    const dashboardCampaign = async (name: string) =>
      (await provider.create(await checked(rawInputs({ name, callTimeWindow: SATURDAY_MORNING })))).id;

    it("records the campaign as it is, and its preview lists every field the next up changes", async () => {
      const id = await dashboardCampaign("Dashboard campaign");
      const declared = withoutWindow({ name: "promo-1a2b3c", adoptId: id });
      const { failures, warnings } = await controller(TEST_API_KEY).check(declared);
      assert.deepStrictEqual(failures, []);
      assert.strictEqual(warnings.length, 1);
      assert.match(warnings[0], new RegExp(`^adoptId: campaign ${id} is recorded as it is in vox.ai`));
      assert.match(
        warnings[0],
        /name from "Dashboard campaign" to "promo-1a2b3c"; callTimeWindow from Sat 10:00–12:00 \(Asia\/Seoul\) to every day 08:00–20:00 \(the API's default\)\./,
      );

      const inputs = await checked(declared);
      const { outs } = await provider.create(inputs);
      assert.strictEqual(outs.name, "Dashboard campaign");
      assert.deepStrictEqual(outs.callTimeWindow, { ...SATURDAY_MORNING, timezone: "Asia/Seoul", autoResume: true });
      // The next up shows the rename and the window, as the preview said, and applies them.
      assert.deepStrictEqual(await provider.diff(id, outs, inputs), { changes: true, replaces: [], deleteBeforeReplace: false });
      const updated = (await provider.update(id, outs, inputs)).outs!;
      assert.strictEqual((await emulator.campaign(id)).name, "promo-1a2b3c");
      assert.strictEqual((await provider.diff(id, updated, inputs)).changes, false);
    });

    it("warns of nothing when the declaration is the campaign", async () => {
      const id = await dashboardCampaign("Dashboard twin");
      const { warnings } = await controller(TEST_API_KEY).check(
        rawInputs({ name: "Dashboard twin", callTimeWindow: SATURDAY_MORNING, adoptId: id }),
      );
      assert.deepStrictEqual(warnings, []);
    });
  });

  it("says in a preview without an API key what could not be checked", async () => {
    const { failures, warnings } = await controller(undefined).check(rawInputs());
    assert.deepStrictEqual(failures, []);
    assert.match(warnings.join("\n"), /^vox:apiKey: no vox\.ai API key is set, so this preview could not check/);
    assert.deepStrictEqual((await controller(TEST_API_KEY).check(rawInputs())).warnings, []);
  });

  it("names the other organization's key when a rename finds no campaign", async () => {
    const { id, outs } = await provider.create(await checked(rawInputs({ name: fresh() })));
    await configureProvider(emulator.url, { "vox:apiKey": "other-org-key" });
    await assert.rejects(provider.update(id, outs, await checked(rawInputs({ name: "Renamed" }))), (error: Error) => {
      assert.match(error.message, /\[vox:WRONG_ORGANIZATION\] campaign \S+ was not found, and this API key sees no campaign at all/);
      assert.match(error.message, /the stack config vox:apiKey/);
      return true;
    });
  });

  it("blames a too long autoname on the resource name, and says how to set `name`", async () => {
    const resourceName = "r".repeat(250);
    // As the program records an autoname: the resource name, the marker, and the marker on its own.
    const { failures } = await provider.check({}, rawInputs({ name: `${resourceName}-1a2b3c`, nameMarker: "1a2b3c" }));
    assert.strictEqual(failures?.length, 1);
    assert.match(
      failures![0].reason,
      new RegExp(
        `^name: this campaign has no \`name\`, so it is named after its resource \\("${resourceName}"\\) plus a 7-character suffix, 257 characters in all; must be at most \\d+ characters\\. Give the resource a shorter name, or set \`name\``,
      ),
    );
    // A name the user wrote is blamed as written, even when it looks like an autoname.
    const written = await provider.check({}, rawInputs({ name: "x".repeat(300) }));
    assert.match(written.failures![0].reason, /^name: must be at most \d+ characters$/);
    const lookalike = await provider.check({}, rawInputs({ name: `${resourceName}-1a2b3c`, exactName: true, nameMarker: null }));
    assert.match(lookalike.failures![0].reason, /^name: must be at most \d+ characters$/);
    assert.match(written.failures![0].reason, /^name: must be at most \d+ characters$/);
  });
});
