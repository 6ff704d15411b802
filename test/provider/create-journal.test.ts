import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { systemClock } from "../../provider/clock";
import { CreateJournal } from "../../provider/runtime/create-journal";
import { TestEmulator, startTestEmulator } from "../support/emulator";
import { AGENT_ID, rawInputs } from "../support/inputs";
import { checked, configureProvider, provider } from "../support/provider";

const AUTONAMED = { name: "renewal-reminder-0a1b2c", nameMarker: "0a1b2c" };

/**
 * Issue 18.2: a run killed while its POST was in flight, whose campaign the API commits late. The next run
 * on this machine finds the journal's entry and keeps looking until the window after that POST has passed.
 */
describe("a create after a run that never learned its POST's outcome (issue 18.2)", function () {
  this.timeout(30_000);
  let emulator: TestEmulator;
  let home: string;
  let savedHome: string | undefined;
  beforeEach(async () => {
    savedHome = process.env.PULUMI_HOME;
    home = fs.mkdtempSync(path.join(os.tmpdir(), "vox-journal-"));
    process.env.PULUMI_HOME = home;
    emulator = await startTestEmulator();
    await configureProvider(emulator.url, { "vox:createLookupSeconds": "4" });
  });
  afterEach(async () => {
    if (savedHome === undefined) delete process.env.PULUMI_HOME;
    else process.env.PULUMI_HOME = savedHome;
    fs.rmSync(home, { recursive: true, force: true });
    await emulator.close();
  });

  const journal = () => new CreateJournal(new URL(emulator.url).origin, AGENT_ID, AUTONAMED.name, systemClock);
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
    const creating = provider.create(await checked(rawInputs(AUTONAMED)));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const late = (await theEarlierRunsCampaignLands()).body as { id: string };
    const { id } = await creating;
    assert.strictEqual(id, late.id);
    assert.strictEqual(await emulator.campaignCount(), 1);
    assert.strictEqual((await emulator.requests())["POST /v2/campaigns"], 1, "only the earlier run's POST");
    assert.strictEqual(journal().unsettledSince(60_000), undefined, "the entry is settled");
  });

  it("when nothing lands in the window after the earlier POST, creates once, and settles the entry", async () => {
    journal().sending();
    const started = Date.now();
    await provider.create(await checked(rawInputs(AUTONAMED)));
    assert.ok(Date.now() - started >= 3_000, "it waited out the window of the earlier POST");
    assert.strictEqual(await emulator.campaignCount(), 1);
    assert.strictEqual(journal().unsettledSince(60_000), undefined);
  });

  it("without an entry (the earlier POST was answered), creates at once", async () => {
    const started = Date.now();
    await provider.create(await checked(rawInputs(AUTONAMED)));
    assert.ok(Date.now() - started < 3_000);
    assert.strictEqual(journal().unsettledSince(60_000), undefined, "an answered POST leaves no entry");
  });
});
