import * as assert from "assert";
import { totalRequests } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

describe("a finished campaign", () => {
  const emulator = useProviderEmulator();

  /** A campaign canceled in vox.ai, then refreshed: state says canceled. */
  async function finished() {
    const inputs = await checked(rawInputs());
    const { id, outs } = await provider.create(inputs);
    await emulator.api("POST", `/v3/campaigns/${id}/cancel`);
    const { props } = await provider.read(id, outs);
    // The refresh's own diff follows its read, as in the engine: it reports the drift and never fails.
    assert.strictEqual((await provider.diff(id, props!, inputs)).changes, true);
    return { id, inputs, outs: props! };
  }

  it("fails the preview of an in-place change, saying what to do, with no request", async () => {
    const { id, inputs, outs } = await finished();
    assert.strictEqual(outs.status, "canceled");
    await emulator.resetRequests();
    await assert.rejects(provider.diff(id, outs, { ...inputs, name: "Renamed" }), (error: Error) => {
      assert.match(error.message, /^\[vox:CAMPAIGN_FINISHED\] campaign \S+ has finished \(status canceled\)/);
      assert.match(error.message, /remove the campaign from the program or its campaign file/);
      assert.match(error.message, /new resource name/);
      return true;
    });
    assert.strictEqual(totalRequests(await emulator.requests()), 0);
  });

  it("shows no change, and no error, when nothing is changed", async () => {
    const { id, inputs, outs } = await finished();
    assert.deepStrictEqual(await provider.diff(id, outs, inputs), { changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("refreshes a rename made in vox.ai without failing", async () => {
    const { id, inputs, outs } = await finished();
    const { props } = await provider.read(id, outs);
    // The engine's refresh diff: refreshed outputs (a name taken from vox.ai) against the inputs in state.
    // It shows the rename as drift, where a preview of the same change would fail (see above).
    const diff = await provider.diff(id, { ...props!, name: "Renamed in vox.ai" }, inputs);
    assert.deepStrictEqual(diff, { changes: true, replaces: [], deleteBeforeReplace: false });
  });
});
