import * as assert from "assert";
import { checkedInputs } from "../../provider/runtime/controller";
import { ManualClock } from "../support/clock";
import { controllerOn } from "../support/controller";
import { MONDAY_07_KST, UNTIL_WINDOW_OPENS } from "../support/emulator";
import { useProviderEmulator } from "../support/hooks";
import { AGENT_ID, campaignBody, rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

/** Names of the autoname form (`<resource>-<6 hex>`): a campaign of that name is certainly its resource's. */
const AUTONAME = "renewal-reminder-0a1b2c";
/** What vox.Campaign records for a resource without `name`: the autoname, and the marker it carries. */
const AUTONAMED = { name: AUTONAME, nameMarker: "0a1b2c" };
const OTHER_KEY = "other-organization-key";
const QUICK = { "vox:timeoutSeconds": "1", "vox:createLookupSeconds": "1", "vox:retryBudgetSeconds": "20" };

/** Issue 9: each way a create or an update could call people twice, or leave them uncalled, as a regression test. */
describe("exactly once (issue 9)", () => {
  const emulator = useProviderEmulator({ emulator: { otherApiKeys: [OTHER_KEY] }, config: QUICK });

  const createWith = async (overrides: Record<string, unknown> = {}) => provider.create(await checked(rawInputs(overrides)));
  /**
   * A create by the controller on a ManualClock at MONDAY_07_KST, for a lost answer whose lookup window
   * the test does not wait for in real time ("a slow commit" waits a real one).
   */
  const createOnClock = async (overrides: Record<string, unknown> = {}) =>
    controllerOn(emulator.url, new ManualClock(MONDAY_07_KST), QUICK).create(checkedInputs(rawInputs(overrides)));
  /** A campaign made through the API, as an earlier `pulumi up` killed before writing state would have left it. */
  const leftByEarlierRun = async (overrides: Record<string, unknown> = {}) => {
    const body = campaignBody({
      name: AUTONAME,
      concurrency: 2,
      tasks: [{ call_to: "01012345678" }, { call_to: "01023456789" }],
      ...overrides,
    });
    return (await emulator.api("POST", "/v2/campaigns", body)).body as { id: string };
  };
  const posts = async () => (await emulator.requests())["POST /v2/campaigns"] ?? 0;

  describe("1. every POST follows the same rule", () => {
    it("first POST refused (503), second POST loses its answer: the campaign is found and adopted, never a third POST", async () => {
      await emulator.fault({ type: "503", method: "POST", path: "/v2/campaigns", count: 1 });
      await emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v2/campaigns", count: 1 });
      const { id } = await createOnClock(AUTONAMED);
      assert.strictEqual(await emulator.campaignCount(), 1);
      assert.strictEqual(await posts(), 2);
      assert.strictEqual((await emulator.campaign(id)).name, AUTONAME);
    });

    it("a lost answer is found whatever the API's clock says: here it runs 10 minutes behind ours", async () => {
      await emulator.restart({ startTime: MONDAY_07_KST - 10 * 60_000 });
      await emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v2/campaigns", count: 1 });
      const { id } = await createOnClock(AUTONAMED);
      assert.strictEqual(await emulator.campaignCount(), 1);
      assert.strictEqual(await posts(), 1);
      assert.strictEqual((await emulator.campaign(id)).name, AUTONAME);
    });

    it("the same with an explicit name: stops with CREATE_UNCERTAIN naming the campaign, and the next create does not make a second", async () => {
      await emulator.fault({ type: "reset", method: "POST", path: "/v2/campaigns", count: 1 });
      await emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v2/campaigns", count: 1 });
      const error = await createOnClock().then(
        () => assert.fail("created"),
        (e: Error) => e,
      );
      const [made] = (await emulator.api("GET", "/v3/campaigns")).body.items;
      assert.match(error.message, /^\[vox:CREATE_UNCERTAIN\] creating campaign "Renewal reminder" got no answer/);
      assert.ok(error.message.includes(made.id), "names the campaign found");
      assert.match(error.message, /set `adoptId`/);
      await assert.rejects(createWith(), new RegExp(`\\[vox:CAMPAIGN_EXISTS\\].*${made.id}`));
      assert.strictEqual(await emulator.campaignCount(), 1);
    });
  });

  describe("2. a lookup adopts only this resource's campaign", () => {
    it("a second resource with the same explicit name, agent and task count but other people: stops, listing the candidate and how to claim it", async () => {
      const first = await createWith();
      const error = await createWith({ tasks: [{ callTo: "01055556666" }, { callTo: "01077778888" }] }).then(
        () => assert.fail("created"),
        (e: Error) => e,
      );
      assert.match(error.message, /^\[vox:CAMPAIGN_EXISTS\] not creating campaign "Renewal reminder"/);
      assert.match(
        error.message,
        new RegExp(`${first.id} \\(status pending, 2 calls, created ${new Date(MONDAY_07_KST).toISOString()}\\)`),
      );
      assert.match(error.message, /`adoptId`/);
      assert.strictEqual(await emulator.campaignCount(), 1);
    });

    it("with autonames the two resources' campaigns never mix: a lost create of the second is not taken for the first", async () => {
      const first = await createWith({ name: "renewal-a-111111" });
      await emulator.fault({ type: "reset", method: "POST", path: "/v2/campaigns", count: 1 });
      const second = await createOnClock({ name: "renewal-b-222222", tasks: [{ callTo: "01055556666" }, { callTo: "01077778888" }] });
      assert.notStrictEqual(second.id, first.id);
      assert.strictEqual(await emulator.campaignCount(), 2);
    });

    it("two unfinished campaigns of this autoname: neither is adopted, both are listed", async () => {
      const a = await leftByEarlierRun();
      const b = await leftByEarlierRun();
      await assert.rejects(
        createWith(AUTONAMED),
        (e: Error) => /CAMPAIGN_EXISTS.*more than one candidate/.test(e.message) && e.message.includes(a.id) && e.message.includes(b.id),
      );
      assert.strictEqual(await posts(), 2, "only the two the test made");
    });
  });

  describe("3. a killed `pulumi up` is recognised on the next run", () => {
    it("adopts the campaign an earlier run created under this resource's autoname: one list request, no POST", async () => {
      const earlier = await leftByEarlierRun();
      await emulator.resetRequests();
      const { id } = await createWith(AUTONAMED);
      assert.strictEqual(id, earlier.id);
      assert.deepStrictEqual(await emulator.requests(), { "POST /v2/campaigns/list": 1 });
    });

    it("stops, naming it, when that campaign differs from the declaration (here its concurrency)", async () => {
      const earlier = await leftByEarlierRun({ concurrency: 7 });
      await assert.rejects(createWith(AUTONAMED), new RegExp(`CAMPAIGN_EXISTS.*${earlier.id}.*differs from the declaration`));
      assert.strictEqual(await emulator.campaignCount(), 1);
    });

    it("ignores finished campaigns of the name (a replaced campaign, canceled before its successor is created)", async () => {
      const old = await leftByEarlierRun();
      await emulator.api("POST", `/v3/campaigns/${old.id}/cancel`);
      const { id } = await createWith(AUTONAMED);
      assert.notStrictEqual(id, old.id);
    });
  });

  describe("3b. upgrading renames nothing; only the program's record makes a name this resource's (issue 18.3)", () => {
    /** Inputs as pulumi-vox 0.1.0 recorded them for `new vox.Campaign("spring-sale", {...})` without `name`. */
    const recorded010 = { ...rawInputs({ name: "spring-sale" }), taskCount: 2, tasksDigest: "sha256:recorded" };
    /** Inputs as state version 4 recorded a declared name, sent as written. */
    const recordedV4 = { ...rawInputs({ name: "Spring sale" }), taskCount: 2, tasksDigest: "sha256:recorded" };

    it("check keeps the old default name when the new default is its autoname, recorded as carrying no marker", async () => {
      const inputs = await checked(rawInputs({ name: "spring-sale-d2442e", nameMarker: "d2442e" }), recorded010);
      assert.deepStrictEqual([inputs.name, inputs.nameMarker], ["spring-sale", null]);
    });

    it("check keeps a name declared before markers existed, and keeps it on the runs after", async () => {
      const inputs = await checked(rawInputs({ name: "Spring sale [d2442e]", nameMarker: "d2442e" }), recordedV4);
      assert.deepStrictEqual([inputs.name, inputs.nameMarker], ["Spring sale", null]);
      const again = await checked(rawInputs({ name: "Spring sale [d2442e]", nameMarker: "d2442e" }), { ...recordedV4, ...inputs });
      assert.deepStrictEqual([again.name, again.nameMarker], ["Spring sale", null]);
    });

    it("a resource renamed through aliases keeps the marker it recorded, so its campaign is not renamed", async () => {
      const recorded = {
        ...rawInputs({ name: "Spring sale [d2442e]", nameMarker: "d2442e" }),
        taskCount: 2,
        tasksDigest: "sha256:recorded",
      };
      const aliased = await checked(rawInputs({ name: "Spring sale [7c1bbe]", nameMarker: "7c1bbe" }), recorded);
      assert.deepStrictEqual([aliased.name, aliased.nameMarker], ["Spring sale [d2442e]", "d2442e"]);
      const renamed = await checked(rawInputs({ name: "Autumn sale [7c1bbe]", nameMarker: "7c1bbe" }), recorded);
      assert.deepStrictEqual([renamed.name, renamed.nameMarker], ["Autumn sale [d2442e]", "d2442e"]);
    });

    it("a declared rename is applied (newsletter → newsletter-202605), and so is another resource's autoname", async () => {
      const recorded = { ...recorded010, name: "newsletter" };
      assert.strictEqual(
        (await checked(rawInputs({ name: "newsletter-202605", exactName: true, nameMarker: null }), recorded)).name,
        "newsletter-202605",
      );
      assert.strictEqual(
        (await checked(rawInputs({ name: "newsletter-202605 [d2442e]", nameMarker: "d2442e" }), recorded)).name,
        "newsletter-202605 [d2442e]",
      );
      assert.strictEqual(
        (await checked(rawInputs({ name: "autumn-sale-d2442e", nameMarker: "d2442e" }), recorded010)).name,
        "autumn-sale-d2442e",
      );
    });

    it("a name that merely looks like an autoname (spring-202604) is not this resource's: a matching campaign is never adopted", async () => {
      const other = (
        await emulator.api("POST", "/v2/campaigns", {
          name: "spring-202604",
          agent_id: AGENT_ID,
          call_from: "0212345678",
          concurrency: 2,
          tasks: [{ call_to: "01055556666" }, { call_to: "01077778888" }],
        })
      ).body as { id: string };
      const error = await createWith({ name: "spring-202604", exactName: true, nameMarker: null }).then(
        () => assert.fail("created or adopted"),
        (e: Error) => e,
      );
      assert.match(error.message, new RegExp(`CAMPAIGN_EXISTS.*${other.id}.*another stack's`));
      assert.strictEqual(await emulator.campaignCount(), 1);
    });
  });

  describe("4. a slow commit", () => {
    it("commits after the timeout: the lookups keep going for vox:createLookupSeconds and find it", async () => {
      await emulator.configure({ "vox:createLookupSeconds": "3" });
      await emulator.fault({ type: "slow-commit", commitAfterMs: 2000, method: "POST", path: "/v2/campaigns", count: 1 });
      await createWith(AUTONAMED);
      assert.strictEqual(await emulator.campaignCount(), 1);
      assert.strictEqual(await posts(), 1);
    });

    it("when the lookups themselves fail, stops with CREATE_UNCERTAIN rather than posting again", async () => {
      await emulator.fault({ type: "latency", latencyMs: 1500, method: "POST", path: "/v2/campaigns", count: 1 });
      const pending = createOnClock(AUTONAMED).then(
        () => assert.fail("created"),
        (e: Error) => e,
      );
      await new Promise((r) => setTimeout(r, 400)); // the recognition lookup is done; the POST is in flight
      await emulator.fault({ type: "503", method: "POST", path: "/v2/campaigns/list", count: 1000 });
      const error = await pending;
      assert.match(error.message, /^\[vox:CREATE_UNCERTAIN\].*looking it up failed.*Do not run `pulumi up` again until you know/);
      assert.strictEqual(await posts(), 1);
    });
  });

  describe("5. pause, PATCH, resume continue from the campaign's real status", () => {
    async function ongoingCampaign() {
      const { id, outs } = await createWith({
        name: AUTONAME,
        tasks: Array.from({ length: 20 }, (_, i) => ({ callTo: `0101234${String(i).padStart(4, "0")}` })),
      });
      await emulator.advance(UNTIL_WINDOW_OPENS);
      const ongoing = (await provider.read(id, outs as Record<string, unknown>)).props!;
      assert.strictEqual(ongoing.status, "ongoing");
      return {
        id,
        ongoing,
        inputs: await checked(
          rawInputs({
            name: "renamed-0a1b2c",
            tasks: Array.from({ length: 20 }, (_, i) => ({ callTo: `0101234${String(i).padStart(4, "0")}` })),
          }),
        ),
      };
    }

    it("a lost pause answer: the campaign is renamed and running again, not left paused", async () => {
      const { id, ongoing, inputs } = await ongoingCampaign();
      await emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v3/campaigns/*/pause", count: 1 });
      const { outs } = await provider.update(id, ongoing, inputs);
      const campaign = await emulator.campaign(id);
      assert.strictEqual(campaign.status, "ongoing");
      assert.strictEqual(campaign.name, "renamed-0a1b2c");
      assert.strictEqual(outs!.status, "ongoing");
    });

    it("a lost resume answer: the update succeeds, since the campaign is running", async () => {
      const { id, ongoing, inputs } = await ongoingCampaign();
      await emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v3/campaigns/*/resume", count: 1 });
      const { outs } = await provider.update(id, ongoing, inputs);
      assert.strictEqual(outs!.status, "ongoing");
      assert.strictEqual((await emulator.campaign(id)).status, "ongoing");
    });

    it("a resume that really fails says the campaign is still paused", async () => {
      const { id, ongoing, inputs } = await ongoingCampaign();
      await emulator.configure({ "vox:retryBudgetSeconds": "1" });
      await emulator.fault({ type: "503", method: "POST", path: "/v3/campaigns/*/resume", count: 10 });
      await assert.rejects(provider.update(id, ongoing, inputs), /\[vox:RESUME_FAILED\].*it is still paused/);
      assert.strictEqual((await emulator.campaign(id)).status, "paused");
    });

    it("after RESUME_FAILED, state says paused, so the `pulumi up` it advises resumes the campaign (issue 18.5)", async () => {
      const { id, ongoing, inputs } = await ongoingCampaign();
      await emulator.fault({ type: "503", method: "POST", path: "/v3/campaigns/*/resume", count: 1 });
      const error = (await provider.update(id, ongoing, inputs).then(
        () => assert.fail("updated"),
        (e: Error) => e,
      )) as Error & { id?: string; properties?: Record<string, unknown> };
      assert.match(error.message, /\[vox:RESUME_FAILED\].*it is still paused/);
      assert.strictEqual(error.id, id, "the engine records the outputs the error carries");
      assert.deepStrictEqual(
        [error.properties?.paused, error.properties?.status, error.properties?.name],
        [true, "paused", "renamed-0a1b2c"],
      );
      const again = await provider.diff(id, error.properties!, inputs);
      assert.strictEqual(again.changes, true, "the re-run's preview shows the resume");
      const resumed = await provider.update(id, error.properties!, inputs);
      assert.strictEqual((await emulator.campaign(id)).status, "ongoing");
      assert.strictEqual(resumed.outs!.paused, false);
    });

    it("a pause that never takes: PAUSE_FAILED saying the campaign is still ongoing and unchanged", async () => {
      const { id, ongoing, inputs } = await ongoingCampaign();
      await emulator.configure({ "vox:retryBudgetSeconds": "1" });
      await emulator.fault({ type: "reset", method: "POST", path: "/v3/campaigns/*/pause", count: 10 });
      await assert.rejects(provider.update(id, ongoing, inputs), /\[vox:PAUSE_FAILED\].*it is ongoing and unchanged/);
      assert.strictEqual((await emulator.campaign(id)).name, AUTONAME);
    });
  });

  describe("6. another organization's key", () => {
    it("destroy refuses to forget a running campaign, naming where the key came from", async () => {
      const { id, outs } = await createWith(AUTONAMED);
      await emulator.configure({ "vox:apiKey": OTHER_KEY });
      await assert.rejects(provider.delete(id, outs as Record<string, unknown>), /\[vox:WRONG_ORGANIZATION\].*the stack config vox:apiKey/);
      assert.strictEqual((await emulator.campaign(id)).status, "pending");
    });

    it("the redial guard refuses a replace instead of taking the 404 for a campaign that placed no call", async () => {
      const { id, outs } = await createWith(AUTONAMED);
      await emulator.configure({ "vox:apiKey": OTHER_KEY });
      const news = await checked(rawInputs({ ...AUTONAMED, tasks: [{ callTo: "01099998888" }] }));
      await assert.rejects(provider.diff(id, outs, news), /\[vox:WRONG_ORGANIZATION\]/);
    });
  });

  describe("7. a rate limit", () => {
    it("100 concurrent creates against a rate limit they exceed: all succeed, no duplicate", async () => {
      // The rate limit's one test in real time (the API's limit is real time): 200 requests at 50/s.
      await emulator.restart({ rateLimit: { perSecond: 50, burst: 10 } });
      // Paced above the limit on purpose: the 429s must slow the shared pacer down, not fail creates.
      // A POST's answer may take more than QUICK's second on a busy machine: the timeout is not the subject here.
      await emulator.configure({ "vox:requestsPerSecond": "100", "vox:retryBudgetSeconds": "60", "vox:timeoutSeconds": "30" });
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => createWith({ name: `bulk-${i}-${(0xa00000 + i).toString(16)}` })),
      );
      assert.strictEqual(new Set(results.map((r) => r.id)).size, 100);
      // The emulator's own list is rate limited too: wait for a token, as any client would.
      let listed = await emulator.api("POST", "/v2/campaigns/list", { limit: 500 });
      while (listed.status === 429) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        listed = await emulator.api("POST", "/v2/campaigns/list", { limit: 500 });
      }
      assert.strictEqual(listed.body.total_count, 100);
      assert.ok((await emulator.requests())["POST /v2/campaigns"] >= 100);
    });
  });
});
