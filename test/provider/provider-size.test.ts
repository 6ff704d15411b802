import * as assert from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as vox from "../../provider";
import { AGENT_ID } from "../support/inputs";
import { useTestApiKey } from "../support/hooks";

// The loader the dynamic-provider host itself uses (a dependency of @pulumi/pulumi).
const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const requireFromString: (code: string) => { handler: () => Record<string, unknown> } = require(
  require.resolve("require-from-string", { paths: [sdkDir] }),
);

/**
 * Issue 23: `__provider`, stored twice in every campaign's state, is no bigger than a trivial dynamic
 * provider's (a closure of one `create`, as pulumi.dynamic.Resource serializes it).
 */
describe("the provider text in state (issue 23)", () => {
  useTestApiKey();
  let registered: pulumi.runtime.MockResourceArgs | undefined;
  before(() => {
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered = args;
          return { id: "mock", state: args.inputs };
        },
        call: () => ({}),
      },
      "mock-project",
      "mock-stack",
      false,
    );
  });

  it("is smaller than a trivial dynamic provider's, and loads as the host loads it into every method of the runtime", async () => {
    const campaign = new vox.Campaign("sized", { agentId: AGENT_ID, callFrom: "0212345678", tasks: [{ callTo: "01012345678" }] });
    await new Promise((resolve) => campaign.id.apply(resolve));
    const ours = String(registered?.inputs.__provider);
    const trivial: pulumi.dynamic.ResourceProvider = { create: async () => ({ id: "x", outs: {} }) };
    const trivialText = (await pulumi.runtime.serializeFunction(() => trivial, { allowSecrets: true })).text;
    assert.ok(Buffer.byteLength(ours) <= Buffer.byteLength(trivialText), `${ours.length} bytes against ${trivialText.length}`);
    const provider = requireFromString(ours).handler();
    for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"]) {
      assert.strictEqual(typeof provider[method], "function", method);
    }
  });
});
