import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { readPlan, renderPlan } from "../../cli/explain/plan";
import { assertNoPhoneNumbers } from "./helpers";

/** Monday 10:00 in Seoul. */
const NOW = Date.parse("2026-11-30T10:00:00+09:00");
const plan = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "plan-update.json"), "utf8"));

describe("pulumi-vox explain of an update plan (`pulumi preview --save-plan`)", () => {
  it("says what `up --plan` applies: each campaign's operation, the inputs it changes, counts and digests", () => {
    const markdown = renderPlan(readPlan(plan), "plan.json", NOW);
    assertNoPhoneNumbers(markdown);
    assert.match(markdown, /^## vox campaigns in this plan of stack `e2e`\n\n\*\*1 to update · 2 unchanged\*\*\n/);
    assert.match(
      markdown,
      /`pulumi up --plan plan\.json` applies exactly this\. An edit made after the plan .* is refused before anything is sent to vox\.ai/,
    );
    assert.match(markdown, /\| `alpha` \| ✏️ update \| name \| 2 tasks, digest `hmac-sha256:[0-9a-f]{8}:[0-9a-f]{8}…` \|/);
    assert.match(markdown, /\| `beta` \| unchanged \| – \| 2 tasks, digest `hmac-sha256:/);
    assert.match(markdown, /### `alpha`: ✏️ update in place\n\n- name: "Campaign alpha, as reviewed \[15bb62\]"\n- Tasks: 2 tasks, digest/);
    assert.match(markdown, /Unchanged: `beta`, `gamma`/);
    assert.ok(!markdown.includes("vox-tasks"), "the sealed list is not shown");
  });

  it("reads a create, a replace and a delete from the steps, and masks caller numbers", () => {
    const urn = (name: string) => `urn:pulumi:dev::p::pulumi-nodejs:dynamic/vox:Campaign::${name}`;
    const state = { name: "New", callFrom: "0212345678", taskCount: 3, tasksDigest: "hmac-sha256:00000000:" + "ab".repeat(32) };
    const report = readPlan({
      resourcePlans: {
        [urn("new")]: { steps: ["create"], goal: { inputDiff: { adds: { name: "New", tasks: "vox-tasks:2:…" } } }, state },
        [urn("swapped")]: {
          steps: ["create-replacement", "replace", "delete-replaced"],
          goal: { inputDiff: { updates: { tasks: "x" } } },
          state,
        },
        [urn("gone")]: { steps: ["delete"], state },
      },
    });
    assert.deepStrictEqual(
      report.campaigns.map(({ name, operation, changed }) => [name, operation, changed]),
      [
        ["gone", "delete", []],
        ["new", "create", ["name", "tasks"]],
        ["swapped", "replace", ["tasks"]],
      ],
    );
    const markdown = renderPlan(report, "plan.json", NOW);
    assert.match(markdown, /### `new`: ➕ create\n\n- name: "New"\n- callFrom: 021\*{5}78\n- Tasks: 3 tasks/);
    assert.match(markdown, /### `swapped`: ♻️ replace.*\n\n- tasks: the list changes \(see Tasks\)/);
    assertNoPhoneNumbers(markdown);
  });
});
