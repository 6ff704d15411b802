import assert from "node:assert/strict";
import { FaultType, parseFaultSpec } from "../../emulator";
import { TEST_API_KEY } from "../support/emulator";
import { campaignBody } from "../support/inputs";
import { useTestEmulator } from "./helpers";

/** Posts a create that the client abandons after `timeoutMs`; resolves once it has given up. */
async function createGivingUpAfter(baseUrl: string, timeoutMs: number, name: string): Promise<void> {
  const create = fetch(`${baseUrl}/v2/campaigns`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TEST_API_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify(campaignBody({ name })),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await assert.rejects(create, { name: "TimeoutError" });
}

describe("emulator fault injection", () => {
  const t = useTestEmulator();

  async function addFault(spec: Record<string, unknown>) {
    const reply = await t.control.post("/_emulator/faults", spec);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.added[0];
  }

  it("latency: delays the response, which is otherwise normal", async () => {
    await addFault({ type: "latency", latencyMs: 150, count: 1 });
    const started = Date.now();
    const reply = await t.client.get("/v3/campaigns");
    assert.equal(reply.status, 200);
    assert.ok(Date.now() - started >= 140, "answered after the added latency");
    assert.deepEqual((await t.control.get("/_emulator/faults")).body.faults, [], "the one-shot fault is used up");
  });

  it("latency: the work is done on arrival, only the answer waits (a client that gives up still created)", async () => {
    await addFault({ type: "latency", latencyMs: 1000, method: "POST", path: "/v2/campaigns", count: 1 });
    const giveUp = new AbortController();
    const create = fetch(`${t.emulator.url}/v2/campaigns`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TEST_API_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify(campaignBody()),
      signal: giveUp.signal,
    });
    while ((await t.control.get("/_emulator/health")).body.campaigns === 0) await new Promise((resolve) => setImmediate(resolve));
    giveUp.abort();
    await assert.rejects(create, { name: "AbortError" });
    assert.equal((await t.client.get("/v3/campaigns")).body.total_count, 1);
  });

  it("429: answers RATE_LIMITED with Retry-After", async () => {
    await addFault({ type: "429", retryAfterSec: 7, count: 1 });
    const reply = await t.client.get("/v3/campaigns");
    assert.equal(reply.status, 429);
    assert.equal(reply.headers.get("retry-after"), "7");
    assert.equal(reply.body.error.code, "RATE_LIMITED");
    assert.equal((await t.client.get("/v3/campaigns")).status, 200);
  });

  it("500 and 503: answer INTERNAL_ERROR and SERVICE_UNAVAILABLE without handling the request", async () => {
    await addFault({ type: "500", method: "POST", path: "/v2/campaigns", count: 1 });
    await addFault({ type: "503", method: "POST", path: "/v2/campaigns", count: 1 });
    const first = await t.client.post("/v2/campaigns", campaignBody());
    assert.equal(first.status, 500);
    assert.equal(first.body.error.code, "INTERNAL_ERROR");
    const second = await t.client.post("/v2/campaigns", campaignBody());
    assert.equal(second.status, 503);
    assert.equal(second.body.error.code, "SERVICE_UNAVAILABLE");
    assert.equal((await t.client.get("/v3/campaigns")).body.total_count, 0);
  });

  it("reset: the connection is reset before handling, nothing is created", async () => {
    await addFault({ type: "reset", method: "POST", path: "/v2/campaigns", count: 1 });
    await assert.rejects(t.client.post("/v2/campaigns", campaignBody()), TypeError);
    assert.equal((await t.client.get("/v3/campaigns")).body.total_count, 0);
    assert.equal((await t.client.post("/v2/campaigns", campaignBody())).status, 200);
  });

  it("commit-then-drop: the client gets a socket error but the campaign exists", async () => {
    await addFault({ type: "commit-then-drop", method: "POST", path: "/v2/campaigns", count: 1 });
    await assert.rejects(t.client.post("/v2/campaigns", campaignBody({ name: "Dropped" })), TypeError);
    const list = await t.client.post("/v2/campaigns/list", {});
    assert.equal(list.body.total_count, 1);
    assert.equal(list.body.campaigns[0].name, "Dropped");
  });

  it("slow-commit: the create commits commitAfterMs after arrival; a client that gave up and looked found nothing", async () => {
    await addFault({ type: "slow-commit", method: "POST", path: "/v2/campaigns", count: 1, commitAfterMs: 1500 });
    await createGivingUpAfter(t.emulator.url, 200, "Slow");
    // The lookups a careful client makes after a timeout: both lists, before the commit.
    assert.equal((await t.client.get("/v3/campaigns")).body.total_count, 0);
    assert.equal((await t.client.post("/v2/campaigns/list", {})).body.total_count, 0);
    while ((await t.control.get("/_emulator/health")).body.campaigns === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const list = await t.client.post("/v2/campaigns/list", {});
    assert.equal(list.body.total_count, 1);
    assert.equal(list.body.campaigns[0].name, "Slow");
    assert.deepEqual(t.emulator.requestLog.snapshot().counts, {
      "POST /v2/campaigns": 1,
      "GET /v3/campaigns": 1,
      "POST /v2/campaigns/list": 2,
    });
  });

  it("slow-commit: a client that waits gets the committed campaign as the answer", async () => {
    await addFault({ type: "slow-commit", method: "POST", path: "/v2/campaigns", count: 1, commitAfterMs: 100 });
    const reply = await t.client.post("/v2/campaigns", campaignBody({ name: "Patient" }));
    assert.equal(reply.status, 200);
    assert.equal((await t.client.campaign(reply.body.id)).name, "Patient");
  });

  // What the next matching request sees for each type, and whether it created the campaign.
  const effects: Record<FaultType, { extra?: Record<string, unknown>; status: number | "socket error"; created: boolean }> = {
    latency: { extra: { latencyMs: 10 }, status: 200, created: true },
    "429": { status: 429, created: false },
    "500": { status: 500, created: false },
    "503": { status: 503, created: false },
    reset: { status: "socket error", created: false },
    "commit-then-drop": { status: "socket error", created: true },
    "slow-commit": { extra: { commitAfterMs: 10 }, status: 200, created: true },
  };
  for (const [type, effect] of Object.entries(effects) as Array<[FaultType, (typeof effects)[FaultType]]>) {
    it(`${type} via POST /_emulator/faults: only the given method and path, only the next N`, async () => {
      const fault = await addFault({ type, method: "POST", path: "/v2/campaigns", count: 1, ...effect.extra });
      assert.equal((await t.client.get("/v3/campaigns")).status, 200, "another method and path");
      assert.equal((await t.client.post("/v2/campaigns/list", {})).status, 200, "another path");
      assert.deepEqual((await t.control.get("/_emulator/faults")).body.faults, [fault], "not used up by other requests");
      const status = await t.client.post("/v2/campaigns", campaignBody()).then(
        (reply) => reply.status,
        () => "socket error",
      );
      assert.equal(status, effect.status);
      assert.equal((await t.client.get("/v3/campaigns")).body.total_count, effect.created ? 1 : 0);
      assert.deepEqual((await t.control.get("/_emulator/faults")).body.faults, [], "used up");
      assert.equal((await t.client.post("/v2/campaigns", campaignBody())).status, 200, "the next one is normal");
    });
  }

  it("matches method and a path pattern with * for the id, for the next N requests", async () => {
    const first = await t.client.create();
    const second = await t.client.create();
    await addFault({ type: "503", method: "post", path: "/v3/campaigns/*/cancel", count: 2 });
    assert.equal((await t.client.get(`/v3/campaigns/${first}`)).status, 200, "another path");
    assert.equal((await t.client.post(`/v3/campaigns/${first}/pause`)).status, 200, "another action");
    assert.equal((await t.client.post(`/v3/campaigns/${first}/cancel`)).status, 503);
    assert.equal((await t.client.post(`/v3/campaigns/${second}/cancel`)).status, 503);
    assert.equal((await t.client.post(`/v3/campaigns/${second}/cancel`)).status, 200, "count used up");
  });

  it("applies a rate fault to a deterministic share of requests, the same for the same seed", async () => {
    const pattern = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await t.client.get("/v3/campaigns")).status);
      return statuses;
    };
    await addFault({ type: "500", rate: 0.5 });
    const first = await pattern();
    assert.ok(first.includes(500) && first.includes(200), `both outcomes in ${first}`);
    await t.emulator.close();
    await t.replace({ faults: [{ type: "500", rate: 0.5 }] });
    assert.deepEqual(await pattern(), first);
  });

  it("adds latency on top of another fault", async () => {
    await addFault({ type: "latency", latencyMs: 20 });
    await addFault({ type: "503", count: 1 });
    assert.equal((await t.client.get("/v3/campaigns")).status, 503);
    const [latency] = (await t.control.get("/_emulator/faults")).body.faults;
    assert.equal(latency.applied, 1);
  });

  it("never applies to /_emulator/ routes", async () => {
    await addFault({ type: "reset" });
    assert.equal((await t.control.get("/_emulator/health")).status, 200);
    assert.equal((await t.control.get("/_emulator/requests")).status, 200);
    await assert.rejects(t.client.get("/v3/campaigns"), TypeError);
  });

  describe("control endpoints", () => {
    it("lists, adds (one or several), removes one and clears faults", async () => {
      const added = await t.control.post("/_emulator/faults", [
        { type: "500", count: 2 },
        { type: "latency", latencyMs: 5, path: "/v3/campaigns" },
      ]);
      assert.equal(added.body.added.length, 2);
      const [errorFault, latencyFault] = added.body.added;
      assert.deepEqual(errorFault, { type: "500", count: 2, id: errorFault.id, applied: 0 });
      assert.equal((await t.control.get("/_emulator/faults")).body.faults.length, 2);
      const afterRemove = await t.control.delete(`/_emulator/faults/${errorFault.id}`);
      assert.deepEqual(
        afterRemove.body.faults.map((fault: { id: string }) => fault.id),
        [latencyFault.id],
      );
      assert.equal((await t.control.delete(`/_emulator/faults/${errorFault.id}`)).status, 404);
      assert.deepEqual((await t.control.delete("/_emulator/faults")).body, { faults: [] });
    });

    const badSpecs: Array<[Record<string, unknown>, string]> = [
      [{ type: "explode" }, "type"],
      [{ type: "latency" }, "latencyMs"],
      [{ type: "500", count: 0 }, "count"],
      [{ type: "500", rate: 1.5 }, "rate"],
      [{ type: "500", rate: 0.5, count: 1 }, "rate"],
      [{ type: "500", path: "v2/campaigns" }, "path"],
      [{ type: "500", retryAfterSec: 3 }, "retryAfterSec"],
      [{ type: "slow-commit" }, "commitAfterMs"],
      [{ type: "slow-commit", commitAfterMs: 600_001 }, "commitAfterMs"],
      [{ type: "latency", latencyMs: 5, commitAfterMs: 5 }, "commitAfterMs"],
      [{ type: "500", when: "now" }, "when"],
    ];
    for (const [spec, field] of badSpecs) {
      it(`rejects ${JSON.stringify(spec)} naming ${field}`, async () => {
        const reply = await t.control.post("/_emulator/faults", spec);
        assert.equal(reply.status, 400);
        assert.equal(reply.body.error.details.field, field);
      });
    }
  });

  describe("--fault syntax", () => {
    it("parses TYPE:key=value pairs and JSON", () => {
      assert.deepEqual(parseFaultSpec("503:rate=0.1"), { type: "503", rate: 0.1 });
      assert.deepEqual(parseFaultSpec("latency:ms=250"), { type: "latency", latencyMs: 250 });
      assert.deepEqual(parseFaultSpec("429:retry-after=3,count=2"), { type: "429", retryAfterSec: 3, count: 2 });
      assert.deepEqual(parseFaultSpec("commit-then-drop:method=POST,path=/v2/campaigns,count=1"), {
        type: "commit-then-drop",
        method: "POST",
        path: "/v2/campaigns",
        count: 1,
      });
      assert.deepEqual(parseFaultSpec('{"type":"reset","path":"/v3/campaigns/*"}'), { type: "reset", path: "/v3/campaigns/*" });
      assert.deepEqual(parseFaultSpec("slow-commit:method=POST,path=/v2/campaigns,count=1,commit-after=5000"), {
        type: "slow-commit",
        method: "POST",
        path: "/v2/campaigns",
        count: 1,
        commitAfterMs: 5000,
      });
    });

    it("rejects unknown types and keys with a readable message", () => {
      assert.throws(() => parseFaultSpec("boom"), /bad fault "boom": type: must be one of/);
      assert.throws(() => parseFaultSpec("500:often=1"), /unknown fault option "often"/);
      assert.throws(() => parseFaultSpec("latency:ms=abc"), /latencyMs/);
    });
  });
});
