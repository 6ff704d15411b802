import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { totalRequests } from "../support/emulator";
import { useStackPerTest } from "./support/pulumi-stack";

const repo = path.resolve(__dirname, "../..");

/** `pulumi-vox explain` over the JSON of a real preview. */
function explain(previewJson: string): string {
  const result = spawnSync(process.execPath, ["-r", "ts-node/register", path.join(repo, "cli/index.ts"), "explain"], {
    cwd: repo,
    input: previewJson,
    encoding: "utf8",
  });
  assert.strictEqual(result.status, 0, result.stderr);
  return result.stdout;
}

/** The GitOps example (campaign files, a CSV contact list) previewed, explained and deployed for real. */
describe("end to end: the GitOps example with the Pulumi CLI", function () {
  this.timeout(10 * 60_000);
  const current = useStackPerTest("gitops");

  it("explains a live preview, deploys the files, and explains a window change", async () => {
    const [stack, emulator] = [current.stack(), current.emulator()];
    const created = await stack.run("preview", "--json", "--show-sames");
    assert.strictEqual(created.code, 0, created.stderr);
    const summary = explain(created.stdout);
    assert.match(summary, /renewal-reminder/);
    assert.match(summary, /vip-followup/);
    assert.match(summary, /create/i);
    assert.doesNotMatch(summary, /010\d{8}|010-\d{4}-\d{4}/, "no phone number in the summary");
    assert.strictEqual(totalRequests(await emulator.requests()), 0);

    await stack.up();
    // One list of the agent's campaigns per provider process (the lookup for an earlier, interrupted create), and one POST per campaign.
    assert.deepStrictEqual(await emulator.requests(), { "POST /v2/campaigns/list": 1, "POST /v2/campaigns": 2 });
    const state = await stack.exportState();
    for (const line of fs.readFileSync(path.join(stack.dir, "campaigns/contacts/vip-followup.csv"), "utf8").split("\n").slice(1)) {
      const digits = line.split(",")[0]?.replace(/\D/g, "");
      if (digits) assert.ok(!state.includes(digits), "a number of the contact list is in the state");
    }

    const file = path.join(stack.dir, "campaigns/renewal-reminder.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/end: "12:00"/, 'end: "22:00"'));
    const updated = await stack.run("preview", "--json", "--show-sames");
    assert.strictEqual(updated.code, 0, updated.stderr);
    const changeSummary = explain(updated.stdout);
    assert.match(changeSummary, /renewal-reminder/);
    assert.match(changeSummary, /update/i);
    assert.match(changeSummary, /22:00/);
    assert.match(changeSummary, /21:00/, "a window reaching into the night is flagged");
  });
});
