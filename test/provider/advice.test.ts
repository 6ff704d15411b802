import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { systemClock } from "../../provider/clock";
import { CreateJournal } from "../../provider/runtime/create-journal";
import { UNTIL_WINDOW_OPENS } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { AGENT_ID, rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

type Outs = Record<string, unknown>;
/** A failed create or update as the engine receives it: with an id, it records `properties` and prints `reasons`. */
type Failure = Error & { id?: string; properties?: Outs; reasons?: string[] };

const QUICK = { "vox:timeoutSeconds": "1", "vox:createLookupSeconds": "1", "vox:retryBudgetSeconds": "1" };
const TWENTY_PEOPLE = Array.from({ length: 20 }, (_, i) => ({ callTo: `0101234${String(i).padStart(4, "0")}` }));
const NEW_WINDOW = { windows: [{ days: ["Monday"], start: "09:00", end: "11:00" }] };

/**
 * Issue 18, item 3: every error raised after a write vox.ai already holds (or may hold) gives advice, and
 * following it literally, once the fault is gone, ends with the campaign as declared, once, with nothing
 * left for a further `up` to change. A re-run is what the engine does: after an error without an id it
 * keeps the old state; after one with an id it records the outputs the error carries (and prints its
 * `reasons`, so the message must be among them). test/e2e/advice.test.ts does it with the real CLI.
 */
describe("following each error's advice ends the campaign as declared, once", function () {
  this.timeout(60_000);
  const emulator = useProviderEmulator({ config: QUICK });
  /** The Pulumi home, where the create journal lives: each test's own (test/support/root-hooks.ts). */
  const home = () => process.env.PULUMI_HOME as string;

  async function failure(operation: Promise<unknown>): Promise<Failure> {
    return operation.then(
      () => assert.fail("the operation should fail"),
      (error: Failure) => error,
    );
  }

  /** The state the engine holds after `error`: the outputs it carries when it has an id, else the old ones. */
  function stateAfter(error: Failure, olds: Outs): Outs {
    if (error.id === undefined) return olds;
    assert.deepStrictEqual(error.reasons, [error.message], "the engine prints the reasons: the message is one");
    return error.properties!;
  }

  /** `pulumi up` again, as the engine runs it: diff, and update when it reports a change. */
  async function upAgain(id: string, olds: Outs, news: Outs): Promise<Outs> {
    const diff = await provider.diff(id, olds, news);
    assert.deepStrictEqual(diff.replaces, [], "the re-run replaces nothing");
    return diff.changes ? ((await provider.update(id, olds, news)).outs as Outs) : olds;
  }

  /** Declared and held agree: one campaign, and a further `up` finds nothing to change. */
  async function endsAsDeclared(id: string, state: Outs, news: Outs): Promise<Record<string, any>> {
    assert.strictEqual(await emulator.campaignCount(), 1, "one campaign");
    assert.strictEqual((await provider.diff(id, state, news)).changes, false, "nothing left for another up");
    const refreshed = (await provider.read(id, state)).props!;
    assert.strictEqual((await provider.diff(id, refreshed, news)).changes, false, "vox.ai holds the declaration");
    return emulator.campaign(id);
  }

  async function ongoingCampaign(): Promise<{ id: string; olds: Outs; news: Outs }> {
    const created = await provider.create(await checked(rawInputs({ tasks: TWENTY_PEOPLE })));
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const olds = (await provider.read(created.id, created.outs as Outs)).props!;
    assert.strictEqual(olds.status, "ongoing");
    return { id: created.id, olds, news: await checked(rawInputs({ tasks: TWENTY_PEOPLE, callTimeWindow: NEW_WINDOW }), olds) };
  }

  const endMinute = async (id: string) => (await emulator.campaign(id)).call_time_window.windows[0].end_min;

  it("PAUSE_AFTER_CREATE_FAILED: `pulumi up` again pauses the campaign it created", async () => {
    await emulator.configure({ "vox:maxRetries": "0" });
    await emulator.fault({ type: "500", method: "POST", path: "/v3/campaigns/*/pause", count: 100 });
    await emulator.fault({ type: "500", method: "GET", path: "/v3/campaigns/*", count: 100 });
    const news = await checked(rawInputs({ paused: true }));
    const error = await failure(provider.create(news));
    assert.match(error.message, /^\[vox:PAUSE_AFTER_CREATE_FAILED\].*run `pulumi up` again to pause it/);

    await emulator.clearFaults();
    const state = await upAgain(error.id!, stateAfter(error, {}), news);
    const campaign = await endsAsDeclared(error.id!, state, news);
    assert.deepStrictEqual([campaign.status, campaign.paused_by], ["paused", "user"]);
  });

  it("PAUSE_FAILED: `pulumi up` again applies the change, and the campaign runs", async () => {
    const { id, olds, news } = await ongoingCampaign();
    await emulator.fault({ type: "reset", method: "POST", path: "/v3/campaigns/*/pause", count: 10 });
    const error = await failure(provider.update(id, olds, news));
    assert.match(error.message, /^\[vox:PAUSE_FAILED\].*it is ongoing and unchanged\. Run `pulumi up` again/);

    await emulator.clearFaults();
    const state = await upAgain(id, stateAfter(error, olds), news);
    assert.strictEqual((await endsAsDeclared(id, state, news)).status, "ongoing");
    assert.strictEqual(await endMinute(id), 660);
  });

  it("UPDATE_FAILED: `pulumi up` again applies the change, and the campaign runs", async () => {
    const { id, olds, news } = await ongoingCampaign();
    await emulator.fault({ type: "500", method: "PATCH", path: "/v3/campaigns/*", count: 100 });
    const error = await failure(provider.update(id, olds, news));
    assert.match(error.message, /^\[vox:UPDATE_FAILED\].*was resumed \(status ongoing\); fix the cause and run `pulumi up` again/);

    await emulator.clearFaults();
    const state = await upAgain(id, stateAfter(error, olds), news);
    assert.strictEqual((await endsAsDeclared(id, state, news)).status, "ongoing");
    assert.strictEqual(await endMinute(id), 660);
  });

  for (const resume of ["fails", "takes but its answer is lost"] as const) {
    it(`RESUME_FAILED, the status unreadable (the resume ${resume}): \`pulumi up\` again leaves the campaign running`, async () => {
      const { id, olds, news } = await ongoingCampaign();
      await emulator.fault({
        type: resume === "fails" ? "503" : "commit-then-drop",
        method: "POST",
        path: "/v3/campaigns/*/resume",
        count: 1,
      });
      await emulator.fault({ type: "503", method: "GET", path: "/v3/campaigns/*", count: 100 });
      const error = await failure(provider.update(id, olds, news));
      assert.match(error.message, /^\[vox:RESUME_FAILED\].*its status could not be read: run `pulumi up` again, which resumes it/);
      await emulator.clearFaults();
      assert.strictEqual((await emulator.campaign(id)).status, resume === "fails" ? "paused" : "ongoing");
      const state = await upAgain(id, stateAfter(error, olds), news);
      assert.strictEqual((await endsAsDeclared(id, state, news)).status, "ongoing");
      assert.strictEqual(await endMinute(id), 660);
    });
  }

  it("a failed resume of a campaign declared running again: `pulumi up` again resumes it", async () => {
    const created = await provider.create(await checked(rawInputs({ paused: true })));
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const olds = created.outs as Outs;
    const news = await checked(rawInputs({ paused: false }), olds);
    await emulator.fault({ type: "503", method: "POST", path: "/v3/campaigns/*/resume", count: 100 });
    const error = await failure(provider.update(created.id, olds, news));
    assert.match(error.message, /POST \/v3\/campaigns\/\S+\/resume failed: vox API 503/);

    await emulator.clearFaults();
    const state = await upAgain(created.id, stateAfter(error, olds), news);
    assert.strictEqual((await endsAsDeclared(created.id, state, news)).status, "ongoing");
  });

  it("a failed cancel: `pulumi destroy` again cancels the campaign once", async () => {
    const { id, outs } = await provider.create(await checked(rawInputs()));
    await emulator.fault({ type: "503", method: "POST", path: "/v3/campaigns/*/cancel", count: 100 });
    const error = await failure(provider.delete(id, outs as Outs));
    assert.match(error.message, /POST \/v3\/campaigns\/\S+\/cancel failed: vox API 503/);
    assert.strictEqual((await emulator.campaign(id)).status, "pending");

    await emulator.clearFaults();
    await emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v3/campaigns/*/cancel", count: 1 });
    await provider.delete(id, outs as Outs);
    assert.strictEqual((await emulator.campaign(id)).status, "canceled");
    assert.strictEqual(await emulator.campaignCount(), 1);
  });

  it("the create journal cannot be written: nothing is sent, and after the advised fix `pulumi up` creates the campaign once", async () => {
    // A file where the journal's directory must go: the advice is to make Pulumi's home writable.
    fs.writeFileSync(path.join(home(), "vox"), "");
    const news = await checked(rawInputs());
    const error = await failure(provider.create(news));
    assert.match(error.message, /^\[vox:SETTINGS\] the create was not sent: recording it in .*vox.*failed .*run `pulumi up` again/);
    assert.strictEqual(await emulator.campaignCount(), 0);

    fs.rmSync(path.join(home(), "vox"));
    const { id, outs } = await provider.create(news);
    await endsAsDeclared(id, outs as Outs, news);
  });

  it("a journal entry that cannot be removed after the answer does not lose the campaign the answer created", async () => {
    const news = await checked(rawInputs());
    const journal = new CreateJournal(new URL(emulator.url).origin, AGENT_ID, news.name as string, systemClock);
    journal.sending();
    const directory = path.join(home(), "vox", "creates-in-flight");
    const [entry] = fs.readdirSync(directory);
    // A non-empty directory where the entry was: removing it fails.
    fs.rmSync(path.join(directory, entry));
    fs.mkdirSync(path.join(directory, entry, "x"), { recursive: true });
    assert.doesNotThrow(() => journal.settled());
  });

  it("a rate limit that outlasts the retries: the error names the request, and `pulumi up` again creates the campaign once", async () => {
    await emulator.fault({ type: "429", method: "POST", path: "/v2/campaigns", retryAfterSec: 1, count: 1000 });
    const news = await checked(rawInputs());
    const error = await failure(provider.create(news));
    assert.match(
      error.message,
      /^vox API 429 RATE_LIMITED: POST \/v2\/campaigns was still refused .*nothing was done.*run `pulumi up` again/,
    );
    assert.strictEqual(await emulator.campaignCount(), 0);

    await emulator.clearFaults();
    const { id, outs } = await provider.create(news);
    await endsAsDeclared(id, outs as Outs, news);
  });

  it("CREATE_UNCERTAIN, none found: `pulumi up` again creates the campaign once", async () => {
    await emulator.fault({ type: "503", method: "POST", path: "/v2/campaigns", count: 1000 });
    const news = await checked(rawInputs());
    const error = await failure(provider.create(news));
    assert.match(error.message, /^\[vox:CREATE_UNCERTAIN\].*none was created as far as the API shows\. Run `pulumi up` again/);

    await emulator.clearFaults();
    const { id, outs } = await provider.create(news);
    await endsAsDeclared(id, outs as Outs, news);
  });

  it("CAMPAIGN_EXISTS (an earlier run's campaign, an exact name): `adoptId` set to it and `pulumi up` again adopts it, once", async () => {
    const declared = { name: "Spring promo", exactName: true, nameMarker: null };
    const earlier = await provider.create(await checked(rawInputs(declared)));
    // The earlier run stopped before recording it: this run has no state for the resource.
    const error = (await failure(provider.create(await checked(rawInputs(declared))))) as Failure & { details?: { candidates?: string[] } };
    assert.match(error.message, /^\[vox:CAMPAIGN_EXISTS\].*set `adoptId` to its id and run `pulumi up` again/);
    assert.deepStrictEqual(error.details!.candidates, [earlier.id]);

    const news = await checked(rawInputs({ ...declared, adoptId: earlier.id }));
    const { id, outs } = await provider.create(news);
    assert.strictEqual(id, earlier.id);
    await endsAsDeclared(id, outs as Outs, news);
  });

  it("CREATE_UNCERTAIN naming a candidate (an exact name): `adoptId` set to it and `pulumi up` again adopts it, once", async () => {
    await emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v2/campaigns", count: 1 });
    const declared = { name: "Spring promo", exactName: true, nameMarker: null };
    const error = (await failure(provider.create(await checked(rawInputs(declared))))) as Failure & { details?: { candidates?: string[] } };
    assert.match(error.message, /^\[vox:CREATE_UNCERTAIN\].*set `adoptId` to its id and run `pulumi up` again/);
    const [candidate] = error.details!.candidates!;

    const news = await checked(rawInputs({ ...declared, adoptId: candidate }));
    const { id, outs } = await provider.create(news);
    assert.strictEqual(id, candidate);
    await endsAsDeclared(id, outs as Outs, news);
  });
});
