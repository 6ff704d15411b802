import * as path from "path";
import * as assert from "assert";
import { TEST_API_KEY } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { serializedProvider } from "../support/serialized-provider";

// The loader the dynamic-provider host itself uses (a dependency of @pulumi/pulumi).
const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const requireFromString: (code: string) => any = require(require.resolve("require-from-string", { paths: [sdkDir] }));

/** What the engine stores in state as `__provider`, loaded back the way the dynamic-provider host loads it. */
describe("the serialized provider", () => {
  // Configured before serializing: settings must not travel with the object even then.
  const emulator = useProviderEmulator({ perFile: true });
  let text: string;
  before(async () => {
    text = await serializedProvider();
  });

  it("stays under 2 KB (it is stored twice per campaign)", () => {
    assert.ok(text.length < 2048, `${text.length} bytes`);
  });

  it("holds no API key, no base URL and no file path of this package", () => {
    assert.ok(!text.includes(TEST_API_KEY), "API key in the serialized provider");
    assert.ok(!text.includes(emulator.url) && !text.includes("127.0.0.1"), "base URL in the serialized provider");
    assert.ok(!text.includes(process.cwd()), "a path of this checkout in the serialized provider");
    assert.ok(!/node_modules|dist\/|provider\/runtime/.test(text), "a package-internal path in the serialized provider");
  });

  it("loads the installed runtime by its public name at call time", () => {
    assert.match(text, /require\("pulumi-vox\/runtime"\)/);
  });

  it("works when loaded like the host loads it: configure, check, create, read, delete", async () => {
    const loaded = requireFromString(text).handler();
    const config: Record<string, string> = { "vox:apiKey": TEST_API_KEY, "vox:baseUrl": emulator.url };
    await loaded.configure({ config: { get: (key: string) => config[key] } });
    const { inputs, failures } = await loaded.check({}, rawInputs());
    assert.deepStrictEqual(failures, []);
    const { id, outs } = await loaded.create(inputs);
    assert.strictEqual((await loaded.read(id, outs)).props.status, "pending");
    await loaded.delete(id, outs);
    assert.strictEqual((await emulator.campaign(id)).status, "canceled");
  });
});
