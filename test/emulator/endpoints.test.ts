import assert from "node:assert/strict";
import { Client, HOUR, MONDAY_10_KST, OTHER_API_KEY } from "../support/emulator";
import { AGENT_ID, campaignBody, tasks } from "../support/inputs";
import { useTestEmulator, windowOn } from "./helpers";

describe("emulator endpoints", () => {
  const t = useTestEmulator();

  describe("POST /v2/campaigns", () => {
    it("creates a pending campaign and answers the v2 shape with defaults", async () => {
      const reply = await t.client.post("/v2/campaigns", campaignBody());
      assert.equal(reply.status, 200);
      const campaign = reply.body;
      assert.match(campaign.id, /^[0-9a-f-]{36}$/);
      assert.match(campaign.organization_id, /^[0-9a-f-]{36}$/);
      assert.deepEqual(
        { ...campaign, id: undefined, organization_id: undefined },
        {
          id: undefined,
          organization_id: undefined,
          name: "Spring reminder",
          status: "pending",
          agent_id: AGENT_ID,
          agent_version: "production",
          from_number: "0212345678",
          presentation_number: null,
          total_calls: 3,
          completed_calls: 0,
          failed_calls: 0,
          concurrency: 5,
          active_concurrency: 0,
          created_at: new Date(MONDAY_10_KST).toISOString(),
          scheduled_at: null,
          finished_at: null,
          paused_at: null,
          paused_by: null,
          call_time_window: {
            windows: [
              { days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], start_min: 480, end_min: 1200 },
            ],
            timezone: "Asia/Seoul",
            auto_resume: true,
          },
        },
      );
    });

    it("creates a draft when scheduled_at is in the future, and keeps every optional field", async () => {
      const scheduled = new Date(MONDAY_10_KST + HOUR).toISOString();
      const reply = await t.client.post(
        "/v2/campaigns",
        campaignBody({
          agent_version: "v3",
          presentation_number: "15881508",
          scheduled_at: scheduled,
          concurrency: 7,
          call_time_window: windowOn(["Monday"], 540, 1080, { auto_resume: false }),
          tasks: [{ call_to: "01012345678", dynamic_variables: { name: "Kim" }, metadata: { row: 1 }, presentation_number: "0212345678" }],
        }),
      );
      assert.equal(reply.status, 200);
      assert.equal(reply.body.status, "draft");
      assert.equal(reply.body.scheduled_at, scheduled);
      assert.equal(reply.body.agent_version, "v3");
      assert.equal(reply.body.presentation_number, "15881508");
      assert.equal(reply.body.concurrency, 7);
      assert.deepEqual(reply.body.call_time_window, {
        windows: [{ days: ["Monday"], start_min: 540, end_min: 1080 }],
        timezone: "Asia/Seoul",
        auto_resume: false,
      });
    });

    it("accepts duplicate call_to numbers (each is dialled)", async () => {
      const reply = await t.client.post("/v2/campaigns", campaignBody({ tasks: [{ call_to: "01012345678" }, { call_to: "01012345678" }] }));
      assert.equal(reply.status, 200);
      assert.equal(reply.body.total_calls, 2);
    });
  });

  describe("GET /v3/campaigns/{id}", () => {
    it("answers the v3 shape: agent object, unix-ms timestamps, no organization_id", async () => {
      const id = await t.client.create({ scheduled_at: new Date(MONDAY_10_KST + HOUR).toISOString() });
      const reply = await t.client.get(`/v3/campaigns/${id}`);
      assert.equal(reply.status, 200);
      assert.equal(reply.body.id, id);
      assert.deepEqual(reply.body.agent, { agent_id: AGENT_ID, agent_version: "production" });
      assert.equal(reply.body.created_at, MONDAY_10_KST);
      assert.equal(reply.body.scheduled_at, MONDAY_10_KST + HOUR);
      assert.equal(reply.body.from_number, "0212345678");
      assert.equal("organization_id" in reply.body, false);
      assert.equal("agent_id" in reply.body, false);
    });

    it("answers 404 NOT_FOUND for an unknown id", async () => {
      const reply = await t.client.get("/v3/campaigns/00000000-0000-4000-8000-000000000000");
      assert.equal(reply.status, 404);
      assert.equal(reply.body.error.code, "NOT_FOUND");
      assert.equal(reply.body.error.details.field, "id");
    });

    it("hides another organization's campaigns", async () => {
      const id = await t.client.create();
      const other = new Client(t.emulator.url, OTHER_API_KEY);
      assert.equal((await other.get(`/v3/campaigns/${id}`)).status, 404);
      assert.equal((await other.post(`/v3/campaigns/${id}/cancel`)).status, 404);
      assert.equal((await other.get("/v3/campaigns")).body.total_count, 0);
      assert.equal((await other.post("/v2/campaigns/list", {})).body.total_count, 0);
    });
  });

  describe("GET /v3/campaigns", () => {
    it("pages newest first with cursor and limit", async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await t.client.create({ name: `c${i}` }));
      const first = await t.client.get("/v3/campaigns?limit=2");
      assert.equal(first.status, 200);
      assert.deepEqual(
        first.body.items.map((c: { id: string }) => c.id),
        [ids[4], ids[3]],
      );
      assert.equal(first.body.total_count, 5);
      assert.equal(first.body.next_cursor, ids[3]);
      const second = await t.client.get(`/v3/campaigns?limit=2&cursor=${first.body.next_cursor}`);
      assert.deepEqual(
        second.body.items.map((c: { id: string }) => c.id),
        [ids[2], ids[1]],
      );
      const last = await t.client.get(`/v3/campaigns?limit=2&cursor=${second.body.next_cursor}`);
      assert.deepEqual(
        last.body.items.map((c: { id: string }) => c.id),
        [ids[0]],
      );
      assert.equal(last.body.next_cursor, null);
      assert.equal(last.body.items[0].agent.agent_id, AGENT_ID);
    });

    it("defaults to 50 items per page", async () => {
      await t.client.create();
      const reply = await t.client.get("/v3/campaigns");
      assert.equal(reply.body.items.length, 1);
      assert.equal(reply.body.next_cursor, null);
    });
  });

  describe("POST /v2/campaigns/list", () => {
    it("lists newest first by default, ascending on request, with pagination_key", async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(await t.client.create());
      const all = await t.client.post("/v2/campaigns/list");
      assert.equal(all.status, 200);
      assert.deepEqual(
        all.body.campaigns.map((c: { id: string }) => c.id),
        [...ids].reverse(),
      );
      assert.equal(all.body.campaigns[0].agent_id, AGENT_ID);
      assert.equal(typeof all.body.campaigns[0].created_at, "string");
      const page = await t.client.post("/v2/campaigns/list", { sort_order: "ascending", limit: 2 });
      assert.deepEqual(
        page.body.campaigns.map((c: { id: string }) => c.id),
        [ids[0], ids[1]],
      );
      assert.equal(page.body.next_cursor, ids[1]);
      assert.equal(page.body.total_count, 3);
      const rest = await t.client.post("/v2/campaigns/list", { sort_order: "ascending", limit: 2, pagination_key: page.body.next_cursor });
      assert.deepEqual(
        rest.body.campaigns.map((c: { id: string }) => c.id),
        [ids[2]],
      );
      assert.equal(rest.body.next_cursor, null);
    });

    it("filters by status, agent_id and created_at thresholds", async () => {
      const otherAgent = "11111111-2222-4333-8444-555555555555";
      const early = await t.client.create();
      t.emulator.clock.advance(HOUR);
      const draft = await t.client.create({ agent_id: otherAgent, scheduled_at: new Date(MONDAY_10_KST + 5 * HOUR).toISOString() });
      const list = async (filter: Record<string, unknown>) => {
        const reply = await t.client.post("/v2/campaigns/list", { filter_criteria: filter });
        assert.equal(reply.status, 200, JSON.stringify(reply.body));
        return { ids: reply.body.campaigns.map((c: { id: string }) => c.id), total: reply.body.total_count };
      };
      assert.deepEqual(await list({ status: ["draft"] }), { ids: [draft], total: 1 });
      assert.deepEqual(await list({ status: ["success", "ongoing"] }), { ids: [early], total: 1 });
      assert.deepEqual(await list({ agent_id: [otherAgent] }), { ids: [draft], total: 1 });
      assert.deepEqual(await list({ start_timestamp: { upper_threshold: MONDAY_10_KST } }), { ids: [early], total: 1 });
      assert.deepEqual(await list({ start_timestamp: { lower_threshold: MONDAY_10_KST + 1 } }), { ids: [draft], total: 1 });
    });
  });

  describe("PATCH /v3/campaigns/{id}", () => {
    it("renames, and replaces the whole call_time_window", async () => {
      const id = await t.client.create({ call_time_window: windowOn(["Tuesday"], 60, 120, { auto_resume: false }) });
      const renamed = await t.client.patch(`/v3/campaigns/${id}`, { name: "Renamed" });
      assert.equal(renamed.status, 200);
      assert.equal(renamed.body.name, "Renamed");
      const replaced = await t.client.patch(`/v3/campaigns/${id}`, {
        call_time_window: { windows: [{ days: ["Friday"], start_min: 0, end_min: 1440 }] },
      });
      assert.equal(replaced.status, 200);
      assert.deepEqual(replaced.body.call_time_window, {
        windows: [{ days: ["Friday"], start_min: 0, end_min: 1440 }],
        timezone: "Asia/Seoul",
        auto_resume: true,
      });
      assert.equal((await t.client.campaign(id)).name, "Renamed");
    });

    it("takes a new window into effect at once: a pending campaign whose window opens starts", async () => {
      const id = await t.client.create({ call_time_window: windowOn(["Tuesday"], 600, 700) });
      assert.equal((await t.client.campaign(id)).status, "pending");
      const reply = await t.client.patch(`/v3/campaigns/${id}`, { call_time_window: windowOn(["Monday"], 600, 700) });
      assert.equal(reply.body.status, "ongoing");
      assert.equal(reply.body.active_concurrency, 3);
    });
  });

  describe("POST /v3/campaigns/{id}/pause|resume|cancel", () => {
    it("pauses, resumes and cancels, answering the v3 campaign", async () => {
      const id = await t.client.create({ tasks: tasks(20) });
      const paused = await t.client.post(`/v3/campaigns/${id}/pause`);
      assert.equal(paused.status, 200);
      assert.equal(paused.body.status, "paused");
      assert.equal(paused.body.paused_by, "user");
      assert.equal(paused.body.paused_at, MONDAY_10_KST);
      assert.deepEqual(paused.body.agent, { agent_id: AGENT_ID, agent_version: "production" });
      const resumed = await t.client.post(`/v3/campaigns/${id}/resume`);
      assert.equal(resumed.status, 200);
      assert.equal(resumed.body.status, "ongoing");
      assert.equal(resumed.body.paused_by, null);
      assert.equal(resumed.body.paused_at, null);
      const canceled = await t.client.post(`/v3/campaigns/${id}/cancel`);
      assert.equal(canceled.status, 200);
      assert.equal(canceled.body.status, "canceled");
      assert.equal(canceled.body.finished_at, MONDAY_10_KST);
    });

    it("accepts an empty object body but rejects fields", async () => {
      const id = await t.client.create();
      assert.equal((await t.client.post(`/v3/campaigns/${id}/pause`, {})).status, 200);
      const reply = await t.client.post(`/v3/campaigns/${id}/resume`, { force: true });
      assert.equal(reply.status, 400);
      assert.equal(reply.body.error.details.field, "force");
    });
  });
});
