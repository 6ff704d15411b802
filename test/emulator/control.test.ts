import assert from "node:assert/strict";
import { DAY, MONDAY_10_KST } from "../support/emulator";
import { tasks } from "../support/inputs";
import { useTestEmulator } from "./helpers";

describe("emulator control endpoints", () => {
  const t = useTestEmulator();

  it("GET /_emulator/health", async () => {
    await t.client.create();
    assert.deepEqual((await t.control.get("/_emulator/health")).body, { status: "ok", campaigns: 1, now: MONDAY_10_KST });
  });

  it("GET and POST /_emulator/clock: advanceMs and set", async () => {
    assert.deepEqual((await t.control.get("/_emulator/clock")).body, {
      now: MONDAY_10_KST,
      iso: new Date(MONDAY_10_KST).toISOString(),
      speed: 0,
    });
    const advanced = await t.control.post("/_emulator/clock", { advanceMs: 1500 });
    assert.equal(advanced.body.now, MONDAY_10_KST + 1500);
    const set = await t.control.post("/_emulator/clock", { set: MONDAY_10_KST + DAY });
    assert.equal(set.body.now, MONDAY_10_KST + DAY);
    assert.equal(t.emulator.clock.now(), MONDAY_10_KST + DAY);
  });

  it("processes campaigns when the clock moves", async () => {
    const id = await t.client.create({ tasks: tasks(2) });
    await t.control.post("/_emulator/clock", { advanceMs: DAY });
    assert.equal((await t.client.campaign(id)).status, "success");
  });

  const badClockBodies: Array<[unknown, string]> = [
    [{}, "body"],
    [{ advanceMs: 1, set: 2 }, "body"],
    [{ advanceMs: -1 }, "advanceMs"],
    [{ advanceMs: "10" }, "advanceMs"],
    [{ set: "now" }, "set"],
    [{ speed: 2 }, "speed"],
  ];
  for (const [body, field] of badClockBodies) {
    it(`POST /_emulator/clock rejects ${JSON.stringify(body)} naming ${field}`, async () => {
      const reply = await t.control.post("/_emulator/clock", body);
      assert.equal(reply.status, 400);
      assert.equal(reply.body.error.details.field, field);
    });
  }

  it("lets the clock go back only while no campaign exists", async () => {
    assert.equal((await t.control.post("/_emulator/clock", { set: MONDAY_10_KST - DAY })).status, 200);
    await t.client.create();
    const reply = await t.control.post("/_emulator/clock", { set: MONDAY_10_KST - 2 * DAY });
    assert.equal(reply.status, 409);
    assert.equal(reply.body.error.code, "INVALID_STATE");
    await t.control.post("/_emulator/reset");
    assert.equal((await t.control.post("/_emulator/clock", { set: MONDAY_10_KST - 2 * DAY })).status, 200);
  });

  it("POST /_emulator/reset clears campaigns, faults and the request log, and replays the same outcomes", async () => {
    const outcome = async () => {
      const id = await t.client.create({ tasks: tasks(20) });
      t.emulator.clock.advance(DAY);
      const campaign = await t.client.campaign(id);
      return [campaign.completed_calls, campaign.failed_calls, campaign.finished_at - campaign.created_at];
    };
    const first = await outcome();
    t.emulator.faults.add({ type: "latency", latencyMs: 1 });
    assert.deepEqual((await t.control.post("/_emulator/reset")).body, { reset: "all" });
    assert.equal((await t.client.get("/v3/campaigns")).body.total_count, 0);
    assert.deepEqual(t.emulator.faults.list(), []);
    assert.equal(t.emulator.requestLog.snapshot().total, 1);
    assert.deepEqual(await outcome(), first);
  });

  it("PATCH /_emulator/campaigns/{id}: a concurrency changed in the dashboard, which GET then reports", async () => {
    const id = await t.client.create({ tasks: tasks(2) });
    const changed = await t.control.patch(`/_emulator/campaigns/${id}`, { concurrency: 12 });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.concurrency, 12);
    assert.equal((await t.client.campaign(id)).concurrency, 12);
    for (const [body, field] of [
      [{ concurrency: 0 }, "concurrency"],
      [{ concurrency: 5, name: "x" }, "name"],
    ] as const) {
      const refused = await t.control.request("PATCH", `/_emulator/campaigns/${id}`, body);
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.details.field, field);
    }
    assert.equal((await t.control.request("PATCH", "/_emulator/campaigns/no-such-id", { concurrency: 5 })).status, 404);
    await t.client.post(`/v3/campaigns/${id}/cancel`);
    assert.equal((await t.control.request("PATCH", `/_emulator/campaigns/${id}`, { concurrency: 5 })).status, 409);
  });

  it("needs no API key", async () => {
    assert.equal((await t.control.get("/_emulator/requests")).status, 200);
  });

  it("answers 404 and 405 in the error envelope", async () => {
    assert.equal((await t.control.get("/_emulator/nothing")).body.error.code, "NOT_FOUND");
    const reply = await t.control.request("PUT", "/_emulator/clock");
    assert.equal(reply.status, 405);
    assert.equal(reply.headers.get("allow"), "GET, POST");
  });
});
