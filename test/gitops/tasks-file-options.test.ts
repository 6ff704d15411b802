import * as assert from "assert";
import * as iconv from "iconv-lite";
import * as path from "path";
import { loadCampaignFiles } from "../../provider/campaign-files";
import { loadTasksFile } from "../../provider/contact-lists/tasks-file";
import { taskKeys } from "../../provider/campaign/packed-tasks";
import { TEST_API_KEY } from "../support/emulator";
import { useTestApiKey } from "../support/hooks";
import { check } from "../../provider/runtime";
import { campaignFileProblems, runCli, tempDir, writeFiles } from "./helpers";

import { AGENT_ID as AGENT } from "../support/inputs";
const CAMPAIGN = `agentId: ${AGENT}\ncallFrom: "02-1234-5678"\n`;
/** Korean Excel's plain CSV: CP949, with the phone column named 휴대폰. */
const EXCEL_CSV = iconv.encode("휴대폰,var.name\n010-1234-5678,김민수\n010-2345-6789,이서연\n", "cp949");
const EXPECTED_TASKS = [
  { callTo: "01012345678", dynamicVariables: { name: "김민수" } },
  { callTo: "01023456789", dynamicVariables: { name: "이서연" } },
];

describe("tasksFile with how to read it: { path, phoneColumn, encoding, … }", () => {
  useTestApiKey();
  const project = writeFiles(tempDir(), {
    "Pulumi.yaml": "name: p\n",
    "campaigns/excel.yaml": `${CAMPAIGN}tasksFile:\n  path: contacts/excel.csv\n  phoneColumn: 휴대폰\n  encoding: cp949\n`,
    "campaigns/contacts/excel.csv": EXCEL_CSV,
    "typo/excel.yaml": `${CAMPAIGN}tasksFile: { path: excel.csv, phoneColum: 휴대폰 }\n`,
    "json/list.yaml": `${CAMPAIGN}tasksFile: { path: lists/list.json, phoneColumn: mobile }\n`,
    "json/lists/list.json": '[{"callTo": "010-1234-5678"}]',
  });

  it("in a campaign file: the path made absolute, the options kept, and validate reads the list with them", () => {
    const [campaign] = loadCampaignFiles(path.join(project, "campaigns"));
    assert.deepStrictEqual(campaign.args.tasksFile, {
      path: path.join(project, "campaigns", "contacts", "excel.csv"),
      phoneColumn: "휴대폰",
      encoding: "cp949",
    });
    const run = runCli(["validate", path.join(project, "campaigns")]);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^OK .*excel\.yaml: excel: 2 tasks from .*excel\.csv \(CP949\), /m);
  });

  it("in check and create: read with the options, counted and digested like the same inline tasks", async () => {
    const startedIn = process.cwd();
    process.chdir(project);
    try {
      const base = { name: "Excel", agentId: AGENT, callFrom: "0212345678" };
      const tasksFile = {
        path: path.join(project, "campaigns", "contacts", "excel.csv"),
        phoneColumn: "휴대폰",
        encoding: "cp949" as const,
      };
      const fromFile = await check({}, { ...base, tasksFile });
      assert.deepStrictEqual(fromFile.failures, []);
      const inline = await check({}, { ...base, tasks: EXPECTED_TASKS });
      assert.strictEqual(fromFile.inputs.taskCount, 2);
      assert.strictEqual(fromFile.inputs.tasksDigest, inline.inputs.tasksDigest);
      assert.deepStrictEqual(loadTasksFile(tasksFile, fromFile.inputs.tasksDigest, taskKeys({ apiKey: TEST_API_KEY })), EXPECTED_TASKS);
      // Without the options the same file has no phone column.
      const plain = await check({}, { ...base, tasksFile: tasksFile.path });
      assert.match(plain.failures[0].reason, /^tasksFile: .*excel\.csv:1: the header has no "phone" column/);
    } finally {
      process.chdir(startedIn);
    }
  });

  it("names a misspelled option with the one it meant, and refuses CSV options for a JSON list", () => {
    assert.match(
      campaignFileProblems(path.join(project, "typo"))[0],
      /excel\.yaml:3: tasksFile\.phoneColum: unknown field; did you mean phoneColumn\?/,
    );
    const run = runCli(["validate", path.join(project, "json")]);
    assert.strictEqual(run.status, 1);
    assert.match(run.stderr, /list\.json: phoneColumn applies to CSV contact lists only; a JSON list names its own fields/);
  });
});
