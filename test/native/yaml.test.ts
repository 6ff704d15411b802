/**
 * A Pulumi YAML program over the native provider, end to end: the real CLI, the YAML language host built
 * by scripts/ensure-yaml-host.sh, pulumi-resource-vox from dist/ (scripts/bootstrap.sh builds it) and
 * the emulator.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { check } from "../../provider/runtime";
import { totalRequests } from "../support/emulator";
import { useTestApiKey } from "../support/hooks";
import { nativeCampaigns, useNativeStackPerTest } from "./support";

describe("a Pulumi YAML program (examples/yaml) on the native provider", function () {
  this.timeout(5 * 60_000);
  const { stack, emulator } = useNativeStackPerTest("yaml");
  useTestApiKey();

  // The lifecycle itself (updates, pause, drift, replace, faults, destroy) is the matrix's: lifecycle-native-yaml.test.ts.
  it("creates with the list a secret in state, answers getCampaign, previews a change per field and warns of a night window", async () => {
    const created = await stack().up();
    assert.match(created.stdout, /\+ 2 created/);
    const { renewal } = await nativeCampaigns(stack());
    assert.strictEqual(renewal.taskCount, 2);
    assert.strictEqual(renewal.tasks, undefined, "outputs never hold the task list");
    // The schema does not mark it (see scripts/generate-provider-schema.ts): the provider's check does.
    assert.strictEqual(
      renewal.inputs.tasks["4dabf18193072939515e22adb298388d"],
      "1b47061264138c4ac30d75fd1eb44270",
      "the list is a secret input",
    );
    assert.ok(!(await stack().exportState()).includes("010-1234-5678"));
    assert.strictEqual((await stack().ok("stack", "output", "completedCalls")).stdout.trim(), "0", "getCampaign answered");

    await stack().ok("config", "set", "windowEnd", "21:30");
    const preview = await stack().ok("preview", "--diff");
    assert.match(preview.stdout, /~ end\s*: "12:00" => "21:30"/, "the preview shows the field that changes");
    // Through the engine's log, as a warning of the resource (a `--diff` preview prints it on stderr), not as a
    // plugin's stray stderr line (`warning: pulumi-vox: …`, the fallback without the engine).
    const said = preview.stdout + preview.stderr;
    assert.match(said, /warning: Mon, Tue 09:00–21:30 reaches into 21:00–08:00 Korean time: advertising calls at night need/);
    assert.doesNotMatch(said, /pulumi-vox: Mon, Tue/);
  });

  it("fails bad inputs at preview with the field paths and messages of the TypeScript door, before any API call", async () => {
    const program = path.join(stack().dir, "Pulumi.yaml");
    const bad = {
      agentId: "not-a-uuid",
      callFrom: "02-1234-5678",
      concurrency: 500,
      tasks: [{ callTo: "010-1234-5678" }, { callTo: "12" }],
    };
    fs.writeFileSync(
      program,
      fs
        .readFileSync(program, "utf8")
        .replace("agentId: 3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f", `agentId: ${bad.agentId}\n      concurrency: ${bad.concurrency}`)
        .replace("callTo: 010-2345-6789", `callTo: "${bad.tasks[1].callTo}"`),
    );
    await emulator().resetRequests();
    const preview = await stack().run("preview");
    assert.notStrictEqual(preview.code, 0);
    // What the dynamic door's check (the same runtime the TypeScript door calls) says of the same inputs.
    const { failures } = await check({}, { name: "renewal", ...bad });
    assert.ok(failures.length >= 3, JSON.stringify(failures));
    for (const { reason } of failures) assert.ok(preview.stdout.includes(reason), `the preview says "${reason}"\n${preview.stdout}`);
    assert.strictEqual(totalRequests(await emulator().requests()), 0);
  });
});
