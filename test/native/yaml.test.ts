/**
 * A Pulumi YAML program over the native provider, end to end: the real CLI, the YAML language host built
 * by scripts/ensure-yaml-host.sh, pulumi-resource-vox from dist/ (scripts/bootstrap.sh builds it) and
 * the emulator.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { check } from "../../provider/runtime";
import { UNTIL_WINDOW_OPENS, totalRequests } from "../support/emulator";
import { nativeCampaigns, nativePreviewOps, useNativeStackPerTest } from "./support";

describe("a Pulumi YAML program (examples/yaml) on the native provider", function () {
  this.timeout(5 * 60_000);
  const { stack, emulator } = useNativeStackPerTest("yaml");

  it("creates, updates a window in place, pauses, refreshes drift made in vox.ai and destroys", async () => {
    const created = await stack().up();
    assert.match(created.stdout, /\+ 2 created/);
    const { renewal } = await nativeCampaigns(stack());
    assert.strictEqual(renewal.status, "pending");
    assert.strictEqual(renewal.taskCount, 2);
    assert.strictEqual(renewal.tasks, undefined, "outputs never hold the task list");
    assert.strictEqual(
      renewal.inputs.tasks["4dabf18193072939515e22adb298388d"],
      "1b47061264138c4ac30d75fd1eb44270",
      "the list is a secret input",
    );
    assert.strictEqual((await stack().ok("stack", "output", "completedCalls")).stdout.trim(), "0", "getCampaign answered");
    assert.deepStrictEqual(await nativePreviewOps(stack()), {}, "a second preview changes nothing");

    await stack().ok("config", "set", "windowEnd", "13:00");
    const preview = await stack().run("preview", "--diff");
    assert.match(preview.stdout, /~ end\s*: "12:00" => "13:00"/, "the preview shows the field that changes");
    await emulator().resetRequests();
    await stack().up();
    assert.strictEqual((await emulator().campaign(renewal.id)).call_time_window.windows[0].end_min, 13 * 60);
    assert.strictEqual((await emulator().requests())["POST /v2/campaigns"], undefined, "in place: no new campaign");

    // Into the window: the campaign calls, and a pause or resume is a user's.
    await emulator().advance(UNTIL_WINDOW_OPENS);
    await stack().ok("config", "set", "paused", "true");
    await stack().up();
    assert.strictEqual((await emulator().campaign(renewal.id)).status, "paused");

    // Resumed in vox.ai behind the stack's back: refresh takes it in, the next up puts the pause back.
    await emulator().api("POST", `/v3/campaigns/${renewal.id}/resume`);
    await stack().ok("refresh", "--yes");
    assert.strictEqual((await nativeCampaigns(stack())).renewal.paused, false);
    assert.deepStrictEqual(await nativePreviewOps(stack()), { renewal: "update" });
    await stack().up();
    assert.strictEqual((await emulator().campaign(renewal.id)).status, "paused");

    await stack().ok("destroy", "--yes");
    assert.strictEqual((await emulator().campaign(renewal.id)).status, "canceled");
    assert.strictEqual(await emulator().campaignCount(), 1, "one campaign in all");
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
