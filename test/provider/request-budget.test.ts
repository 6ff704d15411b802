import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SharedRequestBudget } from "../../provider/request-budget";
import { ManualClock } from "../support/clock";

/** The budget file shared by processes; here two instances on one file stand for two provider processes. */
describe("SharedRequestBudget", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "vox-budget-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** How many of `count` takes finish without the clock moving. */
  async function takenAtOnce(budget: SharedRequestBudget, clock: ManualClock, count: number): Promise<number> {
    const start = clock.now();
    let taken = 0;
    for (let i = 0; i < count; i++) {
      await budget.take();
      if (clock.now() === start) taken++;
    }
    return taken;
  }

  it("is one bucket for every process on the key: a second process finds the burst spent", async () => {
    const clock = new ManualClock(1_000_000);
    const first = SharedRequestBudget.forApi("http://127.0.0.1:1", "key-1", 4, clock, dir);
    const second = SharedRequestBudget.forApi("http://127.0.0.1:1", "key-1", 4, clock, dir);
    assert.strictEqual(await takenAtOnce(first, clock, 8), 4, "a burst of one second's pace");
    const before = clock.now();
    await second.take();
    // A token takes 250 ms at 4 per second, less what the first process's waits overslept (each sleep adds up
    // to 5 ms of jitter, left in the bucket as a fraction of a token); a bucket of its own would not wait at all.
    assert.ok(clock.now() - before >= 240, "the second process waits for a token at 4 per second");
  });

  it("keeps other keys and URLs apart, and names its file by a hash, never the key", async () => {
    const clock = new ManualClock(1_000_000);
    const one = SharedRequestBudget.forApi("http://127.0.0.1:1", "secret-key-one", 4, clock, dir);
    await takenAtOnce(one, clock, 4);
    const other = SharedRequestBudget.forApi("http://127.0.0.1:1", "secret-key-two", 4, clock, dir);
    assert.strictEqual(await takenAtOnce(other, clock, 4), 4);
    const files = fs.readdirSync(dir);
    assert.strictEqual(files.length, 2);
    assert.ok(
      files.every((file) => /^pulumi-vox-budget-[0-9a-f]{32}\.json$/.test(file)),
      files.join(", "),
    );
    assert.ok(files.every((file) => !fs.readFileSync(path.join(dir, file), "utf8").includes("secret-key")));
  });

  it("holds every process back after a 429 seen by one, and halves the shared pace", async () => {
    const clock = new ManualClock(1_000_000);
    const first = SharedRequestBudget.forApi("http://127.0.0.1:1", "key", 4, clock, dir);
    const second = SharedRequestBudget.forApi("http://127.0.0.1:1", "key", 4, clock, dir);
    await first.throttled(3000);
    const before = clock.now();
    await second.take();
    assert.ok(clock.now() - before >= 3000, "nobody starts before Retry-After");
    const state = JSON.parse(fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]), "utf8"));
    assert.strictEqual(state.rate, 2);
    for (let i = 0; i < 10; i++) await second.answered();
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]), "utf8")).rate, 4);
  });

  it("breaks a lock left by a process that died holding it", async () => {
    const clock = new ManualClock(Date.now());
    const budget = SharedRequestBudget.forApi("http://127.0.0.1:1", "key", 4, clock, dir);
    await budget.take();
    const lock = path.join(dir, `${fs.readdirSync(dir)[0]}.lock`);
    fs.writeFileSync(lock, "");
    const past = new Date(clock.now() - 60_000);
    fs.utimesSync(lock, past, past);
    await budget.take();
    assert.ok(!fs.existsSync(lock));
  });
});
