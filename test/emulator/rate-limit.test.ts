import assert from "node:assert/strict";
import { CONTRACT_RATE_LIMIT, parseRateLimit } from "../../emulator";
import { RATE_LIMIT_ENV, resolveOptions } from "../../emulator/options";
import { RateLimiter } from "../../emulator/rate-limit";
import { Client, OTHER_API_KEY, TEST_API_KEY, TestEmulator } from "../support/emulator";
import { startInWindow } from "./helpers";

describe("emulator rate limit", () => {
  let emulator: TestEmulator;
  afterEach(() => emulator.close());

  it("answers 429 RATE_LIMITED with Retry-After beyond the burst, per API key", async () => {
    // A trickle of one token per 100 s: after the burst of 2 the bucket cannot refill during the test.
    emulator = await startInWindow({ rateLimit: { perSecond: 0.01, burst: 2 } });
    const client = new Client(emulator.url, TEST_API_KEY);
    assert.equal((await client.get("/v3/campaigns")).status, 200);
    assert.equal((await client.get("/v3/campaigns")).status, 200);
    const limited = await client.get("/v3/campaigns");
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, "RATE_LIMITED");
    const retryAfter = Number(limited.headers.get("retry-after"));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 100, `Retry-After ${retryAfter}`);
    assert.equal((await new Client(emulator.url, OTHER_API_KEY).get("/v3/campaigns")).status, 200, "another key has its own bucket");
    assert.equal((await new Client(emulator.url, null).get("/_emulator/health")).status, 200, "control routes are not limited");
  });

  it("can be turned off", async () => {
    emulator = await startInWindow({ rateLimit: false });
    const client = new Client(emulator.url);
    for (let i = 0; i < 30; i++) assert.equal((await client.get("/v3/campaigns")).status, 200);
  });

  describe("settings", () => {
    it("refills at the rate, up to the burst", () => {
      let now = 0;
      const limiter = new RateLimiter({ perSecond: 5, burst: 10 }, () => now);
      for (let i = 0; i < 10; i++) assert.equal(limiter.take("k"), 0);
      assert.equal(limiter.take("k"), 1);
      now += 200;
      assert.equal(limiter.take("k"), 0, "one token after 200 ms at 5/s");
      assert.equal(limiter.take("k"), 1);
      now += 60_000;
      for (let i = 0; i < 10; i++) assert.equal(limiter.take("k"), 0);
      assert.equal(limiter.take("k"), 1, "never more than the burst");
    });

    it("parses N/BURST and off", () => {
      assert.deepEqual(parseRateLimit("5/10"), { perSecond: 5, burst: 10 });
      assert.deepEqual(parseRateLimit("0.5/1"), { perSecond: 0.5, burst: 1 });
      assert.equal(parseRateLimit("off"), false);
      assert.throws(() => parseRateLimit("fast"), /rate limit/);
      assert.throws(() => parseRateLimit("0/10"), /rate limit/);
    });

    it("defaults to the contract 5/10, or to the environment variable when set", () => {
      assert.deepEqual(resolveOptions({ apiKey: "k" }, {}).rateLimit, CONTRACT_RATE_LIMIT);
      assert.equal(resolveOptions({ apiKey: "k" }, { [RATE_LIMIT_ENV]: "off" }).rateLimit, false);
      assert.deepEqual(resolveOptions({ apiKey: "k" }, { [RATE_LIMIT_ENV]: "100/200" }).rateLimit, { perSecond: 100, burst: 200 });
      assert.deepEqual(resolveOptions({ apiKey: "k", rateLimit: { perSecond: 1, burst: 1 } }, { [RATE_LIMIT_ENV]: "off" }).rateLimit, {
        perSecond: 1,
        burst: 1,
      });
    });
  });
});
