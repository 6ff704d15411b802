import * as assert from "assert";
import { validateCampaignInputs } from "../../provider/campaign/validate";
import { taskSchema } from "../../provider/campaign/schema";
import { canonicalTaskList, taskKeys } from "../../provider/campaign/packed-tasks";
import { TEST_API_KEY } from "../support/emulator";
import { rawInputs } from "../support/inputs";

const KEYS = taskKeys({ apiKey: TEST_API_KEY });
const NOW = { now: 0, keys: KEYS };

/** The keyed digest check records for `tasks`. */
function tasksDigest(tasks: unknown[]): string {
  return KEYS.current!.digest(canonicalTaskList(tasks));
}

/** The tasks validation makes of `tasks`, and its failures' reasons. */
function validated(tasks: unknown[], options: Parameters<typeof validateCampaignInputs>[1] = NOW) {
  const { inputs, failures } = validateCampaignInputs(rawInputs({ tasks }), options);
  return { tasks: inputs.tasks, reasons: failures.map((failure) => failure.reason) };
}

/** Issue 23: the usual task shape skips zod, and create takes the list check validated by its digest. */
describe("task validation's fast paths (issue 23)", () => {
  it("normalizes usual tasks exactly as the task schema does, whatever their spelling", () => {
    const tasks = [
      { callTo: "010-1234-5678" },
      { callTo: "+82 10 2345 6789", dynamicVariables: { customerName: "김민수", plan: "" } },
      { callTo: "(02) 123-4567", dynamicVariables: {} },
      { callTo: "01034567890", metadata: { crmId: "C-1042", tags: ["a"] } },
      { callTo: "010.4567.8901", presentationNumber: "02-1234-5678" },
    ];
    const result = validated(tasks);
    assert.deepStrictEqual(result.reasons, []);
    assert.deepStrictEqual(
      result.tasks,
      tasks.map((task) => taskSchema.parse(task)),
    );
  });

  it("leaves every other shape to the schema, which names what is wrong", () => {
    const result = validated([
      { callTo: "010-1234-567" },
      { callTo: "010-1234-5678", dynamicVariables: { count: 3 } },
      { callTo: "010-1234-5678", dynamicVariables: undefined, callto: "x" },
      { callTo: 1012345678 },
      [],
    ]);
    assert.deepStrictEqual(
      result.reasons.map((reason) => reason.split(":")[0]),
      ["tasks[0].callTo", "tasks[1].dynamicVariables.count", "tasks[2].callto", "tasks[3].callTo", "tasks[4]"],
    );
  });

  it("the list's own limits are still checked: an empty list", () => {
    assert.deepStrictEqual(validated([]).reasons, ["tasks: must hold at least one task"]);
  });

  it("takes a list whose digest is the one check recorded as it is, without validating each task again", () => {
    const checked = validated([{ callTo: "010-1234-5678" }]).tasks as unknown[];
    // A list that is not what check makes (hyphens kept), given with its own digest: taken as it is, proving no task was parsed.
    const unusual = [{ callTo: "010-9999-8888" }];
    assert.deepStrictEqual(validated(unusual, { ...NOW, checkedTasksDigest: tasksDigest(unusual) }).tasks, unusual);
    // With another digest (a list changed since check), every task is validated again.
    const again = validated(unusual, { ...NOW, checkedTasksDigest: tasksDigest(checked) });
    assert.deepStrictEqual(again.tasks, [{ callTo: "01099998888" }]);
    const invalid = validated([{ callTo: "010-9999-888" }], { ...NOW, checkedTasksDigest: tasksDigest(checked) });
    assert.match(invalid.reasons.join("\n"), /^tasks\[0\]\.callTo: /);
  });
});
