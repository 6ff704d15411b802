import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as vox from "../../provider";
import { TEST_API_KEY, UNTIL_WINDOW_OPENS } from "../support/emulator";
import { useEmulatorEnvironment, useProviderEmulator } from "../support/hooks";
import { AGENT_ID, rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

/** Reading campaigns without managing them: getCampaign(Output), the provider's read of Campaign.get, and the import option. */
describe("reading without managing", () => {
  const emulator = useProviderEmulator();
  let id: string;
  beforeEach(async () => {
    await emulator.advance(UNTIL_WINDOW_OPENS);
    id = (await provider.create(await checked(rawInputs({ presentationNumber: undefined })))).id as string;
    await emulator.api("POST", `/v3/campaigns/${id}/pause`);
    await emulator.resetRequests();
  });

  describe("getCampaign", () => {
    // The stack's vox:* configuration, as `pulumi config set` gives it to a program.
    beforeEach(() => pulumi.runtime.setAllConfig({ "vox:apiKey": TEST_API_KEY, "vox:baseUrl": emulator.url }, ["vox:apiKey"]));
    afterEach(() => pulumi.runtime.setAllConfig({}));

    it("returns the campaign's fields (camelCase, windows as HH:MM, the user's pause) with one GET and no API key", async () => {
      const campaign = await vox.getCampaign({ id });
      assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 1 });
      assert.strictEqual(campaign.id, id);
      assert.strictEqual(campaign.name, "Renewal reminder");
      assert.strictEqual(campaign.agentId, AGENT_ID);
      assert.strictEqual(campaign.callFrom, "0212345678");
      assert.strictEqual(campaign.concurrency, 2);
      assert.strictEqual(campaign.status, "paused");
      assert.strictEqual(campaign.paused, true);
      assert.deepStrictEqual(campaign.callTimeWindow?.windows[0], {
        days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        start: "09:00",
        end: "12:00",
      });
      assert.ok(!JSON.stringify(campaign).includes(TEST_API_KEY));
      assert.ok(!("fromNumber" in campaign));
    });

    describe("without stack config", () => {
      useEmulatorEnvironment(emulator);
      beforeEach(() => pulumi.runtime.setAllConfig({}));

      it("falls back to VOX_API_KEY and VOX_BASE_URL, as the provider does", async () => {
        assert.strictEqual((await vox.getCampaign({ id })).id, id);
      });
    });

    it("an unknown id is the API's 404", async () => {
      await assert.rejects(vox.getCampaign({ id: "no-such-campaign" }), /vox API 404/);
    });

    it("getCampaignOutput takes an Output id and resolves to the same fields", async () => {
      const output = vox.getCampaignOutput({ id: pulumi.output(Promise.resolve(id)) });
      const campaign = await new Promise<vox.GetCampaignResult>((resolve) => output.apply(resolve));
      assert.strictEqual(campaign.id, id);
      assert.strictEqual(campaign.paused, true);
    });
  });

  describe("the provider's read for Campaign.get (nothing recorded but the resource name)", () => {
    it("takes every field from the campaign with one GET", async () => {
      const read = await provider.read(id, { name: "my-read-only-name" });
      assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 1 });
      const props = read.props as Record<string, unknown>;
      assert.strictEqual(props.name, "Renewal reminder");
      assert.strictEqual(props.agentId, AGENT_ID);
      assert.strictEqual(props.callFrom, "0212345678");
      assert.strictEqual(props.agentVersion, "production");
      assert.strictEqual(props.concurrency, 2);
      assert.strictEqual(props.presentationNumber, null);
      assert.strictEqual(props.paused, true);
      assert.strictEqual(props.status, "paused");
      assert.strictEqual((props.callTimeWindow as { timezone: string }).timezone, "Asia/Seoul");
      // A second read (a refresh) goes the usual way and keeps the same fields.
      const again = (await provider.read(id, props)).props as Record<string, unknown>;
      assert.strictEqual(again.agentId, AGENT_ID);
    });
  });
});

describe("vox.Campaign with the import option", () => {
  it("fails at once with a message pointing to adoptId and Campaign.get, never reaching Pulumi's import", () => {
    assert.throws(
      () =>
        new vox.Campaign(
          "spring-sale",
          { agentId: AGENT_ID, callFrom: "0212345678", tasks: [{ callTo: "01012345678" }] },
          { import: "c0ffee-1" },
        ),
      (error: Error) => {
        assert.match(error.message, /^\[vox:IMPORT_OPTION\]/);
        assert.match(error.message, /adoptId: "c0ffee-1"/);
        assert.match(error.message, /vox\.Campaign\.get\("spring-sale", "c0ffee-1"\)/);
        return true;
      },
    );
  });
});
