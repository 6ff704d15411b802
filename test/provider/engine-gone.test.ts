import * as assert from "assert";
import { TEST_API_KEY, TestEmulator, startTestEmulator } from "../support/emulator";
import { rawInputs } from "../support/inputs";
import { ProviderHost } from "../support/provider-host";
import { serializedProvider } from "../support/serialized-provider";

const CREATES = "POST /v2/campaigns";

/**
 * The real dynamic-provider host, started as the engine starts it (stdin a pipe the engine holds), whose
 * engine then dies in the middle of a create held back by a 429 storm: the host must send nothing more.
 * (test/e2e/exactly-once-kill.test.ts does the same with the real CLI and SIGKILL.)
 */
describe("when the engine is gone, the provider host sends nothing more (issue 18.1)", function () {
  this.timeout(60_000);
  let emulator: TestEmulator;
  let host: ProviderHost;
  afterEach(async () => {
    await host?.close();
    await emulator?.close();
  });

  async function waitFor(what: string, condition: () => Promise<boolean>, ms = 15_000): Promise<void> {
    const until = Date.now() + ms;
    while (!(await condition())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("a create retrying through a 429 storm stops, and the host exits, when its stdin (the engine) ends", async () => {
    emulator = await startTestEmulator();
    host = await ProviderHost.start(process.cwd(), { engineStdin: true });
    await host.configure({ "vox:apiKey": TEST_API_KEY, "vox:baseUrl": emulator.url, "vox:createLookupSeconds": "1" });
    await emulator.fault({ type: "429", method: "POST", path: "/v2/campaigns", retryAfterSec: 1 });
    const { inputs } = await host.check({}, { ...rawInputs(), __provider: await serializedProvider() });
    const create = host.create(inputs).then(
      () => "created",
      (error: Error) => error.message,
    );
    await waitFor("the first refused POST", async () => ((await emulator.requests())[CREATES] ?? 0) >= 1);

    host.engineExits();
    const code = await Promise.race([host.exited(), new Promise((resolve) => setTimeout(() => resolve("still running"), 5_000))]);
    const postsAtExit = (await emulator.requests())[CREATES];
    // The storm ends: a host still running would now create the campaign. Counted before the exit is
    // asserted, so that a host that stays shows what it sends.
    await emulator.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.strictEqual((await emulator.requests())[CREATES], postsAtExit, "no POST after the engine went");
    assert.strictEqual(await emulator.campaignCount(), 0);
    assert.notStrictEqual(code, "still running", "the host exits when the engine has gone");
    assert.notStrictEqual(await create, "created");
  });

  it("a host whose stdin is not a pipe (started by a script, not the engine) keeps working", async () => {
    emulator = await startTestEmulator();
    host = await ProviderHost.start(process.cwd());
    await host.configure({ "vox:apiKey": TEST_API_KEY, "vox:baseUrl": emulator.url });
    const { inputs } = await host.check({}, { ...rawInputs(), __provider: await serializedProvider() });
    assert.match((await host.create(inputs)).id, /\S/);
    assert.strictEqual(await emulator.campaignCount(), 1);
  });
});
