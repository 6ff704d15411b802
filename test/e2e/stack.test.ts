import * as assert from "assert";
import { totalRequests } from "../support/emulator";
import { CampaignSpec, campaignSpec, useStackPerTest } from "./support/pulumi-stack";

const window = (start: string, end: string) => ({
  windows: [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], start, end }],
});

/** The shared campaign spec on weekdays, with two lines and two tasks (one with a variable). */
function campaign(name: string, overrides: Record<string, unknown> = {}, opts?: CampaignSpec["opts"]): CampaignSpec {
  const tasks = [{ callTo: "010-1234-5678", dynamicVariables: { customerName: "김민수" } }, { callTo: "010-2345-6789" }];
  return campaignSpec(name, { concurrency: 2, callTimeWindow: window("09:00", "12:00"), tasks, ...overrides }, opts);
}

/**
 * The real Pulumi CLI, the real engine and our language host, against a fresh emulator: what the lifecycle
 * matrix (test/native/lifecycle.ts, which runs this program on the dynamic door too) does not cover.
 */
describe("end to end with the Pulumi CLI: bad input and resource options", function () {
  this.timeout(10 * 60_000);
  // A new emulator, project, stack and file backend per test.
  const { stack, emulator } = useStackPerTest();

  it("fails the preview on bad input, naming the field paths, with no request", async () => {
    stack().setCampaigns([campaign("bad", { concurrency: 0, tasks: [{ callTo: "010-4321-8765" }, { callTo: "010-9999-12345" }] })]);
    const result = await stack().run("preview");
    assert.notStrictEqual(result.code, 0);
    const output = result.stdout + result.stderr;
    assert.match(output, /concurrency: must be between 1 and 100/);
    assert.match(output, /tasks\[1\]\.callTo: .*not a valid Korean phone number/);
    assert.ok(!/0109999|9999-12345|4321-?8765/.test(output), "a callee number is in the CLI's output");
    assert.strictEqual(totalRequests(await emulator().requests()), 0);
  });

  it("protect blocks destroy, retainOnDelete skips the cancel, ignoreChanges keeps the tasks", async () => {
    stack().setCampaigns([
      campaign("kept", {}, { protect: true }),
      campaign("retained", {}, { retainOnDelete: true, ignoreChanges: ["tasks"] }),
    ]);
    await stack().up();
    const ids = await stack().outputs();

    stack().setCampaigns([
      campaign("kept", {}, { protect: true }),
      campaign("retained", { tasks: [{ callTo: "010-9999-8888" }] }, { retainOnDelete: true, ignoreChanges: ["tasks"] }),
    ]);
    assert.deepStrictEqual((await stack().preview()).ops, {}, "ignoreChanges suppresses the replace");

    const blocked = await stack().run("destroy", "--yes");
    assert.notStrictEqual(blocked.code, 0);
    assert.match(blocked.stdout + blocked.stderr, /protected/);

    await stack().ok("state", "unprotect", "--all", "--yes");
    await emulator().resetRequests();
    await stack().ok("destroy", "--yes");
    const counts = await emulator().requests();
    assert.strictEqual(counts["POST /v3/campaigns/{id}/cancel"], 1, "only the unprotected, non-retained campaign is canceled");
    assert.strictEqual((await emulator().campaign(ids.kept.id)).status, "canceled");
    assert.strictEqual((await emulator().campaign(ids.retained.id)).status, "pending", "retainOnDelete leaves it running");
  });
});
