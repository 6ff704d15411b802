import * as assert from "assert";
import * as door from "../../provider/native/door";
import { UNKNOWN } from "../../provider/values/unknown";
import { AGENT_ID } from "../support/inputs";

const resource = { project: "reminders", stack: "prod", name: "renewal" };
const declared = { agentId: AGENT_ID, callFrom: "02-1234-5678" };

describe("the native door", () => {
  // As the engine does before any request; check calls no API here.
  before(() => door.configure({ get: (key) => ({ "vox:apiKey": "k", "vox:baseUrl": "http://127.0.0.1:9" })[key] }));

  it("names a campaign declared without a name after its resource, as the TypeScript class does", async () => {
    const { inputs, failures } = await door.check(resource, {}, { ...declared, tasks: [{ callTo: "010-1234-5678" }] });
    assert.deepStrictEqual(failures, []);
    assert.match(String(inputs.name), /^renewal-[0-9a-f]{6}$/);
    assert.match(String(inputs.tasks), /^vox-tasks:2:[0-9a-f]{8}:/, "the list leaves check sealed");
  });

  it("warns of a window reaching into 21:00–08:00 Korean time, as the TypeScript class does in the program", async () => {
    const night = { windows: [{ days: ["Monday"], start: "19:00", end: "22:00" }] };
    const { failures, warnings } = await door.check(
      resource,
      {},
      { ...declared, callTimeWindow: night, tasks: [{ callTo: "010-1234-5678" }] },
    );
    assert.deepStrictEqual(failures, []);
    assert.strictEqual(warnings.length, 1);
    assert.match(warnings[0], /^Mon 19:00–22:00 reaches into 21:00–08:00 Korean time/);
    const day = { windows: [{ days: ["Monday"], start: "09:00", end: "12:00" }] };
    assert.deepStrictEqual(
      (await door.check(resource, {}, { ...declared, callTimeWindow: day, tasks: [{ callTo: "010-1234-5678" }] })).warnings,
      [],
    );
  });

  it("lets an adopted campaign leave out its task list, which the API does not return; others must give one", async () => {
    const adopted = await door.check(resource, { adoptId: "c1" }, { ...declared, adoptId: "c1" });
    assert.deepStrictEqual(adopted.failures, []);
    const created = await door.check(resource, {}, declared);
    assert.deepStrictEqual(created.failures, [{ property: "", reason: "tasks: is required (or tasksFile, a CSV or JSON contact list)" }]);
  });

  it("predicts a create's outputs without the API: what only vox.ai knows is unknown, the list is not in them", () => {
    const outputs = door.previewCreate({ ...declared, name: "n", tasks: "vox-tasks:1:x", taskCount: 1, tasksDigest: "sha256:1" });
    assert.strictEqual(outputs.status, UNKNOWN);
    assert.strictEqual(outputs.scheduledAt, UNKNOWN);
    assert.strictEqual(outputs.tasks, undefined);
    assert.strictEqual(outputs.taskCount, 1);
  });

  it("gives an import the fields a declaration must repeat, and adoptId; never what only the API decides", () => {
    const outputs = {
      ...declared,
      name: "n",
      agentVersion: "production",
      concurrency: 3,
      presentationNumber: null,
      callTimeWindow: null,
      scheduledAt: "2026-11-30T00:00:00.000Z",
      paused: false,
      status: "ongoing",
      completedCalls: 4,
      stateVersion: 4,
    };
    assert.deepStrictEqual(door.importedInputs("c1", outputs), {
      name: "n",
      agentId: declared.agentId,
      agentVersion: "production",
      callFrom: declared.callFrom,
      concurrency: 3,
      paused: false,
      adoptId: "c1",
    });
  });
});
