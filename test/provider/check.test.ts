import * as assert from "assert";
import { UNKNOWN } from "../../provider/values/unknown";
import { LONG_AGO, TEST_API_KEY, totalRequests } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { AGENT_ID, rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";
import { taskKeys, taskListOf } from "../../provider/campaign/packed-tasks";

/** `tasks[1].callTo: …` → `tasks[1].callTo`. */
const pathOf = (reason: string) => reason.slice(0, reason.indexOf(": "));

describe("check", () => {
  const emulator = useProviderEmulator({ perFile: true });
  afterEach(async () => assert.strictEqual(totalRequests(await emulator.requests()), 0, "check must not call the API"));

  it("normalizes numbers, days, clock times and fills defaults", async () => {
    const inputs = await checked(rawInputs());
    assert.strictEqual(inputs.callFrom, "0212345678");
    assert.strictEqual(inputs.agentVersion, "production");
    assert.strictEqual(inputs.allowRedial, false);
    assert.deepStrictEqual(inputs.callTimeWindow, {
      windows: [
        { days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], start: "09:00", end: "12:00" },
        { days: ["Monday", "Tuesday", "Wednesday"], start: "13:00", end: "20:00" },
      ],
      timezone: "Asia/Seoul",
      autoResume: true,
    });
    const tasks = (taskListOf(inputs.tasks, taskKeys({ apiKey: TEST_API_KEY })) as { tasks: { callTo: string }[] }).tasks;
    assert.deepStrictEqual(
      tasks.map((t) => t.callTo),
      ["01012345678", "01023456789"],
    );
    assert.strictEqual(inputs.taskCount, 2);
    assert.match(String(inputs.tasksDigest), /^hmac-sha256:[0-9a-f]{8}:[0-9a-f]{64}$/);
  });

  it("gives equivalent spellings identical inputs, so they never show a diff", async () => {
    const a = await checked(rawInputs());
    const b = await checked(
      rawInputs({
        callFrom: "0212345678",
        concurrency: 2,
        agentVersion: "production",
        callTimeWindow: {
          windows: [
            { days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startMin: 540, endMin: 720 },
            { days: ["Monday", "Tuesday", "Wednesday"], startMin: 780, endMin: 1200 },
          ],
          timezone: "Asia/Seoul",
          autoResume: true,
        },
        tasks: [
          { callTo: "01012345678", dynamicVariables: { customerName: "김민수" } },
          { callTo: "010 2345 6789", metadata: { crmId: "C-1042" } },
        ],
      }),
    );
    assert.deepStrictEqual(a, b);
    const diff = await provider.diff("unused", { ...a, status: "pending" }, b);
    assert.strictEqual(diff.changes, false);
  });

  it("reports every failure at once", async () => {
    const { failures } = await provider.check({}, rawInputs({ concurrency: 0, tasks: [{ callTo: "1" }, { callTo: "2" }] }));
    assert.deepStrictEqual(failures?.map((f) => pathOf(f.reason)).sort(), ["concurrency", "tasks[0].callTo", "tasks[1].callTo"]);
  });

  it("never prints a whole phone number in a failure", async () => {
    const { failures } = await provider.check({}, rawInputs({ tasks: [{ callTo: "0109999888877" }] }));
    assert.strictEqual(failures?.length, 1);
    assert.ok(!failures[0].reason.includes("0109999888877"), failures[0].reason);
  });

  it("accepts an unchanged start time that has passed since", async () => {
    const inputs = await checked(rawInputs({ scheduledAt: LONG_AGO }), { scheduledAt: LONG_AGO });
    assert.strictEqual(inputs.scheduledAt, LONG_AGO);
  });

  it("passes preview unknowns through untouched and still checks the known fields", async () => {
    const { inputs, failures } = await provider.check(
      {},
      rawInputs({ callFrom: UNKNOWN, agentId: AGENT_ID, tasks: [UNKNOWN, { callTo: "010-1234-5678" }, { callTo: "bad" }] }),
    );
    assert.strictEqual(inputs.callFrom, UNKNOWN);
    assert.deepStrictEqual((inputs.tasks as unknown[])[0], UNKNOWN);
    assert.deepStrictEqual((inputs.tasks as unknown[])[1], { callTo: "01012345678" });
    assert.deepStrictEqual(
      failures?.map((f) => pathOf(f.reason)),
      ["tasks[2].callTo"],
    );
    assert.strictEqual(inputs.taskCount, undefined, "no count while the list is unknown");
  });

  it("treats a whole unknown task list as unknown", async () => {
    const { inputs, failures } = await provider.check({}, rawInputs({ tasks: UNKNOWN }));
    assert.deepStrictEqual(failures, []);
    assert.strictEqual(inputs.tasks, UNKNOWN);
  });
});
