import * as assert from "assert";
import { UNKNOWN } from "../../provider/values/unknown";
import { TestEmulator, startTestEmulator, totalRequests } from "../support/emulator";
import { AGENT_ID, rawInputs } from "../support/inputs";
import { checked, configureProvider, provider } from "../support/provider";
import { taskListOf } from "../../provider/campaign/packed-tasks";

/** `tasks[1].callTo: …` → `tasks[1].callTo`. */
const pathOf = (reason: string) => reason.slice(0, reason.indexOf(": "));

describe("check", () => {
  let emulator: TestEmulator;
  before(async () => {
    emulator = await startTestEmulator();
    await configureProvider(emulator.url);
  });
  after(() => emulator.close());
  beforeEach(() => emulator.resetRequests());
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
    const tasks = (taskListOf(inputs.tasks) as { tasks: { callTo: string }[] }).tasks;
    assert.deepStrictEqual(
      tasks.map((t) => t.callTo),
      ["01012345678", "01023456789"],
    );
    assert.strictEqual(inputs.taskCount, 2);
    assert.match(String(inputs.tasksDigest), /^sha256:[0-9a-f]{64}$/);
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

  const rejected: [string, Record<string, unknown>, string, RegExp][] = [
    [
      "a malformed callee",
      { tasks: [{ callTo: "01012345678" }, { callTo: "010-12" }] },
      "tasks[1].callTo",
      /not a valid Korean phone number/,
    ],
    ["a non-digit callee", { tasks: [{ callTo: "010-CALL-ME" }] }, "tasks[0].callTo", /characters other than digits/],
    ["concurrency 0", { concurrency: 0 }, "concurrency", /between 1 and 100/],
    ["concurrency 101", { concurrency: 101 }, "concurrency", /between 1 and 100/],
    ["a fractional concurrency", { concurrency: 2.5 }, "concurrency", /whole number/],
    ["an unknown agent version", { agentVersion: "beta" }, "agentVersion", /"production", "current" or "v<N>"/],
    ["agent version v0", { agentVersion: "v0" }, "agentVersion", /N ≥ 1/],
    ["an agent id that is no UUID", { agentId: "agent-1" }, "agentId", /UUID/],
    ["a missing agent id", { agentId: undefined }, "agentId", /is required/],
    ["a missing caller number", { callFrom: undefined }, "callFrom", /is required/],
    ["a blank name", { name: "   " }, "name", /whitespace/],
    ["a name over 255 characters", { name: "x".repeat(256) }, "name", /at most 255/],
    ["no tasks", { tasks: [] }, "tasks", /at least one task/],
    ["neither tasks nor tasksFile", { tasks: undefined }, "tasks", /is required \(or tasksFile/],
    ["both tasks and tasksFile", { tasksFile: "contacts.csv" }, "tasksFile", /either tasks or tasksFile/],
    [
      "a non-string prompt variable",
      { tasks: [{ callTo: "01012345678", dynamicVariables: { n: 1 } }] },
      "tasks[0].dynamicVariables.n",
      /must be a string/,
    ],
    ["an unknown task field", { tasks: [{ callTo: "01012345678", phone: "x" }] }, "tasks[0].phone", /unknown field/],
    ["an unknown input", { callerId: "0212345678" }, "callerId", /unknown field/],
    ["a past start", { scheduledAt: "2020-01-01T09:00:00+09:00" }, "scheduledAt", /in the past/],
    ["a start that is no ISO time", { scheduledAt: "next monday" }, "scheduledAt", /ISO-8601/],
    [
      "an unknown day",
      { callTimeWindow: { windows: [{ days: ["Funday"], start: "09:00", end: "10:00" }] } },
      "callTimeWindow.windows[0].days[0]",
      /not a day/,
    ],
    [
      "a day named twice",
      { callTimeWindow: { windows: [{ days: ["Mon", "Monday"], start: "09:00", end: "10:00" }] } },
      "callTimeWindow.windows[0].days",
      /twice/,
    ],
    [
      "a window ending before it starts",
      { callTimeWindow: { windows: [{ days: ["Monday"], start: "22:00", end: "06:00" }] } },
      "callTimeWindow.windows[0].end",
      /cannot cross midnight/,
    ],
    [
      "a malformed time",
      { callTimeWindow: { windows: [{ days: ["Monday"], start: "25:00", end: "26:00" }] } },
      "callTimeWindow.windows[0].start",
      /HH:MM/,
    ],
    [
      "minutes past midnight",
      { callTimeWindow: { windows: [{ days: ["Monday"], startMin: 0, endMin: 1441 }] } },
      "callTimeWindow.windows[0].endMin",
      /0–1440/,
    ],
    [
      "both minutes and clock times",
      { callTimeWindow: { windows: [{ days: ["Monday"], startMin: 60, start: "01:00", end: "02:00" }] } },
      "callTimeWindow.windows[0].start",
      /not both/,
    ],
    ["no windows", { callTimeWindow: { windows: [] } }, "callTimeWindow.windows", /at least one window/],
    [
      "an unknown time zone",
      { callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "10:00" }], timezone: "Asia/Busan" } },
      "callTimeWindow.timezone",
      /IANA/,
    ],
  ];
  for (const [what, overrides, property, reason] of rejected) {
    it(`rejects ${what} at ${property}`, async () => {
      const raw = rawInputs(overrides);
      for (const key of Object.keys(overrides)) if (overrides[key] === undefined) delete raw[key];
      const { failures } = await provider.check({}, raw);
      const failure = failures?.find((f) => f.reason.startsWith(`${property}: `));
      assert.ok(failure, `no failure at ${property}: ${JSON.stringify(failures)}`);
      assert.match(failure.reason, reason);
      assert.strictEqual(failure.property, "", "no property: the engine would print a top-level input's value beside it");
    });
  }

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
    const inputs = await checked(rawInputs({ scheduledAt: "2020-01-01T00:00:00.000Z" }), { scheduledAt: "2020-01-01T00:00:00.000Z" });
    assert.strictEqual(inputs.scheduledAt, "2020-01-01T00:00:00.000Z");
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
