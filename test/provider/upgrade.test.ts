import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { STATE_VERSION, stateFromOutputs } from "../../provider/campaign/state";
import { OTHER_API_KEY, TEST_API_KEY, totalRequests } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

/**
 * State written by each released shape, recorded by running that version's own check and create against
 * the emulator (v1: commit 0aeefde, 0.1.0's shape: windows in minutes, the list in the outputs, no
 * stateVersion; v2: windows as clock times; v3: the list packed in the inputs only; v4: `paused`; v5: `exactName`
 * and `nameMarker`; v6: the window the campaign has, never null; v7: the list sealed and its digest keyed
 * with the API key), read back by the installed runtime. Records before v7 hold a plain `sha256:` digest:
 * the first update renews it under the key and sends nothing.
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
      it("shows no change against equivalent new inputs (before v7: a digest to renew, no replace), and a change when the list or name changes", async () => {
        const { outputs } = fixture(version);
        const id = await liveCampaign();
        const same = await checked(rawInputs(), fixture(version).inputs);
        const renew = version < 7;
        assert.deepStrictEqual(await provider.diff(id, outputs, same), { changes: renew, replaces: [], deleteBeforeReplace: false });
        const renamed = await checked(rawInputs({ name: "Renamed" }));
        assert.deepStrictEqual(await provider.diff(id, outputs, renamed), { changes: true, replaces: [], deleteBeforeReplace: false });
        const otherList = await checked(rawInputs({ tasks: [{ callTo: "01011112222" }] }));
        assert.deepStrictEqual((await provider.diff(id, outputs, otherList)).replaces, ["tasks"]);
      });

      it("keeps the recorded list under ignoreChanges: the old inputs' tasks pass check as the same list, sealed", async () => {
        const { inputs, outputs } = fixture(version);
        const ignored = await checked({ ...rawInputs(), tasks: inputs.tasks }, inputs);
        assert.match(String(ignored.tasks), /^vox-tasks:2:/);
        assert.strictEqual(ignored.tasksDigest, (await checked(rawInputs())).tasksDigest);
        if (version >= 7) assert.strictEqual(ignored.tasksDigest, outputs.tasksDigest);
        assert.deepStrictEqual((await provider.diff(await liveCampaign(), outputs, ignored)).replaces, []);
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
  describe("a digest made before the key (v6) or under a key since changed", () => {
    it("renews a v6 digest with an update that sends no request, after which nothing changes", async () => {
      const { outputs } = fixture(6);
      const id = await liveCampaign();
      const news = await checked(rawInputs(), fixture(6).inputs);
      const before = totalRequests(await emulator.requests());
      const { outs } = await provider.update(id, outputs, news);
      assert.strictEqual(totalRequests(await emulator.requests()), before, "a renewed digest sends nothing to vox.ai");
      assert.strictEqual(outs!.tasksDigest, news.tasksDigest);
      assert.strictEqual(outs!.stateVersion, STATE_VERSION);
      assert.deepStrictEqual(await provider.diff(id, outs!, news), { changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("after a key change, refuses to compare without the previous key (never a replace), and renews with it", async () => {
      const id = await liveCampaign();
      const { outs } = await provider.create(await checked(rawInputs({ name: "Rotated" })));
      await emulator.configure({ "vox:apiKey": OTHER_API_KEY });
      const news = await checked(rawInputs({ name: "Rotated" }));
      await assert.rejects(provider.diff(id, outs, news), (error: Error) => {
        assert.match(
          error.message,
          /^\[vox:TASKS_OTHER_KEY\] tasks: the list in state was digested under another vox API key \(key id [0-9a-f]{8}; the API key set now is [0-9a-f]{8}\)/,
        );
        assert.ok(!error.message.includes(TEST_API_KEY) && !error.message.includes(OTHER_API_KEY), "the message shows a key");
        return true;
      });
      await emulator.configure({ "vox:apiKey": OTHER_API_KEY, "vox:previousApiKey": TEST_API_KEY });
      assert.deepStrictEqual(await provider.diff(id, outs, news), { changes: true, replaces: [], deleteBeforeReplace: false });
      const otherList = await checked(rawInputs({ name: "Rotated", tasks: [{ callTo: "01011112222" }], allowRedial: true }));
      assert.deepStrictEqual((await provider.diff(id, outs, otherList)).replaces, ["tasks"], "a changed list is still a change");
    });

    it("opens a list sealed under the previous key (ignoreChanges after a key change) only with that key", async () => {
      const sealed = (await checked(rawInputs())).tasks;
      await emulator.configure({ "vox:apiKey": OTHER_API_KEY });
      const refused = await provider.check({}, { ...rawInputs(), tasks: sealed });
      assert.match(String(refused.failures?.[0]?.reason), /^tasks: the list was sealed under another vox API key/);
      await emulator.configure({ "vox:apiKey": OTHER_API_KEY, "vox:previousApiKey": TEST_API_KEY });
      const resealed = await checked({ ...rawInputs(), tasks: sealed });
      assert.notStrictEqual(resealed.tasks, sealed);
      assert.strictEqual(resealed.tasks, (await checked(rawInputs())).tasks, "sealed again under the new key");
    });
  });
});
