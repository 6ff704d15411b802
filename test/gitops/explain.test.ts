import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { renderPreview } from "../../cli/explain/markdown";
import { readPreview } from "../../cli/explain/preview";
import { shell } from "../support/shell";
import { builtBin } from "../support/bins";
import { assertNoPhoneNumbers, runCli } from "./helpers";

/** The time the summaries are made at: Monday 10:00 in Seoul. */
const NOW = Date.parse("2026-11-30T10:00:00+09:00");

/** Recorded with Pulumi CLI v3.248.0 on examples/gitops: see fixtures/README.md. */
const FIXTURES = path.join(__dirname, "fixtures");

function fixture(name: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `preview-${name}.json`), "utf8"));
}

function explain(name: string): string {
  const markdown = renderPreview(readPreview(fixture(name)), NOW);
  assertNoPhoneNumbers(markdown);
  return markdown;
}

describe("pulumi-vox explain", () => {
  it("summarizes creates with task counts, the contact list's name and windows in HH:MM", () => {
    const markdown = explain("create");
    assert.match(markdown, /^## vox campaigns in this preview of stack `dev`\n\n\*\*2 to create\*\*\n/);
    assert.ok(
      markdown.includes(
        "### `renewal-reminder`: ➕ create\n\n" +
          '- Name: "Renewal reminder"\n' +
          '- Agent: "3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f" (production)\n' +
          "- Calls from: 021*****78\n" +
          "- Caller id people see: 021*****78 (`callFrom`: no `presentationNumber`); a task's own `presentationNumber` wins (tasks are not visible in a preview)\n" +
          "- Concurrency: 2 calls at once\n" +
          "- Starts: as soon as a call window is open\n" +
          "- Tasks: 2 tasks\n" +
          "- Call windows: Mon–Fri 09:00–12:00, Mon–Wed 13:00–18:00 (Asia/Seoul)\n",
      ),
      markdown,
    );
    assert.match(
      markdown,
      /### `vip-followup`: ➕ create\n\n(- .*\n){6}- Tasks: 3 tasks from vip-followup\.csv\n- Call windows: Tue, Thu 10:00–12:00, Sat 10:00–13:00 \(Asia\/Seoul\)\n/,
    );
    assert.doesNotMatch(markdown, /Night calls|failed/);
  });

  it("shows a create's start time in the campaign's time zone, and a caller id masked", () => {
    const preview = fixture("create");
    const inputs = preview.steps.find((step: { urn: string }) => step.urn.endsWith("renewal-reminder")).newState.inputs;
    Object.assign(inputs, { scheduledAt: "2026-12-01T00:30:00.000Z", presentationNumber: "0212345679" });
    const markdown = renderPreview(readPreview(preview), NOW);
    assert.match(markdown, /- Starts: 2026-12-01 09:30 \(Asia\/Seoul\)\n/);
    assert.match(markdown, /- Calls from: 021\*{5}78\n- Caller id people see: 021\*{5}79 \(`presentationNumber`\); /);
  });

  it("shows adoptId as adopting a campaign, not as a create", () => {
    const preview = fixture("create");
    const step = preview.steps.find((s: { urn: string }) => s.urn.endsWith("renewal-reminder"));
    step.newState.inputs.adoptId = "c0ffee-1";
    const markdown = renderPreview(readPreview(preview), NOW);
    assert.match(markdown, /\*\*1 to create · 1 to adopt\*\*/);
    assert.match(
      markdown,
      /### `renewal-reminder`: 🔗 adopt an existing campaign: no new campaign, nobody is called by this step\n\n- Campaign: "c0ffee-1"\n/,
    );
  });

  it("warns when a new campaign has the list of a campaign this preview deletes (a renamed file)", () => {
    const created = fixture("create").steps.find((s: { urn: string }) => s.urn.endsWith("renewal-reminder"));
    const deleted = JSON.parse(JSON.stringify(created));
    Object.assign(deleted, {
      op: "delete",
      urn: created.urn.replace("renewal-reminder", "old-name"),
      oldState: { ...deleted.newState, outputs: deleted.newState.inputs },
    });
    delete deleted.newState;
    const markdown = renderPreview(readPreview({ steps: [created, deleted], diagnostics: [] }), NOW);
    assert.match(markdown, /⚠️ Same list as `old-name`, which this preview deletes: the same 2 people will be called again\. .*`aliases`/);
  });

  it("shows a window change of an update as before → after", () => {
    const markdown = explain("update-window");
    assert.match(markdown, /\*\*1 to update\*\*/);
    assert.match(markdown, /### `renewal-reminder`: ✏️ update in place\n\n- Tasks: 2 tasks, unchanged\n/);
    assert.match(
      markdown,
      /- Call windows: Mon–Fri 09:00–12:00, Mon–Wed 13:00–18:00 → Mon–Fri 09:00–13:00, Mon–Wed 13:00–18:00 \(Asia\/Seoul\)\n/,
    );
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
    assert.match(
      markdown,
      /- 🛡️ Redial guard on \(`allowRedial` not set\): the current campaign had placed no calls when this preview ran/,
    );
  });

  it("says so when allowRedial lets a replace call people again", () => {
    assert.match(
      explain("replace-allow-redial"),
      /- ⚠️ `allowRedial` is set: the new campaign calls everyone on its list, including people/,
    );
  });

  it("reports a preview stopped by the redial guard, with the number of calls placed", () => {
    const markdown = explain("redial-guard");
    assert.match(markdown, /⛔ \*\*The preview failed\*\*/);
    assert.match(
      markdown,
      /### `vip-followup`: ⛔ the preview failed here\n\n- ⛔ \*\*Redial guard\*\*: changing tasks would replace this campaign, which has already placed 2 calls;/,
    );
    assert.match(markdown, /Set `allowRedial: true` to do that, or revert the change\./);
  });

  it("shows a contact list error from check without the engine's prefix", () => {
    const markdown = explain("check-failure");
    assert.match(
      markdown,
      /- ⛔ tasksFile: campaigns\/contacts\/vip-followup\.csv:6 column phone: 010\*+7x contains characters other than digits/,
    );
    assert.doesNotMatch(markdown, /has a problem/);
  });

  it("shows a program error without its stack trace or terminal colours", () => {
    const markdown = explain("program-error");
    assert.match(
      markdown,
      /```text\nRunning program .* failed with an unhandled exception:\nCampaignFilesError: 1 problem in the campaign files:\n {2}campaigns\/renewal-reminder\.yaml:20: tasks\[1\]\.callTo: 010\*+x9 /,
    );
    assert.doesNotMatch(markdown, / at /);
    assert.ok(!markdown.includes("\u001b"), "terminal colours left in the summary");
  });

  it("says the summary is partial when a campaign's error stopped the preview, and which campaign", () => {
    const preview = fixture("check-failure");
    // As in the report: the engine had reached a create before the failing campaign stopped it.
    preview.steps.push(...fixture("create").steps.filter((step: { urn: string }) => step.urn.endsWith("::renewal-reminder")));
    const markdown = renderPreview(readPreview(preview), NOW);
    assert.match(
      markdown,
      /^\*\*1 to create · 1 failed\*\*\n\n(\|.*\n)+\n⚠️ \*\*This summary is partial\*\*: the preview stopped at an error in `vip-followup`\. Pulumi stops a preview on its first error, so campaigns it had not reached are not listed/m,
    );
  });

  it("says the summary is partial when the program stopped before declaring every campaign", () => {
    assert.match(
      explain("program-error"),
      /⚠️ \*\*This summary is partial\*\*: the program stopped with an error before it had declared every campaign\./,
    );
    assert.match(explain("redial-guard"), /This summary is partial\*\*: the preview stopped at an error in `vip-followup`/);
  });

  it("does not call a preview that ran to its end partial", () => {
    for (const name of ["create", "update-night-window", "replace-tasks", "delete"]) assert.doesNotMatch(explain(name), /partial/, name);
  });

  it("says what a delete does", () => {
    const markdown = explain("delete");
    assert.match(
      markdown,
      /### `vip-followup`: 🛑 delete: the campaign is canceled\n\n- Tasks: 3 tasks\n- Calls not yet placed will not be placed; calls in progress finish\./,
    );
  });

  // State version 3 keeps no list in the outputs and drops the one older outputs held (campaign/state.ts), so the
  // comparison by number of cli/explain/task-changes.ts no longer sees an old list: the counts are what it shows.
  it("shows a changed list by its counts, even when an older state's outputs held the list", () => {
    const preview = fixture("replace-tasks");
    const step = preview.steps.find((s: { op: string }) => s.op === "replace");
    step.oldState.outputs.tasks = [
      { callTo: "01012345678" },
      { callTo: "01023456789", dynamicVariables: { n: "a" } },
      { callTo: "01034567890" },
    ];
    step.newState.inputs.tasks = [
      { callTo: "01012345678" },
      { callTo: "01023456789", dynamicVariables: { n: "b" } },
      { callTo: "01045678901" },
      { callTo: "01056789012" },
    ];
    const markdown = renderPreview(readPreview(preview), NOW);
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

  it("reads a real pipe from a slow writer, even when another process made the pipe non-blocking", async function () {
    this.timeout(60_000);
    // `npx` keeps the pipe's read end open and, when it touches its own stdin, makes that shared end
    // non-blocking: a synchronous read of standard input then fails with EAGAIN whenever the writer
    // (`pulumi preview --json`) has not written yet. This parent does the same after starting the CLI.
    const nonBlockingParent = `
      const child = require("child_process").spawn(process.execPath, process.argv.slice(1), { stdio: "inherit" });
      setTimeout(() => process.stdin, 200);
      child.on("exit", (code) => process.exit(code ?? 1));`;
    // Writes the preview in 8 chunks 500 ms apart: the CLI starts reading while most of it is still to come.
    const slowWriter = `
      const text = require("fs").readFileSync(process.argv[1], "utf8");
      const size = Math.ceil(text.length / 8);
      let i = 0;
      const timer = setInterval(() => {
        process.stdout.write(text.slice(i * size, ++i * size));
        if (i === 8) clearInterval(timer);
      }, 500);`;
    const command =
      `node -e '${slowWriter}' ${path.join(FIXTURES, "preview-create.json")} | ` +
      `node -e '${nonBlockingParent}' -- ${builtBin("pulumi-vox")} explain`;
    const run = await shell(command);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.strictEqual(run.stdout, explain("create"));
  });
});
