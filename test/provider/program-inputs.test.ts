import * as assert from "assert";
import * as vox from "../../provider";
import { withMessage } from "../support/errors";
import { AGENT_ID, rawInputs } from "../support/inputs";
import { checked } from "../support/provider";

/**
 * What the program itself refuses: Pulumi's serialization of resource inputs builds plain objects key by
 * key, so a `__proto__` key is gone (and a very deep value has overflowed the stack) before `check` runs.
 */
describe("vox.Campaign refuses, in the program, inputs Pulumi would lose or choke on", () => {
  const args = (metadata: unknown) =>
    ({
      agentId: AGENT_ID,
      callFrom: "0212345678",
      tasks: [{ callTo: "01012345678" }, { callTo: "01023456789", metadata }],
    }) as vox.CampaignArgs;

  it("a __proto__ key in metadata, with its path", () => {
    assert.throws(
      () => new vox.Campaign("proto", args(JSON.parse('{"__proto__": {"admin": true}}'))),
      withMessage(/\[vox:INVALID_INPUTS\][\s\S]*tasks\[1\]\.metadata\.__proto__: "__proto__" cannot be used as a key/),
    );
  });

  it("metadata nested 5,000 levels deep, with its path and no stack overflow", () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    assert.throws(() => new vox.Campaign("deep", args(deep)), withMessage(/tasks\[1\]\.metadata: nests more than 64 levels/));
  });

  it("keeps accepting a Date start: the resource sends it as ISO text with Z, which check takes", async () => {
    const start = new Date(Date.now() + 86_400_000);
    const inputs = await checked(rawInputs({ scheduledAt: start.toISOString() }));
    assert.strictEqual(inputs.scheduledAt, start.toISOString());
  });
});
