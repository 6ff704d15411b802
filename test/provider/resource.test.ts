import * as assert from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as vox from "../../provider";
import { taskListOf } from "../../provider/campaign/packed-tasks";
import { AGENT_ID } from "../support/inputs";

/** The resource class under Pulumi's mocks: what a program registers, without an engine or the API. */
describe("vox.Campaign under setMocks", () => {
  const registered: pulumi.runtime.MockResourceArgs[] = [];
  before(() => {
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push(args);
          return { id: `mock-${args.name}`, state: { ...args.inputs, status: "pending", taskCount: 1 } };
        },
        call: () => ({}),
      },
      "mock-project",
      "mock-stack",
      false,
    );
  });

  const output = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));
  const last = () => registered[registered.length - 1];

  it("registers the dynamic type token, and the name defaults to the resource's autoname", async () => {
    const campaign = new vox.Campaign("spring-sale", {
      agentId: AGENT_ID,
      callFrom: "0212345678",
      tasks: [{ callTo: "01012345678" }],
    });
    assert.strictEqual(await output(campaign.id), "mock-spring-sale");
    assert.strictEqual(last().type, "pulumi-nodejs:dynamic/vox:Campaign");
    // The suffix: the first 6 hex of sha256("mock-project/mock-stack/spring-sale"), the same on every run.
    assert.strictEqual(last().inputs.name, "spring-sale-d2442e");
    assert.strictEqual(await output(campaign.status), "pending");
    assert.strictEqual(await output(campaign.taskCount), 1);
  });

  it("registers the task list as one packed string, and serializes the provider without settings", async () => {
    const tasks = [{ callTo: "010-1234-5678", dynamicVariables: { name: "김민수" } }, { callTo: pulumi.output("01023456789") }];
    const campaign = new vox.Campaign("packed-list", { agentId: AGENT_ID, callFrom: "0212345678", tasks });
    await output(campaign.id);
    // A secret as the engine receives it: the secret signature and the value.
    const { "4dabf18193072939515e22adb298388d": signature, value: packed } = last().inputs.tasks;
    assert.strictEqual(signature, "1b47061264138c4ac30d75fd1eb44270", "the packed list is registered as a secret");
    assert.match(packed, /^vox-tasks:1:/);
    assert.ok(!packed.includes("1234"), "the packed list shows a number in clear");
    assert.deepStrictEqual(taskListOf(packed), { ok: true, tasks: [tasks[0], { callTo: "01023456789" }] });
    const providerText = String(last().inputs.__provider);
    assert.match(providerText, /require\("pulumi-vox\/runtime"\)/);
    assert.ok(providerText.length < 2048);
  });

  it("turns a Date start into ISO text and a relative tasks file into an absolute path", async () => {
    const start = new Date("2030-01-02T00:30:00Z");
    const campaign = new vox.Campaign("scheduled", {
      agentId: AGENT_ID,
      callFrom: "0212345678",
      scheduledAt: start,
      tasksFile: "contacts/list.csv",
    });
    await output(campaign.id);
    assert.strictEqual(last().inputs.scheduledAt, "2030-01-02T00:30:00.000Z");
    assert.strictEqual(last().inputs.tasksFile, path.resolve("contacts/list.csv"));
  });

  it("exposes every output as a property of the resource", () => {
    const campaign = new vox.Campaign("outputs", { agentId: AGENT_ID, callFrom: "0212345678", tasks: [{ callTo: "01012345678" }] });
    for (const key of [
      "status",
      "totalCalls",
      "completedCalls",
      "failedCalls",
      "activeConcurrency",
      "createdAt",
      "scheduledAt",
      "finishedAt",
      "pausedAt",
      "pausedBy",
      "taskCount",
      "tasksDigest",
      "name",
      "callTimeWindow",
    ]) {
      assert.ok(pulumi.Output.isInstance((campaign as unknown as Record<string, unknown>)[key]), `${key} is not an output`);
    }
  });
});
