import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { renderPreview } from "../../cli/explain/markdown";
import { readPreview } from "../../cli/explain/preview";
import { assertNoPhoneNumbers, runCli } from "./helpers";

/** Recorded with Pulumi CLI v3.248.0 on examples/gitops: see fixtures/README.md. */
const FIXTURES = path.join(__dirname, "fixtures");

function fixture(name: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `preview-${name}.json`), "utf8"));
}

function explain(name: string): string {
  const markdown = renderPreview(readPreview(fixture(name)));
  assertNoPhoneNumbers(markdown);
  return markdown;
}

describe("pulumi-vox explain", () => {
  it("summarizes creates with task counts, the contact list's name and windows in HH:MM", () => {
    const markdown = explain("create");
    assert.match(markdown, /^## vox campaigns in this preview\n\n\*\*2 to create\*\*\n/);
    assert.match(markdown, /### `renewal-reminder`: ➕ create\n\n- Tasks: 2 tasks\n- Call windows: Mon–Fri 09:00–12:00, Mon–Wed 13:00–18:00 \(Asia\/Seoul\)\n/);
    assert.match(markdown, /### `vip-followup`: ➕ create\n\n- Tasks: 3 tasks from vip-followup\.csv\n- Call windows: Tue, Thu 10:00–12:00, Sat 10:00–13:00 \(Asia\/Seoul\)\n/);
    assert.doesNotMatch(markdown, /Night calls|failed/);
  });

  it("shows a window change of an update as before → after", () => {
    const markdown = explain("update-window");
    assert.match(markdown, /\*\*1 to update\*\*/);
    assert.match(markdown, /### `renewal-reminder`: ✏️ update in place\n\n- Tasks: 2 tasks, unchanged\n/);
    assert.match(markdown, /- Call windows: Mon–Fri 09:00–12:00, Mon–Wed 13:00–18:00 → Mon–Fri 09:00–13:00, Mon–Wed 13:00–18:00 \(Asia\/Seoul\)\n/);
  });

  it("warns about a window reaching into 21:00–08:00, and lists unchanged campaigns (--show-sames)", () => {
    const markdown = explain("update-night-window");
    assert.match(markdown, /\*\*1 to update · 1 unchanged\*\*/);
    assert.match(markdown, /- ⚠️ Night calls: Mon–Wed 19:00–22:00 reaches into 21:00–08:00 Korean time: .*정보통신망법 제50조/);
    assert.match(markdown, /Unchanged: `vip-followup`$/m);
  });

  it("shows a replace for a changed contact list as a count change, with the redial guard's status", () => {
    const markdown = explain("replace-tasks");
    assert.match(markdown, /### `vip-followup`: ♻️ replace: the campaign is canceled and created anew\n/);
    assert.match(markdown, /- Replaced because of: tasks\n- Tasks: list changed from vip-followup\.csv \(3 → 4 tasks\)\n/);
    assert.match(markdown, /- 🛡️ Redial guard on \(`allowRedial` not set\): the current campaign had placed no calls when this preview ran/);
  });

  it("says so when allowRedial lets a replace call people again", () => {
    assert.match(explain("replace-allow-redial"), /- ⚠️ `allowRedial` is set: the new campaign calls everyone on its list, including people/);
  });

  it("reports a preview stopped by the redial guard, with the number of calls placed", () => {
    const markdown = explain("redial-guard");
    assert.match(markdown, /⛔ \*\*The preview failed\*\*/);
    assert.match(markdown, /### `vip-followup`: ⛔ the preview failed here\n\n- ⛔ \*\*Redial guard\*\*: changing tasks would replace this campaign, which has already placed 2 calls;/);
    assert.match(markdown, /Set `allowRedial: true` to do that, or revert the change\./);
  });

  it("shows a contact list error from check without the engine's prefix", () => {
    const markdown = explain("check-failure");
    assert.match(markdown, /- ⛔ tasksFile: campaigns\/contacts\/vip-followup\.csv:6 column phone: 010\*+7x contains characters other than digits/);
    assert.doesNotMatch(markdown, /has a problem/);
  });

  it("shows a program error without its stack trace or terminal colours", () => {
    const markdown = explain("program-error");
    assert.match(markdown, /```text\nRunning program .* failed with an unhandled exception:\nCampaignFilesError: 1 problem in the campaign files:\n {2}campaigns\/renewal-reminder\.yaml:20: tasks\[1\]\.callTo: 010\*+x9 /);
    assert.doesNotMatch(markdown, / at |\u001b/);
  });

  it("says what a delete does", () => {
    const markdown = explain("delete");
    assert.match(markdown, /### `vip-followup`: 🛑 delete: the campaign is canceled\n\n- Tasks: 3 tasks\n- Calls not yet placed will not be placed; calls in progress finish\./);
  });

  // State version 3 keeps no list in the outputs and drops the one older outputs held (campaign/state.ts), so the
  // comparison by number of cli/explain/task-changes.ts no longer sees an old list: the counts are what it shows.
  it("shows a changed list by its counts, even when an older state's outputs held the list", () => {
    const preview = fixture("replace-tasks");
    const step = preview.steps.find((s: { op: string }) => s.op === "replace");
    step.oldState.outputs.tasks = [{ callTo: "01012345678" }, { callTo: "01023456789", dynamicVariables: { n: "a" } }, { callTo: "01034567890" }];
    step.newState.inputs.tasks = [{ callTo: "01012345678" }, { callTo: "01023456789", dynamicVariables: { n: "b" } }, { callTo: "01045678901" }, { callTo: "01056789012" }];
    const markdown = renderPreview(readPreview(preview));
    assert.match(markdown, /- Tasks: list changed from vip-followup\.csv \(3 → 4 tasks\)/);
    assertNoPhoneNumbers(markdown);
  });

  it("masks phone numbers in diagnostics it passes on", () => {
    const preview = { steps: [], diagnostics: [{ severity: "error", message: "error: something about 010-9876-5432 went wrong" }] };
    const run = runCli(["explain"], { input: JSON.stringify(preview) });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /something about 010\*{8}32 went wrong/);
  });

  it("reads standard input or a file, and exits 1 for input that is not preview JSON", () => {
    const fromStdin = runCli(["explain"], { input: fs.readFileSync(path.join(FIXTURES, "preview-create.json"), "utf8") });
    assert.strictEqual(fromStdin.status, 0, fromStdin.stderr);
    assert.strictEqual(fromStdin.stdout, explain("create"));
    const notJson = runCli(["explain"], { input: "Previewing update (dev):" });
    assert.strictEqual(notJson.status, 1);
    assert.match(notJson.stderr, /standard input: the input is not JSON/);
    const notPreview = runCli(["explain", path.join(FIXTURES, "README.md")]);
    assert.strictEqual(notPreview.status, 1);
    const missing = runCli(["explain", "no-such-file.json"]);
    assert.strictEqual(missing.status, 2);
  });
});
