/** `pulumi import` of a campaign made outside Pulumi, on the native provider (real CLI, YAML host, emulator). */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { totalRequests } from "../support/emulator";
import { nativeCampaigns, nativePreviewOps, useNativeStackPerTest } from "./support";
import { AGENT_ID } from "../support/inputs";

/** examples/yaml's project header without its resources: the program the imported code is added to. */
function emptyProgram(example: string): string {
  return example.slice(0, example.indexOf("config:"));
}

describe("pulumi import vox:index:Campaign", function () {
  this.timeout(5 * 60_000);
  const { stack, emulator } = useNativeStackPerTest("yaml");

  it("writes a declaration that previews with 0 changes, claiming the campaign with adoptId and no task list", async () => {
    const made = await emulator().api("POST", "/v2/campaigns", {
      name: "made in vox.ai",
      agent_id: AGENT_ID,
      call_from: "0212345678",
      concurrency: 3,
      tasks: [{ call_to: "01012345678" }, { call_to: "01023456789" }],
      call_time_window: { windows: [{ days: ["Monday"], start_min: 540, end_min: 720 }], timezone: "Asia/Seoul", auto_resume: true },
    });
    const id = made.body.id as string;
    const program = path.join(stack().dir, "Pulumi.yaml");
    fs.writeFileSync(program, emptyProgram(fs.readFileSync(program, "utf8")));
    await emulator().resetRequests();
    await stack().ok("import", "vox:index:Campaign", "outside", id, "--yes", "--out", "imported.yaml");
    // The read, and check's look at a newly declared adoptId: nothing created or changed.
    assert.deepStrictEqual(await emulator().requests(), { "GET /v3/campaigns/{id}": 2 });

    const generated = fs.readFileSync(path.join(stack().dir, "imported.yaml"), "utf8");
    assert.match(generated, new RegExp(`adoptId: ${id}`));
    assert.match(generated, /concurrency: 3/);
    assert.doesNotMatch(generated, /tasks/, "the API does not return the list");
    fs.appendFileSync(program, generated);
    await emulator().resetRequests();
    assert.deepStrictEqual(await nativePreviewOps(stack()), {}, "0 changes right after the import");
    await stack().up();
    assert.strictEqual((await nativeCampaigns(stack())).outside.id, id);
    const counts = await emulator().requests();
    assert.strictEqual(counts["POST /v2/campaigns"], undefined, "no campaign created");
    assert.ok(totalRequests(counts) <= 2, JSON.stringify(counts));
  });
});
