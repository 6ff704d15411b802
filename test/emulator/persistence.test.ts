import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningEmulator } from '../../emulator';
import { Client, DAY, HOUR, MINUTE, MONDAY_10_SEOUL, startTestEmulator, tasks } from './helpers';

describe('emulator data file', () => {
  let directory: string;
  let dataFile: string;
  let emulator: RunningEmulator | undefined;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'vox-emulator-'));
    dataFile = join(directory, 'data.json');
  });
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
    await rm(directory, { recursive: true, force: true });
  });

  async function start(): Promise<Client> {
    emulator = await startTestEmulator({ dataFile });
    return new Client(emulator.url);
  }

  it('keeps every campaign, its tasks and its simulation state across a restart', async () => {
    let client = await start();
    const running = await client.create({ tasks: tasks(30), concurrency: 3 });
    const paused = await client.create({ tasks: tasks(20) });
    await client.post(`/v3/campaigns/${paused}/pause`);
    const draft = await client.create({ scheduled_at: new Date(MONDAY_10_SEOUL + 3 * HOUR).toISOString() });
    emulator!.clock.advance(5 * MINUTE);
    const before = await Promise.all([running, paused, draft].map((id) => client.campaign(id)));
    assert.equal(before[0].status, 'ongoing');
    assert.ok(before[0].completed_calls + before[0].failed_calls > 0, 'some calls have ended');
    await emulator!.close();

    const saved = JSON.parse(await readFile(dataFile, 'utf8'));
    assert.equal(saved.campaigns.length, 3);
    assert.equal(saved.campaigns[0].tasks.length, 30);

    client = await start();
    assert.equal(emulator!.clock.now(), MONDAY_10_SEOUL + 5 * MINUTE, 'the clock resumes where it stopped, not earlier');
    const after = await Promise.all([running, paused, draft].map((id) => client.campaign(id)));
    assert.deepEqual(after, before);

    // The simulation carries on from the saved state: calls in flight end, the rest is placed.
    emulator!.clock.advance(DAY);
    const finished = await client.campaign(running);
    assert.equal(finished.status, 'success');
    assert.equal(finished.completed_calls + finished.failed_calls, 30);
    assert.equal((await client.campaign(draft)).status, 'success');
    assert.equal((await client.campaign(paused)).status, 'paused');
  });

  it('saves a campaign created just before close', async () => {
    let client = await start();
    const id = await client.create();
    await emulator!.close();
    client = await start();
    assert.equal((await client.campaign(id)).name, 'Spring reminder');
  });

  it('a reset empties the data file', async () => {
    let client = await start();
    await client.create();
    await client.post('/_emulator/reset');
    await emulator!.close();
    client = await start();
    assert.equal((await client.get('/v3/campaigns')).body.total_count, 0);
  });

  it('refuses to start on a file that is not its data file, and leaves it alone', async () => {
    await writeFile(dataFile, '{"something": "else"}');
    await assert.rejects(start(), /not a vox-emulator-data file/);
    await writeFile(dataFile, '{"torn');
    await assert.rejects(start(), /not valid JSON/);
    assert.equal(await readFile(dataFile, 'utf8'), '{"torn');
  });
});
