/**
 * What a 100-task campaign costs in state on the native door, against a trivial resource plus the packed
 * task list (the floor: the list has to be stored once, encrypted). The goal is at most 1.5×. The trivial
 * resource is the same state entry with empty inputs and outputs: its URN, provider, and the stack trace
 * the YAML host records (1.5 KB), which any resource of a YAML program carries.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { useNativeStackPerTest } from "./support";

const TASKS = 100;

function programWithTasks(example: string): string {
  const tasks = Array.from({ length: TASKS }, (_, i) => {
    const number = `010-${2000 + ((i * 7919) % 8000)}-${1000 + ((i * 104729) % 9000)}`;
    return `        - callTo: ${number}\n          dynamicVariables:\n            customerName: customer-${i}`;
  });
  return example.replace(/ {6}tasks:\n[\s\S]*?(\n {2}\S|\nvariables:)/, `      tasks:\n${tasks.join("\n")}$1`);
}

/** JSON of the state entry as `pulumi stack export` holds it (keys sorted, so equal entries measure equal). */
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value, null, 4));

describe("state of a 100-task campaign on the native door", function () {
  this.timeout(5 * 60_000);
  const { stack } = useNativeStackPerTest("yaml");

  it("is at most 1.5× a trivial resource plus the packed task list", async () => {
    const program = path.join(stack().dir, "Pulumi.yaml");
    fs.writeFileSync(program, programWithTasks(fs.readFileSync(program, "utf8")));
    await stack().up();
    const plain = JSON.parse((await stack().ok("stack", "export", "--show-secrets")).stdout);
    const stored = JSON.parse(await stack().exportState());
    const entry = stored.deployment.resources.find((r: { type: string }) => r.type === "vox:index:Campaign");
    // A secret's plaintext is the JSON of its value.
    const packed: string = JSON.parse(
      plain.deployment.resources.find((r: { type: string }) => r.type === "vox:index:Campaign").inputs.tasks.plaintext,
    );
    assert.ok(packed.startsWith("vox-tasks:2:"), "the list is sealed");
    // A trivial resource: the same entry with nothing in its inputs and outputs.
    const trivial = bytes({ ...entry, inputs: {}, outputs: {} });
    // The list is stored as any secret is, encrypted: that is its floor in state (its plain text is printed too).
    const secretList = bytes(entry.inputs.tasks);
    const ratio = bytes(entry) / (trivial + secretList);
    const plainRatio = bytes(entry) / (trivial + packed.length);
    console.log(
      `      campaign ${bytes(entry)} B; trivial ${trivial} B + packed list ${secretList} B encrypted (${packed.length} B plain): ` +
        `${ratio.toFixed(2)}× (${plainRatio.toFixed(2)}× against the plain list)`,
    );
    assert.ok(ratio <= 1.5, `ratio ${ratio.toFixed(2)}`);
  });
});
