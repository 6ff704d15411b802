import assert from "node:assert/strict";
import { Client } from "../support/emulator";
import { campaignBody } from "../support/inputs";
import { useTestEmulator } from "./helpers";

describe("emulator request log", () => {
  const t = useTestEmulator();

  it("counts requests per method and normalized path, including refused and faulted ones", async () => {
    const id = await t.client.create();
    await t.client.get(`/v3/campaigns/${id}`);
    await t.client.get("/v3/campaigns/00000000-0000-4000-8000-000000000000");
    await t.client.post(`/v3/campaigns/${id}/pause`);
    await new Client(t.emulator.url, "wrong-key").get("/v3/campaigns");
    t.emulator.faults.add({ type: "reset", method: "POST", path: "/v2/campaigns", count: 1 });
    await assert.rejects(t.client.post("/v2/campaigns", campaignBody()));
    await t.client.post("/v2/campaigns", campaignBody({ name: 5 }));
    await t.client.get("/nowhere");
    await t.control.get("/_emulator/health");

    const reply = await t.control.get("/_emulator/requests");
    assert.deepEqual(reply.body, {
      total: 8,
      counts: {
        "POST /v2/campaigns": 3,
        "GET /v3/campaigns/{id}": 2,
        "POST /v3/campaigns/{id}/pause": 1,
        "GET /v3/campaigns": 1,
        "GET /nowhere": 1,
      },
    });
    assert.deepEqual(t.emulator.requestLog.snapshot(), reply.body);
  });

  it("DELETE /_emulator/requests resets the counts", async () => {
    await t.client.get("/v3/campaigns");
    assert.deepEqual((await t.control.delete("/_emulator/requests")).body, { total: 0, counts: {} });
    await t.client.get("/v3/campaigns");
    assert.deepEqual((await t.control.get("/_emulator/requests")).body, { total: 1, counts: { "GET /v3/campaigns": 1 } });
  });

  it("POST /_emulator/reset with requestLogOnly keeps campaigns and faults", async () => {
    await t.client.create();
    t.emulator.faults.add({ type: "latency", latencyMs: 1 });
    const reply = await t.control.post("/_emulator/reset", { requestLogOnly: true });
    assert.deepEqual(reply.body, { reset: "requests" });
    assert.equal(t.emulator.requestLog.snapshot().total, 0);
    assert.equal(t.emulator.faults.list().length, 1);
    assert.equal((await t.client.get("/v3/campaigns")).body.total_count, 1);
  });
});
