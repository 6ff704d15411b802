import * as assert from "assert";
import { assertNoPhoneNumbers, runCli, tempDir, writeFiles } from "./helpers";

import { AGENT_ID as AGENT } from "../support/inputs";

describe("pulumi-vox validate: mistyped keys, times and number hints", () => {
  it("names each unknown key at its own line, with the field it most likely meant", () => {
    const dir = writeFiles(tempDir(), {
      "campaigns/typos.yaml": [
        `agentId: ${AGENT}`,
        'call_from: "0212345678"',
        "callTimeWindow:",
        "  timeZone: Asia/Seoul",
        "  windows:",
        '    - { days: [Monday], strat: "09:00", end: "12:00" }',
        "tasks:",
        '  - callTo: "010-1234-5678"',
        '  - call_to: "010-2345-6789"',
      ].join("\n"),
    });
    const run = runCli(["validate", "campaigns"], { cwd: dir });
    assert.strictEqual(run.status, 1);
    const lines = run.stderr.trim().split("\n");
    for (const expected of [
      "campaigns/typos.yaml:2: call_from: unknown field; did you mean callFrom?",
      "campaigns/typos.yaml:4: callTimeWindow.timeZone: unknown field; did you mean timezone?",
      "campaigns/typos.yaml:6: callTimeWindow.windows[0].strat: unknown field; did you mean start?",
      "campaigns/typos.yaml:9: tasks[1].call_to: unknown field; did you mean callTo?",
    ]) {
      assert.ok(lines.includes(expected), `missing ${JSON.stringify(expected)} in\n${run.stderr}`);
    }
    assertNoPhoneNumbers(run.stderr + run.stdout);
  });

  it("refuses a start time on no calendar, or without a UTC offset, at its line", () => {
    const dir = writeFiles(tempDir(), {
      "campaigns/feb.yaml": `agentId: ${AGENT}\ncallFrom: "0212345678"\nscheduledAt: "2027-02-30T09:00:00+09:00"\ntasks:\n  - callTo: "010-1234-5678"\n`,
      "campaigns/local.yaml": `agentId: ${AGENT}\ncallFrom: "0212345678"\nscheduledAt: "2027-02-10T09:00:00"\ntasks:\n  - callTo: "010-1234-5678"\n`,
    });
    const run = runCli(["validate", "campaigns"], { cwd: dir });
    assert.strictEqual(run.status, 1);
    assert.match(run.stderr, /^campaigns\/feb\.yaml:3: scheduledAt: "2027-02-30T09:00:00\+09:00" is not a date: 2027-02 has 28 days$/m);
    assert.match(run.stderr, /^campaigns\/local\.yaml:3: scheduledAt: "2027-02-10T09:00:00" has no UTC offset/m);
  });

  it("refuses a __proto__ key in metadata, which JSON would otherwise lose", () => {
    const dir = writeFiles(tempDir(), {
      "campaigns/proto.json": JSON.stringify(
        { agentId: AGENT, callFrom: "0212345678", tasks: [{ callTo: "010-1234-5678", metadata: { ok: 1 } }] },
        null,
        2,
      ).replace('"ok": 1', '"__proto__": { "admin": true }'),
    });
    const run = runCli(["validate", "campaigns"], { cwd: dir });
    assert.strictEqual(run.status, 1);
    assert.match(run.stderr, /^campaigns\/proto\.json:8: tasks\[0\]\.metadata\.__proto__: "__proto__" cannot be used as a key/m);
  });

  it("masks the number the user wrote and shows the hint's number forms in full", () => {
    const dir = writeFiles(tempDir(), {
      "campaigns/bad.yaml": `agentId: ${AGENT}\ncallFrom: "010-9876-5431"\ntasks:\n  - callTo: "010-1234-56789"\n`,
    });
    const run = runCli(["validate", "campaigns"], { cwd: dir });
    assert.strictEqual(run.status, 1);
    assert.match(
      run.stderr,
      /tasks\[0\]\.callTo: 010\*+89 is not a valid Korean phone number; use a domestic number: mobile 010-XXXX-XXXX, Seoul 02-XXX\(X\)-XXXX/,
    );
    assert.ok(!run.stderr.includes("010-1234-56789"));
    assertNoPhoneNumbers(run.stderr + run.stdout);
  });
});
