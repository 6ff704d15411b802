/** `pulumi-vox/native` (the native door's TypeScript classes) under Pulumi's mocks: what a program registers. */
import * as assert from "assert";
import * as native from "../../provider/native/sdk";
import { withMessage } from "../support/errors";
import { AGENT_ID } from "../support/inputs";
import { useMockRegistrations } from "../support/mocks";

describe("pulumi-vox/native under setMocks", () => {
  const { registered, last, output } = useMockRegistrations();
  const args = { agentId: AGENT_ID, callFrom: "0212345678", tasks: [{ callTo: "01012345678" }] };

  it("registers vox:index:Campaign with a Date start as ISO text, as vox.Campaign does", async () => {
    const start = new Date("2030-01-02T00:30:00Z");
    for (const scheduledAt of [start, Promise.resolve(start)]) {
      const campaign = new native.Campaign("scheduled", { ...args, scheduledAt });
      await output(campaign.id);
      assert.strictEqual(last().type, "vox:index:Campaign");
      assert.strictEqual(last().inputs.scheduledAt, "2030-01-02T00:30:00.000Z");
    }
  });

  it("registers the task list as a secret whatever the program says", async () => {
    await output(new native.Campaign("secret-list", args).id);
    assert.strictEqual(last().inputs.tasks["4dabf18193072939515e22adb298388d"], "1b47061264138c4ac30d75fd1eb44270");
  });

  it("refuses an invalid Date and NaN before registering, naming the field", () => {
    const before = registered.length;
    assert.throws(
      () => new native.Campaign("bad", { ...args, scheduledAt: new Date("x") }),
      withMessage(/scheduledAt: is an invalid Date/),
    );
    assert.throws(() => new native.Campaign("bad", { ...args, concurrency: NaN }), withMessage(/concurrency: is NaN/));
    assert.strictEqual(registered.length, before);
  });
});
