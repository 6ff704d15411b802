import * as assert from "assert";
import { checkedInputs } from "../../provider/runtime/controller";
import { ManualClock } from "../support/clock";
import { controllerOn } from "../support/controller";
import { MONDAY_07_KST, totalRequests } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { checked, configureProvider, provider } from "../support/provider";

const AUTONAME = "renewal-reminder-0a1b2c";
/** What vox.Campaign records for a resource without `name`: the autoname, and the marker it carries. */
const AUTONAMED = { name: AUTONAME, nameMarker: "0a1b2c" };

/**
 * A create must never call people twice: after each kind of failure the emulator can inject, exactly one
 * campaign exists, and the request log shows how the provider got there.
 */
describe("faults: no duplicate campaign, retries where safe", () => {
  const emulator = useProviderEmulator({ config: { "vox:timeoutSeconds": "1", "vox:createLookupSeconds": "1" } });

  async function createOnce() {
    return provider.create(await checked(rawInputs()));
  }

  /** A create under an autoname: a campaign with that name is certainly this resource's, so a lost one is adopted. */
  async function createAutonamed() {
    return provider.create(await checked(rawInputs(AUTONAMED)));
  }

  /**
   * A create by the controller on a ManualClock: the lookups after a lost answer take no real time
   * (exactly-once.test.ts waits a real window once).
   */
  async function createOnClock(clock: ManualClock, overrides: Record<string, unknown> = {}) {
    const config = { "vox:timeoutSeconds": "1", "vox:createLookupSeconds": String(LOOKUP_MS / 1000) };
    return controllerOn(emulator.url, clock, config).create(checkedInputs(rawInputs(overrides)));
  }
  const LOOKUP_MS = 5_000;

  it("commit-then-drop: adopts the campaign the lost answer created instead of posting again", async () => {
    await emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v2/campaigns", count: 1 });
    const { id } = await createAutonamed();
    assert.strictEqual(await emulator.campaignCount(), 1);
    assert.strictEqual((await emulator.campaign(id)).name, AUTONAME);
    const counts = await emulator.requests();
    assert.strictEqual(counts["POST /v2/campaigns"], 1);
    assert.strictEqual(counts["POST /v2/campaigns/list"], 2, "the recognition lookup, then one after the loss");
  });

  for (const fault of ["reset", "500"] as const) {
    it(`${fault === "reset" ? "connection reset before handling" : "500 on create"}: looks for the lookup window, finds nothing, posts once more`, async () => {
      const clock = new ManualClock(MONDAY_07_KST);
      await emulator.fault({ type: fault, method: "POST", path: "/v2/campaigns", count: 1 });
      await createOnClock(clock);
      assert.strictEqual(await emulator.campaignCount(), 1);
      const counts = await emulator.requests();
      assert.strictEqual(counts["POST /v2/campaigns"], 2);
      assert.ok(counts["POST /v2/campaigns/list"] >= 3, "recognition, then lookups until the window has passed");
      assert.ok(clock.now() - MONDAY_07_KST >= LOOKUP_MS, `looked for the whole window: ${clock.now() - MONDAY_07_KST} ms`);
    });
  }

  it("a create answered after the timeout: found by the lookup, not created twice", async () => {
    const clock = new ManualClock(MONDAY_07_KST);
    await emulator.fault({ type: "latency", latencyMs: 3000, method: "POST", path: "/v2/campaigns", count: 1 });
    await createOnClock(clock, AUTONAMED);
    assert.strictEqual(await emulator.campaignCount(), 1);
    assert.strictEqual((await emulator.requests())["POST /v2/campaigns"], 1);
  });

  it("429 on create: retried after Retry-After, since the API did not act", async () => {
    // The provider's clock: its waits are read, not waited (the rate-limit test waits a real Retry-After).
    const clock = new ManualClock(MONDAY_07_KST);
    await emulator.fault({ type: "429", method: "POST", path: "/v2/campaigns", count: 2, retryAfterSec: 30 });
    await controllerOn(emulator.url, clock).create(checkedInputs(rawInputs()));
    assert.ok(clock.now() - MONDAY_07_KST >= 60_000, `waited Retry-After twice: ${clock.now() - MONDAY_07_KST} ms`);
    assert.deepStrictEqual(await emulator.requests(), { "POST /v2/campaigns/list": 1, "POST /v2/campaigns": 3 });
    assert.strictEqual(await emulator.campaignCount(), 1);
  });

  it("a refused connection is retried: nothing was sent", async () => {
    const port = Number(new URL(emulator.url).port);
    await emulator.close();
    const inputs = await checked(rawInputs());
    const pending = provider.create(inputs);
    await new Promise((r) => setTimeout(r, 150));
    await emulator.restart({ port });
    await pending;
    assert.strictEqual(await emulator.campaignCount(), 1);
  });

  it("503 on read and cancel: retried, since repeating them is harmless", async () => {
    const { id, outs } = await createOnce();
    await emulator.resetRequests();
    await emulator.fault({ type: "503", method: "GET", path: "/v3/campaigns/*", count: 2 });
    const read = await provider.read(id, outs as Record<string, unknown>);
    assert.strictEqual(read.id, id);
    assert.strictEqual((await emulator.requests())["GET /v3/campaigns/{id}"], 3);
    await emulator.fault({ type: "503", method: "POST", path: "/v3/campaigns/*/cancel", count: 1 });
    await provider.delete(id, outs as Record<string, unknown>);
    assert.strictEqual((await emulator.campaign(id)).status, "canceled");
  });

  it("gives up after vox:maxRetries, with the last error", async () => {
    await emulator.configure({ "vox:maxRetries": "2" });
    await emulator.fault({ type: "503", method: "GET", path: "/v3/campaigns/*", count: 10 });
    await assert.rejects(provider.read("any", { status: "pending" }), /GET \/v3\/campaigns\/any failed: vox API 503/);
    assert.strictEqual(totalRequests(await emulator.requests()), 3);
  });

  it("fails before any request without an API key, naming both ways to set it", async () => {
    await provider.configure({ config: { get: (key: string) => (key === "vox:baseUrl" ? emulator.url : undefined) } } as never);
    const saved = process.env.VOX_API_KEY;
    delete process.env.VOX_API_KEY;
    try {
      await assert.rejects(createOnce(), /pulumi config set --secret vox:apiKey.*VOX_API_KEY/);
      assert.strictEqual(totalRequests(await emulator.requests()), 0);
    } finally {
      if (saved !== undefined) process.env.VOX_API_KEY = saved;
    }
  });

  it("refuses plain http to a host that is not loopback", async () => {
    await assert.rejects(configureProvider("http://api.example.com"), /plain http, which would send the API key unencrypted/);
  });
});
