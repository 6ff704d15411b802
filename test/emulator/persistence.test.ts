import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { DAY, HOUR, MINUTE, MONDAY_10_KST } from "../support/emulator";
import { tasks } from "../support/inputs";
import { useDataFileEmulator } from "./helpers";

describe("emulator data file", () => {
  const t = useDataFileEmulator();
  const start = () => t.start();

  it("keeps every campaign, its tasks and its simulation state across a restart", async () => {
    let client = await start();
    const running = await client.create({ tasks: tasks(30), concurrency: 3 });
    const paused = await client.create({ tasks: tasks(20) });
    await client.post(`/v3/campaigns/${paused}/pause`);
    const draft = await client.create({ scheduled_at: new Date(MONDAY_10_KST + 3 * HOUR).toISOString() });
    t.emulator!.clock.advance(5 * MINUTE);
    const before = await Promise.all([running, paused, draft].map((id) => client.campaign(id)));
    assert.equal(before[0].status, "ongoing");
    assert.ok(before[0].completed_calls + before[0].failed_calls > 0, "some calls have ended");
    await t.emulator!.close();

    const saved = JSON.parse(await readFile(t.dataFile, "utf8"));
    assert.equal(saved.campaigns.length, 3);
    assert.equal(saved.campaigns[0].tasks.length, 30);

    client = await start();
    assert.equal(t.emulator!.clock.now(), MONDAY_10_KST + 5 * MINUTE, "the clock resumes where it stopped, not earlier");
    const after = await Promise.all([running, paused, draft].map((id) => client.campaign(id)));
    assert.deepEqual(after, before);

    // The simulation carries on from the saved state: calls in flight end, the rest is placed.
    t.emulator!.clock.advance(DAY);
    const finished = await client.campaign(running);
    assert.equal(finished.status, "success");
    assert.equal(finished.completed_calls + finished.failed_calls, 30);
    assert.equal((await client.campaign(draft)).status, "success");
    assert.equal((await client.campaign(paused)).status, "paused");
  });

  it("saves a campaign created just before close", async () => {
    let client = await start();
    const id = await client.create();
    await t.emulator!.close();
    client = await start();
    assert.equal((await client.campaign(id)).name, "Spring reminder");
  });

  it("a reset empties the data file", async () => {
    let client = await start();
    await client.create();
    await client.post("/_emulator/reset");
    await t.emulator!.close();
    client = await start();
    assert.equal((await client.get("/v3/campaigns")).body.total_count, 0);
  });

  it("refuses to start on a file that is not its data file, and leaves it alone", async () => {
    await writeFile(t.dataFile, '{"something": "else"}');
    await assert.rejects(start(), /not a vox-emulator-data file/);
    await writeFile(t.dataFile, '{"torn');
    await assert.rejects(start(), /not valid JSON/);
    assert.equal(await readFile(t.dataFile, "utf8"), '{"torn');
  });
});
