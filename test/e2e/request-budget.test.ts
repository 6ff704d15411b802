import * as assert from "assert";
import * as http from "http";
import type { AddressInfo } from "net";
import { TEST_API_KEY, TestEmulator, startTestEmulator } from "../support/emulator";
import { rawInputs } from "../support/inputs";
import { ProviderHost } from "../support/provider-host";
import { serializedProvider } from "../support/serialized-provider";

/** A proxy in front of the emulator that counts the answers by status, as the providers receive them. */
async function statusCountingProxy(target: string): Promise<{ url: string; statuses: Map<number, number>; close(): Promise<void> }> {
  const statuses = new Map<number, number>();
  const server = http.createServer((request, response) => {
    const upstream = http.request(new URL(request.url ?? "/", target), { method: request.method, headers: request.headers }, (answer) => {
      const status = answer.statusCode ?? 0;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      response.writeHead(status, answer.headers);
      answer.pipe(response);
    });
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, statuses, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const STACKS = 20;
const CREATES_PER_STACK = 10;

/**
 * Many stacks updated at once on one runner: each runs its own provider process, as the engine starts
 * them. They share one request budget per API key, so together they stay below the API's rate limit.
 */
describe("one request budget per API key across provider processes", function () {
  this.timeout(15 * 60_000);
  let emulator: TestEmulator;
  let proxy: Awaited<ReturnType<typeof statusCountingProxy>>;
  const hosts: ProviderHost[] = [];

  before(async () => {
    // The API's limit as vox.ai documents it: 5 requests per second per key, bursts of 10.
    emulator = await startTestEmulator({ rateLimit: { perSecond: 5, burst: 10 } });
    proxy = await statusCountingProxy(emulator.url);
  });
  after(async () => {
    await Promise.all(hosts.splice(0).map((host) => host.close()));
    await proxy.close();
    await emulator.close();
  });

  it(`creates ${STACKS} × ${CREATES_PER_STACK} campaigns once each, with at most 5% of requests answered 429`, async () => {
    const provider = await serializedProvider();
    for (let stack = 0; stack < STACKS; stack++) {
      const host = await ProviderHost.start(process.cwd());
      await host.configure({ "vox:apiKey": TEST_API_KEY, "vox:baseUrl": proxy.url });
      hosts.push(host);
    }

    // Every stack's creates at once, as `pulumi up` runs them in parallel.
    await Promise.all(
      hosts.flatMap((host, stack) =>
        Array.from({ length: CREATES_PER_STACK }, async (_, index) => {
          const news = { ...rawInputs({ name: `stack ${stack} campaign ${index}` }), __provider: provider };
          const { inputs, failures } = await host.check({}, news);
          assert.deepStrictEqual(failures, []);
          await host.create(inputs);
        }),
      ),
    );

    const campaigns = STACKS * CREATES_PER_STACK;
    const total = [...proxy.statuses.values()].reduce((sum, count) => sum + count, 0);
    const throttled = proxy.statuses.get(429) ?? 0;
    console.log(`      ${total} requests for ${campaigns} creates, ${throttled} answered 429 (${((100 * throttled) / total).toFixed(1)}%)`);
    assert.ok(throttled <= 0.05 * total, `${throttled} of ${total} requests answered 429`);
    assert.strictEqual(await emulator.campaignCount(), campaigns, "each campaign created once");
  });
});
