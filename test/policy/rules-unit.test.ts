import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Clock } from "../../provider/clock";
import { packTasks, taskKeys } from "../../provider/campaign/packed-tasks";
import { TEST_API_KEY } from "../support/emulator";
import { useTestApiKey } from "../support/hooks";
import { campaignTasks, compliancePolicies, countTasks, maskNumber } from "../../policy/authoring";

/**
 * The rules that read the compliance inputs (purpose, nightCallConsent, doNotCallCheckedAt), called as the
 * engine calls them, with the clock as an input. The e2e fixtures under the real CLI are in rules.test.ts.
 */
const NOW = Date.parse("2026-12-04T10:00:00+09:00");
const clock: Clock = { now: () => NOW, sleep: async () => undefined };

function violations(
  policyName: string,
  props: Record<string, unknown>,
  config: Record<string, unknown> = {},
  type = "vox:index:Campaign",
): string[] {
  const policy = compliancePolicies(clock).find((p) => p.name === policyName) as ResourceValidationPolicy;
  const found: string[] = [];
  const args = { type, props, urn: `urn:pulumi:s::p::${type}::c`, name: "c", getConfig: () => config } as any;
  (policy.validateResource as (args: unknown, report: (message: string) => void) => void)(args, (message) => found.push(message));
  return found;
}

const nightWindow = { windows: [{ days: ["Monday"], start: "20:00", end: "22:00" }] };

describe("policy rules on compliance inputs (in-process)", () => {
  it("vox-night-calls: declared consent lifts the night limit unless the config says consent does not", () => {
    assert.strictEqual(violations("vox-night-calls", { callTimeWindow: nightWindow }).length, 1);
    assert.deepStrictEqual(violations("vox-night-calls", { callTimeWindow: nightWindow, nightCallConsent: true }), []);
    assert.strictEqual(
      violations("vox-night-calls", { callTimeWindow: nightWindow, nightCallConsent: true }, { consentAllowsNightCalls: false }).length,
      1,
    );
  });

  it("vox-financial-hours: consent does not widen 08:00–21:00 in the financial sector", () => {
    const props = { callTimeWindow: nightWindow, nightCallConsent: true };
    assert.strictEqual(violations("vox-financial-hours", props, { sector: "financial" }).length, 1);
    assert.deepStrictEqual(violations("vox-financial-hours", props), []);
  });

  it("vox-do-not-call-check: telemarketing needs a 두낫콜 check at most maxAgeDays old, not in the future", () => {
    const rule = (props: Record<string, unknown>, config = {}) => violations("vox-do-not-call-check", props, config);
    assert.deepStrictEqual(rule({ purpose: "informational" }), []);
    assert.match(rule({ purpose: "telemarketing" })[0], /doNotCallCheckedAt must give the date/);
    assert.deepStrictEqual(rule({ purpose: "telemarketing", doNotCallCheckedAt: "2026-11-04" }), []);
    assert.match(rule({ purpose: "telemarketing", doNotCallCheckedAt: "2026-11-03" })[0], /31 days ago/);
    assert.match(rule({ purpose: "telemarketing", doNotCallCheckedAt: "2026-12-05" })[0], /in the future/);
    assert.deepStrictEqual(rule({ purpose: "telemarketing", doNotCallCheckedAt: "2026-11-03" }, { maxAgeDays: 31 }), []);
    assert.strictEqual(rule({ purpose: "tm" }, { telemarketingPurposes: ["tm"] }).length, 1);
  });

  it("ignores resources that are not campaigns", () => {
    assert.deepStrictEqual(violations("vox-night-calls", { callTimeWindow: nightWindow }, {}, "aws:s3/bucket:Bucket"), []);
  });
});

describe("pulumi-vox/policy helpers for policy authors", () => {
  useTestApiKey();

  it("unpacks, counts and masks the packed task list, and reads a plain one", () => {
    const tasks = [{ callTo: "01012345678" }, { callTo: "010-2222-3333", metadata: { a: 1 } }];
    const packed = campaignTasks({ tasks: packTasks(tasks, taskKeys({ apiKey: TEST_API_KEY })) });
    assert.ok(packed.known);
    assert.deepStrictEqual(
      packed.tasks.map((task) => task.callTo),
      ["01012345678", "01022223333"],
    );
    assert.strictEqual(countTasks({ tasks }), 2);
    assert.strictEqual(countTasks({ tasksFile: "list.csv" }), undefined);
    assert.strictEqual(countTasks({ tasks: "vox-tasks:2:sealed", taskCount: 7 }), 7, "check's count, without opening the list");
    assert.strictEqual(campaignTasks({ tasks: "vox-tasks:1:not-gzip" }).known, false);
    assert.strictEqual(maskNumber("01012345678"), "010******78");
  });

  it("the pack's package.json, which @pulumi/policy reads its version from, keeps pulumi-vox's version", () => {
    const repo = path.resolve(__dirname, "../..");
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repo, file), "utf8"));
    assert.strictEqual(read("policy/package.json").version, read("package.json").version);
  });
});
