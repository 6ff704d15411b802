import assert from "node:assert/strict";
import { Client, HOUR, MONDAY_10_KST, TEST_MONDAY, TestEmulator } from "../support/emulator";
import { campaignBody, tasks } from "../support/inputs";
import { startInWindow, windowOn } from "./helpers";

interface RejectCase {
  what: string;
  body: Record<string, unknown>;
  field: string;
  allowed?: string[];
}

const validWindow = { days: ["Monday"], start_min: 540, end_min: 1080 };
const withWindow = (window: Record<string, unknown>) => ({ call_time_window: { windows: [window] } });
const withTask = (task: Record<string, unknown>) => ({ tasks: [{ call_to: "01012345678" }, task] });

const createRejections: RejectCase[] = [
  { what: "an unknown field", body: campaignBody({ colour: "red" }), field: "colour" },
  { what: "a missing name", body: campaignBody({ name: undefined }), field: "name" },
  { what: "an empty name", body: campaignBody({ name: "" }), field: "name" },
  { what: "a whitespace-only name", body: campaignBody({ name: " \t " }), field: "name" },
  { what: "a 256-character name", body: campaignBody({ name: "x".repeat(256) }), field: "name" },
  { what: "a number as name", body: campaignBody({ name: 5 }), field: "name" },
  { what: "a null name", body: campaignBody({ name: null }), field: "name" },
  { what: "a missing call_from", body: campaignBody({ call_from: undefined }), field: "call_from" },
  { what: "a hyphenated call_from", body: campaignBody({ call_from: "02-1234-5678" }), field: "call_from" },
  { what: "a +82 call_from", body: campaignBody({ call_from: "+821012345678" }), field: "call_from" },
  { what: "a call_from with spaces", body: campaignBody({ call_from: "010 1234 5678" }), field: "call_from" },
  { what: "a call_from that is too short", body: campaignBody({ call_from: "0101234" }), field: "call_from" },
  { what: "a call_from without its leading 0", body: campaignBody({ call_from: "1012345678" }), field: "call_from" },
  { what: "a call_from with 82 but no +", body: campaignBody({ call_from: "821012345678" }), field: "call_from" },
  { what: "a call_from that is not a Korean number", body: campaignBody({ call_from: "0000000000" }), field: "call_from" },
  { what: "a missing agent_id", body: campaignBody({ agent_id: undefined }), field: "agent_id" },
  { what: "an agent_id that is not a UUID", body: campaignBody({ agent_id: "agent-1" }), field: "agent_id" },
  {
    what: "agent_version v0",
    body: campaignBody({ agent_version: "v0" }),
    field: "agent_version",
    allowed: ["production", "current", "v<N>"],
  },
  { what: "agent_version latest", body: campaignBody({ agent_version: "latest" }), field: "agent_version" },
  { what: "agent_version V1", body: campaignBody({ agent_version: "V1" }), field: "agent_version" },
  { what: "a missing tasks", body: campaignBody({ tasks: undefined }), field: "tasks" },
  { what: "no tasks", body: campaignBody({ tasks: [] }), field: "tasks" },
  { what: "10,001 tasks", body: campaignBody({ tasks: tasks(10_001) }), field: "tasks" },
  { what: "tasks as an object", body: campaignBody({ tasks: { call_to: "01012345678" } }), field: "tasks" },
  { what: "a task that is not an object", body: campaignBody({ tasks: ["01012345678"] }), field: "tasks[0]" },
  { what: "a task without call_to", body: campaignBody(withTask({})), field: "tasks[1].call_to" },
  { what: "a task with a bad call_to", body: campaignBody(withTask({ call_to: "010-1234-5678" })), field: "tasks[1].call_to" },
  { what: "a task with an unknown field", body: campaignBody(withTask({ call_to: "01012345678", name: "x" })), field: "tasks[1].name" },
  {
    what: "a dynamic variable that is not a string",
    body: campaignBody(withTask({ call_to: "01012345678", dynamic_variables: { age: 3 } })),
    field: "tasks[1].dynamic_variables.age",
  },
  {
    what: "metadata that is not an object",
    body: campaignBody(withTask({ call_to: "01012345678", metadata: "x" })),
    field: "tasks[1].metadata",
  },
  {
    what: "a task presentation_number that is invalid",
    body: campaignBody(withTask({ call_to: "01012345678", presentation_number: "123" })),
    field: "tasks[1].presentation_number",
  },
  { what: "an invalid presentation_number", body: campaignBody({ presentation_number: "99" }), field: "presentation_number" },
  {
    what: "scheduled_at in the past",
    body: campaignBody({ scheduled_at: new Date(MONDAY_10_KST - 1000).toISOString() }),
    field: "scheduled_at",
  },
  { what: "scheduled_at that is not ISO", body: campaignBody({ scheduled_at: "tomorrow" }), field: "scheduled_at" },
  { what: "scheduled_at without a zone", body: campaignBody({ scheduled_at: "2030-01-01T09:00:00" }), field: "scheduled_at" },
  { what: "scheduled_at on February 30th", body: campaignBody({ scheduled_at: "2030-02-30T09:00:00Z" }), field: "scheduled_at" },
  { what: "scheduled_at as a number", body: campaignBody({ scheduled_at: MONDAY_10_KST + HOUR }), field: "scheduled_at" },
  { what: "concurrency 0", body: campaignBody({ concurrency: 0 }), field: "concurrency" },
  { what: "concurrency 101", body: campaignBody({ concurrency: 101 }), field: "concurrency" },
  { what: "concurrency 1.5", body: campaignBody({ concurrency: 1.5 }), field: "concurrency" },
  { what: "concurrency as a string", body: campaignBody({ concurrency: "5" }), field: "concurrency" },
  { what: "concurrency null", body: campaignBody({ concurrency: null }), field: "concurrency" },
  { what: "call_time_window null", body: campaignBody({ call_time_window: null }), field: "call_time_window" },
  {
    what: "call_time_window without windows",
    body: campaignBody({ call_time_window: { timezone: "Asia/Seoul" } }),
    field: "call_time_window.windows",
  },
  { what: "no windows", body: campaignBody({ call_time_window: { windows: [] } }), field: "call_time_window.windows" },
  {
    what: "an unknown call_time_window field",
    body: campaignBody({ call_time_window: { windows: [validWindow], tz: "UTC" } }),
    field: "call_time_window.tz",
  },
  {
    what: "an unknown timezone",
    body: campaignBody({ call_time_window: { windows: [validWindow], timezone: "Mars/Olympus" } }),
    field: "call_time_window.timezone",
  },
  {
    what: "an offset instead of a timezone",
    body: campaignBody({ call_time_window: { windows: [validWindow], timezone: "+09:00" } }),
    field: "call_time_window.timezone",
  },
  {
    what: "auto_resume as a string",
    body: campaignBody({ call_time_window: { windows: [validWindow], auto_resume: "yes" } }),
    field: "call_time_window.auto_resume",
  },
  {
    what: "a window without days",
    body: campaignBody(withWindow({ start_min: 0, end_min: 60 })),
    field: "call_time_window.windows[0].days",
  },
  {
    what: "a window with no days",
    body: campaignBody(withWindow({ ...validWindow, days: [] })),
    field: "call_time_window.windows[0].days",
  },
  {
    what: "a lower-case day",
    body: campaignBody(withWindow({ ...validWindow, days: ["monday"] })),
    field: "call_time_window.windows[0].days[0]",
    allowed: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  },
  {
    what: "a duplicate day",
    body: campaignBody(withWindow({ ...validWindow, days: ["Monday", "Monday"] })),
    field: "call_time_window.windows[0].days[1]",
  },
  {
    what: "a negative start_min",
    body: campaignBody(withWindow({ ...validWindow, start_min: -1 })),
    field: "call_time_window.windows[0].start_min",
  },
  {
    what: "end_min above 1440",
    body: campaignBody(withWindow({ ...validWindow, end_min: 1441 })),
    field: "call_time_window.windows[0].end_min",
  },
  {
    what: "start_min equal to end_min",
    body: campaignBody(withWindow({ ...validWindow, start_min: 600, end_min: 600 })),
    field: "call_time_window.windows[0].start_min",
  },
  {
    what: "an overnight window",
    body: campaignBody(withWindow({ ...validWindow, start_min: 1200, end_min: 120 })),
    field: "call_time_window.windows[0].start_min",
  },
  {
    what: "a fractional start_min",
    body: campaignBody(withWindow({ ...validWindow, start_min: 1.5 })),
    field: "call_time_window.windows[0].start_min",
  },
  {
    what: "a missing end_min",
    body: campaignBody(withWindow({ days: ["Monday"], start_min: 0 })),
    field: "call_time_window.windows[0].end_min",
  },
  {
    what: "an unknown window field",
    body: campaignBody(withWindow({ ...validWindow, every: "day" })),
    field: "call_time_window.windows[0].every",
  },
  {
    what: "a bad second window",
    body: campaignBody({ call_time_window: { windows: [validWindow, { ...validWindow, end_min: 0 }] } }),
    field: "call_time_window.windows[1].end_min",
  },
];

describe("emulator validation", () => {
  let emulator: TestEmulator;
  let client: Client;

  before(async () => {
    emulator = await startInWindow({ approvedPresentationNumbers: ["15881508", "0212345678"] });
    client = new Client(emulator.url);
  });
  after(() => emulator.close());

  /** Asserts a 400 VALIDATION_ERROR envelope naming `field`, and that nothing was created. */
  async function assertRejected(
    reply: { status: number; body: { error: { code: string; message: string; details: Record<string, unknown> } } },
    field: string,
  ) {
    assert.equal(reply.status, 400, JSON.stringify(reply.body));
    assert.equal(reply.body.error.code, "VALIDATION_ERROR");
    assert.equal(reply.body.error.details.field, field, JSON.stringify(reply.body));
    assert.equal(typeof reply.body.error.details.reason, "string");
    assert.equal(typeof reply.body.error.message, "string");
  }

  describe("POST /v2/campaigns rejects", () => {
    for (const { what, body, field, allowed } of createRejections) {
      it(`${what} (${field})`, async () => {
        const reply = await client.post("/v2/campaigns", body);
        await assertRejected(reply, field);
        if (allowed !== undefined) assert.deepEqual(reply.body.error.details.allowed_values, allowed);
        assert.equal((await client.get("/v3/campaigns")).body.total_count, 0);
      });
    }

    it("a presentation_number that is not approved for the organization", async () => {
      await assertRejected(await client.post("/v2/campaigns", campaignBody({ presentation_number: "0311234567" })), "presentation_number");
      const reply = await client.post(
        "/v2/campaigns",
        campaignBody(withTask({ call_to: "01012345678", presentation_number: "0311234567" })),
      );
      await assertRejected(reply, "tasks[1].presentation_number");
    });

    it("a body that is not an object", async () => {
      await assertRejected(await client.post("/v2/campaigns", [campaignBody()]), "body");
      await assertRejected(await client.post("/v2/campaigns"), "body");
    });
  });

  describe("POST /v2/campaigns accepts", () => {
    const validNumbers = ["01012345678", "0101234567", "0212345678", "0311234567", "07012345678", "15881508", "16001234", "18001234"];
    for (const number of validNumbers) {
      it(`the number ${number}`, async () => {
        const reply = await client.post("/v2/campaigns", campaignBody({ call_from: number, tasks: [{ call_to: number }] }));
        assert.equal(reply.status, 200, JSON.stringify(reply.body));
      });
    }

    it("agent versions production, current, v1 and v12, and null", async () => {
      for (const version of ["production", "current", "v1", "v12", null]) {
        const reply = await client.post("/v2/campaigns", campaignBody({ agent_version: version }));
        assert.equal(reply.status, 200, JSON.stringify(reply.body));
        assert.equal(reply.body.agent_version, version ?? "production");
      }
    });

    it("a 255-character name, concurrency 1 and 100, windows 0–1440, several windows on one day", async () => {
      const body = campaignBody({
        name: "가".repeat(255),
        concurrency: 100,
        call_time_window: {
          windows: [
            { days: ["Monday", "Sunday"], start_min: 0, end_min: 1440 },
            { days: ["Monday"], start_min: 60, end_min: 120 },
          ],
          timezone: "America/New_York",
        },
      });
      assert.equal((await client.post("/v2/campaigns", body)).status, 200);
      assert.equal((await client.post("/v2/campaigns", campaignBody({ concurrency: 1 }))).status, 200);
    });

    it("scheduled_at now, or in the future with an offset or fractional seconds", async () => {
      const now = new Date(MONDAY_10_KST).toISOString();
      const inAnHour = await client.post("/v2/campaigns", campaignBody({ scheduled_at: `${TEST_MONDAY}T11:00:00.5+09:00` }));
      assert.equal(inAnHour.body.scheduled_at, new Date(MONDAY_10_KST + HOUR + 500).toISOString());
      assert.equal(inAnHour.body.status, "draft");
      assert.equal((await client.post("/v2/campaigns", campaignBody({ scheduled_at: now }))).body.status, "pending");
      assert.equal((await client.post("/v2/campaigns", campaignBody({ scheduled_at: null }))).body.scheduled_at, null);
    });

    it("exactly 10,000 tasks", async () => {
      const reply = await client.post("/v2/campaigns", campaignBody({ tasks: tasks(10_000) }));
      assert.equal(reply.status, 200);
      assert.equal(reply.body.total_calls, 10_000);
    });
  });

  describe("PATCH /v3/campaigns/{id} rejects", () => {
    let id: string;
    before(async () => {
      id = await client.create({ call_time_window: windowOn(["Tuesday"], 60, 120) });
    });

    const patchRejections: Array<{ what: string; body: unknown; field: string }> = [
      { what: "an empty object", body: {}, field: "body" },
      { what: "a null name", body: { name: null }, field: "name" },
      { what: "a blank name", body: { name: "   " }, field: "name" },
      { what: "another field", body: { concurrency: 3 }, field: "concurrency" },
      { what: "tasks", body: { name: "ok", tasks: [] }, field: "tasks" },
      { what: "a null call_time_window", body: { call_time_window: null }, field: "call_time_window" },
      {
        what: "a bad window",
        body: { call_time_window: { windows: [{ days: ["Monday"], start_min: 10, end_min: 5 }] } },
        field: "call_time_window.windows[0].start_min",
      },
      { what: "an array", body: [], field: "body" },
    ];
    for (const { what, body, field } of patchRejections) {
      it(`${what} (${field})`, async () => {
        await assertRejected(await client.patch(`/v3/campaigns/${id}`, body), field);
        assert.equal((await client.campaign(id)).name, "Spring reminder");
      });
    }
  });

  describe("list queries reject", () => {
    const v3Rejections: Array<[string, string]> = [
      ["/v3/campaigns?page=2", "page"],
      ["/v3/campaigns?limit=0", "limit"],
      ["/v3/campaigns?limit=101", "limit"],
      ["/v3/campaigns?limit=ten", "limit"],
      ["/v3/campaigns?limit=1&limit=2", "limit"],
      ["/v3/campaigns?cursor=nope", "cursor"],
    ];
    for (const [path, field] of v3Rejections) {
      it(`GET ${path} (${field})`, async () => assertRejected(await client.get(path), field));
    }

    const v2Rejections: Array<[unknown, string]> = [
      [{ page: 1 }, "page"],
      [{ limit: 0 }, "limit"],
      [{ limit: 501 }, "limit"],
      [{ sort_order: "newest" }, "sort_order"],
      [{ pagination_key: "nope" }, "pagination_key"],
      [{ filter_criteria: { status: ["running"] } }, "filter_criteria.status[0]"],
      [{ filter_criteria: { agent_id: "x" } }, "filter_criteria.agent_id"],
      [{ filter_criteria: { name: "x" } }, "filter_criteria.name"],
      [{ filter_criteria: { start_timestamp: { lower_threshold: "yesterday" } } }, "filter_criteria.start_timestamp.lower_threshold"],
      [{ filter_criteria: { start_timestamp: { after: 1 } } }, "filter_criteria.start_timestamp.after"],
    ];
    for (const [body, field] of v2Rejections) {
      it(`POST /v2/campaigns/list ${JSON.stringify(body)} (${field})`, async () =>
        assertRejected(await client.post("/v2/campaigns/list", body), field));
    }
  });

  describe("authentication", () => {
    const cases: Array<[string, Record<string, string>]> = [
      ["no Authorization header", {}],
      ["an unknown key", { Authorization: "Bearer not-a-key" }],
      ["another scheme", { Authorization: "Basic dGVzdC1rZXktMQ==" }],
      ["a bare key", { Authorization: "test-key-1" }],
    ];
    for (const [what, headers] of cases) {
      it(`answers 401 UNAUTHORIZED for ${what}`, async () => {
        const anonymous = new Client(emulator.url, null);
        for (const [method, path] of [
          ["GET", "/v3/campaigns"],
          ["POST", "/v2/campaigns"],
        ]) {
          const reply = await anonymous.request(method, path, method === "POST" ? campaignBody() : undefined, headers);
          assert.equal(reply.status, 401);
          assert.equal(reply.body.error.code, "UNAUTHORIZED");
        }
      });
    }
  });
});
