import * as assert from "assert";
import { gzipSync } from "zlib";
import {
  TaskSeal,
  canonicalTaskList,
  digestMatches,
  isCurrentDigest,
  packTasks,
  requireSeal,
  taskKeys,
  taskListOf,
} from "../../provider/campaign/packed-tasks";

const KEY = "vox_test_key_aaaaaaaaaaaaaaaaaaaaaaaa";
const OTHER_KEY = "vox_test_key_bbbbbbbbbbbbbbbbbbbbbbbb";
const tasks = [
  { callTo: "01012345678", dynamicVariables: { name: "김민수", age: "40" }, metadata: { b: [1, null, { z: true, a: 1.5 }] } },
  { callTo: "01023456789" },
];
/** Every way a number of `tasks` could show: digits, their halves, and the base64 of the digits. */
const NUMBER_FORMS = ["01012345678", "1012345678", "12345678", "23456789", Buffer.from("01012345678").toString("base64").slice(0, 12)];

describe("the sealed task list (packed-tasks.ts)", () => {
  const keys = taskKeys({ apiKey: KEY });

  it("seals deterministically: the same list gives the same string, another key or list another one", () => {
    const sealed = packTasks(tasks, keys);
    assert.match(sealed, /^vox-tasks:2:[0-9a-f]{8}:[A-Za-z0-9+/]+=*$/);
    assert.strictEqual(packTasks(structuredClone(tasks), keys), sealed);
    assert.notStrictEqual(packTasks(tasks, taskKeys({ apiKey: OTHER_KEY })), sealed);
    assert.notStrictEqual(packTasks([tasks[0]], keys), sealed);
    for (const form of NUMBER_FORMS) assert.ok(!sealed.includes(form), `the sealed list shows ${form.slice(0, 3)}…`);
  });

  it("opens with the key that sealed it, or the previous key during a rotation", () => {
    const sealed = packTasks(tasks, keys);
    assert.deepStrictEqual(taskListOf(sealed, keys), { ok: true, tasks });
    assert.deepStrictEqual(taskListOf(sealed, taskKeys({ apiKey: OTHER_KEY, previousApiKey: KEY })), { ok: true, tasks });
  });

  it("refuses a list sealed under another key, naming the key ids and what to set, never a key", () => {
    const sealed = packTasks(tasks, keys);
    const result = taskListOf(sealed, taskKeys({ apiKey: OTHER_KEY }));
    assert.strictEqual(result.ok, false);
    const reason = (result as { reason: string }).reason;
    assert.match(reason, new RegExp(`key id ${TaskSeal.of(KEY).keyId}; the API key set now is ${TaskSeal.of(OTHER_KEY).keyId}`));
    assert.match(reason, /vox:previousApiKey.*VOX_PREVIOUS_API_KEY/);
    assert.ok(!reason.includes(KEY) && !reason.includes(OTHER_KEY));
    assert.match(
      (taskListOf(sealed, {}) as { reason: string }).reason,
      /no API key is set \(set it with `pulumi config set --secret vox:apiKey/,
    );
  });

  it("refuses an altered sealed list (the tag fails) rather than reading something else", () => {
    const sealed = packTasks(tasks, keys);
    const body = Buffer.from(sealed.split(":")[3], "base64");
    body[20] ^= 1;
    const altered = `vox-tasks:2:${TaskSeal.of(KEY).keyId}:${body.toString("base64")}`;
    assert.match((taskListOf(altered, keys) as { reason: string }).reason, /the packed task list cannot be read/);
  });

  it("still reads lists packed before the seal (gzip, `vox-tasks:1:`) and lists given as they are", () => {
    const gzipped = "vox-tasks:1:" + gzipSync(JSON.stringify(tasks)).toString("base64");
    assert.deepStrictEqual(taskListOf(gzipped, {}), { ok: true, tasks });
    assert.deepStrictEqual(taskListOf(tasks, {}), { ok: true, tasks });
    assert.strictEqual(taskListOf("vox-tasks:1:not-gzip", {}).ok, false);
  });

  it("digests with a keyed HMAC that names its key, and verifies digests of every earlier form", () => {
    const list = canonicalTaskList(tasks);
    const digest = TaskSeal.of(KEY).digest(list);
    assert.match(digest, new RegExp(`^hmac-sha256:${TaskSeal.of(KEY).keyId}:[0-9a-f]{64}$`));
    assert.notStrictEqual(TaskSeal.of(OTHER_KEY).digest(list), digest);
    assert.ok(isCurrentDigest(digest, keys) && !isCurrentDigest(digest, taskKeys({ apiKey: OTHER_KEY })));
    // Recorded by state version 6 (a plain sha256): a changed text would be a change of every list.
    const legacy = "sha256:f196b383d380a03e30c314c29920e3386f86b8b8e6d5705becb9203162a5a58c";
    assert.ok(digestMatches(legacy, list, {}));
    assert.ok(!digestMatches(legacy, canonicalTaskList([tasks[1]]), {}));
    assert.ok(digestMatches(digest, list, taskKeys({ apiKey: OTHER_KEY, previousApiKey: KEY })));
    assert.throws(
      () => digestMatches(digest, list, taskKeys({ apiKey: OTHER_KEY })),
      /\[vox:TASKS_OTHER_KEY\].*cannot tell whether it changed/,
    );
  });

  it("serializes a list once however many times it is measured, digested and sealed", () => {
    assert.strictEqual(canonicalTaskList(tasks), canonicalTaskList(tasks));
    assert.notStrictEqual(canonicalTaskList(structuredClone(tasks)), canonicalTaskList(tasks));
  });

  it("says what to set when there is no key", () => {
    assert.throws(() => requireSeal({}, "tasks"), /tasks needs the vox\.ai API key.*vox:apiKey.*VOX_API_KEY/);
    assert.throws(() => packTasks(tasks, {}), /\[vox:SETTINGS\]/);
  });
});
