import * as assert from "assert";
import * as iconv from "iconv-lite";
import * as path from "path";
import { EXAMPLE_CAMPAIGNS, assertNoPhoneNumbers, runCli, tempDir, writeFiles } from "./helpers";

import { AGENT_ID as AGENT } from "../support/inputs";

describe("pulumi-vox validate", () => {
  it("passes the example campaigns with one OK line each: name, task count, windows in HH:MM", () => {
    const run = runCli(["validate", EXAMPLE_CAMPAIGNS]);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(run.stderr, "");
    const lines = run.stdout.trim().split("\n");
    assert.match(
      lines[0],
      /^OK .*renewal-reminder\.yaml: renewal-reminder \("Renewal reminder"\): 2 tasks, Mon–Fri 09:00–12:00, Mon–Wed 13:00–18:00 \(Asia\/Seoul\)$/,
    );
    assert.match(
      lines[1],
      /^OK .*vip-followup\.json: vip-followup \("VIP follow-up"\): 3 tasks from .*vip-followup\.csv \(UTF-8\), Tue, Thu 10:00–12:00, Sat 10:00–13:00 \(Asia\/Seoul\)$/,
    );
    assert.strictEqual(lines[2], "2 campaign files: 2 OK, 0 with errors; 0 errors, 0 warnings");
    assertNoPhoneNumbers(run.stdout);
  });

  it("reads ./campaigns by default, naming files relative to the working directory", () => {
    const run = runCli(["validate"], { cwd: path.dirname(EXAMPLE_CAMPAIGNS) });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^OK campaigns\/renewal-reminder\.yaml: /m);
    assert.match(run.stdout, /3 tasks from campaigns\/contacts\/vip-followup\.csv/);
  });

  it("prints every error of every file and contact list, masked, and exits 1", () => {
    const dir = writeFiles(tempDir(), {
      "campaigns/good.yaml": `agentId: ${AGENT}\ncallFrom: "0212345678"\ntasksFile: lists/good.csv\n`,
      "campaigns/lists/good.csv": iconv.encode("phone,var.이름\n010-1234-5678,김민수\n010-1234-5678,김민수\n", "cp949"),
      "campaigns/bad-list.json": JSON.stringify({ agentId: AGENT, callFrom: "0212345678", tasksFile: "lists/bad.csv" }),
      "campaigns/lists/bad.csv": "phone\n010-2345-6789\n010-2345-678x\n\n12\n",
      "campaigns/bad-file.yaml": `agentId: nope\ncallFrom: "0212345678"\ntasks:\n  - callTo: "010-3456-789x"\n`,
    });
    const run = runCli(["validate", "campaigns"], { cwd: dir });
    assert.strictEqual(run.status, 1);
    const errors = run.stderr
      .trim()
      .split("\n")
      .filter((line) => !line.startsWith("warning: "));
    assert.deepStrictEqual(
      errors.map((line) => line.replace(/: .*/, "")),
      [
        "campaigns/bad-file.yaml:1",
        "campaigns/bad-file.yaml:4",
        "campaigns/lists/bad.csv:3 column phone",
        "campaigns/lists/bad.csv:5 column phone",
      ],
    );
    assert.match(errors[1], /tasks\[0\]\.callTo: 010\*+9x contains characters other than digits/);
    assert.match(errors[2], /\(tasksFile of campaigns\/bad-list\.json\)$/);
    assert.match(run.stderr, /^warning: campaigns\/lists\/good\.csv:3 column phone: 010\*{6}78 repeats line 2/m);
    assert.match(run.stdout, /^OK campaigns\/good\.yaml: good: 2 tasks from campaigns\/lists\/good\.csv \(CP949\), every day 08:00–20:00/m);
    assert.match(run.stdout, /3 campaign files: 1 OK, 2 with errors; 4 errors, 1 warning/);
    assertNoPhoneNumbers(run.stdout + run.stderr);
  });

  it("accepts single files, and exits 0 with a note for a folder without campaign files", () => {
    const dir = writeFiles(tempDir(), {
      "one.yaml": `agentId: ${AGENT}\ncallFrom: "0212345678"\ntasks: [{ callTo: "010-1234-5678" }]\n`,
      "empty/readme.txt": "",
    });
    const single = runCli(["validate", path.join(dir, "one.yaml")]);
    assert.strictEqual(single.status, 0, single.stderr);
    assert.match(single.stdout, /OK .*one\.yaml: one: 1 task, every day 08:00–20:00/);
    const empty = runCli(["validate", path.join(dir, "empty")]);
    assert.strictEqual(empty.status, 0);
    assert.match(empty.stdout, /no campaign files/);
  });

  it("exits 2 for usage errors: a missing path, an unknown command or option", () => {
    for (const args of [["validate", "no-such-dir"], ["frobnicate"], ["validate", "--strict"], []]) {
      const run = runCli(args);
      assert.strictEqual(run.status, 2, `${args.join(" ")}: ${run.stdout}${run.stderr}`);
      assert.match(run.stderr, /^pulumi-vox: .*\nRun `pulumi-vox --help` for the commands\.$/m);
    }
  });

  it("documents both commands in --help", () => {
    const run = runCli(["--help"]);
    assert.strictEqual(run.status, 0);
    assert.match(run.stdout, /pulumi-vox validate \[path \.\.\.\]/);
    assert.match(run.stdout, /pulumi-vox explain \[file\]/);
    assert.match(run.stdout, /2 {2}usage error/);
  });
});
