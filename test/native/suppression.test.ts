import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as door from "../../provider/native/door";
import { taskKeys, taskListOf } from "../../provider/campaign/packed-tasks";
import { AGENT_ID } from "../support/inputs";

const resource = { project: "reminders", stack: "prod", name: "renewal" };
const declared = { agentId: AGENT_ID, callFrom: "02-1234-5678" };

/** The native door takes the suppressed numbers out at check as the dynamic door does (a relative list from the program's folder). */
describe("the native door: suppression lists", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vox-native-suppression-"));
  const startedIn = process.cwd();
  before(() => {
    door.configure({ get: (key) => ({ "vox:apiKey": "k", "vox:baseUrl": "http://127.0.0.1:9" })[key] });
    fs.writeFileSync(path.join(dir, "optout.csv"), "phone\n010-1234-5678\n");
    // The native provider's handshake makes the program's folder its working directory.
    process.chdir(dir);
  });
  after(() => {
    process.chdir(startedIn);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("removes the listed numbers before anything is sent and records the list's summary", async () => {
    const { inputs, failures } = await door.check(
      resource,
      {},
      {
        ...declared,
        tasks: [{ callTo: "010-1234-5678" }, { callTo: "010-2345-6789" }],
        suppressionLists: ["optout.csv"],
      },
    );
    assert.deepStrictEqual(failures, []);
    const list = taskListOf(inputs.tasks, taskKeys({ apiKey: "k" }));
    assert.ok(list.ok);
    assert.deepStrictEqual(
      (list.tasks as { callTo: string }[]).map((task) => task.callTo),
      ["01023456789"],
    );
    assert.strictEqual(inputs.taskCount, 1);
    assert.deepStrictEqual(
      (inputs.suppression as { list: string; entries: number; removed: number }[]).map(({ list, entries, removed }) => ({
        list,
        entries,
        removed,
      })),
      [{ list: "optout.csv", entries: 1, removed: 1 }],
    );
  });
});
