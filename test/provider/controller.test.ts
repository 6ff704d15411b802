import * as assert from "assert";
import { CampaignApi } from "../../provider/api/campaigns";
import { VoxHttpClient } from "../../provider/api/http";
import { resolveSettings } from "../../provider/api/settings";
import { CampaignController } from "../../provider/runtime/controller";
import { ManualClock } from "../support/clock";
import { rawInputs } from "../support/inputs";

/** The controller on its own, as a second door would call it: typed in and out, its time the clock handed in. */
describe("the campaign controller", () => {
  const start = "2031-03-03T09:00:00.000Z";
  const controllerAt = (isoNow: string) => {
    const clock = new ManualClock(Date.parse(isoNow));
    // check makes no request: the client is never reached, its URL never dialled.
    const api = new CampaignApi(new VoxHttpClient(resolveSettings({ get: () => undefined }), clock));
    return new CampaignController(api, clock);
  };

  it("judges a start time by the clock it was given, not the machine's", async () => {
    const before = await controllerAt("2031-03-02T00:00:00Z").check(rawInputs({ scheduledAt: start }));
    assert.deepStrictEqual(before.failures, []);
    const after = await controllerAt("2031-03-04T00:00:00Z").check(rawInputs({ scheduledAt: start }));
    assert.deepStrictEqual(
      after.failures.map((failure) => failure.reason),
      [`scheduledAt: ${start} is in the past; give a future time or leave it out to start now`],
    );
  });

  it("returns failures with the field path as their property, and the list as a list", async () => {
    const { inputs, failures } = await controllerAt("2031-03-02T00:00:00Z").check(rawInputs({ concurrency: 0 }));
    assert.deepStrictEqual(
      failures.map((failure) => failure.property),
      ["concurrency"],
    );
    assert.ok(Array.isArray(inputs.tasks));
  });
});
