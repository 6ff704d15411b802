import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { STATE_VERSION, stateFromOutputs } from "../../provider/campaign/state";
import { useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

/**
 * State written by each released shape, recorded by running that version's own check and create against
 * the emulator (v1: commit 0aeefde, 0.1.0's shape: windows in minutes, the list in the outputs, no
 * stateVersion; v2: windows as clock times; v3: the list packed in the inputs only; v4: `paused`; v5: `exactName`
 * and `nameMarker`; v6: the window the campaign has, never null), read back by the installed runtime.
 */
const fixture = (version: number) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/state", `v${version}.json`), "utf8")) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
  };

describe("state written by earlier versions", () => {
  // A fresh emulator per test: each creates the campaign its recorded state stands for, under one name.
  const emulator = useProviderEmulator();

  /** A live campaign for the recorded outputs to stand for (the recorded id lived in another emulator). */
  async function liveCampaign(): Promise<string> {
    return (await provider.create(await checked(rawInputs()))).id;
  }

  it("has a fixture of every version up to the current one", () => {
    for (let version = 1; version <= STATE_VERSION; version++) assert.ok(fixture(version).outputs);
    assert.strictEqual(fixture(STATE_VERSION).outputs.stateVersion, STATE_VERSION);
  });

  it("gives records before version 5 no name marker, whatever their name looks like (issue 18.3)", () => {
    for (let version = 1; version < 5; version++) assert.strictEqual(stateFromOutputs(fixture(version).outputs).nameMarker, null);
    const lookalike = stateFromOutputs({ ...fixture(4).outputs, name: "spring-202604" });
    assert.strictEqual(lookalike.nameMarker, null);
  });

  for (let version = 1; version <= STATE_VERSION; version++) {
    describe(`version ${version}`, () => {
      it("shows no change against equivalent new inputs, and a change when the list or name changes", async () => {
        const { outputs } = fixture(version);
        const id = await liveCampaign();
        const same = await checked(rawInputs(), fixture(version).inputs);
        assert.deepStrictEqual(await provider.diff(id, outputs, same), { changes: false, replaces: [], deleteBeforeReplace: false });
        const renamed = await checked(rawInputs({ name: "Renamed" }));
        assert.deepStrictEqual(await provider.diff(id, outputs, renamed), { changes: true, replaces: [], deleteBeforeReplace: false });
        const otherList = await checked(rawInputs({ tasks: [{ callTo: "01011112222" }] }));
        assert.deepStrictEqual((await provider.diff(id, outputs, otherList)).replaces, ["tasks"]);
      });

      it("keeps the recorded list under ignoreChanges: the old inputs' tasks pass check with the same digest", async () => {
        const { inputs, outputs } = fixture(version);
        const ignored = await checked({ ...rawInputs(), tasks: inputs.tasks }, inputs);
        assert.strictEqual(ignored.tasksDigest, outputs.tasksDigest);
      });

      it("reads into the current shape, updates and deletes", async () => {
        const { outputs } = fixture(version);
        const id = await liveCampaign();
        const read = await provider.read(id, outputs);
        assert.strictEqual(read.props!.stateVersion, STATE_VERSION);
        assert.ok(!("tasks" in read.props!), "the outputs hold no list");
        assert.deepStrictEqual((read.props!.callTimeWindow as { windows: unknown[] }).windows[0], {
          days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
          start: "09:00",
          end: "12:00",
        });
        assert.strictEqual(read.props!.tasksDigest, outputs.tasksDigest);
        const updated = await provider.update(id, outputs, await checked(rawInputs({ name: "Renamed" })));
        assert.strictEqual(updated.outs!.name, "Renamed");
        assert.ok(!("tasks" in updated.outs!));
        await provider.delete(id, outputs);
        assert.strictEqual((await emulator.campaign(id)).status, "canceled");
      });
    });
  }
});
