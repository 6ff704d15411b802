import * as assert from "assert";
import { API_DEFAULT_CALL_TIME_WINDOW } from "../../provider/values/window";
import { DAY, MONDAY_07_KST, UNTIL_WINDOW_OPENS, totalRequests } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Every value plain JSON: no undefined at any depth (JSON.stringify would drop it silently). */
function assertPlainJson(value: unknown, path = "outs"): void {
  assert.notStrictEqual(value, undefined, `${path} is undefined`);
  if (Array.isArray(value)) value.forEach((v, i) => assertPlainJson(v, `${path}[${i}]`));
  else if (value !== null && typeof value === "object") {
    assert.strictEqual(Object.getPrototypeOf(value), Object.prototype, `${path} is not a plain object`);
    for (const [k, v] of Object.entries(value)) assertPlainJson(v, `${path}.${k}`);
  }
}

describe("create, read, update, delete", () => {
  // A fresh emulator per test: tests move its clock, and a campaign created later would start at once.
  const emulator = useProviderEmulator();

  async function created(overrides: Record<string, unknown> = {}) {
    const inputs = await checked(rawInputs(overrides));
    const result = await provider.create(inputs);
    return { inputs, id: result.id, outs: result.outs as Record<string, unknown> };
  }

  describe("create", () => {
    it("makes two requests (the lookup for an earlier run's campaign, the POST) and returns plain-JSON outputs with a string id", async () => {
      const { id, outs, inputs } = await created();
      assert.deepStrictEqual(await emulator.requests(), { "POST /v2/campaigns/list": 1, "POST /v2/campaigns": 1 });
      assert.strictEqual(typeof id, "string");
      assert.ok(id.length > 0);
      assertPlainJson(outs);
      assert.strictEqual(outs.status, "pending");
      assert.strictEqual(outs.totalCalls, 2);
      assert.strictEqual(outs.completedCalls, 0);
      assert.match(String(outs.createdAt), ISO);
      assert.strictEqual(outs.tasksDigest, inputs.tasksDigest);
      assert.strictEqual(outs.presentationNumber, null);
      const campaign = await emulator.campaign(id);
      assert.strictEqual(campaign.from_number, "0212345678");
      assert.deepStrictEqual(campaign.call_time_window.windows[0].days, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]);
    });

    it("creates a draft for a future start", async () => {
      // A week after the test calendar's Monday: future for the emulator and for the provider's clock alike.
      const start = new Date(MONDAY_07_KST + 7 * DAY).toISOString();
      const { outs } = await created({ scheduledAt: start });
      assert.strictEqual(outs.status, "draft");
      assert.strictEqual(outs.scheduledAt, start);
    });

    it("surfaces API errors with status, code and the field as the program spells it", async () => {
      await emulator.restart({ approvedPresentationNumbers: ["0212345678"] });
      const inputs = await checked(rawInputs({ presentationNumber: "031-123-4567" }));
      await assert.rejects(provider.create(inputs), /^VoxApiError: vox API 400 [A-Z_]+: .*\(field: presentationNumber\)$/);
      assert.strictEqual(await emulator.campaignCount(), 0);
    });

    it("adopts an existing campaign with one GET and no POST", async () => {
      const existing = await created();
      await emulator.resetRequests();
      const inputs = await checked(rawInputs({ adoptId: existing.id }));
      const { id, outs } = await provider.create(inputs);
      assert.strictEqual(id, existing.id);
      // One GET at check (the preview's look) and one at create.
      assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 2 });
      assert.strictEqual(outs.status, "pending");
    });

    it("refuses to adopt a campaign that does not match the declaration, already at preview, numbers masked", async () => {
      const existing = await created();
      const { inputs, failures } = await provider.check({}, rawInputs({ adoptId: existing.id, concurrency: 9, callFrom: "02-1234-5679" }));
      assert.deepStrictEqual(
        failures?.map((f) => f.reason.replace(/campaign \S+ /, "campaign ID ")),
        [
          "adoptId: campaign ID differs from this declaration: callFrom is 021*****78 in vox.ai, declared 021*****79; make the declaration match the campaign",
          "adoptId: campaign ID differs from this declaration: concurrency is 2 in vox.ai, declared 9; make the declaration match the campaign",
        ],
      );
      // Should the campaign change between preview and up, create checks again.
      await assert.rejects(
        provider.create(inputs),
        /\[vox:ADOPT_MISMATCH\] adoptId: campaign .* does not match .*concurrency is 2 in vox.ai, declared 9/,
      );
    });

    it("says clearly when the campaign to adopt does not exist, already at preview", async () => {
      const { inputs, failures } = await provider.check({}, rawInputs({ adoptId: "no-such-campaign" }));
      assert.match(failures?.[0]?.reason ?? "", /adoptId: no campaign no-such-campaign exists/);
      await assert.rejects(provider.create(inputs), /\[vox:ADOPT_NOT_FOUND\] adoptId: no campaign no-such-campaign exists/);
    });
  });

  describe("read", () => {
    it("makes one GET and leaves no perpetual diff", async () => {
      const { id, outs, inputs } = await created();
      await emulator.resetRequests();
      const read = await provider.read(id, outs);
      assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 1 });
      assert.strictEqual(read.id, id);
      assertPlainJson(read.props);
      // Only the inputs hold the (packed) list: read returns none, and the engine keeps the inputs it has.
      assert.strictEqual(read.inputs, undefined);
      assert.ok(!("tasks" in read.props!), "the outputs hold no task list");
      const diff = await provider.diff(id, read.props!, inputs);
      assert.strictEqual(diff.changes, false);
    });

    it("shows a status that moved as drift in the refresh's diff, and only there", async () => {
      const { id, outs, inputs } = await created();
      await emulator.advance(UNTIL_WINDOW_OPENS + 10 * 60_000);
      const read = await provider.read(id, outs);
      // The engine's refresh diff: refreshed outputs against the inputs in state.
      const refreshDiff = await provider.diff(id, read.props!, inputs);
      assert.deepStrictEqual(refreshDiff, { changes: true, replaces: [], deleteBeforeReplace: false });
      const upDiff = await provider.diff(id, read.props!, inputs);
      assert.strictEqual(upDiff.changes, false, "the next up sees no change");
    });

    it("returns no id for a campaign the API no longer knows, when the key still sees its organization", async () => {
      const { outs } = await created();
      assert.match(String(outs.organizationId), /\S/, "the create records the organization");
      await emulator.resetRequests();
      const read = await provider.read("no-such-campaign", { ...outs, status: "pending" });
      assert.strictEqual(read.id, undefined);
      assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 1, "POST /v2/campaigns/list": 1 });
    });

    it("refuses to drop campaigns when the API key belongs to another organization", async () => {
      await emulator.restart({ otherApiKeys: ["staging-key"] });
      const { id, outs } = await provider.create(await checked(rawInputs()));
      await emulator.configure({ "vox:apiKey": "staging-key" });
      await assert.rejects(provider.read(id, outs), /sees no campaign at all: it is probably another organization's key/);
      await emulator.configure({ "vox:apiKey": "staging-key" });
      await provider.create(await checked(rawInputs({ name: "staging campaign" })));
      await assert.rejects(
        provider.read(id, outs),
        /belongs to organization .*, but this API key is for organization .*pulumi state delete/s,
      );
    });

    it("shows a rename made outside Pulumi as drift that the program's name undoes", async () => {
      const { id, outs, inputs } = await created();
      await emulator.api("PATCH", `/v3/campaigns/${id}`, { name: "Renamed in the console" });
      const read = await provider.read(id, outs);
      assert.strictEqual(read.props!.name, "Renamed in the console");
      const diff = await provider.diff(id, read.props!, inputs);
      assert.strictEqual(diff.changes, true);
      assert.deepStrictEqual(diff.replaces, []);
    });

    it("shows counters moving as the clock runs", async () => {
      const { id, outs } = await created();
      await emulator.advance(UNTIL_WINDOW_OPENS + 10 * 60_000);
      const read = await provider.read(id, outs);
      assert.strictEqual(read.props!.status, "success");
      assert.strictEqual(read.props!.completedCalls, 2);
      assert.match(String(read.props!.finishedAt), ISO);
    });
  });

  describe("update", () => {
    it("renames a pending campaign with one PATCH", async () => {
      const { id, outs, inputs } = await created();
      await emulator.resetRequests();
      const { outs: updated } = await provider.update(id, outs, { ...inputs, name: "Renewal reminder (December)" });
      assert.deepStrictEqual(await emulator.requests(), { "PATCH /v3/campaigns/{id}": 1 });
      assert.strictEqual(updated!.name, "Renewal reminder (December)");
      assertPlainJson(updated);
      assert.strictEqual(updated!.tasksDigest, inputs.tasksDigest, "update returns full outputs");
      assert.strictEqual((await emulator.campaign(id)).name, "Renewal reminder (December)");
    });

    it("pauses, patches and resumes an ongoing campaign: three requests", async () => {
      const { id, outs, inputs } = await created({
        tasks: Array.from({ length: 20 }, (_, i) => ({ callTo: `0101234${String(i).padStart(4, "0")}` })),
      });
      await emulator.advance(UNTIL_WINDOW_OPENS);
      const ongoing = (await provider.read(id, outs)).props!;
      assert.strictEqual(ongoing.status, "ongoing");
      await emulator.resetRequests();
      const window = { windows: [{ days: ["Monday"], startMin: 540, endMin: 1080 }], timezone: "Asia/Seoul", autoResume: true };
      const { outs: updated } = await provider.update(id, ongoing, { ...inputs, callTimeWindow: window });
      assert.deepStrictEqual(await emulator.requests(), {
        "POST /v3/campaigns/{id}/pause": 1,
        "PATCH /v3/campaigns/{id}": 1,
        "POST /v3/campaigns/{id}/resume": 1,
      });
      assert.strictEqual(updated!.status, "ongoing");
      assert.deepStrictEqual((await emulator.campaign(id)).call_time_window.windows, [{ days: ["Monday"], start_min: 540, end_min: 1080 }]);
    });

    it("resumes the campaign even when the patch fails", async () => {
      const { id, outs, inputs } = await created({
        tasks: Array.from({ length: 20 }, (_, i) => ({ callTo: `0101234${String(i).padStart(4, "0")}` })),
      });
      await emulator.advance(UNTIL_WINDOW_OPENS);
      const ongoing = (await provider.read(id, outs)).props!;
      await emulator.fault({ type: "500", method: "PATCH", path: "/v3/campaigns/*", count: 20 });
      await emulator.configure({ "vox:maxRetries": "1" });
      await assert.rejects(
        provider.update(id, ongoing, { ...inputs, name: "x" }),
        /\[vox:UPDATE_FAILED\] the change to campaign .* failed: PATCH .* failed: vox API 500.*resumed \(status ongoing\)/,
      );
      await emulator.api("DELETE", "/_emulator/faults");
      assert.strictEqual((await emulator.campaign(id)).status, "ongoing");
    });

    it("sends the API's default window when the program drops its window, and leaves no diff", async () => {
      const { id, outs, inputs } = await created();
      const withoutWindow = { ...inputs };
      delete withoutWindow.callTimeWindow;
      assert.strictEqual((await provider.diff(id, outs, withoutWindow)).changes, true);
      const { outs: updated } = await provider.update(id, outs, withoutWindow);
      // Outputs hold the window the campaign now has: the default, never null.
      assert.deepStrictEqual(updated!.callTimeWindow, API_DEFAULT_CALL_TIME_WINDOW);
      const window = (await emulator.campaign(id)).call_time_window;
      assert.deepStrictEqual(window.windows, [
        { days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], start_min: 480, end_min: 1200 },
      ]);
      assert.strictEqual((await provider.diff(id, updated!, withoutWindow)).changes, false);
    });

    it("refuses to change a finished campaign, without calling the API", async () => {
      const { id, outs, inputs } = await created();
      await emulator.resetRequests();
      await assert.rejects(
        provider.update(id, { ...outs, status: "success" }, { ...inputs, name: "late" }),
        /has finished \(status success\)/,
      );
      assert.strictEqual(totalRequests(await emulator.requests()), 0);
    });
  });

  describe("delete", () => {
    it("cancels a running campaign with one request", async () => {
      const { id, outs } = await created();
      await emulator.resetRequests();
      await provider.delete(id, outs);
      assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/cancel": 1 });
      assert.strictEqual((await emulator.campaign(id)).status, "canceled");
    });

    it("leaves a finished campaign alone", async () => {
      const { id, outs } = await created();
      await emulator.resetRequests();
      await provider.delete(id, { ...outs, status: "success" });
      assert.strictEqual(totalRequests(await emulator.requests()), 0);
    });

    it("treats a campaign that is gone, or finished meanwhile, as deleted", async () => {
      const { id, outs } = await created();
      await emulator.resetRequests();
      // The key sees its organization's campaigns, so a 404 here means gone, not another organization's key.
      await provider.delete("no-such-campaign", { ...outs, status: "pending" });
      assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/cancel": 1, "POST /v2/campaigns/list": 1 });
      await emulator.api("POST", `/v3/campaigns/${id}/cancel`);
      await emulator.resetRequests();
      // Outputs from before the cancel: the API refuses a second cancel, which means the work is done.
      await provider.delete(id, outs);
      assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/cancel": 1 });
      assert.strictEqual((await emulator.campaign(id)).status, "canceled");
    });
  });

  describe("diff", () => {
    it("changes name and window in place, with no request", async () => {
      const { id, outs, inputs } = await created();
      await emulator.resetRequests();
      const diff = await provider.diff(id, outs, {
        ...inputs,
        name: "other",
        callTimeWindow: { windows: [{ days: ["Sunday"], startMin: 600, endMin: 660 }], timezone: "Asia/Seoul", autoResume: false },
      });
      assert.deepStrictEqual(diff, { changes: true, replaces: [], deleteBeforeReplace: false });
      assert.strictEqual(totalRequests(await emulator.requests()), 0);
    });

    it("replaces, deleting first, when a campaign that placed no call gets new tasks: one GET", async () => {
      const { id, outs } = await created();
      await emulator.resetRequests();
      const news = await checked(rawInputs({ tasks: [{ callTo: "01099998888" }] }));
      const diff = await provider.diff(id, outs, news);
      assert.deepStrictEqual(diff, { changes: true, replaces: ["tasks"], deleteBeforeReplace: true });
      assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 1 });
    });

    for (const [field, value] of [
      ["agentId", "0b6a3e0e-1111-4222-8333-944455556666"],
      ["agentVersion", "v2"],
      ["callFrom", "0311234567"],
      ["concurrency", 7],
      ["presentationNumber", "0212345678"],
    ] as const) {
      it(`replaces when ${field} changes`, async () => {
        const { id, outs } = await created();
        const diff = await provider.diff(id, outs, await checked(rawInputs({ [field]: value })));
        assert.deepStrictEqual(diff.replaces, [field]);
      });
    }

    it("refuses to replace a campaign that has placed calls, saying how many people would be called again", async () => {
      const { id, outs } = await created();
      await emulator.advance(UNTIL_WINDOW_OPENS + 10 * 60_000);
      const news = await checked(rawInputs({ tasks: [{ callTo: "01011112222" }, { callTo: "01033334444" }, { callTo: "01055556666" }] }));
      await assert.rejects(provider.diff(id, outs, news), (error: Error) => {
        assert.match(error.message, /\[vox:REDIAL_GUARD\]/);
        assert.match(error.message, /call all 3 people/);
        assert.match(error.message, /already placed 2 calls/);
        assert.match(error.message, /allowRedial: true/);
        return true;
      });
    });

    it("allows that replace with allowRedial, without asking the API", async () => {
      const { id, outs } = await created();
      await emulator.advance(UNTIL_WINDOW_OPENS + 10 * 60_000);
      await emulator.resetRequests();
      const news = await checked(rawInputs({ tasks: [{ callTo: "01011112222" }], allowRedial: true }));
      const diff = await provider.diff(id, outs, news);
      assert.deepStrictEqual(diff.replaces, ["tasks"]);
      assert.strictEqual(totalRequests(await emulator.requests()), 0);
    });
  });
});
