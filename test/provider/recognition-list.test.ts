import * as assert from "assert";
import { useProviderEmulator } from "../support/hooks";
import { campaignBody, rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

const QUICK = { "vox:timeoutSeconds": "1", "vox:createLookupSeconds": "1", "vox:retryBudgetSeconds": "20" };

/** Inputs as vox.Campaign records them for a resource named `resource` without `name`: its autoname and marker. */
function autonamed(resource: string, marker: string, overrides: Record<string, unknown> = {}) {
  return rawInputs({ name: `${resource}-${marker}`, nameMarker: marker, ...overrides });
}

/**
 * Issue 23: the create-time recognition list is read once per agent per provider process (one configure,
 * as in a provider host), with what the process creates added to it; candidates and lost answers still
 * read the list afresh, so no create is doubled or adopted from an old reading.
 */
describe("the recognition list, once per provider process (issue 23)", () => {
  const emulator = useProviderEmulator({ config: QUICK });
  const create = async (inputs: Record<string, unknown>) => provider.create(await checked(inputs));
  const counts = async () => emulator.requests();
  /** A campaign matching `rawInputs` made through the API, as an earlier run (or anything but this process) would. */
  const madeElsewhere = async (name: string) => {
    const body = campaignBody({ name, concurrency: 2, tasks: [{ call_to: "01012345678" }, { call_to: "01023456789" }] });
    return (await emulator.api("POST", "/v2/campaigns", body)).body as { id: string };
  };

  it("an up of N creates makes N + 1 requests: one list, N POSTs", async () => {
    for (let i = 0; i < 5; i++) await create(autonamed(`reminder-${i}`, `00000${i}`));
    assert.deepStrictEqual(await counts(), { "POST /v2/campaigns/list": 1, "POST /v2/campaigns": 5 });
    assert.strictEqual(await emulator.campaignCount(), 5);
  });

  it("creates in parallel share the one list request", async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => create(autonamed(`parallel-${i}`, `10000${i}`))));
    assert.deepStrictEqual(await counts(), { "POST /v2/campaigns/list": 1, "POST /v2/campaigns": 8 });
  });

  it("what this process created is known without asking: a second resource of the same exact name stops (CAMPAIGN_EXISTS)", async () => {
    const first = await create(rawInputs({ exactName: true }));
    await assert.rejects(create(rawInputs({ exactName: true })), new RegExp(`CAMPAIGN_EXISTS.*${first.id}`));
    assert.strictEqual(await emulator.campaignCount(), 1);
  });

  it("a campaign this process renamed is known under its new name", async () => {
    const inputs = await checked(rawInputs({ name: "Before", exactName: true }));
    const made = await provider.create(inputs);
    const renamed = await checked(rawInputs({ name: "After", exactName: true }), inputs);
    await provider.update(made.id, made.outs, renamed);
    await assert.rejects(create(rawInputs({ name: "After", exactName: true })), new RegExp(`CAMPAIGN_EXISTS.*${made.id}`));
    assert.strictEqual(await emulator.campaignCount(), 1);
  });

  it("a candidate the list showed earlier is read afresh: one canceled since (a replace) is not adopted, and a new one is created", async () => {
    // An earlier run's campaign of this autoname, matching the declaration, seen by the list of the first create.
    const inputs = autonamed("replaced", "abcdef");
    const earlier = await madeElsewhere("replaced-abcdef");
    await create(autonamed("other", "fedcba"));
    // Canceled after that list was read (as a replace cancels the old campaign before creating its successor).
    await emulator.api("POST", `/v3/campaigns/${earlier.id}/cancel`);
    await emulator.resetRequests();
    const { id } = await create(inputs);
    assert.notStrictEqual(id, earlier.id);
    assert.deepStrictEqual(await counts(), { "POST /v2/campaigns/list": 1, "POST /v2/campaigns": 1 });
  });

  it("the limit, stated: a campaign something else makes after the list was read is not seen (for a marked name nothing else can: Pulumi's stack lock)", async () => {
    await create(autonamed("other", "fedcba"));
    const earlier = await madeElsewhere("kept-123abc");
    // The list read by the first create predates this campaign: only a fresh list may show it, and here the
    // first create's list is all there is, so it is created anew (what Pulumi's stack lock makes impossible
    // for a marked name: nothing but this stack's run makes a campaign of it).
    await emulator.resetRequests();
    const made = await create(autonamed("kept", "123abc"));
    assert.notStrictEqual(made.id, earlier.id);
    assert.deepStrictEqual(await counts(), { "POST /v2/campaigns": 1 });
  });

  it("a POST whose answer is lost is followed by fresh lists: the campaign it made is adopted, never POSTed again", async () => {
    await create(autonamed("first", "aaaaaa"));
    await emulator.resetRequests();
    await emulator.fault({ type: "commit-then-drop", method: "POST", path: "/v2/campaigns", count: 1 });
    const made = await create(autonamed("second", "bbbbbb"));
    assert.strictEqual((await emulator.campaign(made.id)).name, "second-bbbbbb");
    const requests = await counts();
    assert.strictEqual(requests["POST /v2/campaigns"], 1);
    assert.ok(requests["POST /v2/campaigns/list"] >= 1, "looked up with a fresh list");
    assert.strictEqual(await emulator.campaignCount(), 2);
  });

  it("a list that fails is not kept: the next create reads it again", async () => {
    await emulator.configure({ "vox:maxRetries": "0" });
    await emulator.fault({ type: "500", method: "POST", path: "/v2/campaigns/list", count: 1 });
    await assert.rejects(create(autonamed("failed", "cccccc")));
    await create(autonamed("failed", "cccccc"));
    assert.deepStrictEqual(await counts(), { "POST /v2/campaigns/list": 2, "POST /v2/campaigns": 1 });
  });
});
