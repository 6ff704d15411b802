import * as assert from "assert";
import { TEST_API_KEY, TestEmulator, UNTIL_WINDOW_OPENS, startTestEmulator } from "../support/emulator";
import { rawInputs } from "../support/inputs";
import { DIFF, ProviderHost } from "../support/provider-host";
import { serializedProvider } from "../support/serialized-provider";

/**
 * The real dynamic-provider host process of @pulumi/pulumi, driven over gRPC with the engine's wire
 * format: the serialized provider travels in `__provider`, config arrives through Configure.
 */
describe("the dynamic-provider host over gRPC", () => {
  let emulator: TestEmulator;
  let host: ProviderHost;
  let providerText: string;
  before(async () => {
    emulator = await startTestEmulator();
    providerText = await serializedProvider();
    host = await ProviderHost.start(process.cwd());
    await host.configure({ "vox:apiKey": TEST_API_KEY, "vox:baseUrl": emulator.url });
  });
  after(async () => {
    await host.close();
    await emulator.close();
  });
  beforeEach(() => emulator.resetRequests());

  const withProvider = (props: Record<string, unknown>) => ({ ...props, __provider: providerText });

  it("checks: failures carry the field path in the reason, and no property for the engine to print", async () => {
    const { failures } = await host.check({}, withProvider(rawInputs({ concurrency: 0 })));
    assert.deepStrictEqual(
      failures.map((f) => f.property),
      [""],
    );
    assert.match(failures[0].reason, /^concurrency: /);
  });

  it("runs a campaign's whole life: check, create, read, diff, update, delete", async () => {
    const { inputs, failures } = await host.check({}, withProvider(rawInputs()));
    assert.deepStrictEqual(failures, []);
    assert.strictEqual(inputs.callFrom, "0212345678");
    assert.strictEqual(inputs.__provider, providerText);

    const created = await host.create(inputs);
    assert.match(created.id, /\S/);
    assert.strictEqual(created.properties.status, "pending");
    assert.strictEqual(created.properties.__provider, providerText, "the host keeps the provider in the outputs");

    const same = await host.diff(created.id, created.properties, inputs);
    assert.strictEqual(same.changes, DIFF.NONE);

    const renamed = { ...inputs, name: "Renamed" };
    const rename = await host.diff(created.id, created.properties, renamed);
    assert.deepStrictEqual([rename.changes, rename.replaces], [DIFF.SOME, []]);
    const updated = await host.update(created.id, created.properties, renamed);
    assert.strictEqual(updated.name, "Renamed");
    assert.strictEqual(updated.taskCount, 2);

    await emulator.advance(UNTIL_WINDOW_OPENS + 10 * 60_000);
    const read = await host.read(created.id, updated);
    assert.strictEqual(read.properties.status, "success");
    assert.strictEqual(read.properties.completedCalls, 2);
    assert.strictEqual(read.inputs, undefined, "the engine keeps the inputs it has, with the packed list");

    await host.delete(created.id, read.properties);
    assert.deepStrictEqual(await emulator.requests(), {
      "POST /v2/campaigns": 1,
      "POST /v2/campaigns/list": 1,
      "PATCH /v3/campaigns/{id}": 1,
      "GET /v3/campaigns/{id}": 1,
    });
  });

  it("reports the redial guard as a Diff error", async () => {
    const { inputs } = await host.check({}, withProvider(rawInputs()));
    const created = await host.create(inputs);
    await emulator.advance(UNTIL_WINDOW_OPENS + 10 * 60_000);
    const { inputs: fewer } = await host.check(inputs, withProvider(rawInputs({ tasks: [{ callTo: "01011112222" }] })));
    await assert.rejects(host.diff(created.id, created.properties, fewer), /REDIAL_GUARD.*call all 1 people/);
  });
});
