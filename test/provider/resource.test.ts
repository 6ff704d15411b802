import * as assert from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as vox from "../../provider";
import { taskKeys, taskListOf } from "../../provider/campaign/packed-tasks";
import { TEST_API_KEY } from "../support/emulator";
import { useTestApiKey } from "../support/hooks";
import { FIELD_NAMES } from "../../provider/campaign/fields";
import { check } from "../../provider/runtime";
import { AGENT_ID, rawInputs } from "../support/inputs";
import { useMockRegistrations } from "../support/mocks";

/** The resource class under Pulumi's mocks: what a program registers, without an engine or the API. */
describe("vox.Campaign under setMocks", () => {
  useTestApiKey();
  const { last, output } = useMockRegistrations({ status: "pending", taskCount: 1 });

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

  it("registers the task list as one string sealed with the API key, and serializes the provider without settings", async () => {
    const tasks = [{ callTo: "010-1234-5678", dynamicVariables: { name: "김민수" } }, { callTo: pulumi.output("01023456789") }];
    const campaign = new vox.Campaign("packed-list", { agentId: AGENT_ID, callFrom: "0212345678", tasks });
    await output(campaign.id);
    // A secret as the engine receives it: the secret signature and the value.
    const { "4dabf18193072939515e22adb298388d": signature, value: packed } = last().inputs.tasks;
    assert.strictEqual(signature, "1b47061264138c4ac30d75fd1eb44270", "the packed list is registered as a secret");
    assert.match(packed, /^vox-tasks:2:/);
    assert.ok(!packed.includes("1234"), "the packed list shows a number in clear");
    assert.deepStrictEqual(taskListOf(packed, taskKeys({ apiKey: TEST_API_KEY })), {
      ok: true,
      tasks: [tasks[0], { callTo: "01023456789" }],
    });
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

  it("registers every input of the field table: none is left behind by a hand-kept list", async () => {
    // A value for every field, whatever its type: only whether it reaches the engine is asked here.
    const args = Object.fromEntries(
      FIELD_NAMES.map((field) => [field, field === "tasks" ? [{ callTo: "01012345678" }] : `${field}-value`]),
    );
    const campaign = new vox.Campaign("every-field", args as unknown as vox.CampaignArgs);
    await output(campaign.id);
    const registered = last().inputs;
    const missing = FIELD_NAMES.filter((field) => registered[field] === undefined);
    assert.deepStrictEqual(missing, [], `inputs that never reach the engine: ${missing.join(", ")}`);
    assert.strictEqual(registered.concurrency, "concurrency-value", "a field without a program-side step is registered as given");
  });

  it("passes a misspelled top-level key on, and check names the field it meant", async () => {
    // The ways a typo gets past tsc: a spread object, `as any`, plain JavaScript, config.requireObject().
    const defaults: Record<string, unknown> = { agentId: AGENT_ID, callFrom: "0212345678", concurency: 2 };
    const campaign = new vox.Campaign("typo", { ...defaults, tasks: [{ callTo: "01012345678" }] } as vox.CampaignArgs);
    await output(campaign.id);
    assert.strictEqual(last().inputs.concurency, 2, "the misspelled key reaches the engine");
    const { failures } = await check({}, rawInputs({ concurency: 2 }));
    assert.deepStrictEqual(
      failures?.map((failure) => failure.reason),
      ["concurency: unknown field; did you mean concurrency?"],
    );
  });
});
