import * as assert from "assert";
import { redactPhoneNumbers } from "../../cli/output";
import { LIMITS } from "../../provider/campaign/schema";
import { MAX_NESTING } from "../../provider/campaign/input-shape";
import { UNKNOWN } from "../../provider/values/unknown";
import { withMessage } from "../support/errors";
import { LONG_AGO, totalRequests } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

/** `{a: {a: … {}}}`, `levels` objects deep. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

/** `[[…[]]]`, `levels` arrays deep, inside an object. */
function nestedArrays(levels: number): Record<string, unknown> {
  let value: unknown[] = [];
  for (let i = 2; i < levels; i++) value = [value];
  return { list: value };
}

const ok = { callTo: "010-1234-5678" };
/** Own keys as JSON.parse (and a campaign file) makes them: a literal `{__proto__: …}` would set the prototype. */
const parsed = (json: string) => JSON.parse(json) as Record<string, unknown>;
const task = (fields: Record<string, unknown>) => ({ tasks: [fields] });
const thirdTask = (fields: Record<string, unknown>) => ({ tasks: [ok, ok, fields] });
const window = (fields: Record<string, unknown>) => ({
  callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "12:00", ...fields }] },
});
const windowWithout = (key: string, fields: Record<string, unknown> = {}) => {
  const w: Record<string, unknown> = { days: ["Monday"], start: "09:00", end: "12:00", ...fields };
  delete w[key];
  return { callTimeWindow: { windows: [w] } };
};

/**
 * Inputs check must refuse: a label, the overrides of {@link rawInputs} (a key set to undefined is
 * removed), the exact field path the failure must start with, and optionally what its reason must say.
 */
const CORPUS: [string, Record<string, unknown>, string, RegExp?][] = [
  // name
  ["a numeric name", { name: 123 }, "name", /string/],
  ["an empty name", { name: "" }, "name", /empty/],
  ["a blank name", { name: "   " }, "name", /whitespace/],
  ["a name of 256 characters", { name: "x".repeat(256) }, "name", /at most 255/],
  ["a name that is an object", { name: { ko: "x" } }, "name"],
  ["a name that is a list", { name: ["x"] }, "name"],
  // agentId
  ["no agentId", { agentId: undefined }, "agentId", /is required/],
  ["an agentId that is no UUID", { agentId: "agent-1" }, "agentId", /UUID/],
  ["a numeric agentId", { agentId: 42 }, "agentId"],
  ["a UUID one digit short", { agentId: "3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7" }, "agentId", /UUID/],
  ["an empty agentId", { agentId: "" }, "agentId", /UUID/],
  // agentVersion
  ["agentVersion beta", { agentVersion: "beta" }, "agentVersion", /"production", "current"/],
  ["agentVersion v0", { agentVersion: "v0" }, "agentVersion", /N ≥ 1/],
  ["agentVersion V3", { agentVersion: "V3" }, "agentVersion"],
  ["agentVersion v-1", { agentVersion: "v-1" }, "agentVersion"],
  ["a numeric agentVersion", { agentVersion: 3 }, "agentVersion", /string/],
  ["agentVersion with a trailing space", { agentVersion: "production " }, "agentVersion"],
  // callFrom
  ["no callFrom", { callFrom: undefined }, "callFrom", /is required/],
  ["a short callFrom", { callFrom: "010-12" }, "callFrom", /not a valid Korean phone number/],
  ["a callFrom with letters", { callFrom: "02-CALL-NOW" }, "callFrom", /characters other than digits/],
  ["a numeric callFrom", { callFrom: 1012345678 }, "callFrom", /written as a string/],
  ["an empty callFrom", { callFrom: "" }, "callFrom"],
  ["a US callFrom", { callFrom: "+1 202 555 0100" }, "callFrom", /Korean/],
  ["a callFrom too long", { callFrom: "0101234567890" }, "callFrom", /Korean/],
  ["a callFrom ending in x", { callFrom: "010-9876-543x" }, "callFrom", /characters other than digits/],
  // presentationNumber
  ["a short presentationNumber", { presentationNumber: "123" }, "presentationNumber", /Korean/],
  ["a numeric presentationNumber", { presentationNumber: 15881508 }, "presentationNumber", /string/],
  ["a presentationNumber in words", { presentationNumber: "abc" }, "presentationNumber", /characters other than digits/],
  ["a UK presentationNumber", { presentationNumber: "+44 20 7946 0958" }, "presentationNumber", /Korean/],
  // scheduledAt
  ["30 February", { scheduledAt: "2027-02-30T09:00:00+09:00" }, "scheduledAt", /2027-02 has 28 days/],
  ["31 April", { scheduledAt: "2027-04-31T09:00:00+09:00" }, "scheduledAt", /30 days/],
  ["29 February of a common year", { scheduledAt: "2027-02-29T09:00:00+09:00" }, "scheduledAt", /28 days/],
  ["month 13", { scheduledAt: "2027-13-01T09:00:00+09:00" }, "scheduledAt", /no month 13/],
  ["month 00", { scheduledAt: "2027-00-10T09:00:00+09:00" }, "scheduledAt", /no month 00/],
  ["day 00", { scheduledAt: "2027-03-00T09:00:00+09:00" }, "scheduledAt", /is not a date/],
  ["hour 25", { scheduledAt: "2027-02-10T25:00:00+09:00" }, "scheduledAt", /time of day/],
  ["hour 24", { scheduledAt: "2027-02-10T24:00:00+09:00" }, "scheduledAt", /time of day/],
  ["minute 60", { scheduledAt: "2027-02-10T09:60:00+09:00" }, "scheduledAt", /time of day/],
  ["second 61", { scheduledAt: "2027-02-10T09:00:61+09:00" }, "scheduledAt", /time of day/],
  ["no UTC offset", { scheduledAt: "2027-02-10T09:00:00" }, "scheduledAt", /no UTC offset/],
  ["no offset and no seconds", { scheduledAt: "2027-02-10T09:00" }, "scheduledAt", /no UTC offset/],
  ["a date without a time", { scheduledAt: "2027-02-10" }, "scheduledAt", /ISO-8601/],
  ["a space for the T", { scheduledAt: "2027-02-10 09:00:00+09:00" }, "scheduledAt", /ISO-8601/],
  ["offset +15:00", { scheduledAt: "2027-02-10T09:00:00+15:00" }, "scheduledAt", /UTC offset/],
  ["offset minutes 75", { scheduledAt: "2027-02-10T09:00:00+09:75" }, "scheduledAt", /UTC offset/],
  ["words", { scheduledAt: "next monday" }, "scheduledAt", /ISO-8601/],
  ["unix milliseconds", { scheduledAt: 1796083200000 }, "scheduledAt", /ISO-8601/],
  ["a past start", { scheduledAt: LONG_AGO }, "scheduledAt", /in the past/],
  // concurrency
  ["concurrency 0", { concurrency: 0 }, "concurrency", /between 1 and 100/],
  ["concurrency 101", { concurrency: 101 }, "concurrency", /between 1 and 100/],
  ["concurrency 2.5", { concurrency: 2.5 }, "concurrency", /whole number/],
  ["concurrency as text", { concurrency: "5" }, "concurrency", /number/],
  ["concurrency -1", { concurrency: -1 }, "concurrency"],
  ["concurrency true", { concurrency: true }, "concurrency"],
  // callTimeWindow
  ["a window as text", { callTimeWindow: "Mon 9-12" }, "callTimeWindow"],
  ["no windows key", { callTimeWindow: {} }, "callTimeWindow.windows", /is required/],
  ["no windows", { callTimeWindow: { windows: [] } }, "callTimeWindow.windows", /at least one window/],
  ["a window as text in the list", { callTimeWindow: { windows: ["Mon 9-12"] } }, "callTimeWindow.windows[0]"],
  ["a window without days", window({ days: [] }), "callTimeWindow.windows[0].days", /at least one day/],
  ["Funday", window({ days: ["Funday"] }), "callTimeWindow.windows[0].days[0]", /not a day/],
  ["a day twice", window({ days: ["Mon", "Monday"] }), "callTimeWindow.windows[0].days", /twice/],
  ["start 25:00", window({ start: "25:00", end: "26:00" }), "callTimeWindow.windows[0].start", /HH:MM/],
  ["end 9am", window({ end: "9am" }), "callTimeWindow.windows[0].end", /HH:MM/],
  [
    "a window across midnight",
    window({ start: "22:00", end: "06:00" }),
    "callTimeWindow.windows[0].end",
    /cannot cross midnight: split 22:00–06:00 in two, 22:00–24:00 on these days and 00:00–06:00 on the next day/,
  ],
  [
    "a window that ends as it starts",
    window({ start: "09:00", end: "09:00" }),
    "callTimeWindow.windows[0].end",
    /^[^:]*: must be later than the start$/,
  ],
  ["startMin -1", windowWithout("start", { startMin: -1 }), "callTimeWindow.windows[0].startMin", /0–1440/],
  ["endMin 1441", windowWithout("end", { endMin: 1441 }), "callTimeWindow.windows[0].endMin", /0–1440/],
  ["both start and startMin", window({ startMin: 540 }), "callTimeWindow.windows[0].start", /not both/],
  ["no start", windowWithout("start"), "callTimeWindow.windows[0].startMin", /is required/],
  [
    "timezone Asia/Busan",
    { callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "10:00" }], timezone: "Asia/Busan" } },
    "callTimeWindow.timezone",
    /IANA/,
  ],
  [
    "a numeric timezone",
    { callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "10:00" }], timezone: 9 } },
    "callTimeWindow.timezone",
  ],
  [
    "autoResume yes",
    { callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "10:00" }], autoResume: "yes" } },
    "callTimeWindow.autoResume",
    /true or false/,
  ],
  [
    "timeZone",
    { callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "10:00" }], timeZone: "Asia/Seoul" } },
    "callTimeWindow.timeZone",
    /did you mean timezone\?/,
  ],
  [
    "auto_resume",
    { callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "10:00" }], auto_resume: true } },
    "callTimeWindow.auto_resume",
    /did you mean autoResume\?/,
  ],
  ["windowz", { callTimeWindow: { windowz: [] } }, "callTimeWindow.windowz", /did you mean windows\?/],
  ["a window with strat", window({ strat: "09:00" }), "callTimeWindow.windows[0].strat", /did you mean start\?/],
  ["a window with start_min", window({ start_min: 540 }), "callTimeWindow.windows[0].start_min", /did you mean startMin\?/],
  ["a window with from", window({ from: "09:00" }), "callTimeWindow.windows[0].from", /unknown field; the fields here are days/],
  ["a window with day", window({ day: "Monday" }), "callTimeWindow.windows[0].day", /did you mean days\?/],
  // tasks
  ["no tasks", { tasks: [] }, "tasks", /at least one task/],
  ["tasks as text", { tasks: "010-1234-5678" }, "tasks", /list of tasks/],
  [`${LIMITS.tasksMax + 1} tasks`, { tasks: Array.from({ length: LIMITS.tasksMax + 1 }, () => ok) }, "tasks", /more than 10000 tasks/],
  ["neither tasks nor tasksFile", { tasks: undefined }, "tasks", /is required \(or tasksFile/],
  ["a null task", { tasks: [null] }, "tasks[0]"],
  ["a task as text", { tasks: ["010-1234-5678"] }, "tasks[0]"],
  ["a task without callTo", task({}), "tasks[0].callTo", /is required/],
  ["a short callTo", task({ callTo: "010-12" }), "tasks[0].callTo", /Korean/],
  ["a numeric callTo", task({ callTo: 1012345678 }), "tasks[0].callTo", /string/],
  ["callTo of the third task", thirdTask({ callTo: "010-1234-56789" }), "tasks[2].callTo", /Korean/],
  ["call_to", thirdTask({ call_to: "010-1234-5678" }), "tasks[2].call_to", /did you mean callTo\?/],
  ["CallTo", task({ CallTo: "010-1234-5678" }), "tasks[0].CallTo", /did you mean callTo\?/],
  ["callto", task({ callto: "010-1234-5678" }), "tasks[0].callto", /did you mean callTo\?/],
  ["calTo", task({ calTo: "010-1234-5678" }), "tasks[0].calTo", /did you mean callTo\?/],
  ["phone", task({ ...ok, phone: "x" }), "tasks[0].phone", /unknown field/],
  ["dynamic_variables", task({ ...ok, dynamic_variables: {} }), "tasks[0].dynamic_variables", /did you mean dynamicVariables\?/],
  ["dynamicVariable", task({ ...ok, dynamicVariable: {} }), "tasks[0].dynamicVariable", /did you mean dynamicVariables\?/],
  [
    "presentation_number",
    task({ ...ok, presentation_number: "0212345678" }),
    "tasks[0].presentation_number",
    /did you mean presentationNumber\?/,
  ],
  ["meta_data", task({ ...ok, meta_data: {} }), "tasks[0].meta_data", /did you mean metadata\?/],
  ["a numeric prompt variable", task({ ...ok, dynamicVariables: { n: 1 } }), "tasks[0].dynamicVariables.n", /must be a string/],
  ["a null prompt variable", task({ ...ok, dynamicVariables: { n: null } }), "tasks[0].dynamicVariables.n", /must be a string/],
  ["prompt variables as text", task({ ...ok, dynamicVariables: "name=Kim" }), "tasks[0].dynamicVariables", /object of strings/],
  ["metadata as text", task({ ...ok, metadata: "crm" }), "tasks[0].metadata", /must be an object/],
  ["metadata as a list", task({ ...ok, metadata: [1, 2] }), "tasks[0].metadata", /must be an object/],
  ["a bad task presentationNumber", task({ ...ok, presentationNumber: "12" }), "tasks[0].presentationNumber", /Korean/],
  [
    "__proto__ in metadata",
    task({ ...ok, metadata: parsed('{"__proto__": {"admin": true}}') }),
    "tasks[0].metadata.__proto__",
    /cannot be used as a key/,
  ],
  ["constructor in metadata", task({ ...ok, metadata: { constructor: "x" } }), "tasks[0].metadata.constructor", /cannot be used as a key/],
  ["prototype in metadata", task({ ...ok, metadata: { prototype: 1 } }), "tasks[0].metadata.prototype", /cannot be used as a key/],
  [
    "__proto__ deep in metadata",
    task({ ...ok, metadata: { a: [parsed('{"__proto__": 1}')] } }),
    "tasks[0].metadata.a[0].__proto__",
    /cannot be used as a key/,
  ],
  [
    "__proto__ in prompt variables",
    task({ ...ok, dynamicVariables: parsed('{"__proto__": "x"}') }),
    "tasks[0].dynamicVariables.__proto__",
    /cannot be used as a key/,
  ],
  [
    "constructor in prompt variables",
    task({ ...ok, dynamicVariables: { constructor: "x" } }),
    "tasks[0].dynamicVariables.constructor",
    /cannot be used as a key/,
  ],
  [
    "prototype in prompt variables",
    task({ ...ok, dynamicVariables: { prototype: "x" } }),
    "tasks[0].dynamicVariables.prototype",
    /cannot be used as a key/,
  ],
  [
    "__proto__ as a task field",
    { tasks: [parsed('{"callTo": "010-1234-5678", "__proto__": {}}')] },
    "tasks[0].__proto__",
    /cannot be used as a key/,
  ],
  [
    `metadata ${MAX_NESTING + 1} objects deep`,
    task({ ...ok, metadata: nested(MAX_NESTING + 1) }),
    "tasks[0].metadata",
    /more than 64 levels/,
  ],
  [
    `metadata ${MAX_NESTING + 1} arrays deep`,
    task({ ...ok, metadata: nestedArrays(MAX_NESTING + 1) }),
    "tasks[0].metadata",
    /more than 64 levels/,
  ],
  ["metadata 5,000 levels deep", thirdTask({ ...ok, metadata: nested(5000) }), "tasks[2].metadata", /more than 64 levels/],
  [
    "prompt variables 5,000 levels deep",
    task({ ...ok, dynamicVariables: nested(5000) }),
    "tasks[0].dynamicVariables",
    /more than 64 levels/,
  ],
  [
    "a time zone 5,000 levels deep",
    { callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "10:00" }], timezone: nested(5000) } },
    "callTimeWindow",
    /more than 64 levels/,
  ],
  [
    "17 MiB of metadata",
    thirdTask({ ...ok, metadata: { blob: "x".repeat(17 * 1024 * 1024) } }),
    "tasks",
    /create request would be 17\.0 MiB, above the API's 16\.0 MiB limit; tasks\[2\]\.metadata is 17\.0 MiB/,
  ],
  [
    "many tasks adding up to 16 MiB",
    { tasks: Array.from({ length: 2000 }, () => ({ ...ok, metadata: { note: "x".repeat(9000) } })) },
    "tasks",
    /above the API's 16\.0 MiB limit/,
  ],
  [
    "an unknown callTo beside a bad presentationNumber",
    task({ callTo: UNKNOWN, presentationNumber: "12" }),
    "tasks[0].presentationNumber",
    /Korean/,
  ],
  [
    "a bad callTo beside unknown metadata",
    task({ callTo: "not-a-number", metadata: { crmId: UNKNOWN } }),
    "tasks[0].callTo",
    /characters other than digits/,
  ],
  [
    "a bad prompt variable beside an unknown one",
    task({ ...ok, dynamicVariables: { a: UNKNOWN, b: 2 } }),
    "tasks[0].dynamicVariables.b",
    /must be a string/,
  ],
  [
    "a bad window beside an unknown time zone",
    { callTimeWindow: { windows: [{ days: ["Funday"], start: "09:00", end: "10:00" }], timezone: UNKNOWN } },
    "callTimeWindow.windows[0].days[0]",
    /not a day/,
  ],
  ["an unknown task beside a bad one", { tasks: [UNKNOWN, { callTo: "bad" }] }, "tasks[1].callTo"],
  // tasksFile
  ["an empty tasksFile", { tasks: undefined, tasksFile: "" }, "tasksFile", /empty/],
  ["a numeric tasksFile", { tasks: undefined, tasksFile: 42 }, "tasksFile", /file path/],
  ["tasks and tasksFile", { tasksFile: "contacts.csv" }, "tasksFile", /either tasks or tasksFile/],
  ["a tasksFile that does not exist", { tasks: undefined, tasksFile: "contacts/nonexistent.csv" }, "tasksFile", /no such file/],
  ["a tasksFile outside the project", { tasks: undefined, tasksFile: "/etc/passwd" }, "tasksFile", /outside the project folder/],
  // adoptId, allowRedial
  ["an empty adoptId", { adoptId: "" }, "adoptId", /empty/],
  ["a numeric adoptId", { adoptId: 5 }, "adoptId", /campaign id/],
  ["allowRedial as text", { allowRedial: "true" }, "allowRedial", /true or false/],
  ["allowRedial 1", { allowRedial: 1 }, "allowRedial", /true or false/],
  // unknown top-level keys
  ["call_from", { call_from: "0212345678" }, "call_from", /did you mean callFrom\?/],
  ["callerId", { callerId: "0212345678" }, "callerId", /unknown field/],
  ["task", { task: [] }, "task", /did you mean tasks\?/],
  ["Tasks", { Tasks: [] }, "Tasks", /did you mean tasks\?/],
  ["schedule_at", { schedule_at: "2027-01-01T09:00:00Z" }, "schedule_at", /did you mean scheduledAt\?/],
  ["scheduled_at", { scheduled_at: "2027-01-01T09:00:00Z" }, "scheduled_at", /did you mean scheduledAt\?/],
  ["agent_id", { agent_id: "x" }, "agent_id", /did you mean agentId\?/],
  ["call_time_window", { call_time_window: {} }, "call_time_window", /did you mean callTimeWindow\?/],
  ["concurency", { concurency: 5 }, "concurency", /did you mean concurrency\?/],
  ["allow_redial", { allow_redial: true }, "allow_redial", /did you mean allowRedial\?/],
  ["a top-level __proto__", parsed('{"__proto__": {"concurrency": 1}}'), "__proto__", /unknown field/],
];

describe("bad inputs", () => {
  const emulator = useProviderEmulator({ perFile: true });

  describe(`${CORPUS.length} inputs check rejects with their path, and no request`, () => {
    afterEach(async () => assert.deepStrictEqual(await emulator.requests(), {}, "a rejected input must make no request"));

    it("holds at least 120 inputs", () => assert.ok(CORPUS.length >= 120, `${CORPUS.length}`));

    for (const [what, overrides, path, reason] of CORPUS) {
      it(`${what} → ${path}`, async () => {
        const raw = { ...rawInputs(), ...overrides };
        for (const key of Object.keys(overrides)) if (overrides[key] === undefined) delete raw[key];
        const { failures } = await provider.check({}, raw);
        const failure = failures?.find((f) => f.reason.startsWith(`${path}: `));
        assert.ok(failure, `no failure at ${path}: ${JSON.stringify(failures?.map((f) => f.reason.slice(0, 200)))}`);
        if (reason) assert.match(failure.reason, reason);
        for (const f of failures ?? []) {
          assert.strictEqual(f.property, "");
          assert.strictEqual(redactPhoneNumbers(f.reason), f.reason, "numbers in reasons are masked");
        }
      });
    }
  });

  describe("unknowns at create: only a preview may hold them", () => {
    const atCreate: [string, (inputs: Record<string, unknown>) => Record<string, unknown>, string][] = [
      ["a task's metadata", (inputs) => ({ ...inputs, tasks: [{ callTo: "01012345678", metadata: { crmId: UNKNOWN } }] }), "tasks"],
      ["a task's callTo", (inputs) => ({ ...inputs, tasks: [{ callTo: UNKNOWN }] }), "tasks"],
      ["concurrency", (inputs) => ({ ...inputs, concurrency: UNKNOWN }), "concurrency"],
      [
        "the time zone",
        (inputs) => ({ ...inputs, callTimeWindow: { ...(inputs.callTimeWindow as object), timezone: UNKNOWN } }),
        "callTimeWindow",
      ],
    ];
    for (const [what, withUnknown, field] of atCreate) {
      it(`refuses the placeholder in ${what} at create, with no request`, async () => {
        const inputs = withUnknown(await checked(rawInputs()));
        await assert.rejects(provider.create(inputs), (error: Error) => {
          assert.match(error.message, /\[vox:INVALID_INPUTS\]/);
          assert.match(error.message, new RegExp(`${field}: is not known yet`));
          return true;
        });
        assert.strictEqual(totalRequests(await emulator.requests()), 0);
      });
    }

    it("refuses at update too, with no request", async () => {
      const inputs = await checked(rawInputs());
      const created = await provider.create(inputs);
      await emulator.resetRequests();
      await assert.rejects(provider.update(created.id, created.outs, { ...inputs, name: UNKNOWN }), withMessage(/name: is not known yet/));
      assert.strictEqual(totalRequests(await emulator.requests()), 0);
    });

    it("refuses at create inputs check never saw: 5,000 levels deep, with a path and no crash", async () => {
      const inputs = { ...(await checked(rawInputs())), tasks: [{ callTo: "01012345678", metadata: nested(5000) }] };
      await assert.rejects(provider.create(inputs), withMessage(/tasks\[0\]\.metadata: nests more than 64 levels/));
      assert.strictEqual(totalRequests(await emulator.requests()), 0);
    });
  });
});
