import * as assert from "assert";
import { systemClock } from "../../provider/clock";
import { CreateJournal } from "../../provider/runtime/create-journal";
import { ManualClock } from "../support/clock";
import { checkedTestInputs, controllerOn } from "../support/controller";
import { DAY, MONDAY_07_KST } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { AGENT_ID, rawInputs } from "../support/inputs";

const AUTONAMED = { name: "renewal-reminder-0a1b2c", nameMarker: "0a1b2c" };

/**
 * Issue 18.2: a run killed while its POST was in flight, whose campaign the API commits late. The next run
 * on this machine finds the journal's entry and keeps looking until the window after that POST has passed.
 * The provider's clock is a ManualClock: the window takes no real time (exactly-once.test.ts waits a real one).
 */
describe("a create after a run that never learned its POST's outcome (issue 18.2)", function () {
  this.timeout(30_000);
  const emulator = useProviderEmulator();
  // A clock of its own per test, and so a journal folder of its own (folderForClock); the machine's clock's
  // journal is in the test's own PULUMI_HOME (test/support/root-hooks.ts).
  let clock: ManualClock;
  beforeEach(() => (clock = new ManualClock(MONDAY_07_KST)));

  const journal = () => new CreateJournal(new URL(emulator.url).origin, AGENT_ID, AUTONAMED.name, clock);
  const create = () =>
    controllerOn(emulator.url, clock, { "vox:createLookupSeconds": "4" }).create(checkedTestInputs(rawInputs(AUTONAMED)));
  const theEarlierRunsCampaignLands = () =>
    emulator.api("POST", "/v2/campaigns", {
      name: AUTONAMED.name,
      agent_id: AGENT_ID,
      call_from: "0212345678",
      concurrency: 2,
      tasks: [{ call_to: "01012345678" }, { call_to: "01023456789" }],
    });

  it("waits for the late commit and adopts it: no POST of its own", async () => {
    journal().sending();
    let late: { id: string } | undefined;
    clock.at(MONDAY_07_KST + 1_500, async () => (late = (await theEarlierRunsCampaignLands()).body));
    const { id } = await create();
    assert.ok(late, "the lookups went on until the late commit");
    assert.strictEqual(id, late.id);
    assert.strictEqual(await emulator.campaignCount(), 1);
    assert.strictEqual((await emulator.requests())["POST /v2/campaigns"], 1, "only the earlier run's POST");
    assert.strictEqual(journal().unsettledSince(60_000), undefined, "the entry is settled");
  });

  it("when nothing lands in the window after the earlier POST, creates once, and settles the entry", async () => {
    journal().sending();
    await create();
    assert.ok(clock.now() >= MONDAY_07_KST + 4_000, `it waited out the window of the earlier POST: ${clock.now() - MONDAY_07_KST} ms`);
    assert.strictEqual(await emulator.campaignCount(), 1);
    assert.strictEqual(journal().unsettledSince(60_000), undefined);
  });

  it("without an entry (the earlier POST was answered), creates at once", async () => {
    await create();
    assert.ok(clock.now() < MONDAY_07_KST + 1_000, `no lookups: ${clock.now() - MONDAY_07_KST} ms`);
    assert.strictEqual(journal().unsettledSince(60_000), undefined, "an answered POST leaves no entry");
  });

  it("drops an entry written further ahead than the window (another clock's, a day ahead): creates at once", async () => {
    clock.set(MONDAY_07_KST + DAY);
    journal().sending();
    clock.set(MONDAY_07_KST);
    await create();
    assert.ok(clock.now() < MONDAY_07_KST + 1_000, `no lookups until that day: ${clock.now() - MONDAY_07_KST} ms`);
    assert.strictEqual((await emulator.requests())["POST /v2/campaigns"], 1);
    assert.strictEqual(journal().unsettledSince(60_000), undefined, "the entry is gone");
  });

  it("keeps a test's clock's entries apart from the machine's clock's", () => {
    journal().sending();
    const onTheMachinesClock = new CreateJournal(new URL(emulator.url).origin, AGENT_ID, AUTONAMED.name, systemClock);
    assert.strictEqual(onTheMachinesClock.unsettledSince(60_000), undefined, "the machine's clock sees no entry of the test's");
    assert.strictEqual(journal().unsettledSince(60_000), MONDAY_07_KST);
  });
});
