import * as assert from "assert";
import { UNTIL_WINDOW_OPENS } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

type Outs = Record<string, unknown>;

/** `paused`: applied by POST …/pause and …/resume, taken back from the API on refresh, exactly once. */
describe("paused", () => {
  const emulator = useProviderEmulator();

  async function created(overrides: Record<string, unknown> = {}) {
    const inputs = await checked(rawInputs(overrides));
    const result = await provider.create(inputs);
    return { id: result.id as string, outs: result.outs as Outs };
  }

  /** An `up` from `olds` to the program's `overrides`, as the engine runs it (check, diff, update). */
  async function up(id: string, olds: Outs, overrides: Record<string, unknown>) {
    const news = await checked(rawInputs(overrides), olds);
    const diff = await provider.diff(id, olds, news);
    assert.ok(diff.changes, "diff should report a change");
    assert.deepStrictEqual(diff.replaces, []);
    await emulator.resetRequests();
    return (await provider.update(id, olds, news)).outs as Outs;
  }

  /** Enough people to keep one line busy past the window's end at 12:00 (a call lasts a minute). */
  const longList = {
    concurrency: 1,
    tasks: Array.from({ length: 300 }, (_, i) => ({ callTo: `010${String(20_000_000 + i)}` })),
  };
  const PAST_NOON = 3.5 * 3_600_000;

  const placedCalls = (c: Record<string, number>) => c.completed_calls + c.failed_calls + c.active_concurrency;

  it("creates and then pauses with paused: true (the create's 2 requests and a pause); the campaign places no call when its window opens", async () => {
    const { id, outs } = await created({ paused: true });
    assert.deepStrictEqual(await emulator.requests(), {
      "POST /v2/campaigns/list": 1,
      "POST /v2/campaigns": 1,
      "POST /v3/campaigns/{id}/pause": 1,
    });
    assert.strictEqual(outs.status, "paused");
    assert.strictEqual(outs.pausedBy, "user");
    assert.strictEqual(outs.paused, true);
    await emulator.advance(UNTIL_WINDOW_OPENS + 3_600_000);
    const campaign = await emulator.campaign(id);
    assert.strictEqual(campaign.status, "paused");
    assert.strictEqual(placedCalls(campaign), 0);
  });

  it("created with paused: true while a window is open, the calls placed in the instant before the pause finish, and no more follow", async () => {
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const { id, outs } = await created({ paused: true, concurrency: 1 });
    assert.strictEqual(outs.status, "paused");
    // The real behaviour documented in the README: up to `concurrency` calls start between the POST and the pause.
    const atPause = await emulator.campaign(id);
    assert.ok(placedCalls(atPause) <= 1, `placed ${placedCalls(atPause)} calls`);
    await emulator.advance(3_600_000);
    const later = await emulator.campaign(id);
    assert.strictEqual(placedCalls(later), placedCalls(atPause));
    assert.strictEqual(later.active_concurrency, 0);
    assert.strictEqual(later.status, "paused");
  });

  it("paused: true with a future scheduledAt fails check on paused: a draft cannot be paused", async () => {
    const start = new Date(Date.now() + 86_400_000).toISOString();
    const result = await provider.check({}, rawInputs({ paused: true, scheduledAt: start }));
    assert.strictEqual(result.failures?.length, 1);
    assert.match(result.failures![0].reason, /^paused: .*(draft|before its start)/);
  });

  it("pauses a running campaign with one request and resumes it with one request", async () => {
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const { id, outs } = await created();
    assert.strictEqual(outs.paused, false);
    const paused = await up(id, outs, { paused: true });
    assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/pause": 1 });
    assert.strictEqual(paused.status, "paused");
    assert.strictEqual(paused.paused, true);
    const resumed = await up(id, paused, { paused: false });
    assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/resume": 1 });
    assert.strictEqual(resumed.status, "ongoing");
    assert.strictEqual(resumed.paused, false);
  });

  it("resuming outside the windows leaves the campaign to its windows (paused by the system until one opens)", async () => {
    const { id, outs } = await created({ paused: true });
    const resumed = await up(id, outs, { paused: false });
    assert.strictEqual(resumed.status, "paused");
    assert.strictEqual(resumed.pausedBy, "system");
    assert.strictEqual(resumed.paused, false);
    await emulator.advance(UNTIL_WINDOW_OPENS);
    assert.strictEqual((await emulator.campaign(id)).status, "ongoing");
  });

  it("paused: false leaves a campaign paused by the system to its windows: no diff, no request", async () => {
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const { id, outs } = await created(longList);
    await emulator.advance(PAST_NOON); // 12:30: paused by the system
    const read = await provider.read(id, outs);
    await provider.diff(id, read.props, outs); // the refresh's own diff: refreshed outputs against the inputs in state
    assert.strictEqual((read.props as Outs).pausedBy, "system");
    const news = await checked(rawInputs(longList), read.props as Outs);
    await emulator.resetRequests();
    assert.strictEqual((await provider.diff(id, read.props, news)).changes, false);
    assert.deepStrictEqual(await emulator.requests(), {});
  });

  it("a campaign paused by the system that resumes by itself cannot be paused: PAUSE_NOT_POSSIBLE after one GET", async () => {
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const { id, outs } = await created(longList);
    await emulator.advance(PAST_NOON);
    const refreshed = (await provider.read(id, outs)).props as Outs;
    assert.strictEqual(refreshed.pausedBy, "system");
    assert.strictEqual(refreshed.paused, false);
    await assert.rejects(up(id, refreshed, { ...longList, paused: true }), /\[vox:PAUSE_NOT_POSSIBLE\].*paused by the system.*autoResume/s);
    assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/pause": 1, "GET /v3/campaigns/{id}": 1 });
  });

  it("changing the window of a campaign declared paused pauses, patches and never resumes (2 requests)", async () => {
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const { id, outs } = await created();
    const window = { windows: [{ days: ["Monday"], start: "09:00", end: "18:00" }] };
    const updated = await up(id, outs, { paused: true, callTimeWindow: window });
    assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/pause": 1, "PATCH /v3/campaigns/{id}": 1 });
    assert.strictEqual(updated.status, "paused");
    assert.strictEqual(updated.pausedBy, "user");
    const campaign = await emulator.campaign(id);
    assert.strictEqual(campaign.status, "paused");
    assert.strictEqual(campaign.call_time_window.windows[0].end_min, 18 * 60);
  });

  it("a window change on a campaign declared paused but resumed in vox.ai since: PATCH refused, paused again, patched; not resumed", async () => {
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const { id, outs } = await created({ paused: true });
    await emulator.api("POST", `/v3/campaigns/${id}/resume`);
    const window = { windows: [{ days: ["Monday"], start: "09:00", end: "18:00" }] };
    const updated = await up(id, outs, { paused: true, callTimeWindow: window });
    assert.deepStrictEqual(await emulator.requests(), { "PATCH /v3/campaigns/{id}": 2, "POST /v3/campaigns/{id}/pause": 1 });
    assert.strictEqual(updated.status, "paused");
    assert.strictEqual((await emulator.campaign(id)).status, "paused");
  });

  it("a window change while declared running still pauses, patches and resumes (3 requests)", async () => {
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const { id, outs } = await created();
    const running = (await provider.read(id, outs)).props as Outs;
    assert.strictEqual(running.status, "ongoing");
    const window = { windows: [{ days: ["Monday"], start: "09:00", end: "18:00" }] };
    const updated = await up(id, running, { callTimeWindow: window });
    assert.deepStrictEqual(await emulator.requests(), {
      "POST /v3/campaigns/{id}/pause": 1,
      "PATCH /v3/campaigns/{id}": 1,
      "POST /v3/campaigns/{id}/resume": 1,
    });
    assert.strictEqual(updated.status, "ongoing");
  });

  describe("drift: a pause or resume made in vox.ai", () => {
    it("a refresh reports it as drift, and the next up puts the declared value back", async () => {
      await emulator.advance(UNTIL_WINDOW_OPENS);
      const { id, outs } = await created();
      await emulator.api("POST", `/v3/campaigns/${id}/pause`);
      await emulator.resetRequests();
      const read = await provider.read(id, outs);
      assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 1 });
      assert.strictEqual((read.props as Outs).paused, true);
      // The refresh's own diff (refreshed outputs against the inputs in state) shows the drift.
      assert.strictEqual((await provider.diff(id, read.props, outs)).changes, true);
      // The program still declares paused: false: the next up resumes.
      const resumed = await up(id, read.props as Outs, {});
      assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/resume": 1 });
      assert.strictEqual(resumed.status, "ongoing");
    });

    it("a resume made in vox.ai of a campaign declared paused is paused again by the next up", async () => {
      await emulator.advance(UNTIL_WINDOW_OPENS);
      const { id, outs } = await created({ paused: true });
      await emulator.api("POST", `/v3/campaigns/${id}/resume`);
      const read = await provider.read(id, outs);
      assert.strictEqual((read.props as Outs).paused, false);
      const paused = await up(id, read.props as Outs, { paused: true });
      assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/pause": 1 });
      assert.strictEqual(paused.status, "paused");
    });

    it("a finished campaign keeps its recorded paused: no diff a finished campaign could not apply", async () => {
      const { id, outs } = await created({ paused: true });
      await emulator.api("POST", `/v3/campaigns/${id}/cancel`);
      const read = await provider.read(id, outs);
      assert.strictEqual((read.props as Outs).status, "canceled");
      assert.strictEqual((read.props as Outs).paused, true);
      const news = await checked(rawInputs({ paused: true }), read.props as Outs);
      await provider.diff(id, read.props, outs); // the refresh's diff takes the drift memory
      assert.strictEqual((await provider.diff(id, read.props, news)).changes, false);
    });
  });

  describe("lost answers (exactly once)", () => {
    it("a pause whose answer is lost is not sent twice to effect: the retry's 409 is read back as paused", async () => {
      await emulator.advance(UNTIL_WINDOW_OPENS);
      const { id, outs } = await created();
      await emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v3/campaigns/*/pause", count: 1 });
      const paused = await up(id, outs, { paused: true });
      const counts = await emulator.requests();
      assert.strictEqual(counts["POST /v3/campaigns/{id}/pause"], 2);
      assert.strictEqual(counts["GET /v3/campaigns/{id}"], 1);
      assert.strictEqual(paused.status, "paused");
      assert.strictEqual(paused.pausedBy, "user");
    });

    it("a resume whose answer is lost continues from the campaign's real status", async () => {
      await emulator.advance(UNTIL_WINDOW_OPENS);
      const { id, outs } = await created({ paused: true });
      await emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v3/campaigns/*/resume", count: 1 });
      const resumed = await up(id, outs, { paused: false });
      const counts = await emulator.requests();
      assert.strictEqual(counts["POST /v3/campaigns/{id}/resume"], 2);
      assert.strictEqual(counts["GET /v3/campaigns/{id}"], 1);
      assert.strictEqual(resumed.status, "ongoing");
    });

    it("a pause after create that fails records the campaign with paused: false, so the next up pauses it", async () => {
      await emulator.fault({ type: "500", method: "POST", path: "/v3/campaigns/*/pause", count: 100 });
      await emulator.fault({ type: "500", method: "GET", path: "/v3/campaigns/*", count: 100 });
      await emulator.configure({ "vox:maxRetries": "0" });
      const inputs = await checked(rawInputs({ paused: true }));
      const error = await provider.create(inputs).then(
        () => assert.fail("create should fail"),
        (e: Error & { id?: string; properties?: Outs }) => e,
      );
      assert.match(error.message, /\[vox:PAUSE_AFTER_CREATE_FAILED\].*may be calling/s);
      assert.strictEqual(typeof error.id, "string");
      assert.strictEqual(error.properties?.paused, false);
      assert.strictEqual(await emulator.campaignCount(), 1);
    });
  });

  it("state written before paused existed (version 2) migrates to paused: false: no diff and no request", async () => {
    const { id, outs } = await created();
    const v2: Outs = { ...outs, stateVersion: 2 };
    delete v2.paused;
    const news = await checked(rawInputs(), v2);
    await emulator.resetRequests();
    assert.strictEqual((await provider.diff(id, v2, news)).changes, false);
    assert.deepStrictEqual(await emulator.requests(), {});
  });
});
