import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { check } from "../../provider/runtime";
import { loadTasksFile } from "../../provider/contact-lists/tasks-file";
import { taskKeys } from "../../provider/campaign/packed-tasks";
import { TEST_API_KEY } from "../support/emulator";
import { useTestApiKey } from "../support/hooks";
import { UNKNOWN } from "../../provider/values/unknown";
import { assertNoPhoneNumbers, tempDir, writeFiles } from "./helpers";

const BASE = { name: "Renewal", agentId: "3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f", callFrom: "02-1234-5678" };
const INLINE_TASKS = [
  { callTo: "010-1234-5678", dynamicVariables: { customerName: "김민수" } },
  { callTo: "010-2345-6789", metadata: { crmId: "C-1042" } },
];
const SAME_TASKS_CSV = "phone,var.customerName,meta.crmId\n010-1234-5678,김민수,\n010-2345-6789,,C-1042\n";

describe("tasksFile in the provider runtime", () => {
  useTestApiKey();
  const keys = taskKeys({ apiKey: TEST_API_KEY });
  const dir = tempDir();
  writeFiles(dir, {
    "contacts.csv": SAME_TASKS_CSV,
    "broken.csv": "phone\n010-1234-5678\n010-2345-678x\n",
  });
  const file = (name: string) => path.join(dir, name);
  // The provider reads contact lists only inside its working directory's project, which Pulumi makes the program's folder.
  const startedIn = process.cwd();
  before(() => process.chdir(dir));
  after(() => process.chdir(startedIn));

  describe("check", () => {
    it("reads the file and keeps only its path, taskCount and tasksDigest, the digest equal to the same inline tasks", async () => {
      const fromFile = await check({}, { ...BASE, tasksFile: file("contacts.csv") });
      const inline = await check({}, { ...BASE, tasks: INLINE_TASKS });
      assert.deepStrictEqual(fromFile.failures, []);
      assert.strictEqual(fromFile.inputs.taskCount, 2);
      assert.match(String(fromFile.inputs.tasksDigest), /^hmac-sha256:[0-9a-f]{8}:[0-9a-f]{64}$/);
      assert.strictEqual(fromFile.inputs.tasksDigest, inline.inputs.tasksDigest);
      assert.strictEqual(fromFile.inputs.tasks, undefined);
      assert.strictEqual(fromFile.inputs.tasksFile, file("contacts.csv"));
      assertNoPhoneNumbers(JSON.stringify(fromFile.inputs));
    });

    it("shows a changed file as a changed digest", async () => {
      const before = await check({}, { ...BASE, tasksFile: file("contacts.csv") });
      writeFiles(dir, { "changing.csv": SAME_TASKS_CSV + "010-3456-7890,,\n" });
      const after = await check({}, { ...BASE, tasksFile: file("changing.csv") });
      assert.strictEqual(after.inputs.taskCount, 3);
      assert.notStrictEqual(after.inputs.tasksDigest, before.inputs.tasksDigest);
    });

    it("reports the file's problems as failures of tasksFile, naming file, line and column", async () => {
      const { failures, inputs } = await check({}, { ...BASE, tasksFile: file("broken.csv") });
      assert.strictEqual(failures.length, 1);
      assert.match(failures[0].reason, /^tasksFile: .*broken\.csv:3 column phone: 010\*+8x contains characters other than digits/);
      assertNoPhoneNumbers(failures[0].reason);
      assert.strictEqual(inputs.taskCount, undefined);
    });

    it("reports a missing file", async () => {
      const { failures } = await check({}, { ...BASE, tasksFile: file("nowhere.csv") });
      assert.match(failures[0].reason, /^tasksFile: .*nowhere\.csv: no such file$/);
    });

    it("caps the failures at 20 and counts the rest", async () => {
      writeFiles(dir, { "many.csv": "phone\n" + "x\n".repeat(30) });
      const { failures } = await check({}, { ...BASE, tasksFile: file("many.csv") });
      assert.strictEqual(failures.length, 21);
      assert.match(failures[20].reason, /^tasksFile: … and 10 more/);
    });

    it("leaves a path not known yet (preview) for later", async () => {
      const { failures, inputs } = await check({}, { ...BASE, tasksFile: UNKNOWN });
      assert.deepStrictEqual(failures, []);
      assert.strictEqual(inputs.tasksFile, UNKNOWN);
      assert.strictEqual(inputs.taskCount, undefined);
    });

    it("does not read the file when inline tasks are given too, and says to give one", async () => {
      const { failures } = await check({}, { ...BASE, tasks: INLINE_TASKS, tasksFile: file("broken.csv") });
      assert.deepStrictEqual(failures, [{ property: "", reason: "tasksFile: give either tasks or tasksFile, not both" }]);
    });
  });

  describe("loadTasksFile (what create sends)", () => {
    it("reads the file's normalized tasks", async () => {
      const { inputs } = await check({}, { ...BASE, tasksFile: file("contacts.csv") });
      assert.deepStrictEqual(loadTasksFile(String(inputs.tasksFile), inputs.tasksDigest, keys), [
        { callTo: "01012345678", dynamicVariables: { customerName: "김민수" } },
        { callTo: "01023456789", metadata: { crmId: "C-1042" } },
      ]);
    });

    it("refuses a file that changed after check, instead of calling a list nobody previewed", async () => {
      writeFiles(dir, { "edited.csv": SAME_TASKS_CSV });
      const { inputs } = await check({}, { ...BASE, tasksFile: file("edited.csv") });
      fs.appendFileSync(file("edited.csv"), "010-3456-7890,,\n");
      assert.throws(
        () => loadTasksFile(String(inputs.tasksFile), inputs.tasksDigest, keys),
        /\[vox:TASKS_FILE_CHANGED\] tasksFile: .*edited\.csv changed after it was checked/,
      );
    });

    it("fails with the file's problems when it broke after check", async () => {
      writeFiles(dir, { "breaks.csv": SAME_TASKS_CSV });
      const { inputs } = await check({}, { ...BASE, tasksFile: file("breaks.csv") });
      fs.writeFileSync(file("breaks.csv"), "phone\nnot-a-number\n");
      assert.throws(
        () => loadTasksFile(String(inputs.tasksFile), inputs.tasksDigest, keys),
        (error: Error) => {
          assert.match(error.message, /^tasksFile: .*breaks\.csv: 1 problem in the contact list:\n {2}.*breaks\.csv:2 column phone:/);
          return true;
        },
      );
    });
  });
});
