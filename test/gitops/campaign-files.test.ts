import * as assert from "assert";
import * as path from "path";
import { loadCampaignFiles, readCampaignFiles } from "../../provider/campaign-files";
import { ManualClock } from "../support/clock";
import { EXAMPLE_CAMPAIGNS, campaignFileProblems, tempDir, writeFiles } from "./helpers";

import { AGENT_ID as AGENT } from "../support/inputs";

describe("campaign files", () => {
  it("declares one campaign per example file, named after the file, with tasksFile made absolute", () => {
    const campaigns = loadCampaignFiles(EXAMPLE_CAMPAIGNS);
    assert.deepStrictEqual(
      campaigns.map((c) => c.resourceName),
      ["renewal-reminder", "vip-followup"],
    );
    const [renewal, vip] = campaigns;
    assert.strictEqual(renewal.args.name, "Renewal reminder");
    assert.strictEqual((renewal.args.tasks as unknown[]).length, 2);
    assert.strictEqual(vip.args.tasksFile, path.join(EXAMPLE_CAMPAIGNS, "contacts", "vip-followup.csv"));
    assert.ok(!("$schema" in vip.args), "the editor's $schema key is not an input");
  });

  it("reads .yaml, .yml and .json, ignores other files and subfolders, and defaults the name to the file name", () => {
    const dir = writeFiles(tempDir(), {
      "a.yml": `agentId: ${AGENT}\ncallFrom: "02-1234-5678"\ntasks: [{ callTo: "010-1234-5678" }]\n`,
      "b.json": JSON.stringify({ $schema: "x", agentId: AGENT, callFrom: "0212345678", tasksFile: "lists/b.csv" }),
      "notes.md": "not a campaign",
      "lists/c.yaml": "not read: subfolders hold contact lists",
    });
    const campaigns = loadCampaignFiles(dir);
    assert.deepStrictEqual(
      campaigns.map((c) => c.resourceName),
      ["a", "b"],
    );
    assert.strictEqual(campaigns[0].args.name, undefined, "the resource fills in its own name");
    assert.strictEqual(campaigns[1].args.tasksFile, path.join(dir, "lists", "b.csv"));
  });

  it("names file, line and field path for every error in every file", () => {
    const dir = writeFiles(tempDir(), {
      "renewal.yaml": [
        `agentId: ${AGENT}`,
        'callFrom: "02-1234-5678"',
        "callTimeWindow:",
        "  windows:",
        "    - days: [Mon, Funday]",
        '      start: "09:00"',
        '      end: "08:00"',
        "tasks:",
        '  - callTo: "010-1234-5678"',
        '  - callTo: "010-2345-678x"',
        "  - callTo: 01012345678",
        "concurency: 5",
      ].join("\n"),
      "vip.json": JSON.stringify(
        { agentId: "not-a-uuid", callFrom: "0212345678", tasks: [{ callTo: "010-1234-5678" }], tasksFile: "x.csv" },
        null,
        2,
      ),
    });
    const problems = campaignFileProblems(dir);
    const expected = [
      /^.*renewal\.yaml:12: concurency: unknown field; did you mean concurrency\?/,
      /^.*renewal\.yaml:5: callTimeWindow\.windows\[0\]\.days\[1\]: "Funday" is not a day/,
      /^.*renewal\.yaml:10: tasks\[1\]\.callTo: 010\*+8x contains characters other than digits/,
      /^.*renewal\.yaml:11: tasks\[2\]\.callTo: must be a phone number written as a string/,
      /^.*vip\.json:2: agentId: must be the agent's UUID/,
      /^.*vip\.json:\d+: tasksFile: give either tasks or tasksFile, not both/,
    ];
    for (const pattern of expected)
      assert.ok(
        problems.some((p) => pattern.test(p)),
        `no problem matches ${pattern}:\n${problems.join("\n")}`,
      );
  });

  it("reports a YAML syntax error with its line", () => {
    const dir = writeFiles(tempDir(), { "bad.yaml": `agentId: ${AGENT}\ntasks: [\n  { callTo: "010-1234-5678" \n` });
    assert.match(campaignFileProblems(dir)[0], /bad\.yaml:\d+: /);
  });

  it("refuses taskCount and tasksDigest, which the provider works out", () => {
    const dir = writeFiles(tempDir(), {
      "x.yaml": `agentId: ${AGENT}\ncallFrom: "0212345678"\ntasks: [{ callTo: "010-1234-5678" }]\ntaskCount: 1\n`,
    });
    assert.match(campaignFileProblems(dir)[0], /x\.yaml:4: taskCount: is worked out by the provider/);
  });

  it("refuses two files that would declare the same resource", () => {
    const body = `agentId: ${AGENT}\ncallFrom: "0212345678"\ntasks: [{ callTo: "010-1234-5678" }]\n`;
    const dir = writeFiles(tempDir(), { "same.yaml": body, "same.yml": body });
    const problems = campaignFileProblems(dir);
    assert.strictEqual(problems.length, 2);
    assert.match(problems[0], /same\.yaml: the resource name "same" is also taken by .*same\.yml/);
  });

  it("warns, without failing, about a passed start time, night windows and repeated numbers", () => {
    const dir = writeFiles(tempDir(), {
      "late.yaml": [
        `agentId: ${AGENT}`,
        'callFrom: "0212345678"',
        "scheduledAt: 2033-05-02T09:00:00+09:00",
        "callTimeWindow:",
        "  windows:",
        '    - { days: [Mon], start: "09:00", end: "12:00" }',
        '    - { days: [Fri], start: "20:00", end: "22:00" }',
        'tasks: [{ callTo: "010-1234-5678" }, { callTo: "+82 10 1234 5678" }]',
      ].join("\n"),
    });
    // A minute after the start time, in the file's own time zone.
    const [report] = readCampaignFiles([path.join(dir, "late.yaml")], new ManualClock(Date.parse("2033-05-02T00:01:00Z")));
    assert.deepStrictEqual(report.errors, []);
    assert.ok(report.campaign);
    assert.strictEqual(report.warnings.length, 3, report.warnings.join("\n"));
    assert.match(report.warnings[0], /late\.yaml:3: scheduledAt: 2033-05-02T00:00:00\.000Z has passed/);
    assert.match(report.warnings[1], /late\.yaml:7: callTimeWindow\.windows\[1\]: Fri 20:00–22:00 reaches into 21:00–08:00 Korean time/);
    assert.match(report.warnings[2], /late\.yaml:8: tasks\[1\]\.callTo: 010\*{6}78 repeats tasks\[0\]/);
  });

  it("judges a start time by the clock it is given: ahead of it, no warning", () => {
    const dir = writeFiles(tempDir(), {
      "soon.yaml": [
        `agentId: ${AGENT}`,
        'callFrom: "0212345678"',
        "scheduledAt: 2033-05-02T09:00:00+09:00",
        'tasks: [{ callTo: "010-1234-5678" }]',
      ].join("\n"),
    });
    const [report] = readCampaignFiles([path.join(dir, "soon.yaml")], new ManualClock(Date.parse("2033-05-01T23:59:00Z")));
    assert.deepStrictEqual([report.errors, report.warnings], [[], []]);
  });

  it("moves a window of a zone with daylight saving time to Korean time with that zone's offset on the clock's date", () => {
    // 07:00–08:00 in New York is 20:00–21:00 in Seoul under daylight saving time (UTC-4), 21:00–22:00 without (UTC-5).
    const dir = writeFiles(tempDir(), {
      "ny.yaml": [
        `agentId: ${AGENT}`,
        'callFrom: "0212345678"',
        "callTimeWindow:",
        "  timezone: America/New_York",
        '  windows: [{ days: [Tue], start: "07:00", end: "08:00" }]',
        'tasks: [{ callTo: "010-1234-5678" }]',
      ].join("\n"),
    });
    const warningsOn = (iso: string) => readCampaignFiles([path.join(dir, "ny.yaml")], new ManualClock(Date.parse(iso)))[0].warnings;
    assert.deepStrictEqual(warningsOn("2034-07-04T12:00:00Z"), []);
    const winter = warningsOn("2034-01-10T12:00:00Z");
    assert.strictEqual(winter.length, 1, winter.join("\n"));
    assert.match(
      winter[0],
      /ny\.yaml:5: callTimeWindow\.windows\[0\]: Tue 07:00–08:00 America\/New_York reaches into 21:00–08:00 Korean time/,
    );
  });

  it("fails loudly on a directory that cannot be read, rather than declaring no campaigns", () => {
    assert.throws(() => loadCampaignFiles(path.join(tempDir(), "missing")), /campaign directory .*missing cannot be read/);
  });

  it("declares nothing for an empty directory: removing every file cancels every campaign", () => {
    assert.deepStrictEqual(loadCampaignFiles(tempDir()), []);
  });
});
