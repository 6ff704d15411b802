import * as assert from "assert";
import { TEST_API_KEY, TestEmulator, UNTIL_WINDOW_OPENS, totalRequests } from "../support/emulator";
import { AGENT_ID } from "../support/inputs";
import { CampaignSpec, PulumiStack, campaignSpec, useStackPerTest } from "./support/pulumi-stack";

const window = (start: string, end: string) => ({
  windows: [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], start, end }],
});

/** The shared campaign spec on weekdays, with two lines and two tasks (one with a variable). */
function campaign(name: string, overrides: Record<string, unknown> = {}, opts?: CampaignSpec["opts"]): CampaignSpec {
  const tasks = [{ callTo: "010-1234-5678", dynamicVariables: { customerName: "김민수" } }, { callTo: "010-2345-6789" }];
  return campaignSpec(name, { concurrency: 2, callTimeWindow: window("09:00", "12:00"), tasks, ...overrides }, opts);
}

/** The real Pulumi CLI, the real engine and our language host, against a fresh emulator. */
describe("end to end with the Pulumi CLI", function () {
  this.timeout(10 * 60_000);
  // A new emulator, project, stack and file backend per test.
  const current = useStackPerTest();
  let emulator: TestEmulator;
  let stack: PulumiStack;
  beforeEach(() => {
    [stack, emulator] = [current.stack(), current.emulator()];
  });

  describe("one stack through its life", () => {
    it("previews, creates, stays unchanged, updates in place, guards redials, refreshes, destroys", async () => {
      stack.setCampaigns([campaign("alpha"), campaign("beta")]);

      // 1. preview: two creates, no request.
      const preview = await stack.preview();
      assert.strictEqual(preview.result.code, 0, preview.result.stderr);
      assert.deepStrictEqual(preview.ops, { alpha: "create", beta: "create" });
      assert.strictEqual(totalRequests(await emulator.requests()), 0);

      // 2. up: one list of the agent's campaigns (the lookup for an earlier, interrupted create, read once
      // per provider process) and exactly one POST per campaign; outputs carry id and status.
      await stack.up();
      assert.deepStrictEqual(await emulator.requests(), { "POST /v2/campaigns/list": 1, "POST /v2/campaigns": 2 });
      let outputs = await stack.outputs();
      for (const name of ["alpha", "beta"]) {
        assert.match(outputs[name].id, /\S/);
        assert.strictEqual(outputs[name].status, "pending");
        assert.strictEqual(outputs[name].taskCount, 2);
      }
      // A declared name carries the stack's marker (README "Exactly once"), so another stack's "Campaign alpha" is another campaign.
      assert.match((await emulator.campaign(outputs.alpha.id)).name, /^Campaign alpha \[[0-9a-f]{6}\]$/);

      // 3. up again without edits: no changes, no request.
      await emulator.resetRequests();
      const unchanged = await stack.up();
      assert.match(unchanged.stdout, /2 unchanged|unchanged/);
      assert.doesNotMatch(unchanged.stdout, /updated|created|replaced/);
      assert.strictEqual(totalRequests(await emulator.requests()), 0);

      // 4. rename and change the window: an in-place update with one PATCH.
      stack.setCampaigns([campaign("alpha", { name: "Alpha, renamed", callTimeWindow: window("10:00", "11:30") }), campaign("beta")]);
      assert.deepStrictEqual((await stack.preview()).ops, { alpha: "update" });
      await emulator.resetRequests();
      await stack.up();
      assert.deepStrictEqual(await emulator.requests(), { "PATCH /v3/campaigns/{id}": 1 });
      const patched = await emulator.campaign(outputs.alpha.id);
      assert.match(patched.name, /^Alpha, renamed \[[0-9a-f]{6}\]$/);
      assert.deepStrictEqual(patched.call_time_window.windows[0], {
        days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        start_min: 600,
        end_min: 690,
      });

      // 5. new tasks after calls were placed: the preview fails with the redial guard ...
      await emulator.advance(UNTIL_WINDOW_OPENS + 3_600_000);
      const oneTask = { tasks: [{ callTo: "010-3456-7890" }] };
      stack.setCampaigns([
        campaign("alpha", { name: "Alpha, renamed", callTimeWindow: window("10:00", "11:30"), ...oneTask }),
        campaign("beta"),
      ]);
      const guarded = await stack.run("preview");
      assert.notStrictEqual(guarded.code, 0);
      assert.match(guarded.stdout + guarded.stderr, /\[vox:REDIAL_GUARD\] changing tasks replaces campaign .* would call all 1 people/);
      assert.match(guarded.stdout + guarded.stderr, /allowRedial: true/);

      // ... and with allowRedial the old campaign is canceled before the new one is created.
      stack.setCampaigns([
        campaign("alpha", { name: "Alpha, renamed", callTimeWindow: window("10:00", "11:30"), ...oneTask, allowRedial: true }),
        campaign("beta"),
      ]);
      await emulator.resetRequests();
      const { events } = await stack.upWithEvents();
      const steps = events
        .filter((e) => e.resOutputsEvent && String(e.resOutputsEvent.metadata.urn).endsWith("::alpha"))
        .map((e) => e.resOutputsEvent.metadata.op);
      assert.deepStrictEqual(
        steps.filter((op: string) => op !== "replace"),
        ["delete-replaced", "create-replacement"],
      );
      const counts = await emulator.requests();
      assert.strictEqual(counts["POST /v3/campaigns/{id}/cancel"], 1);
      assert.strictEqual(counts["POST /v2/campaigns"], 1);
      assert.strictEqual((await emulator.campaign(outputs.alpha.id)).status, "canceled");
      outputs = await stack.outputs();
      assert.strictEqual(outputs.alpha.taskCount, 1);

      // 6. the clock moves: refresh shows status and counters; a cancel behind the stack's back is drift.
      await emulator.advance(3_600_000);
      const moved = await stack.ok("refresh", "--yes");
      assert.match(moved.stdout, /2 updated/, "status and counters moving show in the refresh");
      outputs = await stack.campaignState();
      assert.strictEqual(outputs.beta.status, "success");
      assert.strictEqual(outputs.beta.completedCalls + outputs.beta.failedCalls, 2);
      assert.strictEqual(outputs.alpha.status, "success");

      stack.setCampaigns([
        campaign("alpha", { name: "Alpha, renamed", callTimeWindow: window("10:00", "11:30"), ...oneTask, allowRedial: true }),
        campaign("beta"),
        campaign("gamma", { callTimeWindow: window("14:00", "15:00") }),
      ]);
      await stack.up();
      const gamma = (await stack.outputs()).gamma.id;
      await emulator.api("POST", `/v3/campaigns/${gamma}/cancel`);
      const refresh = await stack.ok("refresh", "--yes");
      assert.match(refresh.stdout, /~ +pulumi-nodejs:dynamic\/vox:Campaign gamma/);
      assert.match(refresh.stdout, /1 updated/);
      assert.strictEqual((await stack.campaignState()).gamma.status, "canceled");
      const afterRefresh = await stack.preview();
      assert.deepStrictEqual(afterRefresh.ops, {}, "no perpetual diff");
      assert.match((await stack.ok("refresh", "--yes")).stdout, /unchanged/);

      // 8. state holds neither the API key nor a callee number in plain text.
      const state = await stack.exportState();
      assert.ok(!state.includes(TEST_API_KEY), "the API key is in the state");
      for (const number of ["01012345678", "010-1234-5678", "01023456789", "01034567890"]) {
        assert.ok(!state.includes(number), `callee ${number.slice(0, 3)}… is in the state in plain text`);
      }
      assert.match(state, /"tasksDigest": "hmac-sha256:[0-9a-f]{8}:/);

      // 10. destroy: the running campaign is canceled, the finished ones are left alone, state is empty.
      stack.setCampaigns([
        campaign("alpha", { name: "Alpha, renamed", callTimeWindow: window("10:00", "11:30"), ...oneTask, allowRedial: true }),
        campaign("beta"),
        campaign("delta", { callTimeWindow: window("14:00", "15:00") }),
      ]);
      await stack.up();
      const delta = (await stack.outputs()).delta.id;
      await emulator.resetRequests();
      await stack.ok("destroy", "--yes");
      assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/cancel": 1 });
      assert.strictEqual((await emulator.campaign(delta)).status, "canceled");
      const empty = JSON.parse(await stack.exportState());
      assert.deepStrictEqual(empty.deployment.resources ?? [], []);
    });
  });

  describe("single behaviours", () => {
    it("7. fails the preview on bad input, naming the field paths, with no request", async () => {
      stack.setCampaigns([campaign("bad", { concurrency: 0, tasks: [{ callTo: "010-4321-8765" }, { callTo: "010-9999-12345" }] })]);
      const result = await stack.run("preview");
      assert.notStrictEqual(result.code, 0);
      const output = result.stdout + result.stderr;
      assert.match(output, /concurrency: must be between 1 and 100/);
      assert.match(output, /tasks\[1\]\.callTo: .*not a valid Korean phone number/);
      assert.ok(!/0109999|9999-12345|4321-?8765/.test(output), "a callee number is in the CLI's output");
      assert.strictEqual(totalRequests(await emulator.requests()), 0);
    });

    it("9. protect blocks destroy, retainOnDelete skips the cancel, ignoreChanges keeps the tasks", async () => {
      stack.setCampaigns([
        campaign("kept", {}, { protect: true }),
        campaign("retained", {}, { retainOnDelete: true, ignoreChanges: ["tasks"] }),
      ]);
      await stack.up();
      const ids = await stack.outputs();

      stack.setCampaigns([
        campaign("kept", {}, { protect: true }),
        campaign("retained", { tasks: [{ callTo: "010-9999-8888" }] }, { retainOnDelete: true, ignoreChanges: ["tasks"] }),
      ]);
      assert.deepStrictEqual((await stack.preview()).ops, {}, "ignoreChanges suppresses the replace");

      const blocked = await stack.run("destroy", "--yes");
      assert.notStrictEqual(blocked.code, 0);
      assert.match(blocked.stdout + blocked.stderr, /protected/);

      await stack.ok("state", "unprotect", "--all", "--yes");
      await emulator.resetRequests();
      await stack.ok("destroy", "--yes");
      const counts = await emulator.requests();
      assert.strictEqual(counts["POST /v3/campaigns/{id}/cancel"], 1, "only the unprotected, non-retained campaign is canceled");
      assert.strictEqual((await emulator.campaign(ids.kept.id)).status, "canceled");
      assert.strictEqual((await emulator.campaign(ids.retained.id)).status, "pending", "retainOnDelete leaves it running");
    });

    it("11. adopts a campaign created through the API, with no create request", async () => {
      const created = await emulator.api("POST", "/v2/campaigns", {
        name: "Made in the console",
        agent_id: AGENT_ID,
        call_from: "0212345678",
        concurrency: 2,
        tasks: [{ call_to: "01012345678" }, { call_to: "01023456789" }],
      });
      assert.strictEqual(created.status, 200);
      stack.setCampaigns([campaign("adopted", { name: "Made in the console", callTimeWindow: undefined, adoptId: created.body.id })]);
      await emulator.resetRequests();
      await stack.up();
      // One GET at check (so a preview already says whether it matches) and one at create; no POST.
      assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 2 });
      const outputs = await stack.outputs();
      assert.strictEqual(outputs.adopted.id, created.body.id);
      assert.ok(!(await emulator.requests())["POST /v2/campaigns"]);
    });
  });
});
