import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { loadCampaignFiles, tasksFromCsv, tasksFromJson } from "../../provider";
import { check } from "../../provider/runtime";
import { assertNoPhoneNumbers, campaignFileProblems, contactListProblems, runCli, tempDir, writeFiles } from "./helpers";
import { useTestApiKey } from "../support/hooks";

import { AGENT_ID as AGENT } from "../support/inputs";
const CAMPAIGN = `agentId: ${AGENT}\ncallFrom: "02-1234-5678"\n`;
const MIB = 1024 * 1024;

/** A named pipe at `file`; nothing ever writes to it, so a reader that opens it plainly waits forever. */
function makeFifo(file: string): void {
  const made = spawnSync("mkfifo", [file]);
  assert.strictEqual(made.status, 0, `mkfifo: ${made.stderr}`);
}

/** A file of `bytes` that takes no disk space (a hole): its size is what a reader must refuse by. */
function sparseFile(file: string, bytes: number): string {
  fs.writeFileSync(file, "phone\n");
  fs.truncateSync(file, bytes);
  return file;
}

/** Bytes held outside the JavaScript heap (Buffers): what reading a file whole would grow. */
const bufferBytes = () => process.memoryUsage().arrayBuffers;

describe("hostile and broken contact lists and campaign files", () => {
  useTestApiKey();
  const dir = tempDir();

  describe("special files and sizes: refused before a byte is read", () => {
    const unixOnly = process.platform === "win32" ? it.skip : it;

    unixOnly("a FIFO named contacts.csv is refused at once by tasksFromCsv, check and validate, never waited on", async () => {
      const project = writeFiles(path.join(dir, "fifo"), {
        "Pulumi.yaml": "name: p\n",
        "campaigns/x.yaml": `${CAMPAIGN}tasksFile: contacts.csv\n`,
      });
      makeFifo(path.join(project, "campaigns", "contacts.csv"));
      assert.match(
        contactListProblems(() => tasksFromCsv(path.join(project, "campaigns", "contacts.csv")))[0],
        /contacts\.csv: is a named pipe \(FIFO\), not a regular file/,
      );

      const startedIn = process.cwd();
      process.chdir(project);
      try {
        const { failures } = await check(
          {},
          { name: "x", agentId: AGENT, callFrom: "0212345678", tasksFile: path.join(project, "campaigns", "contacts.csv") },
        );
        assert.match(failures[0].reason, /^tasksFile: .*contacts\.csv: is a named pipe/);
      } finally {
        process.chdir(startedIn);
      }

      const run = runCli(["validate", path.join(project, "campaigns")]);
      assert.strictEqual(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stderr, /contacts\.csv: is a named pipe \(FIFO\), not a regular file.*\(tasksFile of .*x\.yaml\)/);
    });

    unixOnly("a FIFO named like a campaign file is an error of the load, not a campaign left out", () => {
      const campaigns = writeFiles(path.join(dir, "fifo-campaign"), { "a.yaml": `${CAMPAIGN}tasks: [{ callTo: "010-1234-5678" }]\n` });
      makeFifo(path.join(campaigns, "b.yaml"));
      assert.deepStrictEqual(campaignFileProblems(campaigns).length, 1);
      assert.match(campaignFileProblems(campaigns)[0], /b\.yaml: is a named pipe \(FIFO\), not a regular file/);
    });

    unixOnly("/dev/zero is refused as a device, without reading from it", () => {
      const before = bufferBytes();
      assert.match(
        contactListProblems(() => tasksFromCsv("/dev/zero"))[0],
        /zero: is a character device \(such as \/dev\/zero\), not a regular file/,
      );
      assert.ok(bufferBytes() - before < 4 * MIB, "nothing was read into memory");
    });

    it("a 200 MB CSV and a 50 MB campaign file are refused by their size, without being read", () => {
      const before = bufferBytes();
      const csv = sparseFile(path.join(dir, "huge.csv"), 200 * MIB);
      const [problem] = contactListProblems(() => tasksFromCsv(csv));
      assert.match(
        problem,
        /huge\.csv: is 200\.0 MiB, more than the 16\.0 MiB a contact list may be; one campaign takes at most 10,000 tasks/,
      );
      assert.match(
        contactListProblems(() => tasksFromJson(sparseFile(path.join(dir, "huge.json"), 200 * MIB)))[0],
        /huge\.json: is 200\.0 MiB/,
      );
      assert.ok(bufferBytes() - before < 4 * MIB, "nothing was read into memory");

      const campaigns = path.join(dir, "huge-campaign");
      fs.mkdirSync(campaigns);
      sparseFile(path.join(campaigns, "big.yaml"), 50 * MIB);
      assert.match(
        campaignFileProblems(campaigns)[0],
        /big\.yaml: is 50\.0 MiB, more than the 2\.0 MiB a campaign file may be; put a long list of tasks in a contact list/,
      );
    });

    it("a CSV of a million rows under the size limit says it holds more than 10,000 tasks, reading no further", () => {
      const file = path.join(dir, "million.csv");
      fs.writeFileSync(file, `phone\n${"010-1234-5678\n".repeat(1_000_000)}`);
      const problems = contactListProblems(() => tasksFromCsv(file));
      assert.strictEqual(problems.length, 1);
      assert.match(problems[0], /million\.csv: holds more than 10000 tasks, the most one campaign accepts$/);
    });
  });

  describe("links and paths outside the project", () => {
    it("reads a campaign file that is a link inside the project, like any other", () => {
      const project = writeFiles(path.join(dir, "linked"), {
        "Pulumi.yaml": "name: p\n",
        "shared/promo.yaml": `${CAMPAIGN}tasks: [{ callTo: "010-1234-5678" }]\n`,
      });
      fs.mkdirSync(path.join(project, "campaigns"));
      fs.symlinkSync(path.join(project, "shared", "promo.yaml"), path.join(project, "campaigns", "promo.yaml"));
      assert.deepStrictEqual(
        loadCampaignFiles(path.join(project, "campaigns")).map((file) => file.resourceName),
        ["promo"],
      );
    });

    it("refuses, loudly, a campaign file that links out of the project, and a tasksFile outside it", () => {
      const outside = writeFiles(path.join(dir, "elsewhere"), { "promo.yaml": `${CAMPAIGN}tasks: [{ callTo: "010-1234-5678" }]\n` });
      const project = writeFiles(path.join(dir, "project"), {
        "Pulumi.yaml": "name: p\n",
        "campaigns/passwd.yaml": `${CAMPAIGN}tasksFile: /etc/passwd\n`,
        "campaigns/climb.yaml": `${CAMPAIGN}tasksFile: ../../elsewhere/list.csv\n`,
      });
      fs.symlinkSync(path.join(outside, "promo.yaml"), path.join(project, "campaigns", "promo.yaml"));
      const problems = campaignFileProblems(path.join(project, "campaigns"));
      assert.strictEqual(problems.length, 3);
      assert.match(problems[0], /climb\.yaml:3: tasksFile: \.\.\/\.\.\/elsewhere\/list\.csv is outside the project folder/);
      assert.match(problems[1], /passwd\.yaml:3: tasksFile: \/etc\/passwd is outside the project folder .*move or copy the file into it/);
      assert.match(problems[2], /promo\.yaml: is outside the project folder .* \(it links to .*elsewhere\/promo\.yaml\)/);
    });

    it("check refuses a tasksFile outside the provider's project without opening it", async () => {
      const { failures } = await check({}, { name: "x", agentId: AGENT, callFrom: "0212345678", tasksFile: "/etc/passwd" });
      assert.strictEqual(failures.length, 1);
      assert.match(failures[0].reason, /^tasksFile: \/etc\/passwd: is outside the project folder/);
      assert.doesNotMatch(failures[0].reason, /root:/);
    });
  });

  describe("CSV", () => {
    it("a CSV without a header row is refused without quoting its first row (a number and a name)", () => {
      const file = path.join(writeFiles(dir, { "no-header.csv": "01012345678,김민수\n01023456789,이서연\n" }), "no-header.csv");
      const problems = contactListProblems(() => tasksFromCsv(file));
      assert.deepStrictEqual(problems.length, 1);
      assert.match(
        problems[0],
        /no-header\.csv:1: the first row looks like data, not column names .*add a header row naming the columns \(phone, /,
      );
      assert.doesNotMatch(problems[0], /김민수|5678/);
    });

    it("a 010 number one digit short is refused, naming the row; an en dash is named", () => {
      const file = path.join(writeFiles(dir, { "short.csv": "phone\n010-1234-5678\n010-1234-567\n010–2345–6789\n" }), "short.csv");
      const problems = contactListProblems(() => tasksFromCsv(file));
      assert.match(
        problems[0],
        /short\.csv:3 column phone: 010\*+67 has 10 digits, but every 010 number has 11 \(010-XXXX-XXXX\); a digit is missing/,
      );
      assert.match(
        problems[1],
        /short\.csv:4 column phone: 010\*+89 contains characters other than digits, \+, spaces and hyphens: "–" \(an en dash, U\+2013, which looks like a hyphen; type "-" instead\)/,
      );
    });
  });

  describe("JSON lists get the checks inline tasks get", () => {
    const jsonList = (name: string, text: string) => path.join(writeFiles(dir, { [name]: text }), name);

    it("a key given twice is refused at its line, not resolved to the last", () => {
      const file = jsonList(
        "twice.json",
        '[\n  {"callTo": "010-1234-5678"},\n  {"callTo": "010-1234-5678",\n   "callTo": "010-2345-6789"}\n]',
      );
      assert.deepStrictEqual(contactListProblems(() => tasksFromJson(file)).length, 1);
      assert.match(
        contactListProblems(() => tasksFromJson(file))[0],
        /twice\.json:4: \[1\]\.callTo: appears twice in one object, and JSON keeps only the last/,
      );
    });

    it("__proto__ is refused, not dropped", () => {
      const file = jsonList("proto.json", '[{"callTo": "010-1234-5678", "metadata": {"__proto__": {"admin": true}}}]');
      assert.match(
        contactListProblems(() => tasksFromJson(file))[0],
        /proto\.json:1: \[0\]\.metadata\.__proto__: "__proto__" cannot be used as a key/,
      );
    });

    it("metadata 65 levels deep is refused like inline metadata; 200,000 levels are refused without a stack overflow", () => {
      const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}{}${"}".repeat(levels - 1)}`;
      const deep = jsonList("deep.json", `[{"callTo": "010-1234-5678"},\n {"callTo": "010-2345-6789", "metadata": ${nested(65)}}]`);
      assert.match(
        contactListProblems(() => tasksFromJson(deep))[0],
        /deep\.json:2: \[1\]\.metadata: nests more than 64 levels of objects and arrays/,
      );
      assert.strictEqual(
        tasksFromJson(jsonList("ok-depth.json", `[{"callTo": "010-1234-5678", "metadata": ${nested(64)}}]`)).tasks.length,
        1,
      );
      const abyss = jsonList("abyss.json", `[{"callTo": "010-1234-5678", "metadata": ${nested(200_000)}}]`);
      assert.match(contactListProblems(() => tasksFromJson(abyss))[0], /abyss\.json:1: \[0\]\.metadata: nests more than 64 levels/);
    });

    it("a syntax error names its line and never quotes the text", () => {
      const file = jsonList("comma.json", '[\n  {"callTo": "010-1234-5678"},\n]');
      const problems = contactListProblems(() => tasksFromJson(file));
      assert.strictEqual(problems.length, 1);
      assert.match(problems[0], /comma\.json:2: a comma before "\]" \(a trailing comma\), which JSON does not allow; remove it$/);
    });
  });

  describe("YAML aliases", () => {
    it("a billion-laughs file and one anchor used 150 times fail with the file and line, in the program and in validate", () => {
      const campaigns = writeFiles(path.join(dir, "aliases"), {
        "laughs.yaml": [
          CAMPAIGN.trim(),
          'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
          "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
          "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
          "tasks: [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
        ].join("\n"),
        "many.yaml": `${CAMPAIGN}tasks:\n  - &t { callTo: "010-1234-5678" }\n${"  - *t\n".repeat(150)}`,
      });
      const problems = campaignFileProblems(campaigns);
      assert.match(problems[0], /laughs\.yaml:4: its aliases \(\*name\) expand to more than 100 values/);
      assert.match(problems[1], /many\.yaml:5: its aliases \(\*name\) expand to more than 100 values/);
      const run = runCli(["validate", campaigns]);
      assert.strictEqual(run.status, 1);
      assert.match(run.stderr, /laughs\.yaml:4: its aliases/);
      assert.match(run.stderr, /many\.yaml:5: its aliases/);
    });
  });

  describe("pulumi-vox validate on a contact list itself", () => {
    it("checks a CSV or JSON list named on its own, with an OK line or every error", () => {
      writeFiles(dir, {
        "lists/good.csv": "phone,var.name\n010-1234-5678,김민수\n010-2345-6789,이서연\n",
        "lists/good.json": '[{"callTo": "010-1234-5678"}]',
        "lists/bad.csv": "phone\n010-1234-567\n",
      });
      const good = runCli(["validate", path.join(dir, "lists", "good.csv"), path.join(dir, "lists", "good.json")]);
      assert.strictEqual(good.status, 0, good.stderr);
      assert.match(good.stdout, /^OK .*good\.csv: 2 tasks \(UTF-8\)$/m);
      assert.match(good.stdout, /^OK .*good\.json: 1 task \(UTF-8\)$/m);
      assert.match(good.stdout, /^2 contact lists: 2 OK, 0 with errors; 0 errors, 0 warnings$/m);
      const bad = runCli(["validate", path.join(dir, "lists", "bad.csv")]);
      assert.strictEqual(bad.status, 1);
      assert.match(bad.stderr, /bad\.csv:2 column phone: 010\*+67 has 10 digits/);
      assertNoPhoneNumbers(bad.stdout + bad.stderr);
    });
  });
});
