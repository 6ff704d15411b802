import * as assert from "assert";
import * as net from "net";
import { CampaignApi } from "../../provider/api/campaigns";
import { VoxHttpClient } from "../../provider/api/http";
import { resolveSettings } from "../../provider/api/settings";
import { ManualClock } from "../support/clock";

/** A loopback port that refuses connections: bound once to learn a free port, then closed. */
async function refusingUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** An API nobody answers: a refused connection means nothing was sent, so waiting the whole retry budget helps no one. */
describe("an unreachable API", () => {
  const start = Date.parse("2031-03-03T09:00:00Z");

  async function getFrom(config: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
    const clock = new ManualClock(start);
    const progress: string[] = [];
    const settings = resolveSettings({ get: (key) => ({ "vox:apiKey": "k", ...config })[key] }, env);
    const api = new CampaignApi(new VoxHttpClient(settings, clock, (line) => progress.push(line)));
    const error = await api.get("c-1").then(
      () => assert.fail("no API answers here"),
      (e: Error) => e,
    );
    return { error, progress, elapsedMs: clock.now() - start };
  }

  it("fails after vox:connectTimeoutSeconds (30 s by default), naming the URL, where it came from and what to do", async () => {
    const url = await refusingUrl();
    const { error, progress, elapsedMs } = await getFrom({ "vox:baseUrl": url });
    assert.ok(elapsedMs <= 30_000 && elapsedMs >= 20_000, `gave up after ${elapsedMs} ms`);
    assert.match(
      error.message,
      new RegExp(`^\\[vox:API_UNREACHABLE\\] cannot reach the vox API at ${url} \\(from the stack config vox:baseUrl\\)`),
    );
    assert.match(error.message, /connection refused .*nothing was sent/);
    assert.match(error.message, /start it \(`npx vox-emulator`\)/);
    assert.match(error.message, /`vox:connectTimeoutSeconds`/);
    // Progress while it retries: at once, then every 10 s of waiting.
    assert.ok(progress.length >= 2 && progress.length <= 4, progress.join("\n"));
    assert.match(
      progress[0],
      new RegExp(`^pulumi-vox: cannot reach the vox API at ${url} .*retrying for up to 30 s \\(vox:connectTimeoutSeconds\\), 0 s so far$`),
    );
    assert.match(progress[1], /, 1\d s so far$/);
  });

  it("names the environment variable as the source, and keeps trying as long as the setting says", async () => {
    const url = await refusingUrl();
    const { error, elapsedMs } = await getFrom({ "vox:connectTimeoutSeconds": "5" }, { VOX_BASE_URL: url });
    assert.ok(elapsedMs <= 5_000, `gave up after ${elapsedMs} ms`);
    assert.match(error.message, /\(from the VOX_BASE_URL environment variable\)/);
  });

  it("refuses a setting that is not a number of seconds", () => {
    assert.throws(
      () => resolveSettings({ get: (key) => (key === "vox:connectTimeoutSeconds" ? "soon" : undefined) }, {}),
      /vox:connectTimeoutSeconds must be a whole number from 0 to 3600, not "soon"/,
    );
  });
});
