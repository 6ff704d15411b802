import * as assert from "assert";
import { useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

const CREATES = 40;

/**
 * Issue 23: the default pace is the API's published 5 requests/s (docs/vox-api.md: bursts of 10), here
 * against the emulator's real limit of that rate. The request log counts every request as it arrives,
 * before the limit answers 429, so a 429 shows as a retried request beyond the N + 1 a create of N needs.
 */
describe("the API's published pace (issue 23)", () => {
  const emulator = useProviderEmulator({ emulator: { rateLimit: { perSecond: 5, burst: 10 } } });

  it(`${CREATES} creates at once, a burst and then a steady stream at 5/s: no request answered 429`, async () => {
    const inputs = await Promise.all(
      Array.from({ length: CREATES }, (_, i) => checked(rawInputs({ name: `paced-${i}-0a0a0${i % 10}`, nameMarker: `0a0a0${i % 10}` }))),
    );
    await Promise.all(inputs.map((input) => provider.create(input)));
    assert.deepStrictEqual(await emulator.requests(), { "POST /v2/campaigns/list": 1, "POST /v2/campaigns": CREATES });
    assert.strictEqual(await emulator.campaignCount(), CREATES);
  });
});
