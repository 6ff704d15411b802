import assert from "node:assert/strict";
import { Client, DAY, HOUR, MINUTE, MONDAY_07_KST, MONDAY_10_KST, TEST_MONDAY, TestEmulator } from "../support/emulator";
import { tasks } from "../support/inputs";
import { startInWindow, windowOn } from "./helpers";

/** Advances the clock in steps until the campaign is terminal and has no call in flight; checks invariants at every step. */
async function runToEnd(emulator: TestEmulator, client: Client, id: string, stepMs: number, maxSteps = 10_000) {
  for (let step = 0; step < maxSteps; step++) {
    const campaign = await client.campaign(id);
    assertCounters(campaign);
    if (["success", "fail", "canceled"].includes(campaign.status) && campaign.active_concurrency === 0) return campaign;
    emulator.clock.advance(stepMs);
  }
  throw new Error("campaign did not finish");
}

/** Counters never exceed their bounds. */
function assertCounters(campaign: { [key: string]: number }) {
  assert.ok(
    campaign.active_concurrency <= campaign.concurrency,
    `active ${campaign.active_concurrency} > concurrency ${campaign.concurrency}`,
  );
  assert.ok(campaign.completed_calls + campaign.failed_calls + campaign.active_concurrency <= campaign.total_calls);
}

describe("emulator lifecycle", () => {
  let emulator: TestEmulator;
  let client: Client;

  afterEach(() => emulator?.close());

  async function start(options: Parameters<typeof startInWindow>[0] = {}) {
    emulator = await startInWindow(options);
    client = new Client(emulator.url);
  }

  it("runs a campaign to success: pending → ongoing → success, finished_at set, every call counted", async () => {
    await start({ failureRate: 0 });
    const id = await client.create({ tasks: tasks(12), concurrency: 3 });
    const started = await client.campaign(id);
    assert.equal(started.status, "ongoing");
    assert.equal(started.active_concurrency, 3);
    const done = await runToEnd(emulator, client, id, 10_000);
    assert.equal(done.status, "success");
    assert.equal(done.completed_calls, 12);
    assert.equal(done.failed_calls, 0);
    assert.equal(done.active_concurrency, 0);
    assert.ok(done.finished_at > MONDAY_10_KST && done.finished_at <= emulator.clock.now());
    assert.equal(done.paused_at, null);
  });

  it("ends in fail when every call failed", async () => {
    await start({ failureRate: 1 });
    const id = await client.create({ tasks: tasks(4) });
    emulator.clock.advance(HOUR);
    const campaign = await client.campaign(id);
    assert.equal(campaign.status, "fail");
    assert.equal(campaign.failed_calls, 4);
    assert.equal(campaign.completed_calls, 0);
    assert.notEqual(campaign.finished_at, null);
  });

  it("decides outcomes from the seed: the same seed gives the same run, some calls fail at the default rate", async () => {
    const outcome = async (seed: number) => {
      // The emulator's own failure rate and call lengths, not the test emulator's none and one minute.
      await start({ seed, failureRate: undefined, callDurationMs: undefined });
      const id = await client.create({ tasks: tasks(200), concurrency: 20 });
      emulator.clock.advance(2 * HOUR);
      const campaign = await client.campaign(id);
      await emulator.close();
      return {
        status: campaign.status,
        completed: campaign.completed_calls,
        failed: campaign.failed_calls,
        finishedAt: campaign.finished_at,
      };
    };
    const first = await outcome(7);
    assert.deepEqual(await outcome(7), first);
    assert.equal(first.status, "success");
    assert.equal(first.completed + first.failed, 200);
    assert.ok(first.failed > 0 && first.failed < 60, `failed ${first.failed} of 200 at a 10% rate`);
  });

  it("never exceeds the concurrency, and uses all of it while tasks remain", async () => {
    await start();
    const id = await client.create({ tasks: tasks(40), concurrency: 4 });
    let highest = 0;
    for (let campaign = await client.campaign(id); campaign.status === "ongoing"; campaign = await client.campaign(id)) {
      assert.ok(campaign.active_concurrency <= 4);
      const unplaced = campaign.total_calls - campaign.completed_calls - campaign.failed_calls - campaign.active_concurrency;
      if (unplaced > 0) assert.equal(campaign.active_concurrency, 4);
      highest = Math.max(highest, campaign.active_concurrency);
      emulator.clock.advance(5000);
    }
    assert.equal(highest, 4);
  });

  it("turns a draft into pending at scheduled_at, then ongoing in the window", async () => {
    await start();
    const scheduled = MONDAY_10_KST + 30 * MINUTE;
    const id = await client.create({ scheduled_at: new Date(scheduled).toISOString() });
    emulator.clock.advance(30 * MINUTE - 1);
    assert.equal((await client.campaign(id)).status, "draft");
    emulator.clock.advance(1);
    const campaign = await client.campaign(id);
    assert.equal(campaign.status, "ongoing");
    assert.equal(campaign.active_concurrency, 3);
  });

  it("keeps a draft scheduled outside the window pending until the window opens", async () => {
    await start();
    const scheduled = Date.parse(`${TEST_MONDAY}T21:00:00+09:00`);
    const id = await client.create({ scheduled_at: new Date(scheduled).toISOString() });
    emulator.clock.set(scheduled);
    assert.equal((await client.campaign(id)).status, "pending");
    emulator.clock.set(MONDAY_07_KST + DAY + HOUR);
    assert.equal((await client.campaign(id)).status, "ongoing");
  });

  it("pauses by system when the window closes and resumes by itself when the next one opens", async () => {
    await start();
    const id = await client.create({ tasks: tasks(100), concurrency: 2, call_time_window: windowOn(["Monday", "Tuesday"], 600, 610) });
    emulator.clock.advance(10 * MINUTE);
    const paused = await client.campaign(id);
    assert.equal(paused.status, "paused");
    assert.equal(paused.paused_by, "system");
    assert.equal(paused.paused_at, MONDAY_10_KST + 10 * MINUTE);
    emulator.clock.advance(DAY - 10 * MINUTE - 1);
    assert.equal((await client.campaign(id)).status, "paused");
    assert.equal((await client.campaign(id)).active_concurrency, 0, "calls in flight at the close have ended");
    emulator.clock.advance(1);
    const resumed = await client.campaign(id);
    assert.equal(resumed.status, "ongoing");
    assert.equal(resumed.paused_by, null);
    assert.equal(resumed.paused_at, null);
    assert.equal(resumed.active_concurrency, 2);
  });

  it("with auto_resume false stays paused until a resume, which waits for a window when none is open", async () => {
    await start();
    const id = await client.create({
      tasks: tasks(100),
      concurrency: 2,
      call_time_window: windowOn(["Monday", "Tuesday", "Wednesday"], 600, 610, { auto_resume: false }),
    });
    emulator.clock.advance(10 * MINUTE);
    assert.equal((await client.campaign(id)).paused_by, "system");
    emulator.clock.advance(DAY - 5 * MINUTE);
    assert.equal((await client.campaign(id)).status, "paused", "Tuesday 10:05: the window is open but auto_resume is off");
    const insideWindow = await client.post(`/v3/campaigns/${id}/resume`);
    assert.equal(insideWindow.body.status, "ongoing");
    emulator.clock.advance(10 * MINUTE);
    assert.equal((await client.campaign(id)).paused_by, "system");
    const outsideWindow = await client.post(`/v3/campaigns/${id}/resume`);
    assert.equal(outsideWindow.body.status, "paused");
    assert.equal(outsideWindow.body.paused_by, "system");
    emulator.clock.set(MONDAY_10_KST + 2 * DAY);
    assert.equal((await client.campaign(id)).status, "ongoing", "the requested resume happens when Wednesday opens");
  });

  it("keeps a user pause across window openings, and lets calls in flight end", async () => {
    await start();
    const id = await client.create({ tasks: tasks(10), concurrency: 2 });
    await client.get(`/v3/campaigns/${id}`);
    const paused = await client.post(`/v3/campaigns/${id}/pause`);
    assert.equal(paused.body.active_concurrency, 2);
    emulator.clock.advance(2 * DAY);
    const later = await client.campaign(id);
    assert.equal(later.status, "paused");
    assert.equal(later.paused_by, "user");
    assert.equal(later.active_concurrency, 0);
    assert.equal(later.completed_calls + later.failed_calls, 2);
  });

  it("evaluates windows in the campaign time zone", async () => {
    await start();
    // Monday 10:00 Seoul is Sunday 20:00 in Bogotá (UTC-5 all year: the test week may fall on any date).
    const id = await client.create({
      call_time_window: { windows: [{ days: ["Monday"], start_min: 540, end_min: 1020 }], timezone: "America/Bogota" },
    });
    assert.equal((await client.campaign(id)).status, "pending");
    emulator.clock.set(Date.parse(`${TEST_MONDAY}T09:00:00-05:00`));
    assert.equal((await client.campaign(id)).status, "ongoing");
  });

  it("cancel: unplaced tasks count as failed at once, calls in flight end and are counted", async () => {
    await start({ failureRate: 0 });
    const id = await client.create({ tasks: tasks(10), concurrency: 3 });
    await client.get(`/v3/campaigns/${id}`);
    emulator.clock.advance(1000);
    const canceled = await client.post(`/v3/campaigns/${id}/cancel`);
    assert.equal(canceled.body.status, "canceled");
    assert.equal(canceled.body.active_concurrency, 3);
    assert.equal(canceled.body.failed_calls, 7, "the 7 unplaced tasks");
    assert.equal(canceled.body.finished_at, MONDAY_10_KST + 1000);
    emulator.clock.advance(HOUR);
    const settled = await client.campaign(id);
    assert.equal(settled.status, "canceled");
    assert.equal(settled.active_concurrency, 0);
    assert.equal(settled.completed_calls, 3, "in-flight calls completed after the cancel");
    assert.equal(settled.failed_calls, 7);
    assert.equal(settled.finished_at, MONDAY_10_KST + 1000);
  });

  it("moves a week of 10,000 calls in one clock move, with windows and pauses on the way", async () => {
    await start();
    const id = await client.create({ tasks: tasks(10_000), concurrency: 10 });
    const reply = await client.post("/_emulator/clock", { advanceMs: 7 * DAY });
    assert.equal(reply.body.now, MONDAY_10_KST + 7 * DAY);
    const campaign = await client.campaign(id);
    assert.equal(campaign.status, "success");
    assert.equal(campaign.completed_calls + campaign.failed_calls, 10_000);
    // 12 h a day at 10 calls of 30–180 s (105 s on average): about 4,100 calls a day, so it spans days.
    assert.ok(campaign.finished_at > MONDAY_10_KST + DAY, "finished on a later day: paused overnight");
    const finishedLocal = new Date(campaign.finished_at + 9 * HOUR).getUTCHours();
    assert.ok(finishedLocal >= 8 && finishedLocal <= 20, `finished at ${finishedLocal}h Seoul time, inside the window`);
  });
});
