import * as assert from "assert";
import { restoreEnvAfterEach, useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { checked, configureProvider, provider } from "../support/provider";

const WRONG_KEY = "wrong-key-do-not-print";

describe("a key the API refuses (401)", () => {
  const emulator = useProviderEmulator({ perFile: true });
  restoreEnvAfterEach("VOX_API_KEY");

  const refusal = async () => {
    const inputs = await checked(rawInputs());
    const error = await provider.create(inputs).then(
      () => assert.fail("the create succeeded with a wrong key"),
      (e: Error) => e,
    );
    assert.strictEqual(await emulator.campaignCount(), 0);
    assert.ok(!error.message.includes(WRONG_KEY), "the key is never printed");
    return error.message;
  };

  it("says the key came from the stack config, both ways to set one, and how refresh and destroy pick up a new one", async () => {
    await configureProvider(emulator.url, { "vox:apiKey": WRONG_KEY });
    const message = await refusal();
    assert.match(
      message,
      /^\[vox:SETTINGS\] the vox API refused the API key \(401 UNAUTHORIZED\); the key came from the stack config vox:apiKey\./,
    );
    assert.match(message, /pulumi config set --secret vox:apiKey <key>` or in the VOX_API_KEY environment variable/);
    assert.match(
      message,
      /`pulumi refresh` and `pulumi destroy` still send the key stored with the stack's last update: run them with `--run-program`/,
    );
  });

  it("says the key came from VOX_API_KEY when the stack config has none", async () => {
    process.env.VOX_API_KEY = WRONG_KEY;
    await configureProvider(emulator.url, { "vox:apiKey": "" });
    assert.match(await refusal(), /the key came from the VOX_API_KEY environment variable\./);
  });
});
